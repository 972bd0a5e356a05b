# SPDX-License-Identifier: GPL-2.0-or-later
# tui/config/ — what the operator configures: the settings file (oomtoprc) and the colour
# themes, their shared line reader, and applying a theme to curses.
liboomtop_tui_a_SOURCES += \
	%reldir%/conffile.c %reldir%/conffile.h \
	%reldir%/settings.c %reldir%/settings.h \
	%reldir%/theme.c %reldir%/theme.h \
	%reldir%/theme_file.c %reldir%/theme_file.h
