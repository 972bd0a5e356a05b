# SPDX-License-Identifier: GPL-2.0-or-later
# tui/adj/ — oom_score_adj on the screen, the whole feature: the change being prepared
# (plan), the tagged rows (tags), its dialogs and its actions. The write itself is
# core/control/oom_adj.c's, the only writer.
liboomtop_tui_a_SOURCES += \
	%reldir%/plan.c %reldir%/plan.h \
	%reldir%/tags.c %reldir%/tags.h \
	%reldir%/dialog.c %reldir%/dialog.h \
	%reldir%/action.c %reldir%/action.h
