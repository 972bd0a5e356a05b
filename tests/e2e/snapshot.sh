#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The snapshot agrees with /proc for a process with known properties (issue 2):
# RSS within 5%, oom_score, oom_score_adj, fd and thread counts exact; its cgroup is in the
# same snapshot with its usage; the snapshot lists >= 90% of user-space processes.
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd jq

start_probe -f 37 -t 3 -a 250 48
pid=$PROBE_PID
out="$E2E_TMP/snap.json"
"$OOMTOP" -b -n 2 -d 0.2 -f json >"$out" || fail "oomtop exited $?"
[ "$(wc -l <"$out")" -eq 2 ] || fail "expected 2 JSON lines, got $(wc -l <"$out")"
jq -e . "$out" >/dev/null || fail "output is not valid JSON"

row=$(json_last "$out" ".processes[] | select(.pid == $pid)")
[ -n "$row" ] || fail "pid $pid not in the snapshot"
get() { printf '%s' "$row" | jq -r "$1"; }

rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
rss=$(get .rss)
awk -v a="$rss" -v b="$((rss_kb * 1024))" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= 0.05 * b) }' ||
	fail "rss $rss vs /proc $((rss_kb * 1024))"
[ "$rss" -ge $((48 * 1024 * 1024)) ] || fail "rss $rss below the 48 MiB the probe touched"
[ "$(get .oom_score)" = "$(cat /proc/$pid/oom_score)" ] || fail "oom_score $(get .oom_score) vs $(cat /proc/$pid/oom_score)"
[ "$(get .oom_score_adj)" = 250 ] || fail "oom_score_adj $(get .oom_score_adj), expected 250"
nfds=$(ls "/proc/$pid/fd" | wc -l)
[ "$(get .fds)" = "$nfds" ] || fail "fds $(get .fds) vs /proc $nfds"
[ "$(get .threads)" = 4 ] || fail "threads $(get .threads), expected 4"
[ "$(get .comm)" = hog ] || fail "comm $(get .comm)"
[ "$(get .state)" = running ] || fail "state $(get .state)"
[ "$(get .ppid)" = "$$" ] || [ "$(get .ppid)" = "$(awk '/^PPid:/ { print $2 }' /proc/$pid/status)" ] || fail "ppid $(get .ppid)"
case "$(get .cmdline)" in *hog\ -f\ 37\ -t\ 3\ -a\ 250\ 48*) ;; *) fail "cmdline '$(get .cmdline)'" ;; esac
pass "pid $pid: rss $rss (proc $((rss_kb * 1024))), score/adj/fds/threads exact"

cg=$(get .cgroup)
if [ "$cg" != null ]; then
	usage=$(json_last "$out" --arg cg "$cg" '.cgroups[] | select(.path == $cg) | .usage' 2>/dev/null ||
		tail -n 1 "$out" | jq -r --arg cg "$cg" '.cgroups[] | select(.path == $cg) | .usage')
	[ -n "$usage" ] || fail "cgroup '$cg' of pid $pid is not in the snapshot"
	[ "$usage" != null ] && [ "$usage" -gt 0 ] || fail "cgroup '$cg' has no usage ($usage)"
	pass "its cgroup $cg is in the snapshot with usage $usage"
else
	note "no memory cgroup hierarchy here: cgroup is null"
fi

# coverage: user-space processes listed vs /proc (kernel threads have an empty cmdline
# and are children of kthreadd)
listed=$(json_last "$out" '[.processes[] | select(.state == "running")] | length')
total=0
for d in /proc/[0-9]*; do
	p=${d#/proc/}
	[ "$p" = 2 ] && continue
	pp=$(awk '/^PPid:/ { print $2 }' "$d/status" 2>/dev/null) || continue
	[ "$pp" = 2 ] && continue
	[ -n "$pp" ] && total=$((total + 1))
done
[ "$listed" -ge $((total * 9 / 10)) ] || fail "listed $listed of $total user-space processes"
pass "listed $listed of $total user-space processes"
