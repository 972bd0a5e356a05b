#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `oomtop --events --kmsg` on a FIFO (issue 19, item 6): the reader waits in poll() while
# the writer is there and has nothing to say, and in a short sleep once the writer is gone
# (poll() tells nothing then); it never spins. A kill written into the FIFO while it is
# followed comes out at once. Without --follow the FIFO is read to its end.
# CPU is read from /proc/PID/stat (utime + stime, clock ticks): a spinning reader takes a
# whole core, ~100 ticks a second; a waiting one a few ticks over the whole run.
. "$SRCDIR/tests/e2e/lib.sh"

SAMPLE="$SRCDIR/tests/fixtures/kmsg/k5.15-memcg-v2-1.txt" # 6 kills: 7788 first
HZ=$(getconf CLK_TCK)
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# ---- followed, the writer there but silent, then a kill, then the writer gone --------------
fifo="$E2E_TMP/kmsg.fifo"
mkfifo "$fifo"
"$OOMTOP" --events --follow --kmsg "$fifo" >"$E2E_TMP/out" 2>"$E2E_TMP/err" &
ev=$!
E2E_PIDS="$E2E_PIDS $ev"
exec 3>"$fifo" # the writer: opening it lets oomtop's open() return
sleep 3
t1=$(ticks "$ev")
[ "$t1" -lt $((HZ / 2)) ] || fail "--events --follow on a silent FIFO used $t1 ticks in 3 s (HZ $HZ): it spins"
pass "silent FIFO with its writer: $t1 ticks of CPU in 3 s"

cat "$SAMPLE" >&3
for _ in 1 2 3 4 5 6 7 8 9 10; do
	grep -q "7788" "$E2E_TMP/out" 2>/dev/null && break
	sleep 0.5
done
grep -q "7788" "$E2E_TMP/out" || fail "a kill written into the followed FIFO did not come out in 5 s: $(cat "$E2E_TMP/err")"
t1=$(ticks "$ev")
sleep 3
t2=$(ticks "$ev")
[ $((t2 - t1)) -lt $((HZ / 2)) ] ||
	fail "after reading what the writer wrote, with the writer still there, $((t2 - t1)) ticks in 3 s: it spins"
pass "a kill written into the followed FIFO came out; then, the writer silent, $((t2 - t1)) ticks in 3 s"

exec 3>&-
sleep 0.5
t2=$(ticks "$ev")
sleep 3
t3=$(ticks "$ev")
[ $((t3 - t2)) -lt $((HZ / 2)) ] || fail "after its writer closed, the FIFO reader used $((t3 - t2)) ticks in 3 s: it spins"
kill -0 "$ev" 2>/dev/null || fail "--follow ended when the FIFO's writer closed: $(cat "$E2E_TMP/err")"
kill -TERM "$ev"
wait "$ev" 2>/dev/null
n=$(grep -c "" "$E2E_TMP/out")
[ "$n" = 6 ] || fail "followed FIFO: $n kills printed, the sample holds 6: $(cat "$E2E_TMP/out")"
pass "writer gone: $((t3 - t2)) ticks in 3 s, still following; 6 kills printed in all"

# ---- not followed: read to the end, then exit 0 ------------------------------------------
rm -f "$fifo"
mkfifo "$fifo"
"$OOMTOP" --events --kmsg "$fifo" >"$E2E_TMP/out2" 2>"$E2E_TMP/err2" &
ev=$!
E2E_PIDS="$E2E_PIDS $ev"
{ head -n 40 "$SAMPLE"; sleep 2; tail -n +41 "$SAMPLE"; } >"$fifo"
wait "$ev"
st=$?
[ $st = 0 ] || fail "--events on a FIFO exited $st: $(cat "$E2E_TMP/err2")"
n=$(grep -c "" "$E2E_TMP/out2")
[ "$n" = 6 ] || fail "--events on a FIFO written in two parts: $n kills, want 6"
pass "without --follow, a FIFO written in two parts 2 s apart: 6 kills, exit 0"
