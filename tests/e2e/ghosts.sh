#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Ghost rows and bounded memory (issue 3): a process that exits stays in the snapshot as
# state "exited" with its last values; thousands of short-lived processes neither grow
# oomtop's memory nor the number of ghost rows past its bound (256).
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd jq

start_probe -f 5 24
pid=$PROBE_PID
out="$E2E_TMP/ghost.json"
: >"$out"
"$OOMTOP" -b -d 0.5 -f json -p "$pid" >"$out" &
op=$!
E2E_PIDS="$E2E_PIDS $op"
# kill it once oomtop has seen it (the first snapshot can take a while on a busy
# machine), then let oomtop refresh a few more times
i=0
while [ "$(wc -l <"$out")" -lt 2 ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
kill -KILL "$pid"
n=$(wc -l <"$out")
i=0
while [ "$(wc -l <"$out")" -lt $((n + 3)) ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
kill -TERM "$op"
wait "$op"
st=$?
[ $st = 143 ] || fail "oomtop exited $st on SIGTERM (want 143: 128 + 15)"
first=$(head -n 1 "$out" | jq -c ".processes[] | select(.pid == $pid) | [.state, .rss]")
last=$(tail -n 1 "$out" | jq -c ".processes[] | select(.pid == $pid) | [.state, .rss]")
case "$first" in '["running",'*) ;; *) fail "first refresh: $first" ;; esac
[ "$last" = "[\"exited\",${first#*,}" ] || fail "after the kill: '$last', expected exited with the last rss of $first"
pass "pid $pid became a ghost with its last rss: $last"

# churn: ~8000 short-lived processes while oomtop refreshes every 0.2 s
"$OOMTOP" -b -d 0.2 -f json -s pid >"$E2E_TMP/churn.json" &
op=$!
E2E_PIDS="$E2E_PIDS $op"
sleep 2
rss_start=$(awk '/^VmRSS:/ { print $2 }' "/proc/$op/status")
fd_start=$(ls "/proc/$op/fd" | wc -l)
procs_start=$(ls -d /proc/[0-9]* 2>/dev/null | wc -l)
# processes that live long enough to be seen (they become ghosts) even when a refresh is
# slow (sanitizer build, a busy machine), then a fast churn
sleepers=""
for _ in $(seq 600); do
	sleep 5 &
	sleepers="$sleepers $!"
done
i=0
end=$(($(date +%s) + 15)) # at most 15 s of churn, however loaded the machine is
while [ $i -lt 4000 ] && [ "$(date +%s)" -lt $end ]; do
	/bin/true & /bin/true
	i=$((i + 1))
done
wait $sleepers
sleep 2 # a few refreshes after the last exit
rss_end=$(awk '/^VmRSS:/ { print $2 }' "/proc/$op/status" 2>/dev/null)
fd_end=$(ls "/proc/$op/fd" 2>/dev/null | wc -l)
procs_end=$(ls -d /proc/[0-9]* 2>/dev/null | wc -l)
[ -n "$rss_end" ] || fail "oomtop died during the churn"
kill -TERM "$op"
wait "$op"
st=$?
[ $st = 143 ] || fail "oomtop exited $st during churn (want 143 for the SIGTERM that ended it)"
ghosts=$(jq -s 'map([.processes[] | select(.state != "running")] | length) | max' "$E2E_TMP/churn.json")
note "spawned $((i * 2 + 600)) processes; ghosts at most $ghosts; oomtop RSS ${rss_start} -> ${rss_end} KiB, fds ${fd_start} -> ${fd_end}"
[ "$ghosts" -le 256 ] || fail "$ghosts ghost rows, bound is 256"
[ "$ghosts" -ge 250 ] || fail "only $ghosts ghost rows: exited processes are not kept"
# 256 ghosts and allocator slack; anything that grew per process would be MiBs here
if [ -n "${SANITIZERS:-}" ]; then
	note "sanitizer build: RSS budget not asserted (ASan's quarantine and shadow memory grow on their own)"
else
	[ $((rss_end - rss_start)) -le 1536 ] || fail "oomtop RSS grew by $((rss_end - rss_start)) KiB during churn"
fi
# held files: up to 4 per live process (core/proc/held.h), so compare against the change
# in processes (other processes on the machine come and go between the two counts: a
# leak per churned process would be thousands of fds)
dp=$((procs_end - procs_start)); [ $dp -lt 0 ] && dp=$((-dp))
df=$((fd_end - fd_start)); [ $df -lt 0 ] && df=$((-df))
[ $df -le $((4 * dp + 60)) ] || fail "oomtop fds went $fd_start -> $fd_end while processes went $procs_start -> $procs_end"
pass "churn of $((i * 2 + 600)) processes: RSS +$((rss_end - rss_start)) KiB, ghosts <= $ghosts, fds $fd_start -> $fd_end"
