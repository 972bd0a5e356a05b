/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/trail.h — a recording as the detail view's trail source
 * (core/proc/detail.h struct proc_trail_source): the RSS, fds and threads one process had
 * at the recorded samples of a time span, so that the plots of a process opened on the
 * screen start with the window before it was opened, not empty.
 *
 * Values are stored when they changed (core/history/series.h): the value at a sample time
 * is the newest row at or before it; a process counts only between its first sample and
 * its end. Only the running boot's processes (a pid and a start time name a process
 * within one boot). At most `max` points: when the span holds more samples, evenly
 * spaced ones, the newest always kept.
 *
 * The store stays the caller's, open for reading while the source is in use (one
 * lookup a time the view opens on a process). Call order: history_trail_open, the
 * source's fill any number of times, history_trail_free. */
#ifndef OOMTOP_HISTORY_TRAIL_H
#define OOMTOP_HISTORY_TRAIL_H

#include "core/history/boot.h"
#include "core/history/store.h"
#include "core/proc/detail.h"

struct history_trail;

/* For the running boot `boot`. 0, or -ENOMEM / -EIO. A boot the store never saw is not an
 * error: its source finds nothing. */
int history_trail_open(struct history_store *st, const struct history_boot *boot, struct history_trail **out);

/* The interface to hand to the collector (collector_trail_source); valid until
 * history_trail_free. */
const struct proc_trail_source *history_trail_source(struct history_trail *t);

/* NULL is fine. */
void history_trail_free(struct history_trail *t);

#endif
