#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The command line: exit codes (0 ok, 2 bad usage with a message naming the option),
# help/version, batch iterations and formats (oomtop(1) OPTIONS, EXIT STATUS).
. "$SRCDIR/tests/e2e/lib.sh"

expect() { # expect STATUS PATTERN ARGS...
	want=$1 pat=$2
	shift 2
	"$OOMTOP" "$@" >"$E2E_TMP/out" 2>"$E2E_TMP/err" </dev/null
	got=$?
	[ "$got" = "$want" ] || fail "oomtop $* exited $got, expected $want; stderr: $(cat "$E2E_TMP/err")"
	if [ -n "$pat" ]; then
		grep -q -- "$pat" "$E2E_TMP/err" "$E2E_TMP/out" || fail "oomtop $*: no '$pat' in: $(cat "$E2E_TMP/err")"
	fi
	if [ "$want" = 2 ]; then
		[ "$(wc -l <"$E2E_TMP/err")" = 1 ] || fail "oomtop $*: message is not one line: $(cat "$E2E_TMP/err")"
	fi
}

expect 0 "Usage: oomtop" --help
expect 0 "Usage: oomtop" -h
expect 0 "oomtop 0" --version
expect 2 "--delay" -d 0
expect 2 "--delay" -d 3601
expect 2 "--delay" --delay=abc
expect 2 "--window" -w 1
expect 2 "--sort" -s bogus
expect 2 "--pid" -p 0
expect 2 "--pid" -p 12,x
expect 2 "--user" -u no_such_user_oomtop
expect 2 "--cgroup" -c relative/path
expect 2 "--iterations" -n 0
expect 2 "--format" -b -f xml
expect 2 "--follow" --follow
expect 2 "cannot be combined" -b --events
expect 2 "unknown option" --bogus
expect 2 "needs a value" -b -d
expect 2 "unexpected argument" -b extra
pass "bad usage exits 2 with a one-line message naming the option"

# files named on the command line that are missing: exit 1, one line naming the file
expect 1 "/nonexistent" --events --kmsg /nonexistent/kern.log
expect 1 "/nonexistent" -b -n 1 --kmsg /nonexistent/kern.log
expect 1 "theme /nonexistent" --theme /nonexistent/x.theme
[ "$(wc -l <"$E2E_TMP/err")" = 1 ] || fail "missing theme: message is not one line"
pass "missing files exit 1 with a message naming them"

expect 0 "" -b -n 3 -d 0.1 -f json
[ "$(wc -l <"$E2E_TMP/out")" = 3 ] || fail "-n 3 printed $(wc -l <"$E2E_TMP/out") JSON lines"
expect 0 "PID USER" -b -n 1
expect 0 "# TYPE oomtop_memory_total_bytes gauge" -b -n 1 -f prometheus
expect 0 "" -b -n 1 -f json -p $$ -s pid
pids=$(grep -o '"pid":[0-9]*' "$E2E_TMP/out" | sort -u | tr '\n' ' ')
[ "$pids" = "\"pid\":$$ " ] || fail "-p $$ selected: $pids"
expect 0 "" -b -n 1 -f json -u root -s rss
if command -v jq >/dev/null 2>&1; then
	users=$(jq -r '[.processes[].user] | unique | join(",")' "$E2E_TMP/out")
	[ "$users" = root ] || fail "-u root selected users: $users"
	rss=$(jq -r '[.processes[] | select(.rss != null) | .rss] | join(" ")' "$E2E_TMP/out")
	sorted=$(printf '%s\n' $rss | sort -rn | tr '\n' ' ')
	[ "$rss " = "$sorted" ] || fail "-s rss is not descending: $rss"
fi
pass "batch iterations, formats, -p, -u and -s work"

# SIGTERM and SIGINT end an endless batch run cleanly, with 128 + the signal's number: a
# timer or a script must not take an interrupted run for a complete one
for sig in TERM:143 INT:130 HUP:129; do
	"$OOMTOP" -b -d 0.2 -f json >"$E2E_TMP/sig.out" 2>"$E2E_TMP/sig.err" &
	bp=$!
	# the handlers are in place once the first snapshot is out (a background job of a
	# script starts with SIGINT ignored: a signal sent earlier would be lost)
	for _ in $(seq 100); do [ -s "$E2E_TMP/sig.out" ] && break; sleep 0.1; done
	kill -"${sig%:*}" $bp
	wait $bp
	st=$?
	[ $st = "${sig#*:}" ] || fail "batch mode exited $st on SIG${sig%:*}, expected ${sig#*:}"
	[ -s "$E2E_TMP/sig.err" ] && fail "SIG${sig%:*}: stderr: $(cat "$E2E_TMP/sig.err")"
	if command -v jq >/dev/null 2>&1; then
		jq -e . "$E2E_TMP/sig.out" >/dev/null 2>&1 || fail "SIG${sig%:*}: the output is not whole JSON lines"
	fi
done
pass "SIGTERM, SIGINT and SIGHUP end batch mode with 143, 130 and 129, the output whole"

# The screen on a terminal it cannot draw on: bad usage (2), one line that names --batch,
# before anything is collected. A pseudo-terminal from script(1): TERM=dumb, TERM unset, a
# description without cursor addressing (compiled here with tic), and no terminal at all.
if command -v script >/dev/null 2>&1; then
	screen_expect() { # screen_expect WHAT ENV...
		what=$1
		shift
		env "$@" script -qec "$OOMTOP -d 0.2 -n 2" /dev/null </dev/null >"$E2E_TMP/pty" 2>&1
		st=$?
		[ $st = 2 ] || fail "$what: the screen exited $st, expected 2: $(cat "$E2E_TMP/pty")"
		grep -q -- "--batch" "$E2E_TMP/pty" || fail "$what: no hint to use --batch: $(cat "$E2E_TMP/pty")"
		[ "$(tr -d '\r' <"$E2E_TMP/pty" | grep -c .)" = 1 ] || fail "$what: not one line: $(cat "$E2E_TMP/pty")"
	}
	screen_expect "TERM=dumb" TERM=dumb
	grep -q "TERM=dumb" "$E2E_TMP/pty" || fail "TERM=dumb is not named: $(cat "$E2E_TMP/pty")"
	screen_expect "TERM unset" -u TERM
	if command -v tic >/dev/null 2>&1; then
		printf 'oomtop-nocup|a terminal without cursor addressing,\n\tam, cols#80, lines#24, bel=^G, cr=\\r, cud1=\\n, ind=\\n,\n' \
			>"$E2E_TMP/nocup.ti"
		tic -o "$E2E_TMP/terminfo" "$E2E_TMP/nocup.ti" || fail "tic could not compile a test description"
		screen_expect "no cursor addressing" TERMINFO="$E2E_TMP/terminfo" TERM=oomtop-nocup
		grep -q "oomtop-nocup" "$E2E_TMP/pty" || fail "the terminal type is not named: $(cat "$E2E_TMP/pty")"
	else
		note "no tic: the terminal without cursor addressing is not tried"
	fi
	# a terminal that can: the screen runs (2 refreshes) and exits 0
	TERM=xterm script -qec "$OOMTOP -d 0.2 -n 2" /dev/null </dev/null >"$E2E_TMP/pty" 2>&1 ||
		fail "TERM=xterm: the screen exited $?"
	pass "TERM=dumb, TERM unset, no cursor addressing: exit 2 with a hint to use --batch"
else
	note "no script(1): the screen's terminal checks are not tried"
fi
expect 2 "--batch" # no terminal at all (stdin and stdout are not one)
pass "the screen without a terminal exits 2 and names --batch"
# output that cannot be written is said, not a silent exit 1 (--events and batch alike)
for args in "--events --kmsg $SRCDIR/tests/fixtures/kmsg/k5.15-memcg-v2-1.txt" "-b -n 1"; do
	# shellcheck disable=SC2086
	"$OOMTOP" $args >&- 2>"$E2E_TMP/err"
	st=$?
	[ $st = 1 ] || fail "$args with stdout closed: exit $st, want 1"
	grep -q 'cannot write output: Bad file descriptor' "$E2E_TMP/err" || fail "$args with stdout closed said: $(cat "$E2E_TMP/err")"
done
pass "a closed stdout is reported, with exit 1"
