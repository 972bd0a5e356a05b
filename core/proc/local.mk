# SPDX-License-Identifier: GPL-2.0-or-later
# core/proc/ — every process: pure parsers of its /proc files (status, stat, cgroup, limits),
# discovery, identity (an interface; libproc2 by default), which files to hold open (a pure
# policy), sampling, ghosts; sorting and selecting rows; the costly reads of one process
# (smaps_rollup, the kinds of its fds) for the detail view and --detail.
liboomtop_core_a_SOURCES += \
	%reldir%/status.c %reldir%/status.h \
	%reldir%/stat.c %reldir%/stat.h \
	%reldir%/cgroup.c %reldir%/cgroup.h \
	%reldir%/limits.c %reldir%/limits.h \
	%reldir%/smaps.c %reldir%/smaps.h \
	%reldir%/fdkinds.c %reldir%/fdkinds.h \
	%reldir%/detail.c %reldir%/detail.h \
	%reldir%/identity.h \
	%reldir%/identity_libproc2.c %reldir%/identity_libproc2.h \
	%reldir%/identity_procfs.c %reldir%/identity_procfs.h \
	%reldir%/identity_feed.c %reldir%/identity_feed.h \
	%reldir%/held.c %reldir%/held.h \
	%reldir%/entry.c %reldir%/entry.h \
	%reldir%/sampler.c %reldir%/sampler.h \
	%reldir%/ghosts.c %reldir%/ghosts.h \
	%reldir%/table.c %reldir%/table.h \
	%reldir%/sort.c %reldir%/sort.h \
	%reldir%/filter.c %reldir%/filter.h
