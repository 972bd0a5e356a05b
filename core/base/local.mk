# core/base/ — what every other core folder uses: reading small files, clocks, growing
# arrays, the string buffer, number formatting for people, escaping untrusted text.
liboomtop_core_a_SOURCES += \
	%reldir%/util.c %reldir%/util.h \
	%reldir%/strbuf.c %reldir%/strbuf.h \
	%reldir%/textfmt.c %reldir%/textfmt.h
