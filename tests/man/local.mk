# SPDX-License-Identifier: GPL-2.0-or-later
# tests/man/ — the man page's KEYS section equals the key table (make man-keys rewrites it),
# and the page make writes from oomtop.1.in has this installation's paths and every option.
check_PROGRAMS += %reldir%/keys_man
tests_man_keys_man_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_man_keys_man_LDADD = $(TUI_LIBS) $(CORE_LIBS)
TESTS += %reldir%/keys_man.sh %reldir%/man_page.sh
EXTRA_DIST += %reldir%/keys_man.sh %reldir%/man_page.sh
