# SPDX-License-Identifier: GPL-2.0-or-later
# tui/model/ — what the panes show, as data: the process list (filtered, sorted, its
# selection following the process), the cgroup tree, the OOM kills and the kills grouped
# by unit, the process and cgroup columns, event fields and rate classes; history mode
# (travel: which recorded moment is shown, where a step lands); a process's trail as a
# chart (plot). Pure: no curses;
# tests/tui/check_tui covers them.
liboomtop_tui_a_SOURCES += \
	%reldir%/procview.c %reldir%/procview.h \
	%reldir%/cgview.c %reldir%/cgview.h \
	%reldir%/evview.c %reldir%/evview.h \
	%reldir%/unitview.c %reldir%/unitview.h \
	%reldir%/proc_columns.c %reldir%/proc_columns.h \
	%reldir%/cgroup_columns.c %reldir%/cgroup_columns.h \
	%reldir%/evfmt.c %reldir%/evfmt.h \
	%reldir%/rate.c %reldir%/rate.h \
	%reldir%/travel.c %reldir%/travel.h \
	%reldir%/plot.c %reldir%/plot.h
