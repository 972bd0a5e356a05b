#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# oomtop re-reads a process's status only when its statm moved, and anyway every
# PROC_SAMPLER_STATUS_EVERY (10) refreshes; statm itself every refresh, or every
# PROC_SAMPLER_IDLE_STATM_EVERY (4) once the process has been idle for 10 reads
# (core/proc/sampler.c). Checked with a real process (tests/e2e/shifter.c) on both sides
# of the status gate:
#   - 4 threads started on pre-touched stacks leave statm as it was: the new thread count
#     must show within 10 refreshes (the periodic re-read), not never;
#   - 16 MiB touched moves statm (the process idle by then): it must show within 4
#     refreshes, not up to 10 later.
# The same with nothing held (--held-kmem=0): statm and status read by path.
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd jq

DELAY=0.2 # -n 45: about 9 s; the threads start at 2 s, the growth at 5.5 s
run_case() { # $1: label, then oomtop's own options
	start_talker "$1" shifter
	pid=$TALKER_PID
	[ "$TALKER_ARG" = "$pid" ] || fail "$1: shifter said it is $TALKER_ARG"

	out="$E2E_TMP/$1.json"
	label=$1
	shift
	"$OOMTOP" -b -d $DELAY -n 45 -f json -p "$pid" "$@" >"$out" &
	otop=$!
	set -- "$label"
	sleep 2
	statm_before=$(cat /proc/$pid/statm)
	kill -USR1 "$pid"
	read -r word n <&3 || fail "$1: shifter did not start its threads"
	t_threads=$(date +%s.%N)
	[ "$(cat /proc/$pid/statm)" = "$statm_before" ] ||
		skip "starting threads moved statm here ($statm_before -> $(cat /proc/$pid/statm)): the gate cannot be tested"
	sleep 3.5
	rss_before=$(awk '/^VmRSS:/ { print $2 * 1024 }' /proc/$pid/status)
	kill -USR2 "$pid"
	read -r word <&3 || fail "$1: shifter did not grow"
	t_grown=$(date +%s.%N)
	wait "$otop" || fail "$1: oomtop exited $?"
	exec 3<&-

	rows="$E2E_TMP/$1.rows"
	jq -r --argjson pid "$pid" '.time as $t | .processes[] | select(.pid == $pid) | "\($t) \(.threads) \(.rss)"' \
		"$out" >"$rows" || fail "$1: output is not JSON"
	[ "$(wc -l <"$rows")" -ge 40 ] || fail "$1: pid $pid in only $(wc -l <"$rows") snapshots"
	# threads: 1 in every snapshot finished before they started (its successor began
	# before); 5 from the 10th refresh begun after they started on (one of any 10
	# consecutive refreshes re-reads status), and never 1 again
	awk -v t0="$t_threads" '
		{ t[NR] = $1; th[NR] = $2 }
		END {
			for (i = 1; i < NR; i++)
				if (t[i + 1] < t0 && th[i] != 1) { print "threads " th[i] " before they started, at " t[i]; bad = 1 }
			for (i0 = 1; i0 <= NR && t[i0] <= t0; i0++) ;
			if (i0 + 9 > NR) { print "only " NR - i0 + 1 " snapshots after the threads started"; bad = 1 }
			for (i = i0 + 9; i <= NR; i++)
				if (th[i] != 5) { print "threads " th[i] " in the " i - i0 + 1 "th refresh after the 4 new ones started"; bad = 1 }
			exit bad
		}' "$rows" ||
		fail "$1: thread count not seen within 10 refreshes"
	# rss: the 4th snapshot begun after the growth shows it (statm read every 4th refresh
	# for a process idle that long), and every one after
	seen=$(awk -v t="$t_grown" '$1 > t { n++; if (n == 4) { print $3; exit } }' "$rows")
	[ -n "$seen" ] || fail "$1: fewer than 4 snapshots after the growth"
	[ "$seen" -ge $((rss_before + 15 * 1024 * 1024)) ] ||
		fail "$1: 4th snapshot after touching 16 MiB shows rss $seen (before: $rss_before)"
	pass "$1: threads 1 -> 5 seen within 10 refreshes with statm unchanged; +16 MiB within 4 ($rss_before -> $seen)"
	kill -KILL "$pid"
}

run_case held
run_case by_path --held-kmem=0
