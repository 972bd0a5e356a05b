#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Long runs (issue 8), in the style of earlyoom's resource-budget tests: oomtop refreshes
# every 0.1 s while cgroups appear and disappear (600 created, each with a process in it,
# then removed) and processes churn (2000 short-lived). After warm-up its RSS may grow by at
# most RSS_BUDGET_KIB, and its fd count may change only with the number of live processes
# (it holds 3 files per live process, so fds - 3 * processes stays put).
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd jq
RSS_BUDGET_KIB=1024

memcg_child "oomtop-longrun-$$" $((512 * 1024 * 1024))
parent_dir=$CG_DIR
"$OOMTOP" -b -d 0.1 -n 400 -f json -s pid >"$E2E_TMP/long.json" 2>"$E2E_TMP/err" &
op=$!
E2E_PIDS="$E2E_PIDS $op"
sleep 3 # warm-up: libraries, first tables, the fd budget settled

live_procs() { ls -d /proc/[0-9]* 2>/dev/null | wc -l; }
sample() { # prints "rss_kib fds procs"
	echo "$(awk '/^VmRSS:/ { print $2 }' "/proc/$op/status" 2>/dev/null) $(ls "/proc/$op/fd" 2>/dev/null | wc -l) $(live_procs)"
}
set -- $(sample)
rss0=$1 fd0=$2 pr0=$3
[ -n "$rss0" ] || fail "oomtop is not running: $(cat "$E2E_TMP/err")"

# cgroup churn: batches of 20 cgroups, each with a sleeping process, then gone
made=0
while [ $made -lt 600 ] && kill -0 "$op" 2>/dev/null; do
	pids=""
	for k in $(seq 20); do
		d="$parent_dir/c$made-$k"
		mkdir "$d" || fail "mkdir $d"
		sh -c 'echo $$ >"$1" && exec sleep 5' sh "$d/cgroup.procs" &
		pids="$pids $!"
		/bin/true & /bin/true & /bin/true
	done
	sleep 0.3 # a few refreshes see them
	for p in $pids; do kill "$p" 2>/dev/null; done
	for p in $pids; do wait "$p" 2>/dev/null; done
	for k in $(seq 20); do
		d="$parent_dir/c$made-$k"
		for _ in 1 2 3 4 5 6 7 8 9 10; do rmdir "$d" 2>/dev/null && break; sleep 0.05; done
	done
	made=$((made + 20))
done
sleep 1.5
set -- $(sample)
rss1=$1 fd1=$2 pr1=$3
wait "$op" || fail "oomtop exited $? during the churn: $(tail -n 3 "$E2E_TMP/err")"
[ -n "$rss1" ] || fail "oomtop finished before the churn did: make -n larger"
[ $made -ge 600 ] || fail "only $made cgroups were made"

# counted below the test's own cgroup only: others on the machine come and go too
mine() { jq -s --arg p "$CG_PATH" "$1 | [.cgroups[] | select(.path | startswith(\$p))] | length" "$E2E_TMP/long.json"; }
maxcg=$(jq -s --arg p "$CG_PATH" 'map([.cgroups[] | select(.path | startswith($p))] | length) | max' "$E2E_TMP/long.json")
lastcg=$(mine last)
firstcg=$(mine first)
note "cgroups seen: first $firstcg, at most $maxcg, last $lastcg; made and removed $made"
note "RSS $rss0 -> $rss1 KiB, fds $fd0 -> $fd1, live processes $pr0 -> $pr1"
[ "$maxcg" -gt "$firstcg" ] || fail "the new cgroups were never seen"
[ "$lastcg" -le "$firstcg" ] || fail "removed cgroups are still listed: $firstcg -> $lastcg"

if [ -n "${SANITIZERS:-}" ]; then
	note "sanitizer build: RSS budget not asserted (ASan's quarantine and shadow memory grow on their own)"
else
	[ $((rss1 - rss0)) -le $RSS_BUDGET_KIB ] ||
		fail "RSS grew by $((rss1 - rss0)) KiB after $made cgroups and churn (budget $RSS_BUDGET_KIB KiB)"
fi
# fds: up to 4 held files per live process (up to the budget), so compare against the
# processes; other processes on a shared machine come and go between the counts, and a
# leak per cgroup or per churned process would be hundreds of fds
dp=$((pr1 - pr0)); [ $dp -lt 0 ] && dp=$((-dp))
df=$((fd1 - fd0)); [ $df -lt 0 ] && df=$((-df))
[ $df -le $((4 * dp + 60)) ] || fail "fds went $fd0 -> $fd1 while live processes went $pr0 -> $pr1"
pass "$made cgroups and their processes came and went: RSS +$((rss1 - rss0)) KiB (budget $RSS_BUDGET_KIB), fds $fd0 -> $fd1 with processes $pr0 -> $pr1"
