#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/e2e/journal_files.sh — `oomtop --events --journal=FILE -f json` lists exactly the kills
# of tests/fixtures/journal/expected.tsv: for each sample journal file, and for the folder
# (all files read together, in time order). A kill matches a row by killer, victim pid and
# name, cgroup, unit and boot id, and time within a second; every row needs its own kill and
# no kill may be left over. Also: --by-unit sums them up per unit, and the text form names
# each killer.
# Skips (77) when oomtop was built without journal support (it must then say so) or jq is
# missing. Needs no root and no journald: the files are read as they are.
set -u
OOMTOP=${OOMTOP:-./oomtop}
SRCDIR=${SRCDIR:-.}
DIR=$SRCDIR/tests/fixtures/journal

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

[ -x "$OOMTOP" ] || fail "no oomtop binary at $OOMTOP"
tmp=$(mktemp -d) || fail "mktemp"
trap 'rm -rf "$tmp"' EXIT

if ! "$OOMTOP" --events --journal="$DIR/p4-earlyoom.journal" >/dev/null 2>"$tmp/err"; then
	grep -q "built without journal support" "$tmp/err" ||
		fail "--journal failed: $(cat "$tmp/err")"
	[ "$(cat "$tmp/err" | wc -l)" -eq 1 ] || fail "more than one line of error: $(cat "$tmp/err")"
	skip "oomtop was built without journal support (libsystemd), and says so"
fi
command -v jq >/dev/null 2>&1 || skip "jq is not installed (scripts/setup installs it)"

# expected rows as: killer pid comm cgroup unit boot epoch-seconds
expected() { # $1: a file name, or "" for all rows
	awk -F'\t' -v f="$1" 'NR > 1 && (f == "" || $1 == f) {
		printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", $4, $5, $6, $8, $7, $2, $3 }' \
		"$DIR/expected.tsv" | while IFS= read -r row; do
		real=${row##*	}
		t=$(date -u -d "$real" +%s.%N) || fail "cannot read time $real"
		printf '%s\t%s\n' "${row%	*}" "$t"
	done
}

# got rows in the same shape, from the JSON lines
got() {
	jq -r '[.source, (.victim_pid // "" | tostring), (.victim_comm // ""), (.cgroup // ""),
		(.unit // ""), (.boot_id // ""), (.time | tostring)] | @tsv' "$1"
}

compare() { # $1 what, $2 expected rows, $3 got rows
	awk -F'\t' -v what="$1" '
	NR == FNR { want[++nw] = $0; next }
	{ have[++nh] = $0 }
	END {
		bad = 0
		for (i = 1; i <= nw; i++) {
			split(want[i], w, "\t")
			found = 0
			for (j = 1; j <= nh; j++) {
				if (used[j]) continue
				split(have[j], h, "\t")
				d = h[7] - w[7]; if (d < 0) d = -d
				if (h[1] == w[1] && h[2] == w[2] && h[3] == w[3] && h[4] == w[4] &&
				    h[5] == w[5] && h[6] == w[6] && d <= 1.0) { used[j] = 1; found = 1; break }
			}
			if (!found) { print what ": missing " want[i]; bad = 1 }
		}
		for (j = 1; j <= nh; j++) if (!used[j]) { print what ": extra " have[j]; bad = 1 }
		if (nw != nh) { print what ": " nh " kills, expected " nw; bad = 1 }
		exit bad
	}' "$2" "$3"
}

n=0
for f in "$DIR"/*.journal "$DIR"; do
	name=$(basename "$f")
	[ -d "$f" ] && name=""
	"$OOMTOP" --events --journal="$f" --format json >"$tmp/out.json" 2>"$tmp/err" ||
		fail "--events --journal=$f: exit $? ($(cat "$tmp/err"))"
	[ -s "$tmp/err" ] && fail "--journal=$f wrote to stderr: $(cat "$tmp/err")"
	[ -z "$(jq -c 'select(.schema != 2)' "$tmp/out.json")" ] || fail "$f: a line without schema 2"
	expected "$name" >"$tmp/want.tsv"
	got "$tmp/out.json" >"$tmp/got.tsv"
	compare "${name:-the folder}" "$tmp/want.tsv" "$tmp/got.tsv" || fail "$f does not list the kills of expected.tsv"
	echo "${name:-folder}: $(wc -l <"$tmp/got.tsv") kills as expected"
	n=$((n + 1))
done
[ "$n" -eq 9 ] || fail "read $n journals, expected 8 files and the folder"

# the folder in time order, oldest first
jq -r '.time' "$tmp/out.json" | sort -c -g || fail "the folder's kills are not oldest first"

# the text form names every killer and marks earlier boots
"$OOMTOP" --events --journal="$DIR" >"$tmp/out.txt" || fail "--events text failed"
for k in "systemd-oomd kill" "earlyoom kill" "nohang kill" "global kill" "memcg kill"; do
	grep -q "$k" "$tmp/out.txt" || fail "text output lacks \"$k\""
done
[ "$(grep -c 'earlier boot' "$tmp/out.txt")" -eq 26 ] || fail "every sample kill is of an earlier boot"
if LC_ALL=C grep -q "$(printf '\033')" "$tmp/out.txt"; then fail "escape byte in text output"; fi

# --by-unit: the AKS scope's six kills are one episode; earlyoom's victims have no unit
"$OOMTOP" --events --by-unit --journal="$DIR" --format json >"$tmp/units.json" || fail "--by-unit failed"
count() { jq -s "map(select($1)) | length" "$tmp/units.json"; }
[ "$(count '.unit == "cri-containerd-9192cb33411ff69d015a3577db136757f5b145064a1703efea3d0e12e8a64987.scope"
	and .kills == 6 and .episodes == 1 and .interval == null')" -eq 1 ] ||
	fail "--by-unit: the scope's 6 kills are not one episode: $(cat "$tmp/units.json")"
[ "$(count '.process == "kworker/27:0-events" and .unit == null and .kills == 7 and .episodes == 7
	and .interval != null and .spread != null and .next > .last')" -eq 1 ] ||
	fail "--by-unit: earlyoom's 7 kills of kworker/27:0-events have no rhythm: $(cat "$tmp/units.json")"
[ "$(jq -s 'map(.kills) | add' "$tmp/units.json")" -eq 26 ] || fail "--by-unit does not count 26 kills"
"$OOMTOP" --events --by-unit --journal="$DIR" >"$tmp/units.txt" || fail "--by-unit text failed"
grep -q '^kworker/27:0-events (no unit): 7 kills in 26m, every [0-9]*m ± [0-9]*m, last 2020-01-07 ..:12, next ≈ ' "$tmp/units.txt" ||
	fail "--by-unit text: $(cat "$tmp/units.txt")"
echo "PASS"
