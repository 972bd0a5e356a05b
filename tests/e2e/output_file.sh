#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --output=FILE (batch): each snapshot replaces FILE whole, through a temporary file in
# FILE's directory renamed over it, so a reader (node_exporter's textfile collector, a
# script) never sees part of one. A reader loops over the file while batch mode rewrites
# it ten times a second: every read must be one whole JSON object. Then: nothing on
# stdout, no temporary left, mode 0644, the exposition format with the collector's
# directory belonging to another user, and the errors (a missing directory: 1; no
# --batch: 2).
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd jq

out="$E2E_TMP/textfile"
mkdir "$out"
"$OOMTOP" -b -d 0.1 -n 50 -f json --output="$out/oomtop.json" >"$E2E_TMP/stdout" 2>"$E2E_TMP/err" &
bp=$!
E2E_PIDS="$E2E_PIDS $bp"
reads=0 whole=0 size=0
while kill -0 $bp 2>/dev/null; do
	if cp "$out/oomtop.json" "$E2E_TMP/read" 2>/dev/null; then
		reads=$((reads + 1))
		# one line, ending in a newline, that parses as one object
		[ "$(wc -l <"$E2E_TMP/read")" = 1 ] && [ "$(tail -c 1 "$E2E_TMP/read" | od -An -c | tr -d ' ')" = '\n' ] &&
			jq -e 'type == "object" and has("processes")' "$E2E_TMP/read" >/dev/null 2>&1 ||
			fail "read $reads saw part of a snapshot ($(wc -c <"$E2E_TMP/read") bytes): $(tail -c 200 "$E2E_TMP/read")"
		whole=$((whole + 1))
		size=$(wc -c <"$E2E_TMP/read")
	fi
done
wait $bp
st=$?
[ $st = 0 ] || fail "batch with --output exited $st: $(cat "$E2E_TMP/err")"
[ "$whole" -ge 10 ] || fail "only $whole reads while batch ran"
[ -s "$E2E_TMP/stdout" ] && fail "--output also wrote to stdout"
[ -s "$E2E_TMP/err" ] && fail "stderr: $(cat "$E2E_TMP/err")"
[ "$(ls -A "$out")" = oomtop.json ] || fail "left behind: $(ls -A "$out")"
[ "$(stat -c %a "$out/oomtop.json")" = 644 ] || fail "mode $(stat -c %a "$out/oomtop.json"), expected 644"
note "a snapshot is $size bytes (batch streams 64 KiB pieces: $((size / 65536 + 1)) per snapshot)"
pass "$whole reads during 50 rewrites, each a whole snapshot; no temporary left, mode 644"

# the textfile collector's case: Prometheus text, a directory another user owns
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	chown nobody "$out"
	"$OOMTOP" -b -n 1 -f prometheus --output="$out/oomtop.prom" 2>"$E2E_TMP/err" ||
		fail "--output into a directory of nobody's exited $?: $(cat "$E2E_TMP/err")"
	grep -q '^# TYPE oomtop_memory_total_bytes gauge' "$out/oomtop.prom" || fail "no exposition in oomtop.prom"
	[ "$(tail -c 1 "$out/oomtop.prom" | od -An -c | tr -d ' ')" = '\n' ] || fail "oomtop.prom does not end in a newline"
	pass "--output into a directory another user owns (node_exporter's), as root"
fi

"$OOMTOP" -b -n 1 --output="$E2E_TMP/no/such/dir/x.prom" >/dev/null 2>"$E2E_TMP/err"
st=$?
[ $st = 1 ] || fail "--output into a missing directory exited $st, expected 1"
grep -q "no/such/dir" "$E2E_TMP/err" || fail "the missing directory is not named: $(cat "$E2E_TMP/err")"
[ -e "$E2E_TMP/no" ] && fail "--output created a directory"
"$OOMTOP" --output="$out/x" </dev/null >/dev/null 2>"$E2E_TMP/err"
[ $? = 2 ] && grep -q -- "--output goes with --batch" "$E2E_TMP/err" || fail "--output without --batch: $(cat "$E2E_TMP/err")"
pass "a missing directory exits 1 naming it (nothing created); --output without --batch exits 2"
