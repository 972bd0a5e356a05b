#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/e2e/journal_live.sh — the system journal, live: `oomtop --events --journal` reads it
# (every line JSON of schema 2, this boot's kills carry this boot's id), `--follow` waits on
# the journal's descriptor instead of spinning, and a program's line written to /dev/kmsg
# that quotes a kill (facility user, as journald stores it) is no kill.
# Skips (77) and says why when oomtop was built without journal support, or no system
# journal is readable here (no journald, or not root / systemd-journal). Real OOM kills
# through the journal: tests/e2e/oom_events.sh (the journal is the default source).
set -u
OOMTOP=${OOMTOP:-./oomtop}

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

[ -x "$OOMTOP" ] || fail "no oomtop binary at $OOMTOP"
tmp=$(mktemp -d) || fail "mktemp"
follow_pid=
trap '[ -n "$follow_pid" ] && kill "$follow_pid" 2>/dev/null; rm -rf "$tmp"' EXIT

if ! "$OOMTOP" --events --journal --format json >"$tmp/all.json" 2>"$tmp/err"; then
	why=$(head -n 1 "$tmp/err")
	case "$why" in
	*"built without journal support"* | *"not readable"* | *"no systemd journal files"*) skip "${why#oomtop: }" ;;
	esac
	fail "--events --journal: $why"
fi
command -v jq >/dev/null 2>&1 || skip "jq is not installed (scripts/setup installs it)"

# every line is JSON of schema 2 with a known killer
bad=$(jq -c 'select(.schema != 2 or (.source | IN("kernel", "systemd-oomd", "earlyoom", "nohang") | not))' "$tmp/all.json") ||
	fail "--events --journal printed something that is not JSON"
[ -z "$bad" ] || fail "unexpected line: $bad"
boot=$(tr -d '-' </proc/sys/kernel/random/boot_id)
n=$(wc -l <"$tmp/all.json")
this=$(jq -r --arg b "$boot" 'select(.boot_id == $b) | .boot_id' "$tmp/all.json" | wc -l)
echo "journal: $n kills, $this of this boot"

# following waits on the journal's descriptor: a few seconds cost next to no CPU
"$OOMTOP" --events --journal --follow --format json >"$tmp/follow.json" 2>"$tmp/follow.err" &
follow_pid=$!
sleep 3
kill -0 "$follow_pid" 2>/dev/null || fail "--follow exited: $(cat "$tmp/follow.err")"
ticks=$(awk '{ print $14 + $15 }' "/proc/$follow_pid/stat")
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
# reading the whole journal at start may take a moment; spinning would take all 3 s
[ "$ticks" -lt $((hz * 3 / 2)) ] || fail "--follow used $ticks ticks of CPU in 3 s: it spins"
echo "follow: $ticks ticks of CPU in 3 s"

# a program writing a kill-shaped line to /dev/kmsg is not the kernel
if [ "$(id -u)" -eq 0 ] && [ -w /dev/kmsg ]; then
	echo "<14>Out of memory: Killed process 999999 (oomtop-fake) total-vm:1kB, anon-rss:1kB, file-rss:0kB, shmem-rss:0kB" >/dev/kmsg
	sleep 2
	grep -q '"victim_pid": 999999' "$tmp/follow.json" && fail "--follow took a user-space kmsg line for a kill"
	"$OOMTOP" --events --journal --format json | grep -q '"victim_pid": 999999' &&
		fail "--events took a user-space kmsg line for a kill"
	echo "kmsg: a user-space line quoting a kill is no kill"
else
	echo "note: not root: no line written to /dev/kmsg"
fi
kill "$follow_pid" 2>/dev/null
wait "$follow_pid" 2>/dev/null
follow_pid=
echo "PASS"
