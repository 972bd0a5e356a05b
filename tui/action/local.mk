# SPDX-License-Identifier: GPL-2.0-or-later
# tui/action/ — what keys do, by what they act on (travel: history mode); the one list of actions is
# tui/actions.h, the keys that run them tui/keymap.c. oom_score_adj's actions are
# tui/adj/action.c.
liboomtop_tui_a_SOURCES += \
	%reldir%/nav.c %reldir%/nav.h \
	%reldir%/find.c %reldir%/find.h \
	%reldir%/procs.c %reldir%/procs.h \
	%reldir%/detail.c %reldir%/detail.h \
	%reldir%/cgroups.c %reldir%/cgroups.h \
	%reldir%/events.c %reldir%/events.h \
	%reldir%/prefs.c %reldir%/prefs.h \
	%reldir%/prompt.c %reldir%/prompt.h \
	%reldir%/travel.c %reldir%/travel.h
