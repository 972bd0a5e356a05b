/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/app.h — the interactive screen's single entry point, called by main().
 *
 *   struct tui_config cfg;
 *   tui_config_defaults(&cfg);
 *   cfg.set = ...;                     // the settings, merged with the command line
 *   int status = tui_run(collector, &cfg);
 *
 * tui_run owns the terminal between its first and last line: it loads the theme named in
 * the settings (its problems go to stderr as FILE:LINE messages before the screen starts,
 * and to the status line), calls collector_refresh() once per delay — sooner (at most 4
 * times a second) when collector_event_fd() wakes and collector_wake() says the kill
 * source told of a kill — with collector_watch() naming the process the detail view shows
 * (tui/view/detail.h) — and restores the terminal however it ends. In history mode (a
 * recorded moment shown) it goes on refreshing, so that going back to live is instant. It returns
 * 0 on q/F10 or after cfg->iterations refreshes, 1 on failure, 128+N after stop signal N.
 * It never calls exit() and installs no signal handler (app/signals.h does).
 */
#ifndef OOMTOP_TUI_APP_H
#define OOMTOP_TUI_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "core/history/travel.h"
#include "core/proc/filter.h"
#include "tui/config/settings.h"

struct collector;

struct tui_config {
	struct settings set;       /* delay, sort, columns, panes, theme...: what to start with */
	struct proc_filter filter; /* -p -u -c: only these processes (copied) */
	bool no_color;             /* --no-color or NO_COLOR */
	bool readonly;             /* --readonly: the screen offers no writes */
	long iterations;           /* -n: return 0 after this many refreshes; 0 = until quit */
	const char *first_problem; /* what went wrong in the settings file, for the status line, or NULL */
	int stop_fd;               /* readable when a stop signal arrived, or -1 */
	int (*stop_signal)(void);  /* which one (0: none yet), or NULL */
	/* history mode (tui/action/travel.h): the recording to step through (the caller's: open
	 * before tui_run, close after), or NULL with the reason in history_why (may be NULL) */
	struct history_travel *history;
	const char *history_why;
	double at_unix_s;          /* --at: start at the recorded moment nearest this; NAN: live */
};

/* The defaults: settings_defaults(), no filter, colours, writes allowed, no signals, no
 * recording, live. */
void tui_config_defaults(struct tui_config *cfg);

int tui_run(struct collector *c, const struct tui_config *cfg);

#endif
