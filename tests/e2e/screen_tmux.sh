#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The screen, driven in tmux with the real binary (issue 5, "done when"): start at
# 120x40 with a theme that has an unknown key and a bad value (FILE:LINE messages, and it
# still runs), the three panes and the columns of oomtop(1), sort, filter, resize to 80x24
# and 40x12, select a cgroup, sort the cgroups, open an OOM episode when the kernel log
# holds one, quit with q (status 0, the shell's screen back), and SIGTERM restores the
# terminal too.
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd tmux

tmux_session test

cat >"$E2E_TMP/bad.theme" <<'THEME'
# a user's theme with two mistakes
theme[main_fg]=""
theme[no_such_key]="#ffffff"
theme[selected_bg]="#12345"
THEME

export HOME="$E2E_TMP/home" XDG_CONFIG_HOME="$E2E_TMP/config" LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$HOME"
# a process whose name is easy to filter for
sleep 300 &
SLEEPER=$!
E2E_PIDS="$E2E_PIDS $SLEEPER"

start() { screen_start "$@"; }
exit_status() { screen_exit_status 5; }

# --- start, theme problems, panes and columns
start 120 40 --theme="$E2E_TMP/bad.theme" -d 0.5
wait_for 'PID +USER +CGROUP +RSS +RSS/h. +SWAP +SCORE +ADJ +FDS +FD/h +THR +COMMAND'
screen | grep -q '^oomtop ' || fail "no header line"
screen | grep -Eq '^Mem ' || fail "no memory meter"
screen | grep -Eq ' CGROUP v[12] +USAGE +WSET +LIMIT' || fail "no cgroup pane"
screen | grep -Eq ' OOM KILL +PID +VICTIM' || fail "no OOM pane"
screen | grep -Eq 'F1Help.*F10Quit' || fail "no key bar"
grep -q "bad.theme:3: unknown key 'no_such_key'" "$E2E_TMP/stderr" || fail "no file:line for the unknown key: $(cat "$E2E_TMP/stderr")"
grep -q "bad.theme:4: bad value '#12345' for selected_bg" "$E2E_TMP/stderr" || fail "no file:line for the bad value"
screen | grep -q "bad.theme:3: unknown key" || fail "the theme problem is not in the status line"
pass "starts at 120x40 with the panes, the columns and FILE:LINE theme messages"

# --- sort: > moves to the next column, F6 opens the menu
keys '>'
wait_for 'SWAP. +SCORE'
keys F6
wait_for 'Sort by'
keys Escape
wait_for 'SWAP. +SCORE'
keys '<'
wait_for 'RSS/h. +SWAP '
pass "sorts with < > and F6"

# --- filter: \ narrows as it is typed
keys '\' s l e e p ' ' 3 0 0 Enter
wait_for 'filter "sleep 300"'
rows=$(screen | grep -c 'sleep 300')
[ "$rows" -ge 1 ] || fail "the filtered process is not shown"
screen | grep -E '^[ VKx!] +[0-9]+ ' | grep -v 'sleep 300' | grep -q . &&
	fail "filter left other rows: $(screen | grep -E '^[ VKx!] +[0-9]+ ' | grep -v 'sleep 300')"
pass "filter narrows the table"

# --- resize
T resize-window -t oomtop -x 80 -y 24
wait_for 'F10Quit'
wait_for 'PID +USER'
wait_for ' CGROUP v[12]' # the redraw after SIGWINCH may land a refresh later
[ "$(screen | wc -l)" -le 24 ] || fail "more than 24 lines at 80x24"
screen | grep -Eq ' CGROUP v[12]' || fail "cgroup pane gone at 80x24"
T resize-window -t oomtop -x 40 -y 12
wait_for '^Mem '
wait_for 'PID'
T resize-window -t oomtop -x 120 -y 40
wait_for 'CGROUP v[12] +USAGE +WSET +LIMIT +HIGH'
pass "survives 80x24 and 40x12"

# --- cgroup: Esc clears the filter, S-Tab to the cgroup pane, Enter shows only its processes
keys Escape
wait_for 'showing all processes'
keys BTab Down Enter
wait_for 'processes of /.* and below'
keys Enter
wait_for 'processes of all cgroups'
pass "selects a cgroup and shows only its processes"

# --- the cgroup pane's own sort keys: F6 sorts the cgroups there, > walks to ETA (flat),
# F5 back to the tree
keys F6
wait_for 'Sort the cgroups by'
keys Escape
keys '>'
wait_for 'cgroups flat, by ETA'
wait_for ' WSET/h +ETA. '
keys F5
wait_for 'cgroups as a tree'
pass "sorts the cgroups with F6 and > in their pane"

# --- OOM episode
keys Tab Tab
if screen | grep -q 'no OOM kills in the kernel log'; then
	note "the kernel log holds no OOM kill here: episode step skipped (tests/tui covers it)"
else
	keys Enter
	wait_for 'Task table'
	wait_for 'Kernel lines'
	keys Escape
	wait_for 'F10Quit'
	pass "opens an OOM episode"
fi

# --- help, then quit with q
keys '?'
wait_for 'help: keys'
keys q
wait_for 'F10Quit'
keys q
[ "$(exit_status)" = 0 ] || fail "q exited $(cat "$E2E_TMP/status")"
wait_for 'SHELL-IS-BACK'
screen | grep -q 'F10Quit' && fail "the screen was not restored after q"
pass "q exits 0 and the shell's screen is back"

# The terminal after oomtop: main screen (not the alternate one), cursor visible, keypad
# and mouse reporting off, and the shell's text back.
restored() { # restored HOW
	wait_for 'SHELL-IS-BACK'
	screen | grep -q 'F10Quit' && fail "$1: the screen was not restored"
	st=$(T display-message -p -t oomtop '#{alternate_on} #{cursor_flag} #{keypad_flag} #{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}')
	[ "$st" = "0 1 0 000" ] || fail "$1: terminal state (alternate cursor keypad mouse) is '$st', expected '0 1 0 000'"
}
restored "q"
T kill-session -t oomtop

# --- a leaker is at the top by default (issue 5): at start no slope is known and pid 1
# sorts first; when the window fills, the selection must stay on the first row (the top
# of the sorted list), not follow pid 1 down and scroll the leaker out of sight. Other
# tests may run alongside and leave fast-growing ghosts: G hides exited processes, and
# the leaker must be on the first screen of the pane with the first row selected
# (--no-color: the selection is drawn in reverse video).
"$BUILDDIR/tests/e2e/leaker" -r 4 -t 60 &
LEAKER=$!
E2E_PIDS="$E2E_PIDS $LEAKER"
start 120 40 -w 10 -d 0.5 --no-color
wait_for 'F10Quit'
keys G
wait_for 'exited processes hidden'
proc_rows() { screen | awk '/ PID +USER +CGROUP/ { on = 1; next } / OOM KILL +PID/ { on = 0 } on'; }
i=0
while [ $i -lt 60 ] && ! proc_rows | grep -Eq "^.? *$LEAKER .*\+[0-9.]+[KMG]/h"; do
	sleep 0.5
	i=$((i + 1))
done
proc_rows | grep -Eq "^.? *$LEAKER .*\+[0-9.]+[KMG]/h" || {
	screen | sed 's/^/#   /'
	fail "after the window filled the leaker ($LEAKER) is not on the process pane's first screen"
}
sel=$(T capture-pane -e -p -t oomtop | awk '/ PID +USER +CGROUP/ { getline; print; exit }')
case "$sel" in
*"$(printf '\033')[7m"* | *"$(printf '\033')[0;7m"*) ;;
*) fail "the selection is not on the first row of the process pane: $sel" ;;
esac
keys q
[ "$(exit_status)" = 0 ] || fail "q exited $(cat "$E2E_TMP/status")"
kill "$LEAKER" 2>/dev/null
pass "the leaker is on the first screen, the first row selected, once the window fills (-w 10)"


# --- every signal that ends it restores the terminal (exit 128+N); a crash signal is
# re-raised after the terminal is restored
for sig in INT:130 HUP:129 TERM:143 SEGV:139; do
	name=${sig%:*} want=${sig#*:}
	T kill-session -t oomtop
	start 80 24
	wait_for 'F10Quit'
	pid=$(pgrep -n -f "^$OOMTOP\$") || fail "cannot find the oomtop process"
	kill -"$name" "$pid"
	[ "$(exit_status)" = "$want" ] || fail "SIG$name: exit $(cat "$E2E_TMP/status"), expected $want"
	restored "SIG$name"
	pass "SIG$name restores the terminal (exit $want)"
done
exit 0
