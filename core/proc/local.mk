# core/proc/ — every process: discovery, identity (an interface; libproc2 by default),
# the files held open, sampling, ghosts; sorting and selecting rows.
liboomtop_core_a_SOURCES += \
	%reldir%/parse.c %reldir%/parse.h \
	%reldir%/identity.h \
	%reldir%/identity_libproc2.c %reldir%/identity_libproc2.h \
	%reldir%/identity_feed.c %reldir%/identity_feed.h \
	%reldir%/table.c %reldir%/table.h \
	%reldir%/sort.c %reldir%/sort.h
