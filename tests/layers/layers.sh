#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/layers/layers.sh — the architecture as a test (README "Layout"):
#  - arrows only go down: core includes neither tui/ nor app/ nor curses; tui does not
#    include app/;
#  - core installs no signal handler and never exits (no sigaction/signal(), exit(),
#    abort() outside assertions);
#  - no include circle: a module (foo.c + foo.h) never reaches itself through includes;
#  - no hand-written source file over 850 lines;
#  - every source file and script says its licence (an SPDX line near its top).
: "${SRCDIR:?run through make check}"
cd "$SRCDIR" || exit 99
fail=0
bad() { echo "FAIL: $*"; fail=1; }

files=$(find app core tui static tests -name '*.[ch]' ! -path 'tests/fuzz/lib/*' ! -name 'terminfo_data.h' | sort)
[ -n "$files" ] || { echo "FAIL: no sources found under $SRCDIR"; exit 1; }

hits=$(grep -lE '#include[[:space:]]*[<"](n?cursesw?/)?n?curses\.h|#include[[:space:]]*"(tui|app)/' $(find core -name '*.[ch]'))
[ -z "$hits" ] || bad "core includes the screen or the application: $hits"
hits=$(grep -lE '#include[[:space:]]*"app/' $(find tui -name '*.[ch]'))
[ -z "$hits" ] || bad "tui includes the application layer: $hits"
# (lines of comments left out: " * ... an exit (zombie ...")
hits=$(grep -nE '\bsigaction[[:space:]]*\(|[^_a-z]signal[[:space:]]*\(|[^_a-z]exit[[:space:]]*\(' $(find core -name '*.c') |
	grep -vE '^[^:]+:[0-9]+:[[:space:]]*(\*|/\*|//)')
[ -z "$hits" ] || bad "core handles signals or exits: $hits"

for f in $files; do
	n=$(wc -l <"$f")
	[ "$n" -le 850 ] || bad "$f has $n lines (over 850: two jobs in one file?)"
done

scripts=$(find app core tui static tests bench contrib -type f \( -name '*.[ch]' -o -name '*.sh' -o -name '*.mk' \
	-o -name '*.in' \) ! -path 'tests/fuzz/lib/*' ! -path 'tests/fixtures/*' ! -name 'terminfo_data.h' | sort)
for f in $scripts scripts/* .ci/run bench/run bench/history Makefile.am configure.ac oomtop.1.in; do
	head -n 3 "$f" | grep -q 'SPDX-License-Identifier: GPL-2.0-or-later' || bad "$f has no SPDX line in its first 3 lines"
done

# include graph by module (path without .c/.h), then a depth-first search for a back edge
for f in $files; do
	from=${f%.[ch]}
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)\.h".*/\1/p' "$f" | while read -r to; do
		[ "$to" = config ] || [ "$to" = "$from" ] || echo "$from $to"
	done
done | sort -u >"${TMPDIR:-/tmp}/oomtop-layers.$$"
cycle=$(awk '
	{ adj[$1] = adj[$1] " " $2; nodes[$1] = 1; nodes[$2] = 1 }
	function visit(n,    k, m, parts, i) {
		state[n] = 1; stack[++depth] = n
		k = split(adj[n], parts, " ")
		for (i = 1; i <= k; i++) {
			m = parts[i]
			if (state[m] == 1) {
				out = m; for (j = depth; j >= 1 && stack[j] != m; j--) out = stack[j] " -> " out
				print m " -> " out; found = 1; return
			}
			if (!state[m]) { visit(m); if (found) return }
		}
		state[n] = 2; depth--
	}
	END { for (n in nodes) if (!state[n] && !found) visit(n) }' "${TMPDIR:-/tmp}/oomtop-layers.$$")
edges=$(wc -l <"${TMPDIR:-/tmp}/oomtop-layers.$$")
rm -f "${TMPDIR:-/tmp}/oomtop-layers.$$"
[ -z "$cycle" ] || bad "an include circle: $cycle"
[ $fail = 0 ] || exit 1
echo "PASS: layers hold; no include circle among $(echo "$files" | wc -l) files ($edges include edges); none over 850 lines"
