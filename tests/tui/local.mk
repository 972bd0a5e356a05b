# SPDX-License-Identifier: GPL-2.0-or-later
# tests/tui/ — the screen without a terminal: what it parses and sanitises (check_tui_config),
# views, actions and the key table on a fixed snapshot (check_tui; the OOM kills' views:
# check_tui_kills; history mode, on a recording made by the writer: check_tui_travel; one
# process opened: check_tui_detail), and whole screens drawn off-screen with ncurses and
# compared with tests/golden/*.txt (check_render; OOMTOP_REGEN_GOLDEN=1 rewrites them, see
# its header).
TUI_UNIT_TESTS = %reldir%/check_tui_config %reldir%/check_tui %reldir%/check_tui_kills \
	%reldir%/check_tui_travel %reldir%/check_tui_detail %reldir%/check_render
if HAVE_CHECK
check_PROGRAMS += $(TUI_UNIT_TESTS)
TESTS += $(TUI_UNIT_TESTS)
TUI_TEST_LIBS = $(TEST_SUPPORT) $(TUI_LIBS) $(CORE_LIBS) $(CHECK_LIBS)
tests_tui_check_tui_SOURCES = %reldir%/check_tui.c %reldir%/fixture.c %reldir%/fixture.h
tests_tui_check_tui_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_tui_check_tui_LDADD = $(TUI_TEST_LIBS)
tests_tui_check_tui_kills_SOURCES = %reldir%/check_tui_kills.c %reldir%/fixture.c %reldir%/fixture.h
tests_tui_check_tui_kills_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_tui_check_tui_kills_LDADD = $(TUI_TEST_LIBS)
tests_tui_check_tui_detail_SOURCES = %reldir%/check_tui_detail.c %reldir%/fixture.c %reldir%/fixture.h
tests_tui_check_tui_detail_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_tui_check_tui_detail_LDADD = $(TUI_TEST_LIBS)
tests_tui_check_tui_travel_SOURCES = %reldir%/check_tui_travel.c %reldir%/fixture.c %reldir%/fixture.h \
	%reldir%/fxhistory.c %reldir%/fxhistory.h
tests_tui_check_tui_travel_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_tui_check_tui_travel_LDADD = $(TUI_TEST_LIBS)
tests_tui_check_tui_config_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_tui_check_tui_config_LDADD = $(TUI_TEST_LIBS)
tests_tui_check_render_SOURCES = %reldir%/check_render.c %reldir%/fixture.c %reldir%/fixture.h \
	%reldir%/fxhistory.c %reldir%/fxhistory.h
tests_tui_check_render_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_tui_check_render_LDADD = $(TUI_TEST_LIBS)
endif
