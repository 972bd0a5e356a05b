# tui/view/ — full-screen views the frame draws instead of the header and panes: the
# help (from the key table) and an OOM episode. They scroll; the key bar stays.
liboomtop_tui_a_SOURCES += \
	%reldir%/help.c %reldir%/help.h \
	%reldir%/episode.c %reldir%/episode.h
