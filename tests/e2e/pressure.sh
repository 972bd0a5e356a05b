#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Under pressure (issue 8): oomtop and a runaway process share one 64 MiB memory cgroup.
# The kernel's memcg OOM killer must pick the runaway process, oomtop must keep
# refreshing through the kill and show it (the victim's ghost row is "oom_killed", the
# OOM kill counter of the cgroup moves), and the self-protection note says what it could
# do here (lower its oom_score_adj: only with CAP_SYS_RESOURCE; lock its memory: with
# CAP_IPC_LOCK or an unlimited RLIMIT_MEMLOCK).
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd jq

memcg_child "oomtop-pressure-$$" $((64 * 1024 * 1024))
if [ "$CG_VERSION" = 1 ]; then
	# no swap escape hatch: the limit is the limit
	echo $((64 * 1024 * 1024)) >"$CG_DIR/memory.memsw.limit_in_bytes" 2>/dev/null || true
else
	echo 0 >"$CG_DIR/memory.swap.max" 2>/dev/null || true
fi

out="$E2E_TMP/pressure.json"
# oomtop first, inside the cgroup: 40 refreshes of 0.25 s (10 s), watching the cgroup
sh -c 'echo $$ >"$1" || exit 1; shift; exec "$@"' sh "$CG_PROCS" \
	"$OOMTOP" -b -f json -d 0.25 -n 40 -c "$CG_PATH" >"$out" 2>"$E2E_TMP/err" &
op=$!
E2E_PIDS="$E2E_PIDS $op"
i=0
while [ ! -s "$out" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$out" ] || fail "oomtop printed nothing: $(cat "$E2E_TMP/err")"
note "oomtop $op: oom_score_adj $(cat /proc/$op/oom_score_adj), $(grep VmLck /proc/$op/status | tr -s ' \t' ' '), $(grep VmRSS /proc/$op/status | tr -s ' \t' ' ')"

# the runaway: grows 16 MiB/s in the same cgroup until the kernel kills it
sh -c 'echo $$ >"$1" && exec "$2" -r 16 -t 30' sh "$CG_PROCS" "$BUILDDIR/tests/e2e/leaker" &
victim=$!
t0=$(date +%s.%N)
E2E_PIDS="$E2E_PIDS $victim"
wait "$victim" 2>/dev/null
st=$?
[ $st -ge 128 ] || fail "the runaway process was not killed (status $st)"
kill -0 "$op" 2>/dev/null || fail "oomtop died beside the runaway process"
note "runaway $victim died with signal $((st - 128)) after $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"

wait "$op"
ost=$?
[ $ost = 0 ] || fail "oomtop exited $ost: $(tail -n 3 "$E2E_TMP/err")"
n=$(wc -l <"$out")
[ "$n" = 40 ] || fail "oomtop printed $n refreshes, expected 40 (it stopped refreshing)"
jq -e . "$out" >/dev/null || fail "the JSON output is broken"
pass "the runaway process was killed, oomtop survived and refreshed 40 times"

# any refresh after the kill: with heavy churn elsewhere (make -j check) the 256 ghosts
# turn over within seconds and the victim's ghost may be gone from the last one
state=$(jq -r "select(any(.processes[]; .pid == $victim and .state == \"oom_killed\")) | \"oom_killed\"" "$out" | head -n 1)
[ "$state" = oom_killed ] || fail "the victim was never shown oom_killed: $(jq -c "[.processes[] | select(.pid == $victim) | .state]" "$out" | uniq -c | tr '\n' ' ')"
kills=$(json_last "$out" ".cgroups[] | select(.path == \"$CG_PATH\") | .oom_kills")
[ "${kills:-0}" -ge 1 ] || fail "the cgroup's oom_kills is '$kills'"
pass "oomtop shows the kill: pid $victim oom_killed, cgroup oom_kills $kills"

notes=$(json_last "$out" '.notes[]' | grep 'self-protection')
[ -n "$notes" ] || fail "no self-protection note"
note "$notes"
pass "self-protection said what it did: $notes"
