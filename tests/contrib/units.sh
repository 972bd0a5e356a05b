#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The example systemd units (contrib/, as make wrote them): their oomtop command line is
# one the binary accepts and that writes the textfile (run here with the directory moved
# to a temporary one), and systemd-analyze verify finds nothing wrong with them.
: "${SRCDIR:?run through make check}" "${BUILDDIR:=.}" "${OOMTOP:?}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
textdir=/var/lib/prometheus/node-exporter

for unit in oomtop-textfile.service oomtop-exporter.service; do
	f="$BUILDDIR/contrib/$unit"
	[ -s "$f" ] || { bad "$f was not made"; continue; }
	grep -q '@[a-z]*@' "$f" && bad "$unit: placeholders left"
	grep -q "^ExecStart=$(sed -n 's/^bindir = //p' "$BUILDDIR/Makefile" | sed "s|\${exec_prefix}|$(sed -n 's/^exec_prefix = //p' "$BUILDDIR/Makefile")|; s|\${prefix}|$(sed -n 's/^prefix = //p' "$BUILDDIR/Makefile")|")/oomtop " "$f" ||
		bad "$unit: ExecStart does not run the installed oomtop"
	# the unit's own command line, with the build's binary and a directory of our own; the
	# continuous one gets -n 2 -d 0.2 added (options are the binary's to check)
	mkdir -p "$tmp/$unit"
	cmd=$(sed -n 's/^ExecStart=[^ ]*oomtop //p' "$f" | sed "s|$textdir|$tmp/$unit|g")
	case $unit in *exporter*) cmd="$cmd --iterations=2 --delay=0.2" ;; esac
	# shellcheck disable=SC2086
	"$OOMTOP" $cmd >"$tmp/out" 2>"$tmp/err" || bad "$unit: oomtop $cmd exited $?: $(cat "$tmp/err")"
	[ -s "$tmp/out" ] && bad "$unit: wrote to stdout"
	grep -q '^# TYPE oomtop_memory_total_bytes gauge$' "$tmp/$unit/oomtop.prom" 2>/dev/null ||
		bad "$unit: no exposition in $tmp/$unit/oomtop.prom"
	grep -q "ReadWritePaths=$textdir\$" "$f" || bad "$unit: ReadWritePaths is not the textfile directory"
done

if command -v systemd-analyze >/dev/null 2>&1; then
	mkdir "$tmp/units"
	for f in "$BUILDDIR"/contrib/*.service "$SRCDIR"/contrib/*.timer; do
		# verify wants the ExecStart binary to exist: the build's stands in
		sed "s|^ExecStart=[^ ]*oomtop |ExecStart=$OOMTOP |" "$f" >"$tmp/units/${f##*/}"
	done
	if ! SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$tmp"/units/* >"$tmp/verify" 2>&1; then
		bad "systemd-analyze verify: $(cat "$tmp/verify")"
	elif [ -s "$tmp/verify" ]; then
		bad "systemd-analyze verify warns: $(cat "$tmp/verify")"
	fi
else
	echo "# no systemd-analyze: the units are not verified"
fi
[ $fail = 0 ] || exit 1
echo "PASS: the example units' command lines run and write the textfile; systemd-analyze verify is silent"
