# SPDX-License-Identifier: GPL-2.0-or-later
# tui/dialog/ — what the frame draws over the panes: a menu, and the box of text lines
# dialogs are made of (the oom_score_adj dialogs, tui/adj/dialog.c, are boxes).
liboomtop_tui_a_SOURCES += \
	%reldir%/menu.c %reldir%/menu.h \
	%reldir%/box.c %reldir%/box.h
