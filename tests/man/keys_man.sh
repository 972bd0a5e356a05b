#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The man page's KEYS section is the key table: tests/man/keys_man prints it from
# tui/keymap.c, and it must equal what oomtop.1.in holds between the KEYS markers (run
# `make man-keys` after changing the table). Every key name must appear in the page.
: "${SRCDIR:?run through make check}" "${BUILDDIR:=.}"
man="$SRCDIR/oomtop.1.in"
gen="$BUILDDIR/tests/man/keys_man"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$gen" >"$tmp/want" || { echo "FAIL: $gen did not run"; exit 1; }
sed -n '/^\.\\" BEGIN KEYS/,/^\.\\" END KEYS/p' "$man" | sed '1d;$d' >"$tmp/have"
[ -s "$tmp/have" ] || { echo "FAIL: oomtop.1.in has no KEYS section between the markers"; exit 1; }
if ! diff -u "$tmp/have" "$tmp/want"; then
	echo "FAIL: oomtop.1.in's KEYS section differs from the key table: run make man-keys"
	exit 1
fi
# each key, as the page spells it, in a .B line of the section
missing=0
for k in $(sed -n 's/^\.B //p' "$tmp/want"); do
	grep -q -F -- "$k" "$tmp/have" || { echo "FAIL: key $k not in oomtop.1.in"; missing=1; }
done
[ $missing = 0 ] || exit 1
echo "PASS: oomtop.1 KEYS equals the key table ($(grep -c '^\.TP' "$tmp/want") actions)"
