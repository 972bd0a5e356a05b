#!/bin/sh
# The command line: exit codes (0 ok, 2 bad usage with a message naming the option),
# help/version, batch iterations and formats (DESIGN §3).
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

# SIGTERM ends an endless batch run cleanly
"$OOMTOP" -b -d 0.2 >/dev/null 2>&1 &
bp=$!
sleep 0.5
kill -TERM $bp
wait $bp
st=$?
[ $st = 0 ] || fail "batch mode exited $st on SIGTERM"
pass "SIGTERM ends batch mode with status 0"

# output that cannot be written is said, not a silent exit 1 (--events and batch alike)
for args in "--events --kmsg $SRCDIR/tests/fixtures/kmsg/k5.15-memcg-v2-1.txt" "-b -n 1"; do
	# shellcheck disable=SC2086
	"$OOMTOP" $args >&- 2>"$E2E_TMP/err"
	st=$?
	[ $st = 1 ] || fail "$args with stdout closed: exit $st, want 1"
	grep -q 'cannot write output: Bad file descriptor' "$E2E_TMP/err" || fail "$args with stdout closed said: $(cat "$E2E_TMP/err")"
done
pass "a closed stdout is reported, with exit 1"
