#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A pid reused between two refreshes belongs to a new process, not to the old one with new
# values (core/proc/sampler.h): the old row becomes a ghost with its own last values and
# the new process gets a row of its own. Held: the pin, /proc/PID opened O_PATH, opens
# nothing once its process is reaped, even when the pid is another's. By path
# (--held-kmem=0): the start time, read last at each sample. tests/e2e/reuser.c makes the
# two processes one after the other under one pid (clone3 set_tid: root), with the same
# name, so that only the start time and the values tell them apart: the old one 48 MiB,
# oom_score_adj 500 and 64 more fds; the new one small, 0, a few.
. "$SRCDIR/tests/e2e/lib.sh"
need_root "gives a process a chosen pid (clone3 set_tid)"
need_cmd jq

OLD_RSS=$((40 * 1024 * 1024))

run_case() { # LABEL OOMTOP-ARGS...
	label=$1
	shift
	start_talker "$label" reuser
	helper=$TALKER_PID pid=$TALKER_ARG
	out="$E2E_TMP/$label.json"
	: >"$out"
	"$OOMTOP" -b -d 0.3 -n 24 -f json -p "$pid" "$@" >"$out" &
	otop=$!
	E2E_PIDS="$E2E_PIDS $otop"
	# a few refreshes of the old process first (the first one can take a while)
	i=0
	while [ "$(wc -l <"$out")" -lt 4 ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
	kill -USR1 "$helper"
	read -r word detail <&3 || fail "$label: reuser did not swap"
	exec 3<&-
	[ "$word" = reused ] || skip "the kernel would not give pid $pid to a new process ($detail)"
	[ "$detail" = "$pid" ] || fail "$label: the new process got pid $detail, not $pid"
	wait "$otop" || fail "$label: oomtop exited $?"
	kill -KILL "$helper"
	wait "$helper" 2>/dev/null

	rows="$E2E_TMP/$label.rows"
	jq -r --argjson pid "$pid" \
		'.time as $t | .processes[] | select(.pid == $pid) | "\($t) \(.state) \(.start_time) \(.rss) \(.oom_score_adj) \(.fds)"' \
		"$out" >"$rows" || fail "$label: output is not JSON"
	t_old=$(awk 'NR == 1 { print $3 }' "$rows")
	[ -n "$t_old" ] || fail "$label: pid $pid never shown"
	# never the old identity with the new process's values; its ghost keeps its own; the
	# new process a row of its own
	awk -v t_old="$t_old" -v big="$OLD_RSS" -v label="$label" '
		$3 == t_old && ($4 < big || $5 != 500 || $6 < 64) {
			print label ": at " $1 " the old process (started " t_old ") shows rss " $4 ", adj " $5 ", fds " $6 " (" $2 ")"
			bad = 1
		}
		$3 == t_old && $2 == "exited" { ghost = 1 }
		$3 != t_old && $2 == "running" { if ($4 >= big || $5 != 0) { print label ": the new process shows rss " $4 ", adj " $5; bad = 1 } new = 1 }
		END {
			if (!ghost) { print label ": the old process never became a ghost"; bad = 1 }
			if (!new) { print label ": the new process never got a row"; bad = 1 }
			exit bad
		}' "$rows" || fail "$label: a reused pid was mistaken for its old process"
	pass "$label: pid $pid reused: the old process a ghost with its own values, the new one a row of its own"
}

run_case held
run_case by_path --held-kmem=0
