/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/trail.c — see trail.h. */
#include "config.h"
#include "core/history/trail.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"
#include "core/model.h"

struct history_trail {
	struct proc_trail_source src;
	int64_t boot_row; /* <= 0: the store has nothing of this boot */
	sqlite3_stmt *proc, *times, *values;
};

static int64_t col_or_unknown(sqlite3_stmt *q, int c)
{
	return sqlite3_column_type(q, c) == SQLITE_NULL ? VAL_UNKNOWN : sqlite3_column_int64(q, c);
}

/* The sample times of [from, to] (seconds) within the process's life [first, end), at most
 * max of them, evenly spaced with the newest kept. Returns how many, into t. */
static size_t sample_times(struct history_trail *h, int64_t from, int64_t to, int64_t *t, size_t max)
{
	int64_t *all = NULL;
	size_t n = 0, cap = 0;
	sqlite3_bind_int64(h->times, 1, h->boot_row);
	sqlite3_bind_int64(h->times, 2, from);
	sqlite3_bind_int64(h->times, 3, to);
	while (sqlite3_step(h->times) == SQLITE_ROW) {
		if (!util_grow((void **)&all, &cap, n + 1, sizeof(*all)))
			break;
		all[n++] = sqlite3_column_int64(h->times, 0);
	}
	sqlite3_reset(h->times);
	size_t k = n < max ? n : max;
	for (size_t i = 0; i < k; i++) { /* evenly spaced, the newest (n - 1) last */
		size_t j = n == k ? i : k == 1 ? n - 1 : (size_t)((double)i * (double)(n - 1) / (double)(k - 1) + 0.5);
		t[i] = all[j];
	}
	free(all);
	return k;
}

static size_t fill(void *ctx, pid_t pid, uint64_t start_ticks, int64_t from_unix_ms, int64_t to_unix_ms,
		   struct proc_trail_point *out, size_t max)
{
	struct history_trail *h = ctx;
	if (h->boot_row <= 0 || max == 0)
		return 0;
	sqlite3_bind_int64(h->proc, 1, h->boot_row);
	sqlite3_bind_int64(h->proc, 2, pid);
	sqlite3_bind_int64(h->proc, 3, (int64_t)start_ticks);
	bool found = sqlite3_step(h->proc) == SQLITE_ROW;
	int64_t id = found ? sqlite3_column_int64(h->proc, 0) : 0;
	int64_t first = found ? sqlite3_column_int64(h->proc, 1) : 0;
	int64_t end = found ? history_store_column_i64(h->proc, 2) : 0;
	sqlite3_reset(h->proc);
	if (!found)
		return 0;
	int64_t from = (int64_t)ceil((double)from_unix_ms / 1000.0), to = to_unix_ms / 1000;
	if (from < first)
		from = first;
	if (val_known(end) && to >= end)
		to = end - 1;
	if (to < from)
		return 0;
	int64_t *t = malloc(max * sizeof(*t));
	if (!t)
		return 0;
	size_t nt = sample_times(h, from, to, t, max);
	/* the rows from the newest at or before the first time on, oldest first */
	sqlite3_bind_int64(h->values, 1, id);
	sqlite3_bind_int64(h->values, 2, from);
	sqlite3_bind_int64(h->values, 3, to);
	size_t n = 0;
	bool have = false;
	struct proc_trail_point cur = {0};
	int step = sqlite3_step(h->values);
	for (size_t i = 0; i < nt; i++) {
		while (step == SQLITE_ROW && sqlite3_column_int64(h->values, 0) <= t[i]) {
			cur.rss_bytes = col_or_unknown(h->values, 1);
			cur.fds = col_or_unknown(h->values, 2);
			cur.threads = col_or_unknown(h->values, 3);
			have = true;
			step = sqlite3_step(h->values);
		}
		if (!have)
			continue;
		cur.t_ms = t[i] * 1000;
		out[n++] = cur;
	}
	sqlite3_reset(h->values);
	free(t);
	return n;
}

int history_trail_open(struct history_store *st, const struct history_boot *boot, struct history_trail **out)
{
	*out = NULL;
	struct history_trail *h = calloc(1, sizeof(*h));
	if (!h)
		return -ENOMEM;
	h->src = (struct proc_trail_source){fill, h};
	h->boot_row = history_boot_row(st, boot, 0);
	h->proc = history_store_prepare(st, "SELECT id, first_t, end_t FROM proc"
					    " WHERE boot = ? AND pid = ? AND start_ticks = ?");
	h->times = history_store_prepare(st, "SELECT t FROM sample WHERE boot = ? AND t >= ? AND t <= ? ORDER BY t");
	/* the newest row at or before the span's start (its value then), and those in it */
	h->values = history_store_prepare(st, "SELECT t, rss_bytes, fds, threads FROM proc_value WHERE proc = ?1"
					      " AND t >= coalesce((SELECT max(t) FROM proc_value"
					      " WHERE proc = ?1 AND t <= ?2), ?2) AND t <= ?3 ORDER BY t");
	if (!h->proc || !h->times || !h->values) {
		history_trail_free(h);
		return -EIO;
	}
	*out = h;
	return 0;
}

const struct proc_trail_source *history_trail_source(struct history_trail *t)
{
	return &t->src;
}

void history_trail_free(struct history_trail *t)
{
	if (!t)
		return;
	sqlite3_finalize(t->proc);
	sqlite3_finalize(t->times);
	sqlite3_finalize(t->values);
	free(t);
}
