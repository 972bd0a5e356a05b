/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/timetravel.h — the recording the screen steps through in history mode (tui/app.h:
 * history, history_why, at_unix_s; tui/action/travel.h): the history rc names
 * (app/run_config.h) opened for reading through core/history/travel.h, and --at turned
 * into the moment the screen opens at. Without a recording the screen runs live and its
 * history keys say why there is none. */
#ifndef OOMTOP_APP_TIMETRAVEL_H
#define OOMTOP_APP_TIMETRAVEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "app/run_config.h"
#include "tui/app.h"

/* Sets tc->history (close it with timetravel_close after tui_run), else tc->history_why
 * (written into why: --no-history, none recorded, or why it cannot be read), and
 * tc->at_unix_s from rc->at (relative to now_unix_s). Returns 0, or 1 (exit status, said on
 * err) when --at was given and no recorded moment can be shown. */
int timetravel_open(const struct run_config *rc, bool no_history, double now_unix_s,
                    struct tui_config *tc, char *why, size_t whylen, FILE *err);

/* Closes tc->history; NULL is fine. */
void timetravel_close(struct tui_config *tc);

#endif
