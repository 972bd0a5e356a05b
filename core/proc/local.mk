# core/proc/ — every process: pure parsers of its /proc files (status, stat, cgroup),
# discovery, identity (libproc2), the files held open, sampling, ghosts; sorting and
# selecting rows.
liboomtop_core_a_SOURCES += \
	%reldir%/status.c %reldir%/status.h \
	%reldir%/stat.c %reldir%/stat.h \
	%reldir%/cgroup.c %reldir%/cgroup.h \
	%reldir%/identity.c %reldir%/identity.h \
	%reldir%/identity_feed.c %reldir%/identity_feed.h \
	%reldir%/table.c %reldir%/table.h \
	%reldir%/sort.c %reldir%/sort.h \
	%reldir%/filter.c %reldir%/filter.h
