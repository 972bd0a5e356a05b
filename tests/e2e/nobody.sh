#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Low privilege (issue 8): as `nobody`, oomtop shows what it may read and says once —
# as snapshot notes, not as errors per refresh or per row — why the rest is missing:
# kernel.dmesg_restrict, other users' fds, self-protection it may not do, and hidepid
# (in a private mount namespace with /proc mounted hidepid=invisible, with an
# approximate count of hidden tasks). Batch and the screen (tmux) both run.
. "$SRCDIR/tests/e2e/lib.sh"
need_root "switches to nobody with setpriv"
need_cmd setpriv
need_cmd jq
id nobody >/dev/null 2>&1 || skip "no user nobody"
group=$(id -gn nobody)
AS_NOBODY="setpriv --reuid nobody --regid $group --clear-groups --inh-caps=-all"
# nobody runs a copy it can reach: the clone may be where nobody cannot enter (/root).
# The test's own temporary directory (removed at exit) is made traversable, not listable.
chmod 711 "$E2E_TMP" && mkdir -m 755 "$E2E_TMP/bin" && cp "$OOMTOP" "$E2E_TMP/bin/oomtop" &&
	chmod 755 "$E2E_TMP/bin/oomtop" || fail "cannot copy $OOMTOP to $E2E_TMP/bin"
OOMTOP=$E2E_TMP/bin/oomtop
$AS_NOBODY test -x "$OOMTOP" ||
	fail "nobody cannot run $OOMTOP (TMPDIR=${TMPDIR:-/tmp} is not world-traversable: set TMPDIR=/tmp)"
cd / || fail "cd /"

# --- batch: exit 0, rows with values for its own processes, the reasons said once
$AS_NOBODY "$OOMTOP" -b -n 3 -d 0.3 -f json >"$E2E_TMP/n.json" 2>"$E2E_TMP/err" ||
	fail "as nobody, batch exited $?: $(cat "$E2E_TMP/err")"
[ -s "$E2E_TMP/err" ] && fail "as nobody, batch wrote to stderr: $(head -c 400 "$E2E_TMP/err")"
jq -e . "$E2E_TMP/n.json" >/dev/null || fail "JSON does not parse"
n=$(json_last "$E2E_TMP/n.json" '.processes | length')
[ "$n" -ge 2 ] || fail "as nobody only $n processes are shown"
own=$(json_last "$E2E_TMP/n.json" '[.processes[] | select(.comm == "oomtop")][0] | [.rss, .fds] | map(. != null) | all')
[ "$own" = true ] || fail "its own row lacks rss or fds"
others=$(json_last "$E2E_TMP/n.json" '[.processes[] | select(.uid != 65534 and .state == "running" and .cmdline != "") | .rss] | map(select(. != null)) | length')
[ "$others" -ge 1 ] || fail "no RSS of other users' processes (status is world-readable)"
notes=$(json_last "$E2E_TMP/n.json" '.notes[]')
note "notes as nobody:"
printf '%s\n' "$notes" | sed 's/^/#   /'
printf '%s\n' "$notes" | grep -q 'self-protection: .*CAP_SYS_RESOURCE.*not locked' || fail "no self-protection reason"
if [ "$(cat /proc/sys/kernel/dmesg_restrict 2>/dev/null)" = 1 ]; then
	printf '%s\n' "$notes" | grep -q 'dmesg_restrict' || fail "no dmesg_restrict reason"
fi
unk=$(json_last "$E2E_TMP/n.json" '[.processes[] | select(.uid != 65534 and .state == "running" and .cmdline != "" and .fds == null)] | length')
if [ "$unk" -gt 0 ]; then
	printf '%s\n' "$notes" | grep -q "open fds unknown for $unk processes of other users" || fail "$unk unknown fd counts, no note saying so"
else
	note "other users' fd counts are readable here (stat of /proc/PID/fd, Linux >= 6.2): no note expected"
fi
# once: every reason appears once per snapshot, never per row
dups=$(json_last "$E2E_TMP/n.json" '.notes | length - (unique | length)')
[ "$dups" = 0 ] || fail "notes repeat within a snapshot"
pass "batch as nobody: $n processes, reasons given once per snapshot"

$AS_NOBODY "$OOMTOP" -b -n 2 -d 0.2 >"$E2E_TMP/n.txt" 2>"$E2E_TMP/err" || fail "text exited $?"
[ -s "$E2E_TMP/err" ] && fail "as nobody, text wrote to stderr: $(head -c 400 "$E2E_TMP/err")"
c=$(grep -c '^note: ' "$E2E_TMP/n.txt")
[ "$c" -le $((2 * 8)) ] || fail "$c note lines in 2 refreshes"
pass "text as nobody: nothing on stderr, $c notes in 2 refreshes"

# --- hidepid=invisible in a private mount namespace
if command -v unshare >/dev/null 2>&1 &&
	unshare -m sh -c 'mount -t proc -o hidepid=invisible proc /proc' 2>/dev/null; then
	unshare -m sh -c 'mount -t proc -o hidepid=invisible proc /proc && exec "$@"' sh \
		$AS_NOBODY "$OOMTOP" -b -n 1 -f json >"$E2E_TMP/h.json" 2>"$E2E_TMP/err" || fail "hidepid run exited $?"
	hn=$(jq -r '.notes[]' "$E2E_TMP/h.json" | grep 'hidepid=invisible')
	[ -n "$hn" ] || fail "no hidepid note: $(jq -c .notes "$E2E_TMP/h.json")"
	printf '%s\n' "$hn" | grep -q 'about [0-9]* tasks .* hidden (approximate' || fail "no hidden count: $hn"
	vis=$(jq '.processes | length' "$E2E_TMP/h.json")
	# it sees only its own processes: the worst of those (itself) is not the kernel's choice
	[ "$(jq -r '.system.next_victim_pid' "$E2E_TMP/h.json")" = null ] ||
		fail "under hidepid the global next victim is named: $(jq -c .system "$E2E_TMP/h.json")"
	[ "$(jq '[.processes[] | select(.next_victim)] | length' "$E2E_TMP/h.json")" = 0 ] ||
		fail "under hidepid a process is marked as the next victim"
	jq -r '.notes[]' "$E2E_TMP/h.json" | grep -q 'next OOM victims not named: hidepid' || fail "no note on the victims"
	pass "hidepid=invisible: $vis processes visible, no next victim named; \"$hn\""
else
	note "cannot mount a private /proc here: hidepid step skipped (tests/unit covers the parser)"
fi

# --- the screen as nobody, in tmux: comes up, shows the notes on the status line, quits
need_cmd tmux
SOCK="oomtop-nobody-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; e2e_cleanup' EXIT
chmod 0755 "$E2E_TMP"
tmux -L "$SOCK" -u new-session -d -s nb -x 160 -y 40 \
	"HOME=/nonexistent XDG_CONFIG_HOME=/nonexistent $AS_NOBODY env TERM=xterm-256color LANG=C.UTF-8 $OOMTOP -d 0.3; echo \$? >$E2E_TMP/nb.status; sleep 600"
i=0
until tmux -L "$SOCK" capture-pane -p -t nb | grep -q F10Quit; do
	i=$((i + 1)); [ $i -gt 50 ] && { tmux -L "$SOCK" capture-pane -p -t nb; fail "the screen did not come up as nobody"; }
	sleep 0.1
done
sleep 1
tmux -L "$SOCK" capture-pane -p -t nb >"$E2E_TMP/nb.txt"
grep -q 'PID .*USER' "$E2E_TMP/nb.txt" || fail "no process table as nobody"
tmux -L "$SOCK" send-keys -t nb q
i=0
while [ ! -s "$E2E_TMP/nb.status" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(cat "$E2E_TMP/nb.status" 2>/dev/null)" = 0 ] || fail "the screen as nobody exited $(cat "$E2E_TMP/nb.status" 2>/dev/null)"
pass "the screen runs as nobody and quits with 0"
