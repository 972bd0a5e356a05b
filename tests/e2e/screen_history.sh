#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/e2e/screen_history.sh — the screen with a recording (issue 14 items 4 and 5), the
# real binary in tmux:
#   - `oomtop --record` runs 40 s (-d 1) beside tests/e2e/leaker (1 MiB/s);
#   - a screen started with --history=DB -w 60 shows the leaker's rate in its FIRST frame
#     (-d 15: the next refresh is 15 s away; a rate needs samples over half the window, so
#     the recording covers it); without the history the first frame has none;
#   - --at=-20s opens at the recorded moment 20 s back: RECORDED, its date and time and how
#     long ago in the header, "history (not live)" in the status line; `,` steps a moment
#     back (an earlier time shown) and `.` forward again; an oom_score_adj key is refused
#     with the reason; L returns to live (the live header).
# Takes ~60 s.
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd tmux
[ -x "$BUILDDIR/tests/e2e/leaker" ] || skip "helpers not built (make check builds them)"

tmux_session history
export HOME="$E2E_TMP/home" XDG_CONFIG_HOME="$E2E_TMP/config" XDG_STATE_HOME="$E2E_TMP/state" \
	LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$HOME"
DB="$E2E_TMP/history.db"

# ---- record 40 s beside a leaker ---------------------------------------------------------
"$BUILDDIR/tests/e2e/leaker" -r 1 -t 120 &
LEAK=$!
E2E_PIDS="$E2E_PIDS $LEAK"
"$OOMTOP" --record="$DB" -d 1 --history-flush=10 >/dev/null 2>"$E2E_TMP/rec.err" &
REC=$!
E2E_PIDS="$E2E_PIDS $REC"
sleep 40
kill -TERM "$REC"
wait "$REC" || fail "the recorder exited $?: $(cat "$E2E_TMP/rec.err")"

# the leaker's row on the screen: its pid, then a growth rate in the RSS/h column
rate_row() { screen | grep -E "^.? *$LEAK .* \+[0-9.]+[KMG]/h "; }

# ---- the first frame has the rate --------------------------------------------------------
screen_start 140 30 --history="$DB" -w 60 -d 15 -p "$LEAK"
wait_for "^ *[A-Z]? *$LEAK " 5 "the leaker's row"
rate_row >/dev/null || { screen | sed 's/^/#   /'; fail "no rate for the leaker in the first frame"; }
pass "first frame, -w 60: $(rate_row | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /\/h$/) { print $i; exit } }') for the leaker"
keys q
[ "$(screen_exit_status 5)" = 0 ] || fail "q exited $(cat "$E2E_TMP/status")"
T kill-session -t oomtop
screen_start 140 30 --no-history -w 60 -d 15 -p "$LEAK"
wait_for "^ *[A-Z]? *$LEAK " 5 "the leaker's row"
rate_row >/dev/null && fail "without the history the first frame has a rate already: the test proves nothing"
keys q
screen_exit_status 5 >/dev/null
T kill-session -t oomtop

# ---- --at=-20s: the recorded moment, stepped through, then live --------------------------
shown() { screen | sed -n 's/^RECORDED \([0-9-]* [0-9:]*\), .*/\1/p'; }
screen_start 140 30 --history="$DB" --at=-20s -w 60 -d 1 -p "$LEAK"
wait_for '^RECORDED [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}, [0-9]+s ago' 5 "the recorded moment's header"
wait_for '^history \(not live\)' 5 "the status line"
t0=$(shown)
ago=$(screen | sed -n 's/^RECORDED [^,]*, \([0-9]*\)s ago.*/\1/p')
[ "$ago" -ge 18 ] && [ "$ago" -le 25 ] || fail "--at=-20s shows a moment ${ago}s ago"
# until the moment shown is another than $1; then it is in $now
moved() {
	i=0
	while [ $i -lt 50 ]; do
		now=$(shown)
		[ -n "$now" ] && [ "$now" != "$1" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	screen | sed 's/^/#   /'
	fail "the moment shown stayed $1"
}
keys ,
moved "$t0"
t1=$now
[ "$(printf '%s\n%s\n' "$t1" "$t0" | sort | head -n 1)" = "$t1" ] || fail ", went from $t0 to $t1, not back"
keys .
moved "$t1"
[ "$now" = "$t0" ] || fail ". went from $t1 to $now, not back to $t0"
keys ']'
wait_for 'oom_score_adj is changed only live' 5 "the adj key refused"
pass "--at=-20s: $t0 (${ago}s ago); , to $t1 and . back; ] refused"
keys L
wait_for '^oomtop ' 5 "the live header"
screen | grep -q '^RECORDED' && fail "L: the recorded header is still there"
wait_for 'live again' 5
keys q
[ "$(screen_exit_status 5)" = 0 ] || fail "q exited $(cat "$E2E_TMP/status")"
pass "L returns to live; q exits 0"
