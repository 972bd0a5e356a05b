/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/replay.h — the recorded past the collector starts from (core/history/replay.h),
 * read from the history rc names (app/run_config.h): batch mode and the screen then have
 * leak rates and ETAs in their first snapshot. A history named on the command line that
 * cannot be read is an error; the default one is only worth a warning. */
#ifndef OOMTOP_APP_REPLAY_H
#define OOMTOP_APP_REPLAY_H

#include <stdio.h>

#include "app/run_config.h"
#include "core/history/replay.h"
#include "core/proc/detail.h"

/* *out: the past (hand history_replay_past(*out) to the collector, which frees it), or
 * NULL when there is no history to read. Returns 0, or 1 (exit status) when the history
 * named with --history cannot be read (said on err). */
int replay_open(const struct run_config *rc, double now_unix_s, struct history_replay **out, FILE *err);

/* The screen's detail view: its plots start with what the history recorded of the process
 * over the window (core/history/trail.h), through the store kept open for reading. NULL
 * when there is no history to read, or it cannot be read (replay_open has said why):
 * the plots then start when the view opens. Closed after the collector is freed. */
struct replay_trail;
struct replay_trail *replay_trail_open(const struct run_config *rc);
const struct proc_trail_source *replay_trail_source(struct replay_trail *r);
void replay_trail_close(struct replay_trail *r);

#endif
