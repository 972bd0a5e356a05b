# SPDX-License-Identifier: GPL-2.0-or-later
# tui/view/ — full-screen views the frame draws instead of the header and panes: the
# help (from the key table), an OOM episode, the kills grouped by unit and one unit's kills,
# one process opened (detail).
# They scroll or select; the key bar stays.
liboomtop_tui_a_SOURCES += \
	%reldir%/help.c %reldir%/help.h \
	%reldir%/episode.c %reldir%/episode.h \
	%reldir%/units.c %reldir%/units.h \
	%reldir%/detail.c %reldir%/detail.h
