# SPDX-License-Identifier: GPL-2.0-or-later
# core/base/ — what every other core folder uses: reading small files, clocks, growing
# arrays (util), reading and writing files a user may have planted (userfile), the string
# buffer (strbuf), scanning text by hand (scan), decoding UTF-8 (utf8), numbers for people
# (fmt), escaping untrusted text for terminals (escape).
liboomtop_core_a_SOURCES += \
	%reldir%/util.c %reldir%/util.h \
	%reldir%/userfile.c %reldir%/userfile.h \
	%reldir%/strbuf.c %reldir%/strbuf.h \
	%reldir%/scan.c %reldir%/scan.h \
	%reldir%/utf8.c %reldir%/utf8.h \
	%reldir%/fmt.c %reldir%/fmt.h \
	%reldir%/escape.c %reldir%/escape.h
