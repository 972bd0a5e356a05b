#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# static/bundled.sh — what the static oomtop bundles, for whoever passes it on.
#
#   bundled.sh MAP VERSION SRCDIR     (make oomtop.bundled runs it after the static link)
#
# Reads the link map (-Wl,-Map=oomtop.map, configure --enable-static-binary): the archives
# the link took members from. Prints each with the Debian package it comes from, that
# package's source package and version, and its licence, then the one apt-get source
# command that fetches the corresponding source of all of them. Whoever passes the binary
# on must offer that source too (README "Licence"). Without dpkg the packages are "?".
set -u
map=$1 version=$2 srcdir=$3
[ -r "$map" ] || { echo "static/bundled.sh: no link map $map" >&2; exit 1; }

licence_of() { # licence_of SOURCE-PACKAGE BINARY-PACKAGE
	case $1 in
	glibc) echo "LGPL-2.1-or-later (some parts under more permissive terms)" ;;
	ncurses) echo "MIT/X11" ;;
	procps) echo "LGPL-2.1-or-later (libproc2)" ;;
	libcgroup) echo "LGPL-2.1-only (its Bison parser: GPL-3.0-or-later with the Bison exception)" ;;
	gcc-*) echo "GPL-3.0-or-later with the GCC Runtime Library Exception 3.1" ;;
	systemd) echo "LGPL-2.1-or-later" ;;
	sqlite3) echo "public domain" ;;
	*) echo "see /usr/share/doc/$2/copyright" ;;
	esac
}

commit=$(cd "$srcdir" && git rev-parse --short HEAD 2>/dev/null) || commit=""
echo "# oomtop $version${commit:+ (git $commit)}, statically linked"
echo "# built $(date -u +%Y-%m-%d) on $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), $(uname -m)"
echo "#"
echo "# Linked into it besides oomtop's own code (GPL-2.0-or-later). Whoever passes the"
echo "# binary on must also offer the corresponding source of each library below, of"
echo "# exactly these versions (GPL-2.0 section 3, LGPL-2.1 section 6), with oomtop's own"
echo "# (its make dist tarball) and the licence texts. On Debian: apt-get source"
echo "# SOURCE=VERSION; the command for all of them is on the last line."
echo "#"
printf '# %s\t%s\t%s\t%s\t%s\n' archive package source version licence
sed -n 's/^\(\/[^( ]*\.a\)(.*/\1/p' "$map" | while read -r f; do readlink -f "$f"; done | sort -u >"$map.archives"
sources=""
while read -r a; do
	pkg="" srcpkg="" ver=""
	if command -v dpkg >/dev/null 2>&1; then
		# merged /usr: the package may name the file under /lib, or under /usr/lib
		for alias in "$a" "${a#/usr}" "/usr$a"; do
			pkg=$(dpkg -S "$alias" 2>/dev/null | head -n 1 | cut -d: -f1)
			[ -n "$pkg" ] && break
		done
		if [ -n "$pkg" ]; then
			srcpkg=$(dpkg-query -W -f='${source:Package}' "$pkg" 2>/dev/null)
			ver=$(dpkg-query -W -f='${source:Version}' "$pkg" 2>/dev/null)
		fi
	fi
	printf '%s\t%s\t%s\t%s\t%s\n' "$a" "${pkg:-?}" "${srcpkg:-?}" "${ver:-?}" \
		"$(licence_of "${srcpkg:-?}" "${pkg:-?}")"
	[ -n "$srcpkg" ] && sources="$sources
$srcpkg=$ver"
done <"$map.archives"
rm -f "$map.archives"
echo "# the sources: apt-get source $(printf '%s\n' "$sources" | grep . | sort -u | tr '\n' ' ' | sed 's/ $//')"
