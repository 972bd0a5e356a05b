#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A process is (pid, start time), whatever it calls itself (issue 19, item 7), against real
# processes:
#   - tests/e2e/leaker -r 1 -N 2 leaks 1 MiB/s and renames itself (prctl PR_SET_NAME)
#     every 2 s: in every snapshot oomtop has ONE row for it, under its current name, no
#     ghost of it, and its leak rate is there (1 MiB/s +-25 %) once the window allows;
#   - a shell that execs the leaker (`exec leaker`): one row for the pid before and after
#     (same start time), the new name and command line after, no ghost of the shell.
# As root the executable (/proc/PID/exe) tells a rename from an exec; as another user the
# command line does (tests/unit/check_proc_table.c covers both).
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd jq
LEAKER="$BUILDDIR/tests/e2e/leaker"
MIB=1048576

"$LEAKER" -r 1 -N 2 -t 60 &
lp=$!
E2E_PIDS="$E2E_PIDS $lp"
# a shell that becomes the leaker after 4 s
sh -c 'sleep 4; exec "$0" -r 0.5 -t 60' "$LEAKER" &
sp=$!
E2E_PIDS="$E2E_PIDS $sp"

"$OOMTOP" -b -d 1 -w 20 -n 24 -f json -p "$lp,$sp" >"$E2E_TMP/out.json" 2>"$E2E_TMP/err" ||
	fail "oomtop -b exited $?: $(cat "$E2E_TMP/err")"
n=$(grep -c "" "$E2E_TMP/out.json")
[ "$n" = 24 ] || fail "24 snapshots expected, got $n"

# every snapshot: one row per pid, never a ghost of either
bad=$(jq -c --argjson lp "$lp" --argjson sp "$sp" '
	[.processes[] | select(.pid == $lp)] as $l | [.processes[] | select(.pid == $sp)] as $s |
	select(($l | length) != 1 or ($s | length) != 1 or ($l[0].state != "running") or ($s[0].state != "running"))
	| {time, leaker: [$l[] | {comm, state}], shell: [$s[] | {comm, state}]}' "$E2E_TMP/out.json" | head -n 3)
[ -z "$bad" ] || fail "a snapshot without exactly one running row per process: $bad"
pass "24 snapshots: one running row each for the renaming leaker ($lp) and the exec'ing shell ($sp)"

names=$(jq -r --argjson lp "$lp" '.processes[] | select(.pid == $lp) | .comm' "$E2E_TMP/out.json" | sort -u | wc -l)
[ "$names" -ge 5 ] || fail "the leaker showed $names names in 24 s of renaming every 2 s"
last=$(tail -n 1 "$E2E_TMP/out.json" | jq -r --argjson lp "$lp" '.processes[] | select(.pid == $lp) | .comm')
cur=$(cat "/proc/$lp/comm" 2>/dev/null)
case "$last" in leaker-*) ;; *) fail "the leaker's last name is '$last', not leaker-N" ;; esac
slope=$(tail -n 1 "$E2E_TMP/out.json" | jq -r --argjson lp "$lp" '.processes[] | select(.pid == $lp) | .rss_slope')
[ "$slope" != null ] || fail "no leak rate for the renaming leaker after 24 s at -w 20"
awk -v s="$slope" -v m=$MIB 'BEGIN { exit !(s > 0.75 * m && s < 1.25 * m) }' ||
	fail "the renaming leaker's rss_slope $slope B/s is not 1 MiB/s +-25 %"
pass "the leaker went by $names names (last '$last', now '$cur'); its rate $slope B/s"

first=$(head -n 1 "$E2E_TMP/out.json" | jq -c --argjson sp "$sp" '.processes[] | select(.pid == $sp) | [.comm, .start_time]')
after=$(tail -n 1 "$E2E_TMP/out.json" | jq -c --argjson sp "$sp" '.processes[] | select(.pid == $sp) | [.comm, .start_time, .cmdline]')
case "$first" in '["sh",'*) ;; *) fail "before its exec the shell's row is $first" ;; esac
case "$after" in '["leaker",'*) ;; *) fail "after its exec the row is $after, not the leaker" ;; esac
[ "$(echo "$first" | jq '.[1]')" = "$(echo "$after" | jq '.[1]')" ] || fail "the start time changed across the exec: $first / $after"
echo "$after" | jq -e '.[2] | test("leaker -r 0.5")' >/dev/null || fail "the command line after the exec: $after"
pass "the shell's exec: one row, $first then $after"
