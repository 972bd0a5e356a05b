#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The man page as make wrote it from oomtop.1.in: this installation's paths in FILES (no
# @placeholder@ left, the configured sysconfdir and data dir), a SYNOPSIS line per mode,
# an EXAMPLES section, every long option of --help documented, nothing outside the
# repository referred to; and groff renders it without a warning.
: "${SRCDIR:?run through make check}" "${BUILDDIR:=.}" "${OOMTOP:?}"
page="$BUILDDIR/oomtop.1"
[ -s "$page" ] || { echo "FAIL: $page was not made (make oomtop.1)"; exit 1; }
fail=0
bad() { echo "FAIL: $*"; fail=1; }

left=$(grep -o '@[A-Za-z_]*@' "$page" | sort -u | tr '\n' ' ')
[ -z "$left" ] || bad "placeholders left in oomtop.1: $left"
sysconfdir=$(sed -n 's/^sysconfdir = //p' "$BUILDDIR/Makefile")
prefix=$(sed -n 's/^prefix = //p' "$BUILDDIR/Makefile")
sysconfdir=$(echo "$sysconfdir" | sed "s|\${prefix}|$prefix|")
grep -q "^\.I $sysconfdir/oomtoprc\$" "$page" || bad "FILES does not name $sysconfdir/oomtoprc"
grep -q "^\.I $prefix/share/oomtop/themes/" "$page" || bad "FILES does not name the themes under $prefix/share/oomtop"
grep -q "/usr/local" "$page" && [ "$prefix" != /usr/local ] && bad "oomtop.1 names /usr/local with prefix $prefix"

synopsis=$(sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' "$page")
for mode in '\\-b' '\\-\\-events' '\\-\\-set\\-adj' '\\-h'; do
	printf '%s\n' "$synopsis" | grep -q "^\.B oomtop $mode" || bad "SYNOPSIS has no line for oomtop $mode"
done
grep -q '^\.SH EXAMPLES' "$page" || bad "no EXAMPLES section"
grep -q 'DESIGN' "$page" && bad "oomtop.1 refers to DESIGN, which is not in the repository"

# every long option of --help is in OPTIONS (man spells - as \-)
opts=$("$OOMTOP" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
options=$(sed -n '/^\.SH OPTIONS/,/^\.SH COLUMNS/p' "$page" | sed 's/\\-/-/g')
for o in $opts; do
	printf '%s\n' "$options" | grep -q -- "$o" || bad "OPTIONS does not document $o"
done

if command -v groff >/dev/null 2>&1; then
	warn=$(LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 "$page" 2>&1)
	[ -z "$warn" ] || bad "groff warns: $warn"
fi
[ $fail = 0 ] || exit 1
echo "PASS: oomtop.1 for prefix $prefix: FILES, SYNOPSIS per mode, EXAMPLES, $(echo "$opts" | wc -l) options documented"
