#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A tiny `ulimit -n` (issue 19, item 8): processes and cgroups that oomtop cannot read for
# want of file descriptors are never silently missing. For every limit from 8 to 24, the
# last of three batch snapshots either holds (about) every process and cgroup an
# unconstrained run sees, or its notes say what was not read and name the limit.
# A shared machine starts and ends processes and cgroups meanwhile: "about" is 5 % and 3
# processes, one cgroup, against the smaller of the counts just before and just after.
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd jq

# 60 sleepers, so a process table's worth of reads is at stake
for _ in $(seq 60); do
	sleep 300 &
	E2E_PIDS="$E2E_PIDS $!"
done

counts() { # counts FILE: "processes cgroups" of its last snapshot
	tail -n 1 "$1" | jq -r '"\([.processes[] | select(.state == "running")] | length) \(.cgroups | length)"'
}
free_run() {
	"$OOMTOP" -b -n 1 -f json >"$E2E_TMP/free.json" 2>/dev/null || fail "oomtop -b without a limit failed"
	counts "$E2E_TMP/free.json"
}

said=0
for n in 8 9 10 11 12 13 14 15 16 18 20 24; do
	set -- $(free_run)
	p0=$1 c0=$2
	(ulimit -n $n && exec "$OOMTOP" -b -n 3 -d 0.3 -f json) >"$E2E_TMP/low.json" 2>"$E2E_TMP/low.err"
	st=$?
	set -- $(free_run)
	p1=$1 c1=$2
	[ $p1 -lt $p0 ] && p0=$p1
	[ $c1 -lt $c0 ] && c0=$c1
	if [ ! -s "$E2E_TMP/low.json" ]; then
		# it could not even start: then it must have said why, and failed
		[ $st != 0 ] && [ -s "$E2E_TMP/low.err" ] || fail "ulimit -n $n: no output, exit $st, and nothing said"
		note "ulimit -n $n: exit $st: $(head -n 1 "$E2E_TMP/low.err")"
		said=$((said + 1))
		continue
	fi
	set -- $(counts "$E2E_TMP/low.json")
	p=$1 c=$2
	notes=$(tail -n 1 "$E2E_TMP/low.json" | jq -r '.notes[]')
	if [ $((p0 - p)) -gt 3 ] && [ $((p * 100)) -lt $((p0 * 95)) ]; then
		printf '%s\n' "$notes" | grep -Eq "processes not read|cannot list processes" ||
			fail "ulimit -n $n: $p of ~$p0 processes, and no note says why: $notes"
		printf '%s\n' "$notes" | grep -q "ulimit -n is $n" || fail "ulimit -n $n: the note does not name the limit: $notes"
		said=$((said + 1))
	fi
	if [ $((c0 - c)) -gt 1 ]; then
		printf '%s\n' "$notes" | grep -Eq "cgroup subtrees not read|cannot read the memory cgroup hierarchy" ||
			fail "ulimit -n $n: $c of ~$c0 cgroups, and no note says why: $notes"
		said=$((said + 1))
	fi
	note "ulimit -n $n: $p/$p0 processes, $c/$c0 cgroups; $(printf '%s\n' "$notes" | grep -c 'not read\|cannot') notes of what was missed"
done
[ $said -gt 0 ] || skip "no limit from 8 to 24 made oomtop miss anything here: nothing to check"
pass "every limit from 8 to 24: what was missed was said ($said times)"
