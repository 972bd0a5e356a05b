#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Hostile process names (issue 8): a process sets its comm (prctl PR_SET_NAME) and its
# command line to escape sequences, newlines, invalid UTF-8 and a 100 KiB argument. None
# of it may reach the terminal raw — batch text has no control byte but '\n' and is valid
# UTF-8 with one line per row, JSON stays valid (jq) and keeps the text (escaped),
# Prometheus labels are escaped, and the screen in tmux is neither cleared nor retitled.
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd jq

ESC=$(printf '\033')
name=$(printf 'a\033[2J\nb\377') # 6 bytes: fits comm's 15
arg_csi=$(printf '\033[2J\033[H\033]0;pwned\007\033[?1049l')
arg_nl=$(printf 'line1\nline2\r\tend')
arg_bad=$(printf '\377\376\302\233' )31m # invalid UTF-8, then a UTF-8 C1 CSI
arg_big=$(head -c 102400 /dev/zero | tr '\0' A)
start_probe -n "$name" 1 -- "$arg_csi" "$arg_nl" "$arg_bad" "$arg_big"
pid=$PROBE_PID
[ "$(od -An -c "/proc/$pid/comm" | tr -d ' \n')" = 'a033[2J\nb377\n' ] ||
	fail "the probe's comm is not the hostile one: $(od -An -c "/proc/$pid/comm")"

# no byte below 0x20 but '\n', no DEL, no C1 (raw or UTF-8-encoded), valid UTF-8
clean() { # clean FILE WHAT
	if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$1"; then
		note "$2: control bytes at:"
		LC_ALL=C grep -n "$(printf '[\001-\011\013-\037\177]')" "$1" | head -c 300 | od -c | head -n 8
		fail "$2 has raw control bytes"
	fi
	LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1" && fail "$2 has a UTF-8 C1 control"
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1 || fail "$2 is not valid UTF-8"
	return 0
}

# --- batch text: clean, and the process is one row
"$OOMTOP" -b -n 2 -d 0.2 -p "$pid" >"$E2E_TMP/out.txt" 2>"$E2E_TMP/err" || fail "text exited $?: $(cat "$E2E_TMP/err")"
clean "$E2E_TMP/out.txt" "batch text"
rows=$(grep -c "^[ *xK!]* *$pid " "$E2E_TMP/out.txt")
[ "$rows" = 2 ] || fail "batch text: $rows rows for pid $pid in 2 refreshes (a newline split a row?)"
grep "^[ *xK!]* *$pid " "$E2E_TMP/out.txt" | head -n 1 | grep -qF '\x1b[2J' ||
	fail "batch text does not show the ESC as \\x1b: $(grep "$pid" "$E2E_TMP/out.txt" | head -c 300)"
width=$(awk -v p="$pid" '$1 == p || $2 == p { print length($0) }' "$E2E_TMP/out.txt" | sort -n | tail -n 1)
[ "${width:-0}" -le 8192 ] || fail "batch text row is $width characters: the 100 KiB argument was not cut"
pass "batch text: no control bytes, valid UTF-8, one row per refresh, ESC shown as \\x1b (row width $width)"

# --- JSON: valid, one object per line, the text kept but escaped
"$OOMTOP" -b -n 2 -d 0.2 -f json -p "$pid" >"$E2E_TMP/out.json" 2>"$E2E_TMP/err" || fail "json exited $?"
clean "$E2E_TMP/out.json" "JSON"
[ "$(wc -l <"$E2E_TMP/out.json")" = 2 ] || fail "JSON: $(wc -l <"$E2E_TMP/out.json") lines for 2 refreshes"
jq -e . "$E2E_TMP/out.json" >/dev/null || fail "JSON does not parse"
# libproc2 already replaces control bytes in comm ('.' or '?'); the command line is raw
comm=$(json_last "$E2E_TMP/out.json" ".processes[] | select(.pid == $pid) | .comm")
case "$comm" in a?'[2J'?b*) ;; *) fail "JSON comm is '$comm'" ;; esac
cmd=$(json_last "$E2E_TMP/out.json" ".processes[] | select(.pid == $pid) | .cmdline" | head -c 300 | od -An -c | tr -d ' \n')
case "$cmd" in *'033[2J033[H033]0;pwned'*) ;; *) fail "JSON cmdline does not round-trip the ESC: $cmd" ;; esac
json_last "$E2E_TMP/out.json" ".processes[] | select(.pid == $pid) | .cmdline" | grep -q 'line1' ||
	fail "JSON cmdline lost the arguments"
clen=$(json_last "$E2E_TMP/out.json" ".processes[] | select(.pid == $pid) | .cmdline | length")
[ "$clen" -le 4096 ] || fail "JSON cmdline is $clen characters (kept up to 4096 bytes)"
pass "JSON: valid, escaped, cmdline round-trips, cut to $clen characters"

# --- Prometheus: process series only with a known leak rate: 6 s for a 10 s window
"$OOMTOP" -b -n 12 -d 0.5 -w 10 -f prometheus -p "$pid" >"$E2E_TMP/out.prom" 2>"$E2E_TMP/err" ||
	fail "prometheus exited $?"
clean "$E2E_TMP/out.prom" "Prometheus"
if grep -q "pid=\"$pid\"" "$E2E_TMP/out.prom"; then
	line=$(grep "^oomtop_process_rss_bytes{.*pid=\"$pid\"" "$E2E_TMP/out.prom" | head -n 1)
	case "$line" in *'comm="a'?'[2J'?'b'*) ;; *) fail "Prometheus comm label: $line" ;; esac
	pass "Prometheus: the process's series has clean labels: $line"
else
	pass "Prometheus: no control bytes (the process had no leak rate yet, so no series)"
fi

# --- the screen in tmux: not cleared, not retitled, no injected sequence
need_cmd tmux
SOCK="oomtop-hostile-$$"
T() { tmux -L "$SOCK" "$@"; }
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; e2e_cleanup' EXIT
export HOME="$E2E_TMP/home" XDG_CONFIG_HOME="$E2E_TMP/config"
mkdir -p "$HOME"
for lang in C.UTF-8 C; do
	T -u new-session -d -s hostile -x 160 -y 30 \
		"LANG=$lang LC_ALL=$lang TERM=xterm-256color $OOMTOP -d 0.3 -p $pid; sleep 600"
	T set-option -t hostile allow-rename off 2>/dev/null
	i=0
	until T capture-pane -p -t hostile | grep -q F10Quit; do
		i=$((i + 1)); [ $i -gt 50 ] && fail "$lang: the screen did not come up"
		sleep 0.1
	done
	sleep 1.2 # several refreshes with the hostile row on screen
	T capture-pane -p -t hostile >"$E2E_TMP/screen.txt"
	T capture-pane -p -e -t hostile >"$E2E_TMP/screen.esc"
	title=$(T display-message -p -t hostile '#{pane_title}')
	grep -q '^oomtop ' "$E2E_TMP/screen.txt" || fail "$lang: the header is gone (screen cleared?)"
	grep -q "^[^0-9]* $pid " "$E2E_TMP/screen.txt" || { cat "$E2E_TMP/screen.txt"; fail "$lang: no row for pid $pid"; }
	grep "^[^0-9]* $pid " "$E2E_TMP/screen.txt" | grep -qF '^[[2J' ||
		fail "$lang: the ESC is not shown as ^[: $(grep " $pid " "$E2E_TMP/screen.txt")"
	case "$title" in *pwned*) fail "$lang: the pane title was set to '$title' by the command line" ;; esac
	# capture-pane -e emits only tmux's own SGR sequences (ESC [ ... m)
	if sed "s/$ESC\[[0-9;:]*m//g" "$E2E_TMP/screen.esc" | grep -q "$ESC"; then
		fail "$lang: an escape sequence other than SGR is on the screen: $(sed "s/$ESC\[[0-9;:]*m//g" "$E2E_TMP/screen.esc" | grep "$ESC" | head -n 1 | od -c | head -n 3)"
	fi
	[ "$(T display-message -p -t hostile '#{alternate_on}')" = 1 ] ||
		fail "$lang: the alternate screen was left (ESC[?1049l got through)"
	T kill-session -t hostile
	pass "screen ($lang): header kept, ESC shown as ^[, title untouched, only SGR sequences"
done
exit 0
