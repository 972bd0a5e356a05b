#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The oom_score_adj controls on the real screen, in tmux (issue 6 §3 and §4): ] and [ move
# a hog's oom_score_adj by 100 and the status line says so; z undoes, change by change;
# `a` -950 asks for confirmation with the preview of the next victim, and the kernel's
# refusal (no CAP_SYS_RESOURCE: below the process's oom_score_adj_min) is named;
# --readonly changes nothing and says so; two tagged hogs are raised together after a
# confirmation.
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd tmux
need_root "changes oom_score_adj of its own test processes and expects root's refusals"

tmux_session adj
adj_of() { cat "/proc/$1/oom_score_adj"; }
wait_adj() { # PID VALUE: the kernel's value becomes VALUE
	i=0
	while [ $i -lt 50 ] && [ "$(adj_of "$1")" != "$2" ]; do sleep 0.1; i=$((i + 1)); done
	[ "$(adj_of "$1")" = "$2" ] || fail "pid $1: oom_score_adj is $(adj_of "$1"), expected $2"
}
start() { # COLS LINES ARGS...
	x=$1 y=$2
	shift 2
	T -u new-session -d -s oomtop -x "$x" -y "$y" \
		"TERM=xterm-256color $OOMTOP $* 2>'$E2E_TMP/stderr'; echo \$? >'$E2E_TMP/status'; sleep 600"
	wait_for 'F10Quit'
}
stop() {
	keys q
	sleep 0.3
	T kill-session -t oomtop 2>/dev/null
	rm -f "$E2E_TMP/status"
}

export HOME="$E2E_TMP/home" XDG_CONFIG_HOME="$E2E_TMP/config" LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$HOME"
capeff=$(awk '/^CapEff:/ { print $2 }' /proc/self/status)
has_sys_resource=$(( (0x$capeff >> 24) & 1 ))

start_probe -a 500 8
HOG=$PROBE_PID
[ "$(adj_of "$HOG")" = 500 ] || fail "hog did not set its adj"

# --- ] raises by 100, [ lowers by 100, z undoes the last change, then the one before
start 120 40 -p "$HOG" -d 0.5
wait_for "^.? *$HOG .* 500 "
keys ']'
wait_adj "$HOG" 600
wait_for "pid $HOG \\(hog\\): oom_score_adj 500 -> 600"
wait_for "^.? *$HOG .* 600 "
pass "] raises 500 to 600 and the status line says so"
keys '['
wait_adj "$HOG" 500
keys '['
wait_adj "$HOG" 400
wait_for "oom_score_adj 500 -> 400"
pass "[ twice lowers it to 400"
keys z
wait_adj "$HOG" 500
wait_for "undone: pid $HOG \\(hog\\): oom_score_adj 400 -> 500"
keys z
wait_adj "$HOG" 600
keys z
wait_adj "$HOG" 500
keys z
wait_for "no oom_score_adj change to undo"
pass "z undoes change by change: 400 -> 500 -> 600 -> 500, then nothing is left"
keys ']'
wait_adj "$HOG" 600

# --- a -950: asks first, with the preview; as root without CAP_SYS_RESOURCE the kernel
# refuses (below the hog's oom_score_adj_min, 0) and the status line names the capability
keys a
wait_for 'Set oom_score_adj'
keys - 9 5 0
wait_for "pid $HOG hog: oom_score_adj 600 -> -950"
wait_for "next victim in .* (would become|stays) "
keys Enter
wait_for 'Change oom_score_adj\?'
wait_for '900 and below is nearly unkillable'
wait_for "Effect on the kernel's next OOM victim"
[ "$(adj_of "$HOG")" = 600 ] || fail "changed before the confirmation"
keys n
wait_for 'cancelled: oom_score_adj not changed'
[ "$(adj_of "$HOG")" = 600 ] || fail "n changed it"
pass "a -950 asks for confirmation, shows the preview; n changes nothing"
keys a - 9 5 0 Enter
wait_for 'Change oom_score_adj\?'
keys y
if [ "$has_sys_resource" = 1 ]; then
	wait_adj "$HOG" -950
	wait_for "oom_score_adj 600 -> -950"
	pass "confirmed -950 written (this root has CAP_SYS_RESOURCE)"
	keys z
	wait_adj "$HOG" 600
else
	wait_for "refused: lowering pid $HOG \\(hog\\) from 600 to -950 needs CAP_SYS_RESOURCE"
	[ "$(adj_of "$HOG")" = 600 ] || fail "the refused write changed it"
	pass "confirmed -950 is refused by the kernel and the status line names CAP_SYS_RESOURCE"
fi

# --- a bad value stays in the dialog and says why
keys a 1 2 3 4
wait_for 'out of range'
keys Enter
wait_for 'Set oom_score_adj'
keys Escape
wait_for 'cancelled'
[ "$(adj_of "$HOG")" = 600 ] || fail "a bad value changed it"
pass "an out-of-range value is refused in the dialog"
stop

# --- --readonly: nothing changes, the status line says read-only
start 120 40 -p "$HOG" -d 0.5 --readonly
wait_for "^.? *$HOG "
keys ']'
wait_for 'read-only \(--readonly\): oom_score_adj not changed'
sleep 0.5
[ "$(adj_of "$HOG")" = 600 ] || fail "--readonly changed it"
keys a
wait_for 'read-only'
pass "--readonly refuses ] and a with a clear message"
stop

# --- two tagged hogs raised together, after a confirmation; at 80x24
start_probe -a 500 4
H1=$PROBE_PID
start_probe -a 500 4
H2=$PROBE_PID
start 80 24 -p "$H1,$H2" -d 0.5
wait_for "^.? *$H1 "
wait_for "^.? *$H2 "
keys Space Space
wait_for '2 tagged'
screen | grep -Eq "^.? *\\*$H1 " || fail "no tag mark on $H1"
screen | grep -Eq "^.? *\\*$H2 " || fail "no tag mark on $H2"
keys ']'
wait_for 'Change oom_score_adj\?'
wait_for '2 tagged processes, each \+100'
[ "$(adj_of "$H1")" = 500 ] || fail "changed before the confirmation"
keys y
wait_adj "$H1" 600
wait_adj "$H2" 600
wait_for 'oom_score_adj of 2 tagged: 2 changed'
pass "Space tags two hogs; ] asks, then raises both to 600"
keys z
wait_adj "$H1" 500
wait_adj "$H2" 500
wait_for 'undone: 2 processes restored'
keys U
wait_for 'untagged 2'
pass "z restores both; U untags"
stop
exit 0
