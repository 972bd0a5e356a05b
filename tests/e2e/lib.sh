# SPDX-License-Identifier: GPL-2.0-or-later
# tests/e2e/lib.sh — shared helpers for end-to-end tests (sourced, POSIX sh + bash ok).
# Environment from `make check`: OOMTOP (the binary), SRCDIR, BUILDDIR.
# Exit codes: 0 pass, 1 fail, 77 skip (automake), always with the reason on stdout.

: "${OOMTOP:?run through make check (OOMTOP unset)}"
: "${BUILDDIR:=.}"

E2E_PIDS=""
E2E_CGROUPS=""
E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/oomtop-e2e.XXXXXX")

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
pass() { echo "PASS: $*"; }
note() { echo "# $*"; }

need_root() { [ "$(id -u)" -eq 0 ] || skip "needs root ($1)"; }
need_cmd() { command -v "$1" >/dev/null 2>&1 || skip "needs $1 (scripts/setup installs it)"; }

e2e_cleanup() {
	for p in $E2E_PIDS; do kill -KILL "$p" 2>/dev/null; done
	for p in $E2E_PIDS; do wait "$p" 2>/dev/null; done
	# children first: the list is in creation order
	for d in $(printf '%s\n' $E2E_CGROUPS | sort -r); do
		for _ in 1 2 3 4 5 6 7 8 9 10; do
			rmdir "$d" 2>/dev/null && break
			[ -d "$d" ] || break
			sleep 0.2
		done
	done
	rm -rf "$E2E_TMP"
}
trap e2e_cleanup EXIT
trap 'exit 1' INT TERM HUP

# start_probe HOG-ARGS... — start tests/e2e/hog (a process of known size, fds, threads and
# adj: see hog.c) in the background and wait for it to be ready. Sets PROBE_PID. Optionally CGROUP_PROCS=<cgroup.procs file> puts it in a cgroup
# before it allocates anything.
start_probe() {
	fifo="$E2E_TMP/probe.$$.$RANDOM"
	mkfifo "$fifo"
	if [ -n "${CGROUP_PROCS:-}" ]; then
		sh -c 'echo $$ > "$1" || exit 1; shift; exec "$@"' sh "$CGROUP_PROCS" \
			"$BUILDDIR/tests/e2e/hog" "$@" >"$fifo" &
	else
		"$BUILDDIR/tests/e2e/hog" "$@" >"$fifo" &
	fi
	PROBE_PID=$!
	E2E_PIDS="$E2E_PIDS $PROBE_PID"
	read -r word pid <"$fifo" || fail "hog $* did not start"
	[ "$word" = ready ] && [ "$pid" = "$PROBE_PID" ] || fail "hog said '$word $pid', expected ready $PROBE_PID"
}

# start_talker LABEL HELPER — start tests/e2e/HELPER in the background with its stdout
# on fd 3 (a fifo), to be read line by line (read -r ... <&3; exec 3<&- when done), and
# read its first line, which must be "ready PID". Sets TALKER_PID (the helper) and
# TALKER_ARG (the PID it said).
start_talker() {
	fifo="$E2E_TMP/$2.$1"
	mkfifo "$fifo"
	"$BUILDDIR/tests/e2e/$2" >"$fifo" &
	TALKER_PID=$!
	E2E_PIDS="$E2E_PIDS $TALKER_PID"
	exec 3<"$fifo"
	read -r word TALKER_ARG <&3 || fail "$1: $2 did not start"
	[ "$word" = ready ] || fail "$1: $2 said '$word $TALKER_ARG'"
}

# memcg_child NAME LIMIT_BYTES — make a memory cgroup under this shell's own one.
# Sets CG_DIR (filesystem path), CG_PATH (the path oomtop shows), CG_VERSION, CG_PROCS.
# Skips with the reason when the machine does not allow it.
memcg_child() {
	need_root "creates a memory cgroup"
	mi=$(awk '{for (i = 1; i <= NF; i++) if ($i == "-") { print $4, $5, $(i + 1), $(i + 3); break }}' /proc/self/mountinfo)
	v1=$(printf '%s\n' "$mi" | awk '$3 == "cgroup" && $4 ~ /(^|,)memory(,|$)/ { print $1, $2; exit }')
	if [ -n "$v1" ]; then
		CG_VERSION=1
		root=${v1%% *}; mnt=${v1#* }
		own=$(awk -F: '$2 ~ /(^|,)memory(,|$)/ { print $3; exit }' /proc/self/cgroup)
	else
		v2=$(printf '%s\n' "$mi" | awk '$3 == "cgroup2" { print $1, $2; exit }')
		[ -n "$v2" ] || skip "no memory cgroup hierarchy is mounted"
		CG_VERSION=2
		root=${v2%% *}; mnt=${v2#* }
		grep -qw memory "$mnt/cgroup.controllers" 2>/dev/null || skip "cgroup2 at $mnt has no memory controller"
		own=$(awk -F: '$1 == "0" { print $3; exit }' /proc/self/cgroup)
	fi
	case "$own" in "$root"*) [ "$root" = / ] || own=${own#"$root"} ;; esac
	[ -n "$own" ] || own=/
	parent="$mnt${own%/}"
	if [ "$CG_VERSION" = 2 ]; then
		grep -qw memory "$parent/cgroup.subtree_control" 2>/dev/null ||
			echo +memory >"$parent/cgroup.subtree_control" 2>/dev/null ||
			skip "cannot enable the memory controller below $parent (processes in it?)"
	fi
	CG_DIR="$parent/$1"
	mkdir "$CG_DIR" 2>/dev/null || skip "cannot create a cgroup under $parent"
	E2E_CGROUPS="$E2E_CGROUPS $CG_DIR"
	CG_PATH="${own%/}/$1"
	if [ "$CG_VERSION" = 1 ]; then
		echo "$2" >"$CG_DIR/memory.limit_in_bytes" || fail "cannot set the limit of $CG_DIR"
	else
		echo "$2" >"$CG_DIR/memory.max" || fail "cannot set the limit of $CG_DIR"
	fi
	CG_PROCS="$CG_DIR/cgroup.procs"
}

# json_last FILE FILTER — apply a jq filter to the last JSON line of FILE.
json_last() { tail -n 1 "$1" | jq -r "$2"; }

# tmux_session NAME — the screen tests' own tmux server (socket oomtop-NAME-PID), killed
# on exit. Then: T ARGS (tmux on it), screen (the pane "oomtop" as text), keys KEYS,
# wait_for PATTERN [SECONDS] [WHAT] (until the pane shows PATTERN, grep -E; else fail,
# showing the pane), screen_start and screen_exit_status (below).
tmux_session() {
	SOCK="oomtop-$1-$$"
	trap 'tmux -L "$SOCK" kill-server 2>/dev/null; e2e_cleanup' EXIT
}
T() { tmux -L "$SOCK" "$@"; }
screen() { T capture-pane -p -t oomtop; }
keys() { T send-keys -t oomtop "$@"; }
# screen_start COLS LINES ARGS... — oomtop ARGS in the pane "oomtop" of that size (core
# dumps off, TERM=xterm-256color, stderr to $E2E_TMP/stderr); when it exits, its status goes
# to $E2E_TMP/status and the pane says SHELL-IS-BACK. screen_exit_status [SECONDS]: that
# status, once it exited (else fail).
screen_start() {
	x=$1 y=$2
	shift 2
	rm -f "$E2E_TMP/status"
	T -u new-session -d -s oomtop -x "$x" -y "$y" \
		"ulimit -c 0; TERM=xterm-256color $OOMTOP $* 2>'$E2E_TMP/stderr'; echo \$? >'$E2E_TMP/status'; echo SHELL-IS-BACK; sleep 600"
}
screen_exit_status() {
	i=0 n=$((${1:-5} * 10))
	while [ ! -s "$E2E_TMP/status" ] && [ $i -lt $n ]; do sleep 0.1; i=$((i + 1)); done
	[ -s "$E2E_TMP/status" ] || fail "oomtop did not exit"
	cat "$E2E_TMP/status"
}
wait_for() {
	i=0 n=$((${2:-5} * 10))
	while [ $i -lt $n ]; do
		screen | grep -Eq -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	note "pane was:"
	screen | sed 's/^/#   /'
	fail "timed out waiting for /$1/${3:+ ($3)}"
}
