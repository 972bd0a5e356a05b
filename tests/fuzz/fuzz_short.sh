#!/bin/sh
# tests/fuzz/fuzz_short.sh — a short libFuzzer run of the OOM log parser (FUZZ_SECONDS,
# default 10), seeded with the kmsg fixtures. Part of `make check`; skips (77) with the
# reason when clang's libFuzzer is not available. scripts/fuzz runs it longer.
set -u
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
secs=${FUZZ_SECONDS:-10}
command -v clang >/dev/null 2>&1 || { echo "SKIP: clang not installed (scripts/setup installs it)"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
: > "$tmp/config.h"
# skip only when libFuzzer itself is missing; our sources failing to build is a failure
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' >"$tmp/probe.c"
clang -fsanitize=fuzzer "$tmp/probe.c" -o "$tmp/probe" 2>"$tmp/probe.log" ||
	{ echo "SKIP: clang's libFuzzer does not link here:"; tail -n 3 "$tmp/probe.log"; exit 77; }
if ! clang -g -O1 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -I"$tmp" -I"$SRCDIR" -I"$SRCDIR/core" \
	"$SRCDIR/tests/fuzz/fuzz_oom_parse.c" "$SRCDIR/core/kmsg_source.c" \
	"$SRCDIR/core/oom_parse.c" "$SRCDIR/core/oom_event.c" "$SRCDIR/core/oom_event_fmt.c" \
	"$SRCDIR/core/util.c" "$SRCDIR/core/textfmt.c" -lm -o "$tmp/fuzz" 2> "$tmp/build.log"; then
	echo "FAIL: the fuzz target does not build:"; tail -n 5 "$tmp/build.log"; exit 1
fi
mkdir "$tmp/corpus"
for f in "$SRCDIR"/tests/fixtures/kmsg/*; do
	case "$f" in *.md | *.tsv | *.sh) continue ;; esac
	cp "$f" "$tmp/corpus/"
done
"$tmp/fuzz" -max_total_time="$secs" -max_len=16384 -timeout=10 -rss_limit_mb=1024 \
	-artifact_prefix="$tmp/" "$tmp/corpus" > "$tmp/fuzz.log" 2>&1
rc=$?
tail -n 3 "$tmp/fuzz.log"
if [ $rc -ne 0 ]; then
	grep -A 30 "ERROR\|deadly signal" "$tmp/fuzz.log" | head -n 60
	for a in "$tmp"/crash-* "$tmp"/timeout-* "$tmp"/leak-* "$tmp"/oom-*; do
		[ -f "$a" ] && { echo "reproducer (base64):"; base64 "$a" | head -c 4000; echo; }
	done
	exit 1
fi
exit 0
