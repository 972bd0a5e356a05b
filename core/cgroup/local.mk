# core/cgroup/ — memory cgroups: where the hierarchy is (libcgroup, mountinfo), the tree
# and its values, readable names.
liboomtop_core_a_SOURCES += \
	%reldir%/mountinfo.c %reldir%/mountinfo.h \
	%reldir%/discover.c %reldir%/discover.h \
	%reldir%/path.c %reldir%/path.h \
	%reldir%/name.c %reldir%/name.h \
	%reldir%/tree.c %reldir%/tree.h
