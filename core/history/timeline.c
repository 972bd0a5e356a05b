/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/timeline.c — see timeline.h. */
#include "config.h"
#include "core/history/timeline.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>

static int one(struct history_store *st, const char *sql, int64_t arg, bool bind, int64_t *out)
{
	sqlite3_stmt *s = history_store_prepare(st, sql);
	if (!s)
		return -EIO;
	if (bind)
		sqlite3_bind_int64(s, 1, arg);
	int rc = -ENOENT;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL) {
		*out = sqlite3_column_int64(s, 0);
		rc = 0;
	}
	sqlite3_finalize(s);
	return rc;
}

int history_timeline_range(struct history_store *st, int64_t *first, int64_t *last)
{
	int rc = one(st, "SELECT min(t) FROM sample", 0, false, first);
	return rc ? rc : one(st, "SELECT max(t) FROM sample", 0, false, last);
}

int history_timeline_step(struct history_store *st, int64_t t, int dir, int64_t *out)
{
	if (dir < 0)
		return one(st, "SELECT max(t) FROM sample WHERE t < ?", t, true, out);
	return one(st, "SELECT min(t) FROM sample WHERE t > ?", t, true, out);
}

int history_timeline_at_or_before(struct history_store *st, double t, int64_t *out)
{
	if (!isfinite(t))
		return -ENOENT;
	return one(st, "SELECT max(t) FROM sample WHERE t <= ?", (int64_t)floor(t), true, out);
}

int history_timeline_nearest(struct history_store *st, double t, int64_t *out)
{
	if (!isfinite(t))
		return -ENOENT;
	int64_t before, after;
	int rb = one(st, "SELECT max(t) FROM sample WHERE t <= ?", (int64_t)floor(t), true, &before);
	int ra = one(st, "SELECT min(t) FROM sample WHERE t > ?", (int64_t)floor(t), true, &after);
	if (rb == -EIO || ra == -EIO)
		return -EIO;
	if (rb && ra)
		return -ENOENT;
	if (rb)
		*out = after;
	else if (ra)
		*out = before;
	else
		*out = (double)after - t < t - (double)before ? after : before;
	return 0;
}
