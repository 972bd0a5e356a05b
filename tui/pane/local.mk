# SPDX-License-Identifier: GPL-2.0-or-later
# tui/pane/ — the main screen's parts, drawn by the frame (tui/frame.c) in the rectangles
# the layout gives them: the header and the cgroup, process and OOM panes.
liboomtop_tui_a_SOURCES += \
	%reldir%/header.c %reldir%/header.h \
	%reldir%/cgroups.c %reldir%/cgroups.h \
	%reldir%/procs.c %reldir%/procs.h \
	%reldir%/events.c %reldir%/events.h
