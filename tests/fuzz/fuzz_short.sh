#!/bin/sh
# tests/fuzz/fuzz_short.sh — build one libFuzzer target with clang and run it briefly.
#
#   fuzz_short.sh tests/fuzz/NAME.fuzz     (what `make check` runs, one test per target)
#   fuzz_short.sh                          every tests/fuzz/*.fuzz in turn (scripts/fuzz)
#
# A NAME.fuzz manifest is a few shell assignments:
#   target=fuzz_NAME.c            the LLVMFuzzerTestOneInput file, in tests/fuzz/
#   sources="core/x.c core/y.c"   our sources it needs (paths from the top source dir)
#   seeds="tests/fixtures/kmsg"   optional extra seed dirs; tests/fuzz/seeds/NAME/ always
#   max_len=4096                  optional (default 4096)
# It builds its own binary (ASan + UBSan + libFuzzer) in a temporary directory, so it works
# from any build and from a read-only source tree; `configure --enable-fuzzing` builds the
# same targets in the tree for longer runs by hand.
#
# Environment: FUZZ_SECONDS per target (default 4), SRCDIR, BUILDDIR (config.h), CC_FUZZ
# (default clang). Exit 0 clean, 1 on a crash or a build failure of our sources (the
# reproducer is printed in base64), 77 when clang's libFuzzer is not available.
set -u
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
CC_FUZZ=${CC_FUZZ:-clang}
secs=${FUZZ_SECONDS:-4}

if [ $# -eq 0 ]; then
	rc=0
	for m in "$SRCDIR"/tests/fuzz/*.fuzz; do
		sh "$0" "$m" || rc=1
	done
	exit $rc
fi

manifest=$1
name=$(basename "$manifest" .fuzz)
target="" sources="" seeds="" max_len=4096
# shellcheck disable=SC1090
. "$manifest" || { echo "FAIL: cannot read $manifest"; exit 1; }
[ -n "$target" ] && [ -n "$sources" ] || { echo "FAIL: $manifest needs target= and sources="; exit 1; }

[ "$secs" = 0 ] && { echo "SKIP: FUZZ_SECONDS=0 (scripts/test's sanitizer build: the main build fuzzed already)"; exit 77; }
command -v "$CC_FUZZ" >/dev/null 2>&1 || { echo "SKIP: $CC_FUZZ not installed (scripts/setup installs clang)"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/oomtop-fuzz-$name.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# config.h of the build when there is one, else an empty one (the targets need none of it)
cfgdir="$tmp"
if [ -n "${BUILDDIR:-}" ] && [ -f "$BUILDDIR/config.h" ]; then
	cfgdir=$BUILDDIR
elif [ -f "$SRCDIR/config.h" ]; then
	cfgdir=$SRCDIR
else
	: >"$tmp/config.h"
fi
srcs=""
for s in $sources; do srcs="$srcs $SRCDIR/$s"; done
# shellcheck disable=SC2086
if ! "$CC_FUZZ" -g -O1 -D_GNU_SOURCE -Wall -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -I"$cfgdir" -I"$SRCDIR" -I"$SRCDIR/core" \
	"$SRCDIR/tests/fuzz/$target" $srcs -lm -o "$tmp/fuzz" 2>"$tmp/build.log"; then
	# skip only when libFuzzer itself is missing; our sources failing to build is a failure
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' >"$tmp/probe.c"
	"$CC_FUZZ" -fsanitize=fuzzer "$tmp/probe.c" -o "$tmp/probe" 2>"$tmp/probe.log" ||
		{ echo "SKIP: $CC_FUZZ's libFuzzer does not link here:"; tail -n 3 "$tmp/probe.log"; exit 77; }
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
