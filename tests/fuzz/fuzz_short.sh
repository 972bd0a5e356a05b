#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/fuzz/fuzz_short.sh — link one libFuzzer target and run it briefly.
#
#   fuzz_short.sh tests/fuzz/NAME.fuzz     (what `make check` runs, one test per target)
#
# The target is tests/fuzz/fuzz_NAME.c; it is linked against core and tui as
# tests/fuzz/instrumented.sh compiled them (BUILDDIR/tests/fuzz/lib: make builds it before
# the fuzz tests). A NAME.fuzz manifest holds a description and, optionally:
#   seeds="tests/fixtures/kmsg"   extra seed dirs; tests/fuzz/seeds/NAME/ always
#   max_len=4096                  the longest input (default 4096)
# Environment: FUZZ_SECONDS per target (default 4), SRCDIR, BUILDDIR, CC_FUZZ (clang).
# Exit 0 clean, 1 on a crash (the reproducer is printed in base64) or when the target
# does not build, 77 when the instrumented libraries could not be built here (why).
set -u
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILDDIR=${BUILDDIR:-$SRCDIR}
CC_FUZZ=${CC_FUZZ:-clang}
secs=${FUZZ_SECONDS:-4}
lib=$BUILDDIR/tests/fuzz/lib

manifest=$1
name=$(basename "$manifest" .fuzz)
seeds="" max_len=4096
# shellcheck disable=SC1090
. "$manifest" || { echo "FAIL: cannot read $manifest"; exit 1; }

[ "$secs" = 0 ] && { echo "SKIP: FUZZ_SECONDS=0 (scripts/test's sanitizer build: the main build fuzzed already)"; exit 77; }
state=$(cat "$lib/stamp" 2>/dev/null) || { echo "SKIP: $lib/stamp is missing: run make tests/fuzz/lib/stamp"; exit 77; }
case $state in
ok) ;;
skip:*) echo "SKIP: ${state#skip: }"; exit 77 ;;
*) echo "FAIL: $lib/stamp says '$state'"; exit 1 ;;
esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/oomtop-fuzz-$name.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# shellcheck disable=SC2046
if ! "$CC_FUZZ" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-I"$BUILDDIR" -I"$SRCDIR" "$SRCDIR/tests/fuzz/fuzz_$name.c" "$lib/libtui.a" "$lib/libcore.a" \
	$(cat "$lib/link") -o "$tmp/fuzz" 2>"$tmp/build.log"; then
	echo "FAIL: the fuzz target $name does not build:"; tail -n 8 "$tmp/build.log"; exit 1
fi

# seeds: copied, because libFuzzer adds what it finds to the first corpus directory
mkdir "$tmp/corpus"
for d in "$SRCDIR/tests/fuzz/seeds/$name" $(for s in $seeds; do echo "$SRCDIR/$s"; done); do
	[ -d "$d" ] || continue
	for f in "$d"/*; do
		[ -f "$f" ] || continue
		case "$f" in *.md | *.tsv | *.sh) continue ;; esac
		cp "$f" "$tmp/corpus/$(basename "$d")-$(basename "$f")"
	done
done

"$tmp/fuzz" -max_total_time="$secs" -max_len="$max_len" -timeout=10 -rss_limit_mb=1024 \
	-print_final_stats=1 -artifact_prefix="$tmp/" "$tmp/corpus" >"$tmp/fuzz.log" 2>&1
rc=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/fuzz.log")
cov=$(grep -o 'cov: [0-9]*' "$tmp/fuzz.log" | tail -n 1)
echo "fuzz $name: ${runs:-?} inputs in ${secs}s, $cov, corpus $(ls "$tmp/corpus" | wc -l) files"
if [ $rc -ne 0 ]; then
	grep -A 30 "ERROR\|deadly signal\|property failed" "$tmp/fuzz.log" | head -n 60
	for a in "$tmp"/crash-* "$tmp"/timeout-* "$tmp"/leak-* "$tmp"/oom-*; do
		[ -f "$a" ] && { echo "reproducer (base64):"; base64 "$a" | head -c 4000; echo; }
	done
	exit 1
fi
exit 0
