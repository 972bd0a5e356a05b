#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/e2e/fd_detail.sh — issue 16's acceptance: a process leaking sockets toward a
# 1,500-fd limit (tests/e2e/sockleak under `prlimit --nofile=1500`, 40 sockets a second),
# watched by `oomtop -b -f json --detail -p PID`: its last JSON line must name the sockets
# (fd_types.socket = every fd but stdin/out/err, within the sampling's bounds: it has fewer
# than 1024 fds, so none), give fd_limit 1500, and an fd_eta within 25% of the truth — the
# moment its socket() really failed with EMFILE, which the leaker writes down. Also the
# text output's detail table, and --detail without -p (the first 10 printed). Takes ~40 s.
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd jq
need_cmd prlimit
helper="$BUILDDIR/tests/e2e/sockleak"
[ -x "$helper" ] || skip "tests/e2e/sockleak not built (make check builds it)"

RATE=40
LIMIT=1500
fifo="$E2E_TMP/ready"
mkfifo "$fifo"
prlimit --nofile=$LIMIT:$LIMIT "$helper" -r $RATE -t 90 -o "$E2E_TMP/full" >"$fifo" &
LEAKER=$!
E2E_PIDS="$E2E_PIDS $LEAKER"
read -r word pid <"$fifo" || fail "sockleak did not start"
[ "$word" = ready ] && [ "$pid" = "$LEAKER" ] || fail "sockleak said '$word $pid', expected ready $LEAKER"
grep -q "^Max open files *$LIMIT *$LIMIT " "/proc/$LEAKER/limits" || fail "prlimit did not set the limit"

# 16 refreshes a second apart over a 20 s window: the slope is known from the 10th
"$OOMTOP" -b -f json --detail -p "$LEAKER" -d 1 -w 20 -n 16 >"$E2E_TMP/out" 2>"$E2E_TMP/err" ||
	fail "oomtop exited $?: $(head -n 3 "$E2E_TMP/err")"
[ "$(wc -l <"$E2E_TMP/out")" -eq 16 ] || fail "expected 16 JSON lines, got $(wc -l <"$E2E_TMP/out")"
tail -n 1 "$E2E_TMP/out" >"$E2E_TMP/last"
p() { jq -r --argjson pid "$LEAKER" ".processes[] | select(.pid == \$pid) | $1" "$E2E_TMP/last"; }
[ "$(p .pid)" = "$LEAKER" ] || fail "the leaker is not in the last snapshot: $(head -c 300 "$E2E_TMP/last")"
fds=$(p .fds) socket=$(p .fd_types.socket) pipe=$(p .fd_types.pipe) limit=$(p .fd_limit)
eta=$(p .fd_eta) slope=$(p .fd_slope) sampled=$(p .sampled) pss=$(p .pss)
now=$(jq -r .time "$E2E_TMP/last")
note "last snapshot: fds $fds (socket $socket, pipe $pipe), fd_limit $limit, fd_slope $slope/s, fd_eta $eta s, sampled $sampled, pss $pss"

[ "$limit" = "$LIMIT" ] || fail "fd_limit is $limit, want $LIMIT (prlimit --nofile=$LIMIT)"
[ "$sampled" = false ] || fail "sampled is $sampled with $fds fds (under the 1024 read each refresh)"
# every fd but those it inherited (stdin, the fifo, stderr, make's jobserver pipe...) is a
# socket it opened
others=$(for l in /proc/"$LEAKER"/fd/*; do readlink "$l"; done | grep -vc '^socket:')
listed=$(p '.fd_types | add')
note "the leaker inherited $others fds that are not sockets; fd_types sum to $listed"
# fds is counted a moment before the links are read (it opens 40 a second): the same within 2
[ $((listed - fds)) -le 2 ] && [ $((fds - listed)) -le 2 ] || fail "fd_types sum to $listed, fds is $fds"
[ "$socket" -eq $((listed - others)) ] || fail "fd_types.socket is $socket of $listed fds ($others not sockets): $(p .fd_types)"
[ "$pss" != null ] && [ "$pss" -gt 0 ] || fail "no pss: $pss"
[ "$(p .fd_types | jq -r 'keys | sort | join(",")')" = "anon_inode,file,other,pipe,socket" ] ||
	fail "fd_types keys: $(p .fd_types)"
[ "$eta" != null ] || fail "no fd_eta (slope $slope)"
pass "the sockets named ($socket of $fds fds), fd_limit $limit"

# the truth: when socket() failed
i=0
while [ ! -s "$E2E_TMP/full" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$E2E_TMP/full" ] || fail "the leaker never reached its limit"
read -r full_at opened why <"$E2E_TMP/full"
[ "$why" = EMFILE ] || fail "the leaker stopped with $why, not EMFILE"
awk -v now="$now" -v eta="$eta" -v full="$full_at" 'BEGIN {
	truth = full - now; err = (eta - truth) / truth
	printf "# fd_eta %.1f s, truth %.1f s (EMFILE after %s sockets): error %+.1f%%\n", eta, truth, "'"$opened"'", err * 100
	exit !(truth > 5 && err > -0.25 && err < 0.25) }' || fail "fd_eta $eta s is not within 25% of the truth"
pass "fd_eta within 25% of when socket() failed with EMFILE"

# the text output's detail table, and --detail without -p: the first 10 printed
"$OOMTOP" -b --detail -p "$LEAKER,1" -n 1 >"$E2E_TMP/text" 2>&1 || fail "text --detail exited $?"
grep -q '^Detail (smaps_rollup, fd kinds):' "$E2E_TMP/text" || fail "no detail table in the text output"
grep -Eq "^ +$LEAKER sockleak +[0-9.]+[KMG]? " "$E2E_TMP/text" || fail "no detail row for the leaker: $(tail -n 4 "$E2E_TMP/text")"
"$OOMTOP" -b -f json --detail -s fds -n 1 >"$E2E_TMP/top" 2>&1 || fail "--detail without -p exited $?"
read_n=$(jq '[.processes[] | select(.pss != null or .fd_types != null)] | length' "$E2E_TMP/top")
first=$(jq '[.processes[:10][] | select(.fd_types != null)] | length' "$E2E_TMP/top")
note "--detail without -p: $read_n processes read, $first of the first 10 printed (-s fds)"
[ "$read_n" -le 10 ] || fail "--detail without -p read $read_n processes, more than the first 10"
[ "$first" -ge 1 ] || fail "--detail without -p read none of the first 10 printed"
pass "text --detail has its table; --detail without -p reads the first 10 printed at most"
