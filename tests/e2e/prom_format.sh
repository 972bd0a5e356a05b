#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `--format prometheus` against the text exposition format (issue 8), checked strictly
# here instead of with `promtool check metrics`: Debian's promtool ships only inside the
# `prometheus` package (19 MB download, 96 MB installed, and it starts a server), too much
# for CI. The rules are promtool's parser and linter rules for the text format 0.0.4:
#   - every line is "# HELP name text", "# TYPE name type", another comment, or a sample
#     "name{label="value",...} value [timestamp]";
#   - metric names [a-zA-Z_:][a-zA-Z0-9_:]*, label names [a-zA-Z_][a-zA-Z0-9_]* and not
#     "__"-prefixed, label values "..." with only \\ \" \n escapes, no raw newline;
#   - values are floats (NaN, +Inf, -Inf allowed);
#   - one TYPE and one HELP per family, before its samples; a family's samples are
#     contiguous; no series twice; a type is counter, gauge, histogram, summary or untyped;
#   - lint: every family has HELP; counters end in _total; gauges and counters not in
#     _total both; names are prefixed oomtop_ (docs/prometheus.md);
#   - and ours: a counter is never negative.
# Run on real output (with cgroups and per-process series) and on a known-bad sample, to
# prove the checker rejects what promtool would.
. "$SRCDIR/tests/e2e/lib.sh"

check_prom() { # check_prom FILE → prints problems, exit status 1 when any
	LC_ALL=C awk '
	function bad(msg) { printf "line %d: %s: %s\n", NR, msg, $0; errs++ }
	function family(name) {
		f = name
		if (!(f in type)) { sub(/_(bucket|sum|count)$/, "", f) }
		return f
	}
	BEGIN { errs = 0; last = "" }
	/^# HELP / {
		n = $3
		if (n !~ /^[a-zA-Z_:][a-zA-Z0-9_:]*$/) bad("bad metric name in HELP")
		if (n in help) bad("second HELP for " n)
		if (n in seen) bad("HELP after samples of " n)
		help[n] = 1; next
	}
	/^# TYPE / {
		n = $3; t = $4
		if (NF != 4) bad("TYPE needs a name and a type")
		if (t !~ /^(counter|gauge|histogram|summary|untyped)$/) bad("unknown type " t)
		if (n in type) bad("second TYPE for " n)
		if (n in seen) bad("TYPE after samples of " n)
		type[n] = t; next
	}
	/^#/ { next }
	/^[ \t]*$/ { bad("empty line"); next }
	{
		line = $0
		if (!match(line, /^[a-zA-Z_:][a-zA-Z0-9_:]*/)) { bad("bad metric name"); next }
		name = substr(line, 1, RLENGTH); rest = substr(line, RLENGTH + 1)
		labels = ""; split("", lseen)
		if (substr(rest, 1, 1) == "{") {
			rest = substr(rest, 2)
			while (substr(rest, 1, 1) != "}") {
				if (!match(rest, /^[a-zA-Z_][a-zA-Z0-9_]*="/)) { bad("bad label"); next }
				lname = substr(rest, 1, RLENGTH - 2)
				if (lname ~ /^__/) bad("reserved label name " lname)
				if (lname in lseen) bad("label twice: " lname)
				lseen[lname] = 1
				rest = substr(rest, RLENGTH + 1)
				# the value: up to the first unescaped quote; escapes \\ \" \n only
				v = ""
				while (1) {
					c = substr(rest, 1, 1)
					if (c == "") { bad("unterminated label value"); next }
					if (c == "\\") {
						e = substr(rest, 2, 1)
						if (e != "\\" && e != "\"" && e != "n") { bad("bad escape \\" e); next }
						v = v c e; rest = substr(rest, 3); continue
					}
					if (c == "\"") { rest = substr(rest, 2); break }
					v = v c; rest = substr(rest, 2)
				}
				labels = labels lname "=" v ","
				if (substr(rest, 1, 1) == ",") rest = substr(rest, 2)
				else if (substr(rest, 1, 1) != "}") { bad("expected , or } after a label"); next }
			}
			rest = substr(rest, 2)
		}
		if (!match(rest, /^ [^ ]+( -?[0-9]+)?$/)) { bad("expected \" value [timestamp]\""); next }
		split(substr(rest, 2), parts, " ")
		val = parts[1]
		if (val !~ /^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$/ && val !~ /^(NaN|[-+]?Inf)$/)
			bad("bad value " val)
		fam = family(name)
		if (type[fam] == "counter" && (val ~ /^-/ || val == "NaN")) bad("negative counter")
		if (!(fam in type)) bad("no TYPE before samples of " fam)
		if (fam != last && (fam in seen)) bad("samples of " fam " are not contiguous")
		last = fam; seen[fam] = 1
		if ((name "{" labels) in series) bad("duplicate series")
		series[name "{" labels] = 1
	}
	END {
		for (n in type) {
			if (!(n in help)) { printf "family %s: no HELP\n", n; errs++ }
			if (type[n] == "counter" && n !~ /_total$/) { printf "counter %s: name does not end in _total\n", n; errs++ }
			if (type[n] != "counter" && n ~ /_total$/) { printf "%s %s: _total is for counters\n", type[n], n; errs++ }
			if (n !~ /^oomtop_/) { printf "family %s: not prefixed oomtop_\n", n; errs++ }
		}
		exit errs > 0
	}' "$1"
}

# the checker itself: a sample with one of each mistake must fail on each
cat >"$E2E_TMP/bad.prom" <<'BAD'
# HELP oomtop_kills Kills.
# TYPE oomtop_kills counter
oomtop_kills 3
# HELP oomtop_stall_seconds_total Stalls.
# TYPE oomtop_stall_seconds_total counter
oomtop_stall_seconds_total -1.5
# TYPE oomtop_x gauge
oomtop_x{a="1",a="2"} 1
oomtop_x{b="raw\q"} 1
oomtop_x{c="1"} one
# TYPE oomtop_y gauge
oomtop_y 1
oomtop_x{d="1"} 1
oomtop_y 1
BAD
check_prom "$E2E_TMP/bad.prom" >"$E2E_TMP/bad.out" && fail "the checker accepted a bad sample"
for want in "label twice" "bad escape" "bad value one" "not contiguous" "duplicate series" \
	"does not end in _total" "oomtop_x: no HELP" "negative counter"; do
	grep -q "$want" "$E2E_TMP/bad.out" || fail "the checker missed '$want': $(cat "$E2E_TMP/bad.out")"
done
pass "the checker rejects each kind of mistake"

# real output: long enough (window 10 s, refresh 0.5 s) for per-process leak-rate series
"$OOMTOP" -b -n 12 -d 0.5 -w 10 -f prometheus >"$E2E_TMP/all.prom" 2>"$E2E_TMP/err" || fail "oomtop exited $?"
# batch prints one exposition per refresh; the textfile collector gets -n 1, so check the last
last="$E2E_TMP/last.prom"
awk 'NR == 1 { first = $0 } $0 == first { n = 0 } { buf[++n] = $0 } END { for (i = 1; i <= n; i++) print buf[i] }' \
	"$E2E_TMP/all.prom" >"$last"
check_prom "$last" || fail "the exposition has problems (above)"
grep -q '^oomtop_process_rss_bytes{pid=' "$last" || fail "no per-process series after 6 s"
grep -q '^oomtop_cgroup_' "$last" || note "no cgroup series (no memory cgroup hierarchy here)"
psi=/proc/pressure/memory
[ -r $psi ] && before=$(cat $psi)
"$OOMTOP" -b -n 1 -f prometheus >"$E2E_TMP/one.prom" || fail "-n 1 exited $?"
[ -r $psi ] && after=$(cat $psi)
check_prom "$E2E_TMP/one.prom" || fail "the -n 1 exposition has problems (above)"

# -n 1, the textfile collector's simplest form: no leak rate yet, so the largest processes
# by RSS, and the HELP says which selection it is
grep -q '^oomtop_process_rss_bytes{pid=' "$E2E_TMP/one.prom" || fail "-n 1 has no per-process series"
grep -q '^# HELP oomtop_process_rss_bytes .*top 20 processes by RSS' "$E2E_TMP/one.prom" ||
	fail "-n 1: the HELP does not say the processes are chosen by RSS: $(grep 'HELP oomtop_process_rss_bytes' "$E2E_TMP/one.prom")"
grep -q '^# HELP oomtop_process_rss_bytes .*top 20 processes by leak rate' "$last" ||
	fail "-n 12: the HELP does not say the processes are chosen by leak rate"
n1=$(grep -c '^oomtop_process_rss_bytes{' "$E2E_TMP/one.prom")
pass "-n 1 has per-process series for $n1 processes, by RSS (and says so); with leak rates, by leak rate"

# PSI as node_exporter's counters: total= microseconds as _seconds_total, between what the
# file said just before and just after
if [ -r $psi ]; then
	for kind in some full; do
		t0=$(printf '%s\n' "$before" | awk -v k=$kind '$1 == k { sub(/.*total=/, ""); print $1 }')
		t1=$(printf '%s\n' "$after" | awk -v k=$kind '$1 == k { sub(/.*total=/, ""); print $1 }')
		[ -n "$t0" ] || continue
		grep -q "^# TYPE oomtop_memory_pressure_${kind}_seconds_total counter$" "$E2E_TMP/one.prom" ||
			fail "no counter oomtop_memory_pressure_${kind}_seconds_total"
		v=$(awk -v n="oomtop_memory_pressure_${kind}_seconds_total" '$1 == n { print $2 }' "$E2E_TMP/one.prom")
		awk -v v="$v" -v a="$t0" -v b="$t1" 'BEGIN { exit !(v * 1e6 >= a - 0.5 && v * 1e6 <= b + 0.5) }' ||
			fail "PSI $kind: $v s is not between $t0 and $t1 us of $psi"
	done
	pass "PSI as _seconds_total counters, equal to $psi total="
else
	note "no $psi here: the PSI counters are not checked against the kernel"
fi
pass "--format prometheus passes the exposition-format checks ($(grep -vc '^#' "$last") samples, $(grep -c '^# TYPE' "$last") families)"
