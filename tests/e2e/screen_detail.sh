#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The detail view on the real screen, in tmux (issue 16 "done when"): a process leaking
# sockets toward its 1,500-fd limit (tests/e2e/sockleak under prlimit), Enter on it: the
# view shows its socket count, its fd limit and the ETA to it, PSS, and the plots of RSS,
# fds and threads filling (block glyphs in a UTF-8 locale); ] raises its oom_score_adj from
# the view (as root: the kernel allows raising it); the process exits while its view is
# open: the view says so and keeps the last values; Esc returns to the list, q quits.
# Then the same in a non-UTF-8 locale: ASCII plots. And with a recording (--record): the
# plots of a process opened start with its recorded window, not empty.
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd tmux
need_cmd prlimit
helper="$BUILDDIR/tests/e2e/sockleak"
[ -x "$helper" ] || skip "tests/e2e/sockleak not built (make check builds it)"

tmux_session detail
export HOME="$E2E_TMP/home" XDG_CONFIG_HOME="$E2E_TMP/config"
mkdir -p "$HOME"

leaker() { # RATE LIFETIME: start a socket leaker; sets LEAKER
	fifo="$E2E_TMP/ready.$RANDOM"
	mkfifo "$fifo"
	prlimit --nofile=1500:1500 "$helper" -r "$1" -t "$2" >"$fifo" &
	LEAKER=$!
	E2E_PIDS="$E2E_PIDS $LEAKER"
	read -r _ pid <"$fifo" || fail "sockleak did not start"
	[ "$pid" = "$LEAKER" ] || fail "sockleak is $pid, not $LEAKER"
}
adj_of() { cat "/proc/$1/oom_score_adj"; }

# --- UTF-8: open the view on the leaker (the only row: -p)
export LANG=C.UTF-8 LC_ALL=C.UTF-8
leaker 10 60
screen_start 100 30 -p "$LEAKER" -d 0.5 -w 10
wait_for "^.? *$LEAKER " 10 "the leaker's row"
keys Enter
wait_for "sockleak \\(pid $LEAKER\\)" 5 "the view's title"
wait_for 'Fds +[0-9]+ .*limit 1500 \(hard 1500\)' 10 "the fd limit"
wait_for 'socket [0-9]+ ' 10 "the socket count"
wait_for 'PSS [0-9.]+[KMG]? ' 10 "PSS"
wait_for 'full in [0-9]+[sm]' 15 "the fd ETA (after the 10 s window has 5 samples)"
wait_for 'Fds +[0-9]+ +[0-9]+ to [0-9]+ over the last 10s' 5 "the fds plot's title"
screen | grep -q '[▁▂▃▄▅▆▇█]' || fail "no block glyphs in the plots: $(screen)"
sockets=$(screen | sed -n 's/.*socket \([0-9][0-9]*\).*/\1/p' | head -n 1)
[ "${sockets:-0}" -ge 10 ] || fail "the socket count is ${sockets:-none}"
screen | grep -q 'EscBack F7Adj- F8Adj+' || fail "no key bar for the view: $(screen | tail -n 1)"
pass "Enter opens the view: $sockets sockets, the fd limit and ETA, PSS, block plots"

# --- the adj keys work from the view
before=$(adj_of "$LEAKER")
keys ']'
i=0
while [ $i -lt 50 ] && [ "$(adj_of "$LEAKER")" = "$before" ]; do sleep 0.1; i=$((i + 1)); done
[ "$(adj_of "$LEAKER")" = $((before + 100)) ] || fail "] in the view left oom_score_adj at $(adj_of "$LEAKER")"
wait_for "oom_score_adj $before -> $((before + 100))" 5 "the status line's word on the change"
wait_for "sockleak \\(pid $LEAKER\\)" 2 "still the view"
pass "] in the view raised its oom_score_adj to $((before + 100)) and the view stayed"

# --- it exits while the view is open: the view says so and keeps the last values
sleep 1
kill "$LEAKER"
wait "$LEAKER" 2>/dev/null
wait_for "sockleak \\(pid $LEAKER\\) exited" 5 "the title saying it exited"
wait_for 'Exited [0-9]+s ago' 5 "the line saying when"
wait_for 'socket [0-9]+ ' 2 "the last socket count"
last=$(screen | sed -n 's/.*socket \([0-9][0-9]*\).*/\1/p' | head -n 1)
[ "${last:-0}" -ge "$sockets" ] || fail "the last socket count is ${last:-gone}, was $sockets"
# the ghost row expires after a minute; the view keeps its values for as long as it is open
sleep 2
screen | grep -q "socket $last " || fail "the socket count changed after the exit: $(screen | grep socket)"
pass "the exit is shown, with the last values ($last sockets)"
keys Escape
wait_for 'F10Quit' 5 "the main screen"
screen | grep -q "sockleak (pid" && fail "still in the view after Esc"
keys q
[ "$(screen_exit_status 5)" = 0 ] || fail "oomtop exited $(cat "$E2E_TMP/status")"
pass "Esc returns, q quits"

# --- a non-UTF-8 locale: the plots in ASCII
T kill-session -t oomtop 2>/dev/null
export LANG=C LC_ALL=C
leaker 10 60
screen_start 100 30 -p "$LEAKER" -d 0.5 -w 10
wait_for "^.? *$LEAKER " 10 "the leaker's row"
keys F5
wait_for 'Fds +[0-9]+ +[0-9]+ to [0-9]+ over the last 10s' 10 "the fds plot"
wait_for '^ +[.:|#]+ *$' 5 "an ASCII plot row"
screen | grep -q '[▁▂▃▄▅▆▇█]' && fail "block glyphs in a non-UTF-8 locale"
keys Escape q
[ "$(screen_exit_status 5)" = 0 ] || fail "oomtop exited $(cat "$E2E_TMP/status")"
pass "F5 opens the view; in the C locale the plots are ASCII"

# --- with a recording: the plots start with the recorded window
T kill-session -t oomtop 2>/dev/null
export LANG=C.UTF-8 LC_ALL=C.UTF-8
leaker 10 60
"$OOMTOP" --record="$E2E_TMP/history.db" -d 1 --history-flush=1 >/dev/null 2>"$E2E_TMP/rec.err" &
REC=$!
E2E_PIDS="$E2E_PIDS $REC"
sleep 8
kill -0 "$REC" 2>/dev/null || fail "the recorder stopped: $(head -n 3 "$E2E_TMP/rec.err")"
screen_start 100 30 --history="$E2E_TMP/history.db" -p "$LEAKER" -d 1 -w 60
wait_for "^.? *$LEAKER " 10 "the leaker's row"
keys Enter
wait_for 'Fds +[0-9]+ +[0-9]+ to [0-9]+ over the last 1m' 5 "the fds plot"
span=$(screen | sed -n 's/^ *Fds  *[0-9]*  *\([0-9]*\) to \([0-9]*\) over.*/\1 \2/p' | head -n 1)
lo=${span% *} hi=${span#* }
note "the fds plot at its first refresh spans $lo to $hi (10 sockets a second, 8 s recorded)"
[ $((hi - lo)) -ge 40 ] || fail "the plot spans $lo to $hi: not the recorded seconds"
kill "$REC"
keys Escape q
[ "$(screen_exit_status 5)" = 0 ] || fail "oomtop exited $(cat "$E2E_TMP/status")"
pass "with a recording, the plots start with the recorded window ($lo to $hi fds)"
