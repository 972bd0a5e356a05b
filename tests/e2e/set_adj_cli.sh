#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/e2e/set_adj_cli.sh — `--set-adj=PID:VALUE` against real processes: exit codes
# (0 done, 1 refused with the reason, 2 bad usage) and the words, as the current user, as
# root on another user's process, and as nobody (setpriv) on root's, its own, and its own
# non-dumpable process; several pairs (repeated and comma-separated: each written, one bad
# pair writes nothing, one refused pair does not stop the others); pid 1 and kernel
# threads refused without --force; a hostile process name escaped in the output.
set -u
: "${BUILDDIR:=.}" "${OOMTOP:=$BUILDDIR/oomtop}"
HOG="$BUILDDIR/tests/e2e/hog"

tmp=$(mktemp -d /tmp/oomtop-setadj.XXXXXX) || exit 99
chmod 755 "$tmp"
pids=""
cleanup() {
	for p in $pids; do kill -9 "$p" 2>/dev/null; done
	wait 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# start_hog [setpriv-prefix...] -- HOG-ARGS: prints the pid once it is resident
start_hog() {
	out="$tmp/hog.$$.$(date +%s%N)"
	"$@" >"$out" 2>&1 &
	p=$!
	pids="$pids $p"
	i=0
	while ! grep -q '^ready' "$out" 2>/dev/null; do
		i=$((i + 1))
		[ $i -gt 100 ] && { echo "hog did not start: $(cat "$out")" >&2; return 1; }
		sleep 0.05
	done
	echo "$p"
}

adj_of() { cat "/proc/$1/oom_score_adj" 2>/dev/null || echo gone; }

has_sys_resource() {
	capeff=$(sed -n 's/^CapEff:[[:space:]]*//p' /proc/self/status)
	[ $(( (0x$capeff >> 24) & 1 )) -eq 1 ]
}

AS_NOBODY=""
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
	group=nogroup
	getent group nogroup >/dev/null || group=nobody
	AS_NOBODY="setpriv --reuid nobody --regid $group --clear-groups"
fi

# expect DESC RC PATTERN -- COMMAND...: runs it, checks exit status and that stdout+stderr
# match the grep -E PATTERN ("" = no check)
expect() {
	desc=$1 want=$2 pat=$3
	shift 4
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" != "$want" ]; then
		fail "$desc: exit $rc, wanted $want; stdout: $(cat "$tmp/out") stderr: $(cat "$tmp/err")"
		return
	fi
	if [ -n "$pat" ] && ! cat "$tmp/out" "$tmp/err" | grep -Eq -- "$pat"; then
		fail "$desc: output does not match /$pat/: $(cat "$tmp/out" "$tmp/err")"
		return
	fi
	ok "$desc"
}

suite() {
	name=$1
	shift # the command, as words, that takes [--readonly] --set-adj=ARG
	echo "== $name"

	# --- as the current user, on its own process
	me=$(start_hog "$HOG" 1) || { fail "$name: hog"; return; }
	expect "$name: raise own process" 0 "oom_score_adj 0 -> 500" -- "$@" --set-adj="$me:500"
	[ "$(adj_of "$me")" = 500 ] || fail "$name: value after raise is $(adj_of "$me")"
	expect "$name: same value again" 0 "already 500" -- "$@" --set-adj="$me:500"
	expect "$name: above the range" 2 "--set-adj.*-1000.*1000" -- "$@" --set-adj="$me:1001"
	[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$name: usage message is not one line"
	expect "$name: below the range" 2 "--set-adj" -- "$@" --set-adj="$me:-1001"
	expect "$name: no value" 2 "expected PID:VALUE" -- "$@" --set-adj="$me"
	expect "$name: not a pid" 2 "expected PID:VALUE" -- "$@" --set-adj="abc:5"
	expect "$name: readonly" 1 "--readonly" -- "$@" --readonly --set-adj="$me:600"
	[ "$(adj_of "$me")" = 500 ] || fail "$name: --readonly changed the value"
	expect "$name: back down to 0" 0 "500 -> 0" -- "$@" --set-adj="$me:0"
	if has_sys_resource; then
		expect "$name: lower below 0 with CAP_SYS_RESOURCE" 0 "" -- "$@" --set-adj="$me:-100"
	else
		expect "$name: lower below the floor" 1 "CAP_SYS_RESOURCE.*oom_score_adj_min" -- \
			"$@" --set-adj="$me:-100"
		[ "$(adj_of "$me")" = 0 ] || fail "$name: refused lowering changed the value"
	fi
	kill -9 "$me"
	i=0 # it is not our child (started in $(...)): wait until it is a zombie or reaped
	while [ $i -lt 100 ] && [ -e "/proc/$me" ] && ! grep -q '^[0-9]* (.*) [ZX] ' "/proc/$me/stat" 2>/dev/null; do
		i=$((i + 1))
		sleep 0.05
	done
	expect "$name: process gone" 1 "gone" -- "$@" --set-adj="$me:100"

	[ -n "$AS_NOBODY" ] || { echo "note: not root or no setpriv/nobody: other-user cases skipped"; return; }

	# --- nobody
	rp=$(start_hog "$HOG" 1) || { fail "$name: hog"; return; }
	np=$(start_hog $AS_NOBODY "$HOG" 1) || { fail "$name: nobody's hog"; return; }
	nd=$(start_hog $AS_NOBODY "$HOG" -d 1) || { fail "$name: nobody's non-dumpable hog"; return; }
	expect "$name: nobody on root's process" 1 "another user's process" -- \
		$AS_NOBODY "$@" --set-adj="$rp:700"
	[ "$(adj_of "$rp")" = 0 ] || fail "$name: nobody changed root's process"
	expect "$name: nobody raises its own" 0 "0 -> 300" -- $AS_NOBODY "$@" --set-adj="$np:300"
	expect "$name: nobody lowers its own to its floor" 0 "300 -> 0" -- $AS_NOBODY "$@" --set-adj="$np:0"
	expect "$name: nobody below its floor" 1 "CAP_SYS_RESOURCE" -- $AS_NOBODY "$@" --set-adj="$np:-1"
	expect "$name: nobody on its own non-dumpable process" 1 "not dumpable" -- \
		$AS_NOBODY "$@" --set-adj="$nd:100"
	expect "$name: nobody, readonly" 1 "--readonly" -- $AS_NOBODY "$@" --readonly --set-adj="$np:5"
	expect "$name: nobody, out of range" 2 "--set-adj" -- $AS_NOBODY "$@" --set-adj="$np:5000"
	# --- root on nobody's processes (CAP_DAC_OVERRIDE), non-dumpable included
	expect "$name: root on nobody's process" 0 "0 -> 200" -- "$@" --set-adj="$np:200"
	expect "$name: root on a non-dumpable process" 0 "0 -> 200" -- "$@" --set-adj="$nd:200"
	kill -9 "$rp" "$np" "$nd"
	wait 2>/dev/null
}

suite "oomtop" "$OOMTOP"

echo "== several pairs, pid 1, kernel threads, hostile names"
a=$(start_hog "$HOG" 1) || fail "hog"
b=$(start_hog "$HOG" 1) || fail "hog"
expect "two --set-adj: both written" 0 "" -- "$OOMTOP" --set-adj="$a:100" --set-adj="$b:200"
[ "$(adj_of "$a") $(adj_of "$b")" = "100 200" ] || fail "after two --set-adj: $(adj_of "$a") $(adj_of "$b")"
[ "$(grep -c 'oom_score_adj 0 -> ' "$tmp/out")" = 2 ] || fail "not one line per pair: $(cat "$tmp/out")"
expect "comma-separated: both written" 0 "" -- "$OOMTOP" --set-adj="$a:300,$b:400"
[ "$(adj_of "$a") $(adj_of "$b")" = "300 400" ] || fail "after a,b: $(adj_of "$a") $(adj_of "$b")"
expect "one bad pair: nothing written" 2 "expected PID:VALUE" -- "$OOMTOP" --set-adj="$a:500,x:1"
[ "$(adj_of "$a")" = 300 ] || fail "a bad pair let $a be written"
expect "a pid given twice" 2 "given twice" -- "$OOMTOP" --set-adj="$a:500" --set-adj="$a:600"
[ "$(adj_of "$a")" = 300 ] || fail "a pid given twice was written"
gone=$(start_hog "$HOG" 1) || fail "hog"
kill -9 "$gone"
i=0
while [ $i -lt 100 ] && [ -e "/proc/$gone" ] && ! grep -q '^[0-9]* (.*) [ZX] ' "/proc/$gone/stat" 2>/dev/null; do
	i=$((i + 1))
	sleep 0.05
done
expect "a refused pair does not stop the others" 1 "gone" -- "$OOMTOP" --set-adj="$gone:5,$b:500"
[ "$(adj_of "$b")" = 500 ] || fail "after a refused first pair the second was not written: $(adj_of "$b")"

init_adj=$(adj_of 1)
expect "pid 1 refused without --force" 1 "init: every process it starts later inherits" -- \
	"$OOMTOP" --set-adj="1:$init_adj"
expect "pid 1 with --force (same value: nothing to write)" 0 "already" -- "$OOMTOP" --force --set-adj="1:$init_adj"
kth=$(awk '$2 == "(kthreadd)" { print $1; exit }' /proc/[0-9]*/stat 2>/dev/null)
if [ -n "$kth" ]; then
	expect "a kernel thread refused without --force" 1 "kernel thread" -- "$OOMTOP" --set-adj="$kth:$(adj_of "$kth")"
else
	echo "note: no kthreadd visible here (a pid namespace): the kernel-thread case skipped"
fi
expect "--force needs --set-adj" 2 "--force goes with --set-adj" -- "$OOMTOP" --force -b -n 1

evil=$(start_hog "$HOG" -n "$(printf 'ev\033]0;x\007\033[2J')" 1) || fail "hog"
expect "a hostile name is escaped" 0 "ev\\\\x1b" -- "$OOMTOP" --set-adj="$evil:10"
if cat "$tmp/out" "$tmp/err" | grep -q "$(printf '\033')"; then
	fail "an ESC byte reached the terminal: $(od -c "$tmp/out" | head -3)"
fi
kill -9 "$a" "$b" "$evil" 2>/dev/null
wait 2>/dev/null

if [ $failures -ne 0 ]; then
	echo "$failures failure(s)"
	exit 1
fi
exit 0
