/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/travel.h — a recording opened to look at one moment at a time, for callers
 * that do not hold the database themselves (the screen's history mode, tui/model/travel.h):
 * the recorded moments to step through (as core/history/timeline.h finds them) and the
 * moment shown, as a snapshot (core/history/moment.h). Opened for reading: it never
 * blocks a recorder (docs/history.md), and sees what the recorder commits meanwhile.
 *
 * The handle holds at most one loaded moment: it stays valid until the next successful
 * history_travel_load, history_travel_unload or history_travel_close (a failed load keeps
 * it). Moments are unix seconds. Never exits, never prints. */
#ifndef OOMTOP_HISTORY_TRAVEL_H
#define OOMTOP_HISTORY_TRAVEL_H

#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

struct history_travel;

/* Open the history at path for reading (core/history/store.h: what is not an oomtop history
 * is refused). 0, or -errno with one line naming the path in err. */
int history_travel_open(struct history_travel **out, const char *path, char *err, size_t errlen);

/* Frees the loaded moment and closes the database. NULL is fine. */
void history_travel_close(struct history_travel *tr);

/* The recorded moments, as core/history/timeline.h: the first and last; the nearest to t;
 * the one before (dir < 0) or after (dir > 0) t; the newest at or before t. 0, -ENOENT
 * when there is none, or -EIO. */
int history_travel_range(struct history_travel *tr, int64_t *first, int64_t *last);
int history_travel_nearest(struct history_travel *tr, double t, int64_t *out);
int history_travel_step(struct history_travel *tr, int64_t t, int dir, int64_t *out);
int history_travel_at_or_before(struct history_travel *tr, double t, int64_t *out);

/* Load the moment t (a recorded one) with slopes over window_s; *out points at it until it
 * is replaced or unloaded. 0, -ENOENT when t is not recorded, or -errno; the moment loaded
 * before is then kept. */
int history_travel_load(struct history_travel *tr, int64_t t, double window_s,
                        const struct snapshot **out);

/* Free the loaded moment (back to live: its memory goes). */
void history_travel_unload(struct history_travel *tr);

#endif
