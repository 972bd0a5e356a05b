/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/timeline.h — the recorded moments (the sample times of a history), for
 * stepping through a recording: the moment nearest a time (--at), the one before or after
 * (the screen's keys), the newest at or before a time ("the minutes before" a kill: its
 * time minus N seconds). Each answer is one lookup on the sample table's primary key,
 * O(log n), cheap enough per key press. Moments are unix seconds. */
#ifndef OOMTOP_HISTORY_TIMELINE_H
#define OOMTOP_HISTORY_TIMELINE_H

#include <stdint.h>

#include "core/history/store.h"

/* The first and the last recorded moment. 0, or -ENOENT when nothing is recorded. */
int history_timeline_range(struct history_store *st, int64_t *first, int64_t *last);

/* The recorded moment nearest t (the earlier one on a tie). 0 or -ENOENT. */
int history_timeline_nearest(struct history_store *st, double t, int64_t *out);

/* The moment before t (dir < 0) or after it (dir > 0). 0, or -ENOENT past either end. */
int history_timeline_step(struct history_store *st, int64_t t, int dir, int64_t *out);

/* The newest moment at or before t. 0, or -ENOENT when none is that old. */
int history_timeline_at_or_before(struct history_store *st, double t, int64_t *out);

#endif
