/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/cmd_at.h — `-b --at=TIME`: the recorded moment nearest TIME (core/history/when.h)
 * printed as batch mode prints a snapshot (text, JSON, Prometheus; -p -u -c -s apply),
 * with the slopes of then over the leak-rate window (core/history/moment.h); -n N prints
 * N consecutive recorded moments from there (fewer when the recording ends first). No
 * collector: nothing is read from the running machine. Returns the exit status: 0, or 1
 * when the history cannot be read, holds no moment, or stdout breaks. */
#ifndef OOMTOP_APP_CMD_AT_H
#define OOMTOP_APP_CMD_AT_H

#include <stdio.h>

#include "app/run_config.h"

/* rc->history_path and rc->at are set. now_unix_s: what relative times count from. */
int cmd_at_run(const struct run_config *rc, double now_unix_s, FILE *out, FILE *err);

#endif
