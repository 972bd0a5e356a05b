# core/base/ — what every other core folder uses: reading small files, clocks, growing
# arrays (util), the string buffer (strbuf), scanning text by hand (scan), number
# formatting for people, escaping untrusted text.
liboomtop_core_a_SOURCES += \
	%reldir%/util.c %reldir%/util.h \
	%reldir%/strbuf.c %reldir%/strbuf.h \
	%reldir%/scan.c %reldir%/scan.h \
	%reldir%/textfmt.c %reldir%/textfmt.h
