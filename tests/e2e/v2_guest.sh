#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# cgroup v2 for real (issue 13): boots a small QEMU guest (this machine's Debian kernel, a
# busybox initramfs) whose memory controller is on cgroup v2, runs the static oomtop in it
# beside a leak that the kernel OOM-kills (tests/e2e/v2guest/init), and compares oomtop's
# JSON with what the guest's cgroup files said at the same moment.
# Needs the static build (scripts/static; OOMTOP may name it), qemu-system-x86_64, a
# kernel in /boot with its modules, busybox-static, cpio, gzip, jq and a static libc; says
# why and skips (77) when one is missing. KVM when /dev/kvm works, else TCG emulation
# (V2GUEST_ACCEL=kvm|tcg forces one). scripts/test runs it once, beside the static check:
# ~4 min here (TCG), most of it the leak held back by memory.high.
# V2GUEST_KEEP=DIR keeps the run's files in DIR; V2GUEST_REPLAY=DIR checks those again
# without booting.
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${SRCDIR:=$top}"
if [ -z "${OOMTOP:-}" ]; then
	# on its own: the static build of this tree, brought up to date (seconds when it is)
	BUILDDIR="$top/build-static"
	OOMTOP="$BUILDDIR/oomtop"
	if [ -z "${V2GUEST_REPLAY:-}" ]; then
		log=$(mktemp "${TMPDIR:-/tmp}/oomtop-static.XXXXXX")
		"$top/scripts/static" >"$log" 2>&1 || {
			echo "SKIP: no static build: scripts/static failed: $(tail -n 2 "$log")"
			rm -f "$log"
			exit 77
		}
		rm -f "$log"
	fi
fi
. "$SRCDIR/tests/e2e/lib.sh"
t_start=$(date +%s)
[ -n "${V2GUEST_KEEP:-}" ] &&
	trap 'rm -rf "$V2GUEST_KEEP"; cp -r "$E2E_TMP" "$V2GUEST_KEEP"; e2e_cleanup' EXIT
O="$E2E_TMP/out"
need_cmd jq
if [ -n "${V2GUEST_REPLAY:-}" ]; then
	cp -r "$V2GUEST_REPLAY/out" "$O" || fail "no out/ in $V2GUEST_REPLAY"
	accel=replay t_guest=0
else
	[ -x "$OOMTOP" ] || skip "no static oomtop at $OOMTOP (scripts/static builds one)"
	. "$SRCDIR/tests/e2e/v2guest/boot.sh"
fi

# --- what the kernel did
[ -s "$O/run.jsonl" ] || fail "oomtop printed nothing in the guest: $(head -c 300 "$O/oomtop.err" 2>/dev/null)"
[ -s "$O/oomtop.err" ] && note "oomtop's stderr in the guest: $(head -c 300 "$O/oomtop.err")"
read -r _ _ LEAK <"$O/pids"
kill_line=$(grep -m 1 'Memory cgroup out of memory: Killed process' "$O/dmesg.txt")
[ -n "$kill_line" ] || fail "the kernel did not OOM-kill the leak (pid $LEAK) within the guest's 300 s"
# seconds since boot: the clock of oomtop's "uptime"
kill_t=$(printf '%s\n' "$kill_line" | sed 's/^\[ *\([0-9.]*\)\].*/\1/')
victim=$(printf '%s\n' "$kill_line" | sed 's/.*Killed process \([0-9]*\) .*/\1/')
[ "$victim" = "$LEAK" ] || fail "the kernel killed pid $victim, not the leak ($LEAK): $kill_line"

# oomtop's refreshes (without the process list), each with the files read just after it:
# [{"o": oomtop's JSON, "t": cgtruth's}], in time order
jq -R -c 'fromjson? | if .schema then del(.processes) else . end' "$O/run.jsonl" |
	jq -s -c '[range(0; length - 1) as $i | select(.[$i].schema != null and .[$i + 1].truth != null)
		| {o: .[$i], t: .[$i + 1].truth}]' >"$E2E_TMP/pairs.json" || fail "oomtop's JSON does not parse"
leak_t=$(jq --argjson leak "$LEAK" '[.[] | select(.t.cgroups[] | select(.path == "/nas.slice/photo.service") | .procs | index($leak))][0].o.uptime' "$E2E_TMP/pairs.json")
note "the kernel killed the leak (pid $LEAK) at uptime $kill_t s, $(jq -n "$kill_t - $leak_t | floor") s after oomtop first saw it; $(jq length "$E2E_TMP/pairs.json") refreshes"

# check NAME FILTER: FILTER runs on the refreshes and prints "ok: WHAT IT SAW" or
# "bad: WHAT WAS WRONG"; every check runs, the test fails at the end if one did
failed=0
check() {
	r=$(jq -r --argjson kill "$kill_t" --argjson victim "$victim" "$DEFS $2" "$E2E_TMP/pairs.json" 2>&1)
	case $r in
	ok:*) pass "$1: ${r#ok: }" ;;
	*) echo "FAIL: $1: ${r#bad: }"; failed=$((failed + 1)) ;;
	esac
}
DEFS='
def cg($p): .cgroups[] | select(.path == $p);
def mib: if . == null then null else . / 1048576 | . * 10 | round / 10 end;
def r1: if . == null then null else . * 10 | round / 10 end;
def rnd: if . == null then null else round end;
def before: map(select(.o.uptime < $kill - 1));
def after: map(select(.o.uptime > $kill));
def verdict(ok; good; bad): if ok then "ok: " + good else "bad: " + bad end;
'

# The values: each of oomtop's next to the file it came from, read a few ms later: equal
# within what the file moved in one refresh. At least one charge batch (64 pages, 256 KiB):
# memory.current moves by whole batches, taken into a per-CPU stock. anon, file and
# inactive file at least one batch per guest CPU (2): they grow into the stock while
# memory.current stands still, and oomtop reads memory.stat again only once usage moved
# (core/cgroup/tree.h); seen 316 KiB behind, two refreshes of the leak.
check "values" '
def truth($k): if $k == "working_set" then
		(if .current == null or .inactive_file == null then null else .current - .inactive_file end)
	else .[{usage: "current", limit: "max", high: "high", anon: "anon", file: "file",
		file_inactive: "inactive_file", psi_some_avg10: "psi_some_avg10",
		psi_full_avg10: "psi_full_avg10", oom_kills: "oom_kill"}[$k]] end;
def least($k): if ($k | test("psi")) then 0.01 elif $k == "oom_kills" then 0
	elif $k == "anon" or $k == "file" or $k == "file_inactive" then 2 * 262144 else 262144 end;
. as $P
| [range(1; $P | length) as $i | $P[$i] as $p
   | $p.t.cgroups[] as $tc | ($P[$i - 1].t | cg($tc.path)) as $tq | ($p.o | cg($tc.path)) as $oc
   | ("usage", "limit", "high", "working_set", "anon", "file", "file_inactive", "psi_some_avg10",
      "psi_full_avg10", "oom_kills") as $k
   | $oc[$k] as $ov | ($tc | truth($k)) as $g | ($tq | truth($k)) as $gp
   | (if $g == null or $gp == null then 0 else ([($g - $gp) | fabs, least($k)] | max) end) as $tol
   | {up: $p.o.uptime, path: $tc.path, key: $k, oomtop: $ov, file: $g, tol: $tol,
      ok: (if $ov == null or $g == null then $ov == $g else (($ov - $g) | fabs) <= $tol end)}]
| map(select(.ok | not)) as $bad
| verdict($bad == []; "\(length) values (usage, limit, high, working set, anon, file, inactive file, PSI some/full, oom_kills of 4 cgroups) equal the files in \($P | length) refreshes";
	"\($bad | length) of \(length) values differ from the files, e.g. \($bad[:6] | map("\(.path) \(.key) at \(.up): oomtop \(.oomtop), file \(.file) (+-\(.tol))") | join("; "))")'

# A child without a limit of its own runs into its parent's: the parent's ETA
check "inherited limit" '
before | map(.o | {n: cg("/nas.slice"), p: cg("/nas.slice/photo.service"), d: cg("/nas.slice/db.service")}) as $r
| [$r[] | select(.p.eta_to_limit != .n.eta_to_limit or .d.eta_to_limit != .n.eta_to_limit
	or .p.limited_by != "/nas.slice" or .d.limited_by != "/nas.slice")] as $bad
| [$r[] | select(.n.eta_to_limit != null)] as $with
| verdict($bad == [] and ($with | length) > 0;
	"photo.service and db.service: limited_by /nas.slice and its ETA in all \($r | length) refreshes before the kill (\($with | length) with an ETA)";
	if $bad == [] then "no ETA before the kill" else "\($bad | length) refreshes differ, e.g. nas.slice ETA \($bad[0].n.eta_to_limit), photo.service \($bad[0].p.eta_to_limit) limited_by \($bad[0].p.limited_by), db.service \($bad[0].d.eta_to_limit) limited_by \($bad[0].d.limited_by)" end)'

# Half a minute ahead, the ETA predicts the kill within 30 %
check "prediction" '
before | min_by(.o.uptime - ($kill - 30) | fabs) | .o.uptime as $u | (.o | cg("/nas.slice").eta_to_limit) as $eta
| ($kill - $u) as $real
| verdict($eta != null and (($eta - $real) | fabs) <= 0.3 * $real;
	"at uptime \($u) the ETA said \($eta | r1) s, the kill came \($real | r1) s later (\(($eta - $real) / $real * 100 | round)%)";
	"at uptime \($u) the ETA said \($eta) s, the kill came \($real | r1) s later")'

# Over memory.high the kernel throttles the leak: nas.slice says so
check "throttled" '
(map(select(.t | cg("/nas.slice") | .current >= .high)) | first.o.uptime) as $over
| [.[] | select(.o.uptime < $kill - 1) | select(.t | cg("/nas.slice") | .current >= .high)] as $hi
| [$hi[] | select((.o | cg("/nas.slice").throttled) | not)] as $bad
| [.[] | select(.o.uptime < $over - 1) | select(.o | cg("/nas.slice").throttled)] as $early
| verdict(($hi | length) > 0 and $bad == [] and $early == [];
	"throttled in all \($hi | length) refreshes over memory.high before the kill (from uptime \($over)), in none before";
	"over memory.high in \($hi | length) refreshes from uptime \($over): \($bad | length) not throttled (e.g. at \($bad[0].o.uptime)), \($early | length) throttled before")'

# Page cache is not pressure: /smb.service sits at its limit, nearly all of it inactive
# file, with a small working set and no ETA
check "page cache" '
(.[0].o.uptime + 10) as $t0 | map(select(.o.uptime > $t0)) as $r
| ($r[0].o | cg("/smb.service").limit) as $lim
| [$r[] | select(.t | cg("/smb.service") | .current < 0.8 * .max or .inactive_file < 0.8 * .current)] as $notfull
| [$r[] | .o | cg("/smb.service") | select(.working_set == null or .working_set > $lim / 10)] as $big
| [$r[] | select(.o | cg("/smb.service").eta_to_limit != null)] as $eta
| verdict($notfull == [] and $big == [] and $eta == [];
	"usage \([$r[] | .o | cg("/smb.service").usage] | min | mib)-\([$r[] | .o | cg("/smb.service").usage] | max | mib) MiB of \($lim | mib), working set at most \([$r[] | .o | cg("/smb.service").working_set] | max | mib) MiB, no ETA in \($r | length) refreshes";
	"\($notfull | length) refreshes not full of cache; \($big | length) with a working set over a tenth of the limit; an ETA in \($eta | length) of \($r | length) refreshes (\([$eta[] | .o | cg("/smb.service").eta_to_limit] | min | rnd)-\([$eta[] | .o | cg("/smb.service").eta_to_limit] | max | rnd) s, working set slope up to \([$eta[] | .o | cg("/smb.service").working_set_slope] | max | rnd) B/s, first at uptime \($eta[0].o.uptime))")'

# The next victim oomtop named is the process the kernel killed
check "next victim" '
before | last.o as $o | [($o | cg("/nas.slice").next_victim_pid), ($o | cg("/nas.slice/photo.service").next_victim_pid)] as $v
| (map(select(.o | cg("/nas.slice").next_victim_pid == $victim)) | first.o.uptime) as $since
| verdict($v == [$victim, $victim];
	"nas.slice and photo.service named pid \($victim) at uptime \($o.uptime) (since \($since)), the kernel killed it at \($kill)";
	"at uptime \($o.uptime) nas.slice named \($v[0]), photo.service \($v[1]); the kernel killed \($victim)")'

# After the kill the leak'"'"'s growth is gone: the series restarted, no ETA remains
check "after the kill" '
(before | last.o | cg("/nas.slice").eta_to_limit) as $last
| after as $a
| [$a[0].o | cg("/nas.slice", "/nas.slice/photo.service") | .working_set_slope] as $first
| [$a[] | .o | cg("/nas.slice", "/nas.slice/photo.service", "/nas.slice/db.service") | select(.eta_to_limit != null)] as $eta
| ($a[0].o | cg("/nas.slice").oom_kills) as $kills
| verdict(($a | length) >= 5 and $first == [null, null] and $eta == [] and $kills == 1;
	"in \($a | length) refreshes after the kill (oom_kills 1): the slope series restarted, no ETA (the last before it: \($last | r1) s)";
	"\($a | length) refreshes after the kill: first working-set slopes \($first) (null = restarted), ETAs \([$eta[] | .eta_to_limit]), oom_kills \($kills)")'

# --events: the kill, where it was, who died
ev=$(jq -c --argjson v "$victim" 'select(.victim_pid == $v)' "$O/events.json" 2>/dev/null | head -n 1)
if [ "$(cat "$O/events.rc" 2>/dev/null)" != 0 ] || [ -z "$ev" ]; then
	echo "FAIL: --events: exit $(cat "$O/events.rc" 2>/dev/null), no event for pid $victim: $(head -c 300 "$O/events.json") $(head -c 300 "$O/events.err")"
	failed=$((failed + 1))
elif [ "$(printf '%s' "$ev" | jq -r '[.task_memcg, .oom_memcg, .constraint, .victim_comm] | join(" ")')" != \
	"/nas.slice/photo.service /nas.slice CONSTRAINT_MEMCG leaker" ] ||
	! printf '%s' "$ev" | jq -e --argjson k "$kill_t" '(.boot_time - $k | fabs) < 0.001' >/dev/null; then
	echo "FAIL: --events: $ev"
	failed=$((failed + 1))
else
	pass "--events: pid $victim (leaker) in /nas.slice/photo.service, killed at the limit of /nas.slice, at $kill_t s"
fi

note "took $(($(date +%s) - t_start)) s, the guest ($accel) $t_guest s"
[ $failed = 0 ] || fail "$failed of 8 checks failed (the data: V2GUEST_KEEP=DIR keeps it)"
