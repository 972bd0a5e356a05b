#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/e2e/oom_events.sh — a real OOM kill, seen by `oomtop --events` and `--follow`.
#
# Makes a memory cgroup under the test's own (cgroup v1 memory controller, or v2 where the
# memory controller can be enabled below us), limits it to 32 MiB, runs tests/e2e/oom_hog
# there until the kernel kills it, and checks that:
#   - `oomtop --events --format json` reports that pid, its task_memcg and its RSS in bytes
#     (anon RSS between half the cgroup's peak usage and the peak), schema 2, source kernel;
#   - `oomtop --events --follow`, started before the kill, prints it within 2 seconds;
#   - the text format names the pid, and every JSON line is valid JSON (when python3 exists);
#   - without /dev/kmsg (a mount namespace) the klogctl fallback reports it too;
#   - `--kmsg -` reads stdin; a missing file is exit 1;
#   - without permission (dmesg_restrict=1, run as nobody) it exits 1 and says why.
# Skips (77) with the reason when not root or no writable memory cgroup. Removes the cgroup.
set -u
OOMTOP=${OOMTOP:-./oomtop}
BUILDDIR=${BUILDDIR:-.}
SRCDIR=${SRCDIR:-.}
HOG=$BUILDDIR/tests/e2e/oom_hog
LIMIT=$((32 * 1024 * 1024))

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || skip "needs root to make a memory cgroup and read /dev/kmsg"
[ -x "$OOMTOP" ] || fail "no oomtop binary at $OOMTOP"
[ -x "$HOG" ] || fail "no helper at $HOG"
[ -r /dev/kmsg ] || skip "/dev/kmsg is not readable here"

# --- find our own memory cgroup and make a child --------------------------------------------
v1_rel=$(awk -F: '$2 ~ /(^|,)memory(,|$)/ {print $3; exit}' /proc/self/cgroup)
if [ -n "$v1_rel" ]; then
	mnt=$(awk '{ for (i = 1; i <= NF; i++) if ($i == "-") break;
	             if ($(i+1) == "cgroup" && $(i+3) ~ /(^|,)memory(,|$)/) { print $5; exit } }' \
	      /proc/self/mountinfo)
	[ -n "$mnt" ] || skip "memory controller listed in /proc/self/cgroup but not mounted"
	version=1
	rel=${v1_rel%/}/oomtop-e2e-$$
else
	v2_rel=$(awk -F: '$1 == "0" {print $3; exit}' /proc/self/cgroup)
	mnt=$(awk '{ for (i = 1; i <= NF; i++) if ($i == "-") break;
	             if ($(i+1) == "cgroup2") { print $5; exit } }' /proc/self/mountinfo)
	[ -n "$mnt" ] && [ -n "$v2_rel" ] || skip "no memory cgroup hierarchy"
	version=2
	rel=${v2_rel%/}/oomtop-e2e-$$
fi
dir=$mnt$rel
follow_pid=
sleeper=
cleanup() {
	[ -n "$follow_pid" ] && kill "$follow_pid" 2>/dev/null
	[ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null
	if [ -d "$dir" ]; then
		for p in $(cat "$dir/cgroup.procs" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
		i=0
		while ! rmdir "$dir" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	fi
	rm -rf "$tmp"
}
tmp=$(mktemp -d) || fail "mktemp"
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

mkdir "$dir" 2>/dev/null || skip "cannot create a memory cgroup under $mnt${rel%/*} (read-only or not delegated)"
if [ $version = 1 ]; then
	echo $LIMIT > "$dir/memory.limit_in_bytes" || skip "cannot set memory.limit_in_bytes"
	[ -f "$dir/memory.memsw.limit_in_bytes" ] && echo $LIMIT > "$dir/memory.memsw.limit_in_bytes"
	peak_file=$dir/memory.max_usage_in_bytes
else
	if [ ! -f "$dir/memory.max" ]; then
		echo +memory > "$mnt${rel%/*}/cgroup.subtree_control" 2>/dev/null ||
			skip "cannot enable the memory controller below $mnt${rel%/*}"
	fi
	echo $LIMIT > "$dir/memory.max" || skip "cannot set memory.max"
	[ -f "$dir/memory.swap.max" ] && echo 0 > "$dir/memory.swap.max"
	peak_file=$dir/memory.peak
fi

# --- follow first, then the kill ------------------------------------------------------------
"$OOMTOP" --events --follow --format json > "$tmp/follow.out" 2> "$tmp/follow.err" &
follow_pid=$!
sleep 1 # let it replay the ring and reach "now"
kill -0 "$follow_pid" 2>/dev/null || fail "--follow exited early: $(cat "$tmp/follow.err")"

# a bystander in the same cgroup, so the task table has two rows
sh -c "echo \$\$ > '$dir/cgroup.procs' && exec sleep 60" &
sleeper=$!
sh -c "echo \$\$ > '$dir/cgroup.procs' && exec '$HOG' -n 'e2e hog, (x)' -a 500" > "$tmp/hog.out"
hog_rc=$?
t_kill=$(date +%s.%N)
pid=$(head -n 1 "$tmp/hog.out")
[ -n "$pid" ] || fail "the hog did not start"
[ $hog_rc -eq 137 ] || fail "the hog was not SIGKILLed (exit $hog_rc)"
peak=$(cat "$peak_file" 2>/dev/null || echo 0)

seen=
i=0
while [ $i -lt 20 ]; do
	if grep -q "\"victim_pid\": $pid," "$tmp/follow.out"; then seen=1; break; fi
	sleep 0.1
	i=$((i + 1))
done
t_seen=$(date +%s.%N)
[ -n "$seen" ] || fail "--follow did not print the kill of $pid within 2 s (stderr: $(cat "$tmp/follow.err"))"
echo "follow: kill of $pid printed $(echo "$t_seen - $t_kill" | bc 2>/dev/null || echo '<2')s after the kill"

# --- one-shot --events ------------------------------------------------------------------------
"$OOMTOP" --events --format json > "$tmp/events.json" 2> "$tmp/events.err" ||
	fail "--events failed: $(cat "$tmp/events.err")"
line=$(grep "\"victim_pid\": $pid," "$tmp/events.json" | tail -n 1)
[ -n "$line" ] || fail "--events does not report pid $pid"
# first occurrence of a top-level field: a string (no escaped quotes in ours) or a number
field() { printf '%s\n' "$line" | sed -n "s/^[^[]*\"$1\": \\(\"[^\"]*\"\\|[-0-9a-z.]*\\).*/\\1/p"; }
memcg=$(field task_memcg)
[ "$memcg" = "\"$rel\"" ] || fail "task_memcg is $memcg, expected \"$rel\""
[ "$(field victim_comm)" = '"e2e hog, (x)"' ] || fail "victim_comm is $(field victim_comm)"
[ "$(field constraint)" = '"CONSTRAINT_MEMCG"' ] || fail "constraint is $(field constraint)"
[ "$(field oom_score_adj)" = 500 ] || fail "oom_score_adj is $(field oom_score_adj)"
[ "$(field schema)" = 2 ] || fail "schema is $(field schema), expected 2"
[ "$(field source)" = '"kernel"' ] || fail "source is $(field source)"
anon=$(field anon_rss)
case "$anon" in '' | null | *[!0-9]*) fail "anon_rss is '$anon'" ;; esac
[ $((anon % 1024)) -eq 0 ] || fail "anon_rss $anon is not the kill line's kB in bytes"
if [ "$peak" -gt 0 ]; then
	[ "$anon" -le "$peak" ] || fail "anon RSS $anon bytes above the cgroup's peak $peak"
	[ $((anon * 2)) -ge "$peak" ] || fail "anon RSS $anon bytes below half the peak $peak"
fi
[ "$anon" -le $LIMIT ] || fail "anon RSS $anon bytes above the 32 MiB limit"
echo "events: pid $pid task_memcg $memcg anon_rss $anon (cgroup peak $peak bytes)"
grep "\"victim_pid\": $pid," "$tmp/follow.out" | grep -q "\"task_memcg\": \"$rel\"" ||
	fail "--follow's event has the wrong task_memcg"

if command -v python3 >/dev/null 2>&1; then
	python3 -c '
import json, sys
for n, l in enumerate(open(sys.argv[1]), 1):
    o = json.loads(l)
    assert isinstance(o["tasks"], list), n
' "$tmp/events.json" || fail "--events --format json printed invalid JSON"
fi

"$OOMTOP" --events > "$tmp/events.txt" || fail "--events (text) failed"
grep -q "pid $pid (e2e hog, (x))" "$tmp/events.txt" || fail "text output lacks pid $pid"
if LC_ALL=C grep -q "$(printf '\033')" "$tmp/events.txt"; then fail "escape byte in text output"; fi

# --- klogctl fallback: a mount namespace where /dev has no kmsg --------------------------------
if command -v unshare >/dev/null 2>&1 &&
	unshare -m sh -c 'mount -t tmpfs none /dev' 2>/dev/null; then
	unshare -m sh -c 'mount -t tmpfs none /dev && exec "$0" --events --format json' "$OOMTOP" \
		> "$tmp/klog.json" 2> "$tmp/klog.err" || fail "klogctl fallback failed: $(cat "$tmp/klog.err")"
	grep -q "\"victim_pid\": $pid," "$tmp/klog.json" || fail "klogctl fallback does not report $pid"
	echo "klogctl: without /dev/kmsg the kill of $pid is still reported"
else
	echo "note: cannot unshare a mount namespace: klogctl fallback not run"
fi

# --- files and stdin ---------------------------------------------------------------------------
n=$("$OOMTOP" --events --kmsg - < "$SRCDIR/tests/fixtures/kmsg/k5.15-memcg-v2-1.txt" | wc -l)
[ "$n" -eq 6 ] || fail "--kmsg - gave $n events, expected 6"
"$OOMTOP" --events --kmsg "$tmp/nonexistent" 2> "$tmp/err" && fail "missing file did not fail"
[ $? -eq 1 ] || fail "missing file: exit status not 1"
grep -q "nonexistent" "$tmp/err" || fail "missing file: message does not name it"

# --- without permission -------------------------------------------------------------------------
if [ "$(cat /proc/sys/kernel/dmesg_restrict 2>/dev/null)" = 1 ] && command -v setpriv >/dev/null 2>&1; then
	setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
		"$OOMTOP" --events > "$tmp/np.out" 2> "$tmp/np.err"
	rc=$?
	[ $rc -eq 1 ] || fail "unprivileged --events: exit $rc, expected 1"
	grep -q "dmesg_restrict" "$tmp/np.err" || fail "unprivileged --events does not say why: $(cat "$tmp/np.err")"
	grep -q "oom_kill" "$tmp/np.err" || fail "unprivileged --events gives no counter"
	echo "unprivileged: $(head -n 1 "$tmp/np.err")"
else
	echo "note: dmesg_restrict is not 1 or no setpriv: unprivileged case not run"
fi
echo "PASS"
