#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The screen with kills from the systemd journal (issue 15), driven in tmux with the real
# binary: `--journal=<the sample folder>` lists the sample kills with their killers
# (kernel, oomd, earlyoom, nohang) and units, earlier boots marked; F5 opens the kills by
# unit, Enter a unit's kills, Enter a kill's episode (the killer's own lines), Esc goes back
# a step at a time. Then the kill source's wake-ups (issue 19 item 6, the screen's part): a
# saved log in a regular file refreshes at -d, not 4 times a second, and a FIFO whose
# writer closed does not spin.
# With systemd-journal-remote (it writes journal files from the export format) a journal
# is written while the screen reads it: a busy journal's noise does not bring refreshes
# forward, a kill does (it shows within seconds at -d 10); without it, that part says so.
# Skips (77) without tmux, or when oomtop was built without journal support (it says so).
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd tmux

DIR=$SRCDIR/tests/fixtures/journal
if ! "$OOMTOP" --events --journal="$DIR/p4-earlyoom.journal" >/dev/null 2>"$E2E_TMP/err"; then
	grep -q "built without journal support" "$E2E_TMP/err" || fail "--journal failed: $(cat "$E2E_TMP/err")"
	skip "oomtop was built without journal support (libsystemd), and says so"
fi

tmux_session journal
export HOME="$E2E_TMP/home" XDG_CONFIG_HOME="$E2E_TMP/config" LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$HOME"

start() { screen_start "$@"; }
exit_status() { screen_exit_status 10; }
# the OOM pane's rows: an earlier boot's are marked b
rows() { screen | grep -E '^[ b](20[0-9][0-9]-|[A-Z][a-z][a-z] [0-9])'; }

# --- the OOM pane, zoomed: every killer, units, earlier boots
start 120 40 --journal="$DIR" -d 0.5
wait_for 'OOM KILL +PID +VICTIM +KILLER +UNIT'
keys Tab m
wait_for '^ OOM KILL' 5 "the OOM pane zoomed"
wait_for 'earlyoom' 5 "the sample kills"
for killer in kernel oomd earlyoom nohang; do
	rows | grep -q " $killer " || fail "no kill by $killer listed: $(screen)"
done
rows | grep -q 'varnish.service' || fail "no unit on the varnish kill"
rows | grep -q 'session-2.scope' || fail "no unit on the doxygen kill"
rows | grep -q 'whole cgroup .*oomd .*app-kitty' || fail "systemd-oomd's kill does not name its cgroup"
[ "$(rows | grep -c '^b')" -ge 20 ] || fail "the sample boots are not marked as earlier boots: $(rows)"
pass "the OOM pane lists the journal's kills with killers, units and earlier boots"

# --- F5: by unit; Enter: a unit's kills; Enter: an episode; Esc back step by step
keys F5
wait_for 'OOM kills by unit, most first: 26 kills'
screen | grep -Eq '^ kworker/27:0-events \(no unit\) +7 ' || fail "kworker's 7 kills not first: $(screen)"
screen | grep -Eq 'cri-containerd-.*scope +6 .*at once' || fail "the container's kills at once not listed"
screen | grep -q '^system-postgresql.slice: 1 kill' ||
	fail "not on the unit of the kill selected in the OOM pane: $(screen | tail -2)"
keys Up Up Up Up Up Up # (Home: tmux sends what xterm-256color does not know)
wait_for '^kworker/27:0-events \(no unit\): 7 kills in 26m, every 3m' 5 "the rhythm in the status line"
keys Enter
wait_for 'kworker/27:0-events \(no unit\): 7 kills'
[ "$(rows | grep -c 'earlyoom')" -eq 7 ] || fail "not the unit's 7 kills: $(screen)"
keys Enter
wait_for "earlyoom's lines:"
screen | grep -q 'Killed by *earlyoom (user space): avail' ||
	fail "the episode does not name the killer: $(screen)"
keys Escape
wait_for 'kworker/27:0-events \(no unit\): 7 kills'
keys Escape
wait_for 'OOM kills by unit, most first'
keys Escape
wait_for '^ OOM KILL +PID +VICTIM +KILLER'
screen | grep -q 'OOM kills by unit' && fail "Esc did not return to the main screen"
pass "F5 opens the kills by unit, Enter a unit's kills and an episode, Esc returns step by step"
keys q
[ "$(exit_status)" = 0 ] || fail "q did not exit 0"
T kill-session -t oomtop

# --- a saved log in a regular file: refreshes at -d (it is always readable, never news),
# and does not spin between them
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
hz=$(getconf CLK_TCK)
LOG=$SRCDIR/tests/fixtures/kmsg/k6.1-global-1.txt
[ -r "$LOG" ] || fail "no $LOG"
t0=$(date +%s.%N)
start 100 30 --kmsg="$LOG" -d 2 -n 3
sleep 1
PID=$(pgrep -n -f "^$OOMTOP --kmsg=$LOG")
c0=$(ticks "$PID")
sleep 2
c1=$(ticks "$PID")
st=$(exit_status)
t1=$(date +%s.%N)
[ "$st" = 0 ] || fail "-n 3 exited $st: $(cat "$E2E_TMP/stderr")"
took=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
note "3 refreshes at -d 2 with --kmsg=<regular file> took ${took}s; pid ${PID:-?} used $((c1 - c0)) ticks of $((2 * hz)) in 2 s"
awk -v t="$took" 'BEGIN { exit !(t >= 3.9) }' || fail "3 refreshes at -d 2 took ${took}s: the file's readability brought them forward"
[ -n "$PID" ] && [ $((c1 - c0)) -lt $((2 * hz / 4)) ] || fail "oomtop spins on a regular file: $((c1 - c0)) ticks in 2 s"
T kill-session -t oomtop
pass "--kmsg=<regular file> refreshes at -d, without spinning"

# --- a FIFO whose writer has closed: no spinning
mkfifo "$E2E_TMP/kmsg"
start 100 30 --kmsg="$E2E_TMP/kmsg" -d 1
wait_for 'OOM KILL'
PID=$(pgrep -n -f "^$OOMTOP --kmsg=$E2E_TMP/kmsg")
[ -n "$PID" ] || fail "no oomtop process"
cat "$LOG" >"$E2E_TMP/kmsg" # the writer opens, writes a kill report and closes
wait_for 'Out of memory|global' 10 "the kill from the FIFO"
c0=$(ticks "$PID")
sleep 3
c1=$(ticks "$PID")
note "oomtop (pid $PID) used $((c1 - c0)) ticks (of $((3 * hz))) in 3 s after the FIFO's writer closed"
[ $((c1 - c0)) -lt $((3 * hz / 4)) ] || fail "oomtop spins after the FIFO's writer closed: $((c1 - c0)) ticks in 3 s"
keys q
[ "$(exit_status)" = 0 ] || fail "q did not exit 0"
T kill-session -t oomtop
pass "a FIFO at its end is not waited on (no spinning)"

# --- a journal written while the screen reads it (systemd-journal-remote writes the files)
REMOTE=
for r in /usr/lib/systemd/systemd-journal-remote /lib/systemd/systemd-journal-remote; do
	[ -x "$r" ] && REMOTE=$r && break
done
if [ -z "$REMOTE" ]; then
	note "no systemd-journal-remote: the live journal part is not run (apt-get install systemd-journal-remote)"
	exit 0
fi
BOOT=$(tr -d '-' </proc/sys/kernel/random/boot_id)
entry() { # entry TRANSPORT IDENTIFIER MESSAGE: one entry of the Journal Export Format, now
	printf '__REALTIME_TIMESTAMP=%s\n__MONOTONIC_TIMESTAMP=%s\n_BOOT_ID=%s\n_TRANSPORT=%s\nSYSLOG_IDENTIFIER=%s\nMESSAGE=%s\n\n' \
		"$(date +%s%6N)" "$(awk '{ printf "%d", $1 * 1000000 }' /proc/uptime)" "$BOOT" "$1" "$2" "$3"
}
noise() { # another program's lines and kernel lines, none about a kill, for $1 seconds
	end=$(($(date +%s) + $1))
	while [ "$(date +%s)" -lt "$end" ]; do
		entry kernel kernel "usb 1-1: new high-speed USB device number 3"
		entry stdout busyapp "request served"
		sleep 0.02
	done
}
J=$E2E_TMP/live
mkdir -p "$J"
entry stdout busyapp "started" | "$REMOTE" -o "$J/live.journal" - >/dev/null 2>&1 || fail "$REMOTE cannot write $J/live.journal"
noise 30 | "$REMOTE" -o "$J/live.journal" - >/dev/null 2>&1 &
NOISE=$!
E2E_PIDS="$E2E_PIDS $NOISE"
sleep 1
t0=$(date +%s.%N)
start 100 30 --journal="$J" -d 2 -n 4
st=$(exit_status 30)
t1=$(date +%s.%N)
[ "$st" = 0 ] || fail "-n 4 exited $st: $(cat "$E2E_TMP/stderr")"
took=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
note "4 refreshes at -d 2 while the journal is written about 100 times a second took ${took}s"
awk -v t="$took" 'BEGIN { exit !(t >= 5.8) }' || fail "4 refreshes at -d 2 took ${took}s: the journal's noise brought them forward"
T kill-session -t oomtop
pass "a busy journal's noise does not bring refreshes forward"

start 120 30 --journal="$J" -d 10
wait_for 'OOM KILL'
sleep 1
t0=$(date +%s.%N)
{
	entry kernel kernel "leaky invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0"
	entry kernel kernel "Out of memory: Killed process 4242 (leaky) total-vm:400kB, anon-rss:200kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0"
} | "$REMOTE" -o "$J/live.journal" - >/dev/null 2>&1
wait_for ' 4242 leaky ' 5 "the kill, long before the next tick (-d 10)"
t1=$(date +%s.%N)
note "the kill showed $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')s after it was written (-d 10)"
keys q
[ "$(exit_status)" = 0 ] || fail "q did not exit 0"
pass "a kill written to the journal shows up before the next tick"
