#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/fuzz/instrumented.sh — core and tui compiled once more for the fuzz targets, with
# clang, AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer's coverage
# (-fsanitize=fuzzer-no-link), into OUTDIR/libcore.a and OUTDIR/libtui.a. make runs it
# with the libraries' own source lists (tests/fuzz/local.mk), so no target lists sources.
#
#   instrumented.sh OUTDIR "CFLAGS of the libraries" "LIBS to link" -- SOURCE...
#
# SOURCE is core/... or tui/... relative to SRCDIR; headers are skipped. Objects are
# rebuilt only when their source or a header is newer. OUTDIR/stamp ends up holding
# "ok", or "skip: <why>" when no target can be built here (FUZZ_SECONDS=0, clang or its
# libFuzzer runtime missing); fuzz_short.sh reads it. OUTDIR/link holds the link flags.
# Exit 0 unless our sources fail to compile.
set -u
out=$1 cflags=$2 libs=$3
shift 3
[ "${1:-}" = -- ] && shift
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILDDIR=${BUILDDIR:-.}
CC_FUZZ=${CC_FUZZ:-clang}
mkdir -p "$out" || exit 1

skip() {
	echo "skip: $*" >"$out/stamp"
	echo "tests/fuzz: fuzz targets will skip: $*"
	exit 0
}
[ "${FUZZ_SECONDS:-4}" = 0 ] && skip "FUZZ_SECONDS=0"
command -v "$CC_FUZZ" >/dev/null 2>&1 || skip "$CC_FUZZ is not installed (scripts/setup installs clang)"
probe=$(mktemp -d "${TMPDIR:-/tmp}/oomtop-fuzzprobe.XXXXXX") || exit 1
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' >"$probe/p.c"
if ! "$CC_FUZZ" -fsanitize=fuzzer,address,undefined "$probe/p.c" -o "$probe/p" 2>"$probe/log"; then
	why=$(tail -n 1 "$probe/log")
	rm -rf "$probe"
	skip "$CC_FUZZ cannot link libFuzzer here ($why; scripts/setup installs its runtime: libclang-rt-N-dev on Debian)"
fi
rm -rf "$probe"

flags="-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
-I$BUILDDIR -I$SRCDIR $cflags"
newest_header=$(find "$SRCDIR/core" "$SRCDIR/tui" "$BUILDDIR/config.h" -name '*.h' -newer "$out/stamp" 2>/dev/null | head -n 1)
[ -f "$out/stamp" ] || newest_header=all
rm -f "$out/stamp"
: >"$out/core.list"
: >"$out/tui.list"
for src in "$@"; do
	case $src in *.c) ;; *) continue ;; esac
	obj="$out/$(echo "$src" | tr / _ | sed 's/\.c$/.o/')"
	case $src in core/*) echo "$obj" >>"$out/core.list" ;; *) echo "$obj" >>"$out/tui.list" ;; esac
	if [ -n "$newest_header" ] || [ ! -f "$obj" ] || [ "$SRCDIR/$src" -nt "$obj" ]; then
		echo "$SRCDIR/$src $obj"
	fi
done >"$out/todo"
# (nothing to rebuild: GNU xargs would still run the command once, with no file)
# shellcheck disable=SC2086
if [ -s "$out/todo" ] && ! xargs -P "$(nproc 2>/dev/null || echo 2)" -n 2 sh -c \
	'"$0" '"$flags"' -c "$1" -o "$2" 2>"$2.log" || { cat "$2.log" >&2; exit 255; }' "$CC_FUZZ" <"$out/todo"; then
	echo "tests/fuzz: our sources do not compile with $CC_FUZZ (above)" >&2
	exit 1
fi
rm -f "$out/libcore.a" "$out/libtui.a"
ar rcs "$out/libcore.a" $(cat "$out/core.list") && ar rcs "$out/libtui.a" $(cat "$out/tui.list") || exit 1
echo "$libs -lm" >"$out/link"
echo ok >"$out/stamp"
