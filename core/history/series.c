/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/series.c — see series.h. */
#include "config.h"
#include "core/history/series.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"
#include "core/estimate/leak_past.h"
#include "core/model.h"

/* Rows of one entity: the newest at or before lo (its value when the window opens), then
 * those in (lo, hi], oldest first. Columns: t, gone, values... */
#define CARRY_IN(table, key) \
	" WHERE " key " = ?1 AND t >= coalesce((SELECT max(t) FROM " table " WHERE " key " = ?1 AND t <= ?2), ?2)" \
	" AND t <= ?3 ORDER BY t"

int history_series_open(struct history_series *s, struct history_store *st, int64_t boot_row, int64_t hi,
			double window_s, double span_s)
{
	memset(s, 0, sizeof(*s));
	s->st = st;
	s->hi = hi;
	s->lo = hi - (int64_t)ceil(span_s);
	s->window_s = window_s;
	/* the series' columns only: a long window streams hundreds of thousands of rows */
	s->proc_rows = history_store_prepare(st, "SELECT t, NULL, rss_bytes, fds, threads"
						 " FROM proc_value" CARRY_IN("proc_value", "proc"));
	s->cgroup_rows = history_store_prepare(st, "SELECT t, gone, usage_bytes, working_set_bytes"
						   " FROM cgroup_value" CARRY_IN("cgroup_value", "cgroup"));
	/* and every value, at the newest moment */
	s->proc_last = history_store_prepare(st, "SELECT " HISTORY_SCHEMA_PROC_VALUES " FROM proc_value"
						 " WHERE proc = ? AND t <= ? ORDER BY t DESC LIMIT 1");
	s->cgroup_last = history_store_prepare(st, "SELECT " HISTORY_SCHEMA_CGROUP_VALUES " FROM cgroup_value"
						   " WHERE cgroup = ? AND t <= ? ORDER BY t DESC LIMIT 1");
	s->system_rows = history_store_prepare(st, "SELECT t, NULL, available_bytes FROM sample"
						   " WHERE boot = ?1 AND t >= ?2 AND t <= ?3 ORDER BY t");
	sqlite3_stmt *q = history_store_prepare(st, "SELECT t FROM sample WHERE boot = ? AND t >= ? AND t <= ? ORDER BY t");
	if (!s->proc_rows || !s->cgroup_rows || !s->system_rows || !s->proc_last || !s->cgroup_last || !q) {
		sqlite3_finalize(q);
		history_series_close(s);
		return -EIO;
	}
	sqlite3_bind_int64(q, 1, boot_row);
	sqlite3_bind_int64(q, 2, s->lo);
	sqlite3_bind_int64(q, 3, hi);
	size_t cap = 0;
	int rc = 0;
	double gap = window_s / HISTORY_SERIES_POINTS_PER_WINDOW;
	while (sqlite3_step(q) == SQLITE_ROW) {
		int64_t t = sqlite3_column_int64(q, 0);
		/* thinned to the resolution the window needs; the newest is always kept */
		if (s->ntimes > 1 && (double)(s->times[s->ntimes - 1] - s->times[s->ntimes - 2]) < gap)
			s->ntimes--;
		if (!util_grow((void **)&s->times, &cap, s->ntimes + 1, sizeof(*s->times))) {
			rc = -ENOMEM;
			break;
		}
		s->times[s->ntimes++] = t;
	}
	sqlite3_finalize(q);
	sqlite3_bind_int64(s->system_rows, 1, boot_row);
	if (rc)
		history_series_close(s);
	return rc;
}

/* Stream rows (t, gone, one column per series) of one entity and push, at every sample
 * time in [from, to), the value it had then. Returns whether it had values at hi. */
#define FEED_MAX_SERIES 3
_Static_assert(LEAK_PAST_PROC_SERIES <= FEED_MAX_SERIES && LEAK_PAST_CGROUP_SERIES <= FEED_MAX_SERIES, "feed");
static bool feed(struct history_series *s, sqlite3_stmt *rows, int nseries, int64_t from, int64_t to,
		 struct leak_series *out)
{
	for (int k = 0; k < nseries; k++)
		leak_reset(&out[k]);
	double cur[FEED_MAX_SERIES];
	bool have = false; /* cur holds the values of a row at or before the sample time */
	size_t i = 0;
	int step = sqlite3_step(rows);
	while (i < s->ntimes) {
		int64_t t = s->times[i];
		/* take every row at or before t */
		while (step == SQLITE_ROW && sqlite3_column_int64(rows, 0) <= t) {
			have = sqlite3_column_type(rows, 1) == SQLITE_NULL; /* not a gone row */
			for (int k = 0; k < nseries; k++)
				cur[k] = sqlite3_column_type(rows, 2 + k) == SQLITE_NULL ? NAN
											 : sqlite3_column_double(rows, 2 + k);
			step = sqlite3_step(rows);
		}
		if (have && t >= from && t < to)
			for (int k = 0; k < nseries; k++)
				leak_push(&out[k], t * 1000, cur[k], s->window_s);
		i++;
	}
	/* rows after the last sample time (none normally): still the newest at hi */
	while (step == SQLITE_ROW) {
		have = sqlite3_column_type(rows, 1) == SQLITE_NULL;
		step = sqlite3_step(rows);
	}
	sqlite3_reset(rows);
	return have && s->hi >= from && s->hi < to;
}

/* The values of the newest row at or before hi, from q (id bound here). */
static void newest(struct history_series *s, sqlite3_stmt *q, int64_t id, int ncols, double *last)
{
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int64(q, 2, s->hi);
	bool row = sqlite3_step(q) == SQLITE_ROW;
	for (int c = 0; c < ncols; c++)
		last[c] = row && sqlite3_column_type(q, c) != SQLITE_NULL ? sqlite3_column_double(q, c) : NAN;
	sqlite3_reset(q);
}

static void bind_window(struct history_series *s, sqlite3_stmt *q, int64_t id)
{
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int64(q, 2, s->lo);
	sqlite3_bind_int64(q, 3, s->hi);
}

bool history_series_proc(struct history_series *s, int64_t proc_id, int64_t first_t, int64_t end_t,
			 struct leak_series *out, double *last)
{
	/* the columns of proc_rows, in the order of enum leak_past_proc_series */
	_Static_assert(LEAK_PAST_RSS == 0 && LEAK_PAST_FDS == 1 && LEAK_PAST_THREADS == 2, "proc_rows' columns");
	bind_window(s, s->proc_rows, proc_id);
	bool at_hi = feed(s, s->proc_rows, LEAK_PAST_PROC_SERIES, first_t, val_known(end_t) ? end_t : INT64_MAX, out);
	if (at_hi && last)
		newest(s, s->proc_last, proc_id, HISTORY_SCHEMA_PV_COUNT, last);
	return at_hi;
}

bool history_series_cgroup(struct history_series *s, int64_t cgroup_id, struct leak_series *out, double *last)
{
	/* the columns of cgroup_rows, in the order of enum leak_past_cgroup_series */
	_Static_assert(LEAK_PAST_USAGE == 0 && LEAK_PAST_WORKING_SET == 1, "cgroup_rows' columns");
	bind_window(s, s->cgroup_rows, cgroup_id);
	bool at_hi = feed(s, s->cgroup_rows, LEAK_PAST_CGROUP_SERIES, INT64_MIN, INT64_MAX, out);
	if (at_hi && last)
		newest(s, s->cgroup_last, cgroup_id, HISTORY_SCHEMA_CV_COUNT, last);
	return at_hi;
}

bool history_series_system(struct history_series *s, struct leak_series *out)
{
	sqlite3_bind_int64(s->system_rows, 2, s->lo);
	sqlite3_bind_int64(s->system_rows, 3, s->hi);
	return feed(s, s->system_rows, 1, INT64_MIN, INT64_MAX, out);
}

void history_series_close(struct history_series *s)
{
	sqlite3_finalize(s->proc_rows);
	sqlite3_finalize(s->cgroup_rows);
	sqlite3_finalize(s->system_rows);
	sqlite3_finalize(s->proc_last);
	sqlite3_finalize(s->cgroup_last);
	free(s->times);
	memset(s, 0, sizeof(*s));
}
