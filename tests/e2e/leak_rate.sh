#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/e2e/leak_rate.sh — issue 3's acceptance against real processes: four helpers leak at
# known rates while ONE oomtop run watches them all (-b -d 1 -w 30 -n 45 -f json -p ...);
# the slopes in the last JSON line (docs/json.md: rss_slope in bytes/s, fd_slope in fds/s)
# must fall in the issue's bands:
#   steady 2 MiB/s                      rss_slope  2 MiB/s +-20 %
#   16 MiB sawtooth, 2 s period, flat   rss_slope  0 +-0.8 MiB/s
#   the same sawtooth on 1 MiB/s        rss_slope  1 +-0.3 MiB/s
#   5 fds a second                      fd_slope   5 +-1
# Takes ~45 s. Skips (77) without jq or ~400 MiB of available memory. Environment: OOMTOP (the binary), BUILDDIR (for the helpers).
set -u
: "${OOMTOP:?OOMTOP must name the oomtop binary}"
BUILDDIR=${BUILDDIR:-.}
helpers="$BUILDDIR/tests/e2e"
MIB=1048576

skip() {
	echo "SKIP: $*"
	exit 77
}
status=0
fail() {
	echo "FAIL: $*"
	status=1
}

command -v jq >/dev/null 2>&1 || skip "jq is not installed (scripts/setup installs it)"
if [ ! -x "$helpers/leaker" ] || [ ! -x "$helpers/fdopener" ]; then
	skip "helpers not built (make check builds them)"
fi
avail_kb=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)
[ "${avail_kb:-0}" -ge 409600 ] || skip "needs ~400 MiB of MemAvailable, have ${avail_kb:-?} KiB"

tmp=$(mktemp -d) || exit 1
pids=""
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null; }
uptime_s() { cut -d' ' -f1 /proc/uptime; }

# The helpers outlive oomtop's 45 s and then exit by themselves.
life=70
"$helpers/leaker" -r 2 -t $life &
steady=$!
"$helpers/leaker" -H 16 -P 2 -t $life &
saw=$!
"$helpers/leaker" -r 1 -H 16 -P 2 -t $life &
sawleak=$!
"$helpers/fdopener" -r 5 -t $life &
fds=$!
pids="$steady $saw $sawleak $fds"
sleep 0.2
t0=$(uptime_s)
rss0=$(rss_kb $steady)

"$OOMTOP" -b -d 1 -w 30 -n 45 -f json -p "$steady,$saw,$sawleak,$fds" >"$tmp/out" 2>"$tmp/err"
rc=$?
t1=$(uptime_s)
rss1=$(rss_kb $steady)
[ $rc -eq 0 ] || fail "oomtop exited $rc: $(head -n 3 "$tmp/err")"
[ -s "$tmp/err" ] && { echo "oomtop stderr:"; head -n 5 "$tmp/err"; }

# The helpers themselves, measured without oomtop: a failure below is then oomtop's.
for p in $pids; do
	kill -0 "$p" 2>/dev/null || fail "helper $p exited early (out of memory or fds?)"
done
awk -v a="$rss0" -v b="$rss1" -v t0="$t0" -v t1="$t1" 'BEGIN {
	r = (b - a) / 1024 / (t1 - t0); printf "helper: steady leaker grew %.2f MiB/s by /proc\n", r
	exit !(r > 1.8 && r < 2.2) }' || fail "the steady leaker itself did not grow 2 MiB/s"

lines=$(wc -l <"$tmp/out")
[ "$lines" -eq 45 ] || fail "expected 45 JSON lines (one per refresh), got $lines"
tail -n 1 "$tmp/out" >"$tmp/last"
jq -e 'type == "object" and (.processes | type == "array")' "$tmp/last" >/dev/null ||
	fail "last line is not a snapshot object: $(cut -c1-200 "$tmp/last")"

# check NAME PID FIELD LO HI SCALE: LO*SCALE <= field <= HI*SCALE in the last snapshot.
check() {
	v=$(jq -r --argjson pid "$2" --arg f "$3" \
		'[.processes[] | select(.pid == $pid)][0] | if . == null then "absent" else .[$f] end' \
		"$tmp/last")
	case "$v" in
	absent) fail "$1: pid $2 is not in the last snapshot"; return ;;
	null) fail "$1: $3 is still null after 45 refreshes"; return ;;
	esac
	if awk -v v="$v" -v lo="$4" -v hi="$5" -v k="$6" 'BEGIN { exit !(v >= lo * k && v <= hi * k) }'; then
		echo "ok: $1: $3 = $v (want $4..$5 x $6)"
	else
		fail "$1: $3 = $v, want $4..$5 x $6; per refresh (rss fds rss_slope fd_slope):"
		jq -r --argjson pid "$2" '.processes[] | select(.pid == $pid) |
			"  \(.rss) \(.fds) \(.rss_slope) \(.fd_slope)"' "$tmp/out"
	fi
}
check "steady 2 MiB/s" $steady rss_slope 1.6 2.4 $MIB
check "16 MiB sawtooth, 2 s, flat" $saw rss_slope -0.8 0.8 $MIB
check "16 MiB sawtooth, 2 s, on 1 MiB/s" $sawleak rss_slope 0.7 1.3 $MIB
check "5 fds/s" $fds fd_slope 4 6 1
exit $status
