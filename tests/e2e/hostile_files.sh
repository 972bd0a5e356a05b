#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/e2e/hostile_files.sh — files a user controls are hostile (issue 19, items 1-3):
#  - an oomtoprc that is a FIFO, a 100 MB file, or holds a NUL byte: batch mode neither
#    blocks nor reads it whole, says why with the file's name, and the rest still applies;
#  - --theme=/dev/zero: the screen starts with the default colours and says why;
#  - F2 saving over a planted symlink, or into a config directory another user owns (root
#    with a HOME it does not own): refused with the reason, nothing written, the link's
#    target untouched;
#  - a line of oomtoprc with terminal escapes reaches stderr escaped;
#  - --kmsg naming a device that never ends (/dev/zero, also on standard input) is
#    refused at once with the reason, by --events, batch and the screen alike.
. "$SRCDIR/tests/e2e/lib.sh"

# --kmsg: a device is no saved log (it used to be read for ever, a whole core)
for args in "--events --kmsg /dev/zero" "-b -n 1 --kmsg /dev/zero" "--kmsg /dev/urandom"; do
	timeout 10 "$OOMTOP" $args >/dev/null 2>"$E2E_TMP/kerr" </dev/null
	st=$?
	[ $st = 1 ] || fail "oomtop $args exited $st, want 1 at once"
	grep -q "is a device, not a saved kernel log" "$E2E_TMP/kerr" || fail "oomtop $args: $(cat "$E2E_TMP/kerr")"
done
timeout 10 "$OOMTOP" --events --kmsg - </dev/zero >/dev/null 2>"$E2E_TMP/kerr"
[ $? = 1 ] && grep -q "standard input is a device" "$E2E_TMP/kerr" || fail "--kmsg - from /dev/zero: $(cat "$E2E_TMP/kerr")"
pass "--kmsg on /dev/zero or /dev/urandom (as a path or on stdin): refused at once, saying why"

need_cmd tmux
need_cmd timeout

tmux_session files
export HOME="$E2E_TMP/home" XDG_CONFIG_HOME="$E2E_TMP/config" LANG=C.UTF-8 LC_ALL=C.UTF-8
cfg="$XDG_CONFIG_HOME/oomtop"
mkdir -p "$HOME" "$cfg"

batch() { # batch: oomtop -b -n 1 with a 10 s deadline; stderr in $E2E_TMP/err
	timeout 10 "$OOMTOP" -b -n 1 >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	st=$?
	[ $st = 124 ] && fail "oomtop -b -n 1 hung (killed after 10 s) with $1"
	[ $st = 0 ] || fail "oomtop -b -n 1 exited $st with $1: $(cat "$E2E_TMP/err")"
}

# --- reading ---------------------------------------------------------------------------------
mkfifo "$cfg/oomtoprc"
batch "a FIFO as oomtoprc"
grep -q "oomtoprc: a FIFO, not a regular file: not read" "$E2E_TMP/err" || fail "FIFO: $(cat "$E2E_TMP/err")"
pass "a FIFO as oomtoprc: not opened for reading, said so"
rm "$cfg/oomtoprc"

truncate -s 100M "$cfg/oomtoprc"
t0=$(date +%s)
batch "a 100 MB oomtoprc"
grep -q "oomtoprc: 104857600 bytes, more than the 1048576 allowed: not read" "$E2E_TMP/err" ||
	fail "100 MB: $(cat "$E2E_TMP/err")"
[ $(($(date +%s) - t0)) -le 3 ] || fail "a 100 MB oomtoprc took $(($(date +%s) - t0)) s"
pass "a 100 MB oomtoprc: refused at once"
rm "$cfg/oomtoprc"

printf 'delay=2\nwin\0dow=60\nsort=pid\n' >"$cfg/oomtoprc"
batch "a NUL byte in oomtoprc"
grep -q "oomtoprc:2: a NUL byte: line not read" "$E2E_TMP/err" || fail "NUL: $(cat "$E2E_TMP/err")"
head -n 1 "$E2E_TMP/out" | grep -q 'refresh 2s' || fail "the line before the NUL was lost: $(head -n 1 "$E2E_TMP/out")"
pass "a NUL byte: reported with its line, the other lines apply"

printf 'bogus\033]0;pwned\007\033[2J=1\n' >"$cfg/oomtoprc"
batch "escapes in oomtoprc"
if grep -q "$(printf '\033')" "$E2E_TMP/err"; then
	fail "an ESC byte from oomtoprc reached stderr: $(od -c "$E2E_TMP/err" | head -4)"
fi
grep -q 'unknown setting .bogus\\x1b\]0;pwned\\x07\\x1b\[2J' "$E2E_TMP/err" || fail "not escaped as \\xNN: $(cat "$E2E_TMP/err")"
pass "terminal escapes in oomtoprc reach stderr as \\xNN"
rm "$cfg/oomtoprc"

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

start --theme=/dev/zero
wait_for 'PID +USER' 10 "the screen with /dev/zero as theme"
wait_for 'a device, not a regular file' 5 "the reason in the status line"
quit
grep -q "/dev/zero: a device, not a regular file: not read" "$E2E_TMP/stderr" || fail "stderr: $(cat "$E2E_TMP/stderr")"
pass "--theme=/dev/zero: refused, the screen runs with the default colours"

# --- writing -----------------------------------------------------------------------------------
echo "precious" >"$E2E_TMP/victim"
ln -s "$E2E_TMP/victim" "$cfg/oomtoprc"
start
wait_for 'PID +USER' 10
keys F2
wait_for 'settings not saved: .*oomtoprc is a symbolic link: not replaced' 5 "F2 over a symlink"
quit
[ "$(cat "$E2E_TMP/victim")" = precious ] || fail "the symlink's target was written"
[ "$(ls -A "$cfg" | wc -l)" = 1 ] || fail "something was left in $cfg: $(ls -A "$cfg")"
pass "F2 over a planted symlink: refused, its target untouched, no temporary left"
rm "$cfg/oomtoprc"

if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	chown nobody "$cfg"
	start
	wait_for 'PID +USER' 10
	keys F2
	wait_for 'settings not saved: .* belongs to uid [0-9]+, not to uid 0' 5 "F2 into another user's directory"
	quit
	[ -z "$(ls -A "$cfg")" ] || fail "written into another user's directory: $(ls -A "$cfg")"
	pass "F2 as root into a directory another user owns: refused"
	chown root "$cfg"
else
	note "not root: the other-user directory case needs chown"
fi
start
wait_for 'PID +USER' 10
keys F2
wait_for 'settings saved to ' 5 "F2 in our own directory"
quit
grep -q '^delay=' "$cfg/oomtoprc" || fail "the settings were not written"
pass "F2 in our own directory still saves"
