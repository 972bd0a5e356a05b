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
	s->proc_rows = history_store_prepare(st, "SELECT t, NULL, " HISTORY_SCHEMA_PROC_VALUES
						 " FROM proc_value" CARRY_IN("proc_value", "proc"));
	s->cgroup_rows = history_store_prepare(st, "SELECT t, gone, " HISTORY_SCHEMA_CGROUP_VALUES
						   " FROM cgroup_value" CARRY_IN("cgroup_value", "cgroup"));
	s->system_rows = history_store_prepare(st, "SELECT t, NULL, mem_available_bytes FROM sample"
						   " WHERE boot = ?1 AND t >= ?2 AND t <= ?3 ORDER BY t");
	sqlite3_stmt *q = history_store_prepare(st, "SELECT t FROM sample WHERE boot = ? AND t >= ? AND t <= ? ORDER BY t");
	if (!s->proc_rows || !s->cgroup_rows || !s->system_rows || !q) {
		sqlite3_finalize(q);
		history_series_close(s);
		return -EIO;
	}
	sqlite3_bind_int64(q, 1, boot_row);
	sqlite3_bind_int64(q, 2, s->lo);
	sqlite3_bind_int64(q, 3, hi);
	size_t cap = 0;
	int rc = 0;
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (!util_grow((void **)&s->times, &cap, s->ntimes + 1, sizeof(*s->times))) {
			rc = -ENOMEM;
			break;
		}
		s->times[s->ntimes++] = sqlite3_column_int64(q, 0);
	}
	sqlite3_finalize(q);
	sqlite3_bind_int64(s->system_rows, 1, boot_row);
	if (rc)
		history_series_close(s);
	return rc;
}

/* Stream rows (t, gone, ncols values) of one entity and push, at every sample time in
 * [from, to), the value it had then: series k takes value column col[k]. last gets the
 * values at hi. Returns whether it had values at hi. */
static bool feed(struct history_series *s, sqlite3_stmt *rows, int ncols, const int *col, int nseries,
		 int64_t from, int64_t to, struct leak_series *out, double *last)
{
	for (int k = 0; k < nseries; k++)
		leak_reset(&out[k]);
	double cur[HISTORY_PV_COUNT + 2];
	bool have = false; /* cur holds the values of a row at or before the sample time */
	size_t i = 0;
	int step = sqlite3_step(rows);
	while (i < s->ntimes) {
		int64_t t = s->times[i];
		/* take every row at or before t */
		while (step == SQLITE_ROW && sqlite3_column_int64(rows, 0) <= t) {
			have = sqlite3_column_type(rows, 1) == SQLITE_NULL; /* not a gone row */
			for (int c = 0; c < ncols; c++)
				cur[c] = sqlite3_column_type(rows, 2 + c) == SQLITE_NULL ? NAN
											 : sqlite3_column_double(rows, 2 + c);
			step = sqlite3_step(rows);
		}
		if (have && t >= from && t < to)
			for (int k = 0; k < nseries; k++)
				leak_push(&out[k], t * 1000, cur[col[k]], s->window_s);
		i++;
	}
	/* rows after the last sample time (none normally): still the newest at hi */
	while (step == SQLITE_ROW) {
		have = sqlite3_column_type(rows, 1) == SQLITE_NULL;
		for (int c = 0; c < ncols; c++)
			cur[c] = sqlite3_column_type(rows, 2 + c) == SQLITE_NULL ? NAN : sqlite3_column_double(rows, 2 + c);
		step = sqlite3_step(rows);
	}
	sqlite3_reset(rows);
	bool at_hi = have && s->hi >= from && s->hi < to;
	for (int c = 0; last && c < ncols; c++)
		last[c] = at_hi ? cur[c] : NAN;
	return at_hi;
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
	static const int col[LEAK_PAST_PROC_SERIES] = {
		[LEAK_PAST_RSS] = HISTORY_PV_RSS,
		[LEAK_PAST_FDS] = HISTORY_PV_FDS,
		[LEAK_PAST_THREADS] = HISTORY_PV_THREADS,
	};
	bind_window(s, s->proc_rows, proc_id);
	return feed(s, s->proc_rows, HISTORY_PV_COUNT, col, LEAK_PAST_PROC_SERIES, first_t,
		    val_known(end_t) ? end_t : INT64_MAX, out, last);
}

bool history_series_cgroup(struct history_series *s, int64_t cgroup_id, struct leak_series *out, double *last)
{
	static const int col[1] = {HISTORY_CV_USAGE};
	bind_window(s, s->cgroup_rows, cgroup_id);
	return feed(s, s->cgroup_rows, HISTORY_CV_COUNT + 1, col, 1, INT64_MIN, INT64_MAX, out, last);
}

bool history_series_system(struct history_series *s, struct leak_series *out)
{
	static const int col[1] = {0};
	sqlite3_bind_int64(s->system_rows, 2, s->lo);
	sqlite3_bind_int64(s->system_rows, 3, s->hi);
	return feed(s, s->system_rows, 1, col, 1, INT64_MIN, INT64_MAX, out, NULL);
}

void history_series_close(struct history_series *s)
{
	sqlite3_finalize(s->proc_rows);
	sqlite3_finalize(s->cgroup_rows);
	sqlite3_finalize(s->system_rows);
	free(s->times);
	memset(s, 0, sizeof(*s));
}
