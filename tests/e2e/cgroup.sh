#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A real memory cgroup made under the test's own: usage, limit, effective limit and process
# count in the snapshot; -c selects its processes (issue 2).
. "$SRCDIR/tests/e2e/lib.sh"
need_cmd jq
memcg_child "oomtop-test-$$" $((256 * 1024 * 1024))
note "cgroup v$CG_VERSION at $CG_DIR, oomtop path $CG_PATH"

CGROUP_PROCS=$CG_PROCS start_probe 40
pid=$PROBE_PID
out="$E2E_TMP/cg.json"
"$OOMTOP" -b -n 1 -f json -c "$CG_PATH" >"$out" || fail "oomtop exited $?"
cg=$(tail -n 1 "$out" | jq -c --arg p "$CG_PATH" '.cgroups[] | select(.path == $p)')
[ -n "$cg" ] || fail "cgroup $CG_PATH not in the snapshot: $(tail -n 1 "$out" | jq -c '[.cgroups[].path]')"
v() { printf '%s' "$cg" | jq -r "$1"; }
[ "$(v .limit)" = $((256 * 1024 * 1024)) ] || fail "limit $(v .limit)"
eff=$(v .effective_limit)
[ "$eff" != null ] && [ "$eff" -le $((256 * 1024 * 1024)) ] || fail "effective limit $eff"
[ "$(v .usage)" -ge $((40 * 1024 * 1024)) ] || fail "usage $(v .usage) below the 40 MiB its process touched"
[ "$(v .nprocs)" = 1 ] || fail "nprocs $(v .nprocs), expected 1"
[ "$(v .version)" = "$CG_VERSION" ] || fail "version $(v .version)"
[ "$(v .name)" = "oomtop-test-$$" ] || fail "name $(v .name)"
procs=$(tail -n 1 "$out" | jq -r '[.processes[] | select(.state == "running") | .pid] | join(" ")')
[ "$procs" = "$pid" ] || fail "-c $CG_PATH selected '$procs', expected $pid"
pass "cgroup $CG_PATH: usage $(v .usage), limit $(v .limit), effective $eff, 1 process"

# a tighter limit on a child shows as its own effective limit; the parent's applies below
mkdir "$CG_DIR/inner" && E2E_CGROUPS="$E2E_CGROUPS $CG_DIR/inner" || fail "cannot make $CG_DIR/inner"
"$OOMTOP" -b -n 1 -f json >"$out" || fail "oomtop exited $?"
inner=$(tail -n 1 "$out" | jq -r --arg p "$CG_PATH/inner" '.cgroups[] | select(.path == $p) | "\(.limit) \(.effective_limit)"')
[ "$inner" = "null $((256 * 1024 * 1024))" ] || fail "inner cgroup limit/effective: '$inner'"
pass "unlimited child inherits the effective limit"
