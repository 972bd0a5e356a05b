# SPDX-License-Identifier: GPL-2.0-or-later
# app/ — the only layer that knows all the others: main, the command line merged with
# the settings file, the commands (batch, a recorded moment, the recorder, events,
# set-adj), the recorded past the collector starts from, the recording the screen steps
# through (timetravel), signals, self-protection.
# Everything but main.c is a library, so the app's unit tests link it.
noinst_LIBRARIES += liboomtop_app.a
liboomtop_app_a_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS) $(SQLITE_CFLAGS)
liboomtop_app_a_SOURCES = \
	%reldir%/options.c %reldir%/options.h \
	%reldir%/run_config.c %reldir%/run_config.h \
	%reldir%/signals.c %reldir%/signals.h \
	%reldir%/diag.c %reldir%/diag.h \
	%reldir%/cmd_batch.c %reldir%/cmd_batch.h \
	%reldir%/cmd_at.c %reldir%/cmd_at.h \
	%reldir%/timetravel.c %reldir%/timetravel.h \
	%reldir%/cmd_record.c %reldir%/cmd_record.h \
	%reldir%/replay.c %reldir%/replay.h \
	%reldir%/cmd_events.c %reldir%/cmd_events.h \
	%reldir%/cmd_setadj.c %reldir%/cmd_setadj.h \
	%reldir%/selfprotect.c %reldir%/selfprotect.h

bin_PROGRAMS += oomtop
oomtop_SOURCES = %reldir%/main.c
oomtop_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
oomtop_LDFLAGS = $(AM_LDFLAGS) $(STATIC_LDFLAGS)
oomtop_LDADD = $(APP_LIBS) $(TUI_LIBS) $(CORE_LIBS) $(STATIC_LIBS)
