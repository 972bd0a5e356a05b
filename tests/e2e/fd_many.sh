#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/e2e/fd_many.sh — a process with very many fds costs a bounded number of readlinks a
# refresh (issue 16: "a process with 50,000 fds"), and its fd kinds say they are sampled.
# The process (tests/e2e/sockleak) opens sockets up to its fd limit, which is the most this
# machine allows: 50,000, or the hard RLIMIT_NOFILE where that is lower (raising it needs
# CAP_SYS_RESOURCE). Then `oomtop -b -f json --detail -p PID -n 3` must mark it sampled,
# count its sockets within 5%, and — counted with strace, by the syscalls themselves —
# read at most 1024 fd links of it per refresh (core/proc/detail.h PROC_DETAIL_MAX_LINKS).
# Without strace the text output's own count is checked instead, and the test says so.
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd jq
need_cmd prlimit
helper="$BUILDDIR/tests/e2e/sockleak"
[ -x "$helper" ] || skip "tests/e2e/sockleak not built (make check builds it)"

MAX_LINKS=1024
REFRESHES=3
hard=$(ulimit -Hn)
[ "$hard" = unlimited ] && hard=50000
want=50000
[ "$hard" -lt "$want" ] && want=$hard
nr_open=$(cat /proc/sys/fs/nr_open 2>/dev/null || echo "$want")
[ "$nr_open" -lt "$want" ] && want=$nr_open
note "the issue asks for 50,000 fds; this machine's hard RLIMIT_NOFILE is $hard (fs.nr_open $nr_open): the leaker gets a limit of $want"
[ "$want" -gt $((MAX_LINKS * 4)) ] || skip "the hard fd limit here ($hard) leaves too few fds to sample"

fifo="$E2E_TMP/ready"
mkfifo "$fifo"
prlimit --nofile="$want:$want" "$helper" -r 100000 -t 300 -o "$E2E_TMP/full" >"$fifo" &
LEAKER=$!
E2E_PIDS="$E2E_PIDS $LEAKER"
read -r word pid <"$fifo" || fail "sockleak did not start"
[ "$pid" = "$LEAKER" ] || fail "sockleak said '$word $pid'"
i=0
while [ ! -s "$E2E_TMP/full" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$E2E_TMP/full" ] || fail "the leaker did not reach its limit"
read -r _ opened why <"$E2E_TMP/full"
fds=$(find "/proc/$LEAKER/fd" -mindepth 1 -maxdepth 1 | wc -l)
note "the leaker holds $fds fds ($opened sockets; it stopped with $why)"
[ "$fds" -ge $((want - 8)) ] || fail "only $fds fds open, want about $want"

run() { "$OOMTOP" -b -f json --detail -p "$LEAKER" -n $REFRESHES -d 0.5 >"$E2E_TMP/out" 2>"$E2E_TMP/err"; }
if command -v strace >/dev/null 2>&1; then
	seccomp=""
	strace --seccomp-bpf -e trace=getpid -o /dev/null true 2>/dev/null && seccomp=--seccomp-bpf
	# a sanitizer build's leak check cannot run under ptrace: it is off for this run only
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		strace $seccomp -f -qq -e trace=readlink,readlinkat -o "$E2E_TMP/trace" \
		"$OOMTOP" -b -f json --detail -p "$LEAKER" -n $REFRESHES -d 0.5 >"$E2E_TMP/out" 2>"$E2E_TMP/err" ||
		fail "oomtop under strace exited $?: $(head -n 3 "$E2E_TMP/err")"
	# readlinkat(DIRFD, "1234", ...): an fd's link (relative to the fd/ directory)
	links=$(grep -Ec 'readlinkat\([0-9]+, "[0-9]+"' "$E2E_TMP/trace")
	per=$((links / REFRESHES))
	note "readlinks of fd links counted by strace: $links in $REFRESHES refreshes ($per a refresh) for $fds fds"
	[ "$links" -le $((MAX_LINKS * REFRESHES)) ] || fail "$links readlinks in $REFRESHES refreshes: over $MAX_LINKS a refresh"
	[ "$links" -ge $((MAX_LINKS * REFRESHES * 9 / 10)) ] || fail "only $links readlinks: the sample is not read"
else
	note "strace is not installed: the readlinks are counted by oomtop's own text output only"
	run || fail "oomtop exited $?: $(head -n 3 "$E2E_TMP/err")"
fi
tail -n 1 "$E2E_TMP/out" >"$E2E_TMP/last"
p() { jq -r --argjson pid "$LEAKER" ".processes[] | select(.pid == \$pid) | $1" "$E2E_TMP/last"; }
sampled=$(p .sampled) socket=$(p .fd_types.socket) jfds=$(p .fds)
note "JSON: fds $jfds, fd_types $(p .fd_types | jq -c .), sampled $sampled"
[ "$sampled" = true ] || fail "not marked sampled with $jfds fds"
awk -v s="$socket" -v n="$jfds" 'BEGIN { exit !(s >= n * 0.95 && s <= n * 1.01) }' ||
	fail "fd_types.socket $socket is not within 5% of the $jfds fds (all sockets but 3)"
pass "$jfds fds: sampled, sockets counted within 5%, at most $MAX_LINKS readlinks a refresh"

# the text output says how many it read
"$OOMTOP" -b --detail -p "$LEAKER" -n 1 >"$E2E_TMP/text" 2>&1 || fail "text --detail exited $?"
line=$(grep -E "^ +$LEAKER " "$E2E_TMP/text" | tail -n 1)
read_n=$(printf '%s\n' "$line" | sed -n 's/.*sampled: \([0-9]*\) of \([0-9]*\) fds read.*/\1/p')
of_n=$(printf '%s\n' "$line" | sed -n 's/.*sampled: \([0-9]*\) of \([0-9]*\) fds read.*/\2/p')
note "text: $line"
[ -n "$read_n" ] && [ "$read_n" -le $MAX_LINKS ] && [ "$of_n" -ge $((want - 8)) ] ||
	fail "the text output does not say it read at most $MAX_LINKS of about $want fds"
pass "the text output says: sampled, $read_n of $of_n fds read"
