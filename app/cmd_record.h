/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/cmd_record.h — `--record[=PATH]`: no screen; every -d seconds (10 by default) one
 * refresh of the collector goes into the history (core/history/writer.h). The samples
 * are written to disk together, every --history-flush seconds (120 by default), at once
 * after an OOM kill, and when a stop signal (SIGTERM, SIGINT, SIGHUP: app/signals.h) ends
 * the run; kill -9 loses at most the samples not written yet. What is kept, and for how
 * long, is settled at start and hourly (core/history/retention.h, the size cap from
 * --history-size). -n N: N samples, then exit. A failed write is said on err and the
 * recording goes on (a full disk may free up). Returns the exit status: 0, or 1 when the
 * collector fails or the last write failed. */
#ifndef OOMTOP_APP_CMD_RECORD_H
#define OOMTOP_APP_CMD_RECORD_H

#include <stdio.h>

#include "app/run_config.h"
#include "core/collector.h"
#include "core/history/store.h"

/* st: opened for recording (HISTORY_STORE_RECORD). */
int cmd_record_run(struct collector *c, struct history_store *st, const struct run_config *rc, FILE *err);

#endif
