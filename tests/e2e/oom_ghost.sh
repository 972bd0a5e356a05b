#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A process the kernel OOM-kills stays in the snapshot as an "oom_killed" ghost, linked to
# its kernel event (issue 4 §4), and the cgroup's OOM kill counter moves. It stays when
# more processes than the ghost cap (256) exit after it: plain exits are dropped first.
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd jq
[ -r /dev/kmsg ] || skip "cannot read /dev/kmsg"
memcg_child "oomtop-ghost-$$" $((32 * 1024 * 1024))

out="$E2E_TMP/oom.json"
: >"$out"
"$OOMTOP" -b -d 0.3 -n 1000 -f json -c "$CG_PATH" >"$out" &
op=$!
E2E_PIDS="$E2E_PIDS $op"
# start the victim once oomtop is refreshing (a first snapshot can be slow when busy)
i=0
while [ "$(wc -l <"$out")" -lt 1 ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
# grows 16 MiB/s: oomtop sees it alive, then the kernel kills it at the 32 MiB limit
sh -c 'echo $$ > "$1" && exec "$2" -r 16 -t 30' sh "$CG_PROCS" "$BUILDDIR/tests/e2e/leaker" &
victim=$!
E2E_PIDS="$E2E_PIDS $victim"
wait "$victim" 2>/dev/null
sleep 1 # a few refreshes to link the kill
# 400 processes that live through a few refreshes, then exit: 400 plain ghosts after it
churn=""
for _ in $(seq 400); do sleep 1.5 & churn="$churn $!"; done
wait $churn
sleep 1.5 # a few more refreshes, then stop it (batch mode says 128 + 15 for SIGTERM)
kill -TERM "$op"
wait "$op"
st=$?
[ $st = 143 ] || fail "oomtop exited $st on SIGTERM (want 143)"
row=$(tail -n 1 "$out" | jq -c ".processes[] | select(.pid == $victim) | [.state, .comm]")
[ "$row" = '["oom_killed","leaker"]' ] || fail "victim $victim in the last snapshot: '$row'"
kills=$(tail -n 1 "$out" | jq -r --arg p "$CG_PATH" '.cgroups[] | select(.path == $p) | .oom_kills')
[ "$kills" = 1 ] || fail "cgroup oom_kills $kills, expected 1"
pass "pid $victim shows as an oom_killed ghost after 400 later exits; the cgroup counted 1 kill"
