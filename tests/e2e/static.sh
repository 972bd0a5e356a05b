#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The static binary (issue 8, packaging; README "Static binary"): one executable with no
# dynamic section, beside it the list of the libraries it bundles, that prints valid JSON, names users from /etc/passwd without NSS
# modules (a uid that is in no file shows as digits, and does not crash it), and draws
# the screen with ASCII glyphs where there is no terminfo database and no locale: first
# with TERMINFO and TERMINFO_DIRS pointing nowhere, then (as root) in a mount namespace
# where the terminfo directories and the locales are empty. q quits with status 0.
# Runs only in a build configured with --enable-static-binary (scripts/static --check).
. "$SRCDIR/tests/e2e/lib.sh"
[ "${STATIC_BINARY:-}" = yes ] ||
	skip "not a static build: scripts/static --check (configure --enable-static-binary) runs this test"
need_cmd tmux
need_cmd jq
need_cmd readelf

# --- one static executable
readelf -lW "$OOMTOP" | grep -q 'INTERP' && fail "$OOMTOP asks for a program interpreter"
readelf -dW "$OOMTOP" | grep -q 'There is no dynamic section' || fail "$OOMTOP has a dynamic section"
if command -v file >/dev/null 2>&1; then
	file -L "$OOMTOP" | grep -q 'statically linked' || fail "file: $(file -L "$OOMTOP")"
fi
if command -v ldd >/dev/null 2>&1; then
	ldd "$OOMTOP" 2>&1 | grep -q 'not a dynamic executable' || fail "ldd: $(ldd "$OOMTOP" 2>&1)"
fi
# no NSS module or libnuma can be dlopen()ed (static/nss.c)
grep -aq 'libnss_' "$OOMTOP" && fail "the binary still names libnss_ modules: NSS is linked in"
pass "static: $(wc -c <"$OOMTOP") bytes, no interpreter, no dynamic section, no NSS"

# --- what it bundles, next to it (make oomtop.bundled, from the link map): each library
# linked in, with its source package and version where dpkg knows them
list="$BUILDDIR/oomtop.bundled"
[ -s "$list" ] || fail "no $list beside the binary"
for lib in libc.a libncursesw.a libproc2.a libcgroup.a; do
	line=$(grep "/$lib	" "$list") || fail "$list does not list $lib: $(cat "$list")"
	if command -v dpkg >/dev/null 2>&1; then
		printf '%s\n' "$line" | awk -F '\t' '$3 == "?" || $4 == "?" { exit 1 }' ||
			fail "$lib: no source package or version in: $line"
	fi
done
grep -q '^# the sources: apt-get source .*glibc=' "$list" || fail "no apt-get source line for the bundled libraries"
grep -q 'libsystemd' "$list" && fail "libsystemd is listed: it is stubbed, not linked (static/systemd_stubs.c)"
pass "oomtop.bundled lists $(grep -vc '^#' "$list") archives with their source packages and versions"

# --- batch output in an empty environment
env -i "$OOMTOP" -b -n 1 -f json >"$E2E_TMP/out.json" 2>"$E2E_TMP/err" ||
	fail "-b -n 1 -f json failed: $(cat "$E2E_TMP/err")"
jq -e '.processes | length > 0' "$E2E_TMP/out.json" >/dev/null || fail "not valid JSON with processes"
pass "-b -n 1 -f json in an empty environment: valid JSON"

# --- user names: /etc/passwd without NSS; a uid in no file is digits (a static glibc
# getpwuid() would load libnss_systemd here and crash)
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	ghost_uid=3999917
	while getent passwd "$ghost_uid" >/dev/null 2>&1; do ghost_uid=$((ghost_uid + 1)); done
	setpriv --reuid=65534 --regid=65534 --clear-groups sleep 300 &
	NOBODY_PID=$!
	setpriv --reuid="$ghost_uid" --regid="$ghost_uid" --clear-groups sleep 300 &
	GHOST_PID=$!
	E2E_PIDS="$E2E_PIDS $NOBODY_PID $GHOST_PID"
	sleep 0.3
	"$OOMTOP" -b -n 1 -f json >"$E2E_TMP/users.json" || fail "batch run with a uid in no file failed"
	want=$(getent passwd 65534 | cut -d: -f1)
	got=$(jq -r ".processes[] | select(.pid == $NOBODY_PID) | .user" "$E2E_TMP/users.json")
	[ "$got" = "$want" ] || fail "uid 65534 shown as '$got', expected '$want'"
	got=$(jq -r ".processes[] | select(.pid == $GHOST_PID) | .user" "$E2E_TMP/users.json")
	[ "$got" = "$ghost_uid" ] || fail "uid $ghost_uid (in no file) shown as '$got'"
	"$OOMTOP" -b -n 1 -u "$want" >/dev/null || fail "--user $want (from /etc/passwd) refused"
	pass "user names: uid 65534 is '$want', uid $ghost_uid is digits"
else
	note "user names not checked: needs root and setpriv"
fi

# --- the screen, without terminfo or locale
tmux_session static
# run_screen LABEL COMMAND: start COMMAND in a new tmux session, check the panes and
# the ASCII glyphs, quit with q, expect status 0
run_screen() {
	label=$1
	rm -f "$E2E_TMP/status"
	T -u new-session -d -s oomtop -x 120 -y 30 \
		"ulimit -c 0; $2 2>'$E2E_TMP/stderr'; echo \$? >'$E2E_TMP/status'; sleep 600"
	wait_for 'PID +USER' 8 "$label"
	wait_for 'F10Quit' 8 "$label"
	screen | grep -Eq ' CGROUP v[12]' || fail "$label: no cgroup pane"
	screen | LC_ALL=C grep -q '[^ -~]' && {
		screen | sed 's/^/#   /'
		fail "$label: non-ASCII glyphs without a UTF-8 locale"
	}
	T send-keys -t oomtop q
	i=0
	while [ ! -s "$E2E_TMP/status" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	[ -s "$E2E_TMP/status" ] || fail "$label: q did not quit"
	st=$(cat "$E2E_TMP/status")
	[ "$st" = 0 ] || fail "$label: exit status $st: $(cat "$E2E_TMP/stderr")"
	T kill-session -t oomtop 2>/dev/null
	pass "$label: panes drawn in ASCII, q quits with status 0"
}

# The brief's case. On a machine that has a terminfo database this does not hide it
# (ncurses also searches its compiled-in directories): the namespace below does.
run_screen "TERMINFO=/nonexistent TERMINFO_DIRS=/nonexistent, LANG=C" \
	"env -i TERM=xterm TERMINFO=/nonexistent TERMINFO_DIRS=/nonexistent LANG=C HOME='$E2E_TMP' '$OOMTOP'"

# a box with no database at all: the system's terminfo directories and locales empty,
# so only the descriptions built into the binary are left (tui/term_fallback.h)
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null 2>&1 &&
	unshare --mount true 2>/dev/null; then
	mkdir -p "$E2E_TMP/empty"
	cat >"$E2E_TMP/bare.sh" <<BARE
for d in /usr/share/terminfo /lib/terminfo /usr/lib/terminfo /etc/terminfo /usr/lib/locale /usr/share/locale; do
	[ -d "\$d" ] && { mount --bind '$E2E_TMP/empty' "\$d" || exit 90; }
done
# the control: nothing here knows the terminal any more
if command -v infocmp >/dev/null 2>&1 && env -i HOME=/nonexistent infocmp "\$1" >/dev/null 2>&1; then
	echo "infocmp still finds \$1" >&2
	exit 91
fi
exec env -i TERM="\$1" LANG="\$2" HOME='$E2E_TMP/empty' '$OOMTOP'
BARE
	run_screen "no terminfo anywhere, TERM=xterm LANG=C" \
		"unshare --mount sh '$E2E_TMP/bare.sh' xterm C"
	run_screen "no terminfo anywhere, no locales, TERM=tmux-256color LANG=C.UTF-8" \
		"unshare --mount sh '$E2E_TMP/bare.sh' tmux-256color C.UTF-8"
else
	note "not checked without any terminfo directory: needs root and unshare --mount"
fi
exit 0
