#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The settings file takes effect (issue 12): with delay=3, window=120 and sort=pid in
# $XDG_CONFIG_HOME/oomtop/oomtoprc, the screen's header says "every 3s  window 2m" and
# the process pane is sorted by PID; -d and -w on the command line override the file
# where given and only there; batch mode reads the same file; a bad line is reported as
# FILE:LINE (stderr and status line) and the rest of the file still applies; a window
# too short for the delay is replaced and said so.
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd tmux

tmux_session settings
export HOME="$E2E_TMP/home" XDG_CONFIG_HOME="$E2E_TMP/config" LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$HOME" "$XDG_CONFIG_HOME/oomtop"
rc="$XDG_CONFIG_HOME/oomtop/oomtoprc"
cat >"$rc" <<'RC'
# a user's settings
delay=3
window=120
sort=pid
RC

start() { # start ARGS...
	rm -f "$E2E_TMP/status"
	T kill-session -t oomtop 2>/dev/null
	T -u new-session -d -s oomtop -x 120 -y 40 \
		"TERM=xterm-256color $OOMTOP $* 2>'$E2E_TMP/stderr'; echo \$? >'$E2E_TMP/status'; sleep 600"
}
quit() {
	keys q
	i=0
	while [ ! -s "$E2E_TMP/status" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	[ "$(cat "$E2E_TMP/status" 2>/dev/null)" = 0 ] || fail "oomtop did not quit with 0"
}

start
wait_for ' every 3s  window 2m' 10 "delay and window from the file"
wait_for ' +PID. +USER' 5 "sorted by PID (the file's sort=pid)"
quit
pass "oomtoprc's delay=3, window=120 and sort=pid are applied"

start -d 2
wait_for ' every 2s  window 2m' 10 "-d over the file's delay, the file's window kept"
quit
start -w 60
wait_for ' every 3s  window 1m' 10 "-w over the file's window, the file's delay kept"
wait_for ' +PID. +USER' 5 "the file's sort kept"
quit
start -s rss
wait_for ' +RSS. +RSS/h' 10 "-s over the file's sort"
quit
pass "the command line overrides the file where given, and only there"

# batch mode reads the same file
out=$("$OOMTOP" -b -n 1 2>"$E2E_TMP/berr") || fail "oomtop -b failed: $(cat "$E2E_TMP/berr")"
printf '%s\n' "$out" | head -n 1 | grep -q 'refresh 3s  window 120s' ||
	fail "batch header: $(printf '%s\n' "$out" | head -n 1)"
"$OOMTOP" -b -n 1 -d 1 | head -n 1 | grep -q 'refresh 1s  window 120s' || fail "batch: -d over the file"
pass "batch mode reads the file too"

# a window too short for the delay; a -w too short for the file's delay; a bad line
cat >"$rc" <<'RC'
delay=60
window=120
bogus line
sort=pid
RC
"$OOMTOP" -b -n 1 >"$E2E_TMP/out" 2>"$E2E_TMP/berr" || fail "oomtop -b failed: $(cat "$E2E_TMP/berr")"
grep -q "oomtoprc:3: expected key=value" "$E2E_TMP/berr" || fail "no FILE:LINE for the bad line: $(cat "$E2E_TMP/berr")"
grep -q "oomtoprc: window=120 is too short for a delay of 60 s .*using 600" "$E2E_TMP/berr" ||
	fail "the short window is not reported: $(cat "$E2E_TMP/berr")"
head -n 1 "$E2E_TMP/out" | grep -q 'refresh 60s  window 600s' || fail "batch header: $(head -n 1 "$E2E_TMP/out")"
"$OOMTOP" -b -n 1 -w 100 >/dev/null 2>"$E2E_TMP/berr"
st=$?
[ $st = 2 ] || fail "-w 100 with the file's delay=60: exit $st, want 2"
grep -q -- "--window: 100 s is too short for a delay of 60 s (the settings file's)" "$E2E_TMP/berr" ||
	fail "message: $(cat "$E2E_TMP/berr")"
start
wait_for 'oomtoprc:3: expected key=value \(and 1 more' 10 "the first problem in the status line"
wait_for ' every 60s  window 10m' 5
wait_for ' +PID. +USER' 5 "the lines after the bad one still apply"
quit
grep -q "oomtoprc:3: expected key=value" "$E2E_TMP/stderr" || fail "stderr lacks the problem"
pass "bad lines and a too-short window are reported as FILE:LINE, the rest applies"
