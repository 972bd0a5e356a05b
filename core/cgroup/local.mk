# SPDX-License-Identifier: GPL-2.0-or-later
# core/cgroup/ — memory cgroups: where the hierarchy is (libcgroup, mountinfo), paths,
# readable names, the values of their files (pure parsers), the tree of them, and which
# process is in which (their cgroup.procs).
liboomtop_core_a_SOURCES += \
	%reldir%/mountinfo.c %reldir%/mountinfo.h \
	%reldir%/hierarchy.c %reldir%/hierarchy.h \
	%reldir%/path.c %reldir%/path.h \
	%reldir%/name.c %reldir%/name.h \
	%reldir%/value.c %reldir%/value.h \
	%reldir%/stat.c %reldir%/stat.h \
	%reldir%/tree.c %reldir%/tree.h \
	%reldir%/procs.c %reldir%/procs.h
