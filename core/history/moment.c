/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/moment.c — see moment.h. */
#include "config.h"
#include "core/history/moment.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"
#include "core/cgroup/path.h"
#include "core/cgroup/tree.h"
#include "core/estimate/badness.h"
#include "core/estimate/cgroup_eta.h"
#include "core/estimate/leak.h"
#include "core/estimate/leak_past.h"
#include "core/history/cgroups.h"
#include "core/history/series.h"

/* How far back the slopes look: two windows hold all but 0.25 % of a slope's weight. */
#define SPAN_WINDOWS 2.0
#define CGROUP_DEPTH_MAX 64

struct cg_id { /* a cgroup row of the moment and its id in the store */
	int64_t id;
	size_t row;
};

static char *dup_text(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return strdup(t ? (const char *)t : "");
}

/* Tree order: parents before children, siblings by name (as core/cgroup/tree.c walks):
 * strcmp with '/' before every other byte. */
static int tree_cmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned char x = *a == '/' ? 1 : (unsigned char)*a, y = *b == '/' ? 1 : (unsigned char)*b;
		if (x != y || !x)
			return (x > y) - (x < y);
	}
}

/* qsort_r: ids by the tree order of the rows they index */
static int tree_order_cmp(const void *a, const void *b, void *rows)
{
	const struct cgroup_row *r = rows;
	return tree_cmp(r[((const struct cg_id *)a)->row].path, r[((const struct cg_id *)b)->row].path);
}

static int id_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct cg_id *)a)->id, y = ((const struct cg_id *)b)->id;
	return (x > y) - (x < y);
}

static bool is_parent(const char *p, const char *child)
{
	return strcmp(p, child) != 0 && cgroup_path_within(child, p);
}

static int load_sample(struct history_store *st, int64_t t, struct snapshot *s, int64_t *boot)
{
	sqlite3_stmt *q = history_store_prepare(st, "SELECT boot, " HISTORY_SCHEMA_SAMPLE_VALUES ","
						    /* as live: the newest kernel kill of this boot */
						    " (SELECT max(time) FROM oom_kill k WHERE k.time <= ?1 AND k.boot = sample.boot"
						    " AND k.source = 'kernel')"
						    " FROM sample WHERE t = ?1");
	if (!q)
		return -EIO;
	sqlite3_bind_int64(q, 1, t);
	int rc = -ENOENT;
	if (sqlite3_step(q) == SQLITE_ROW) {
		struct sys_mem *m = &s->sys;
		*boot = sqlite3_column_int64(q, 0);
		s->uptime_s = history_store_column_double(q, 1);
		m->mem_total_bytes = history_store_column_i64(q, 2);
		m->mem_available_bytes = history_store_column_i64(q, 3);
		m->swap_total_bytes = history_store_column_i64(q, 4);
		m->swap_free_bytes = history_store_column_i64(q, 5);
		m->psi_some_avg10 = history_store_column_double(q, 6);
		m->psi_full_avg10 = history_store_column_double(q, 7);
		m->oom_kills = history_store_column_i64(q, 8);
		m->zfs_arc_size_bytes = history_store_column_i64(q, 9);
		m->zfs_arc_reclaimable_bytes = history_store_column_i64(q, 10);
		m->available_bytes = history_store_column_i64(q, 11);
		m->last_oom_kill_unix_s = history_store_column_double(q, 12);
		m->psi_some_total_us = m->psi_full_total_us = VAL_UNKNOWN; /* not recorded */
		rc = 0;
	}
	sqlite3_finalize(q);
	return rc;
}

/* The cgroups present at the moment, in tree order, with parents and depths; ids gets
 * their store ids sorted by id (for the processes' lookups). */
static int load_cgroups(struct history_series *ser, struct snapshot *s, struct cg_id **ids)
{
	sqlite3_stmt *q = history_store_prepare(ser->st, "SELECT id, path, name, version FROM cgroup");
	if (!q)
		return -EIO;
	struct cgroup_row *rows = NULL;
	size_t n = 0, cap = 0, capids = 0;
	int rc = 0;
	while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
		struct leak_series h[LEAK_PAST_CGROUP_SERIES];
		double v[HISTORY_SCHEMA_CV_COUNT];
		if (!history_series_cgroup(ser, sqlite3_column_int64(q, 0), h, v))
			continue;
		if (!util_grow((void **)&rows, &cap, n + 1, sizeof(*rows)) ||
		    !util_grow((void **)ids, &capids, n + 1, sizeof(**ids))) {
			rc = -ENOMEM;
			break;
		}
		struct cgroup_row *r = &rows[n];
		memset(r, 0, sizeof(*r));
		(*ids)[n] = (struct cg_id){sqlite3_column_int64(q, 0), n};
		r->path = dup_text(q, 1);
		r->name = dup_text(q, 2);
		r->version = sqlite3_column_int(q, 3);
		n++;
		if (!r->path || !r->name) {
			rc = -ENOMEM;
			break;
		}
		history_cgroups_apply(r, v);
		/* the slopes as the collector has them: over the window ending at the moment */
		r->usage_slope = leak_estimate(&h[LEAK_PAST_USAGE], ser->hi * 1000, ser->window_s);
		r->working_set_slope = leak_estimate(&h[LEAK_PAST_WORKING_SET], ser->hi * 1000, ser->window_s);
	}
	sqlite3_finalize(q);
	s->cgroups = rows;
	s->ncgroups = n;
	if (rc || !n)
		return rc;
	/* tree order: sort the ids by their rows' paths, then the rows to match */
	qsort_r(*ids, n, sizeof(**ids), tree_order_cmp, rows);
	struct cgroup_row *sorted = malloc(n * sizeof(*sorted));
	if (!sorted)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++) {
		sorted[i] = rows[(*ids)[i].row];
		(*ids)[i].row = i;
	}
	free(rows);
	s->cgroups = rows = sorted;
	int stack[CGROUP_DEPTH_MAX], depth = 0;
	for (size_t i = 0; i < n; i++) {
		struct cgroup_row *r = &rows[i];
		while (depth > 0 && !is_parent(rows[stack[depth - 1]].path, r->path))
			depth--;
		r->parent = depth > 0 ? stack[depth - 1] : -1;
		r->depth = depth;
		if (depth < CGROUP_DEPTH_MAX)
			stack[depth++] = (int)i;
	}
	qsort(*ids, n, sizeof(**ids), id_cmp);
	/* what the collector derives from the rows, by the same code */
	cgroup_tree_effective_limits(rows, n);
	cgroup_eta_compute(rows, n, ser->window_s);
	return 0;
}

/* The row index of the cgroup with store id `id` in the moment, or -1. */
static int cgroup_row_of(const struct snapshot *s, const struct cg_id *ids, int64_t id)
{
	if (!val_known(id) || !ids)
		return -1;
	struct cg_id key = {id, 0};
	const struct cg_id *hit = bsearch(&key, ids, s->ncgroups, sizeof(*ids), id_cmp);
	return hit ? (int)hit->row : -1;
}

static int fill_proc(struct history_moment *m, sqlite3_stmt *q, struct history_series *ser, const struct cg_id *ids,
		     struct proc_row *r)
{
	struct leak_series h[LEAK_PAST_PROC_SERIES];
	double v[HISTORY_SCHEMA_PV_COUNT];
	int64_t end_t = history_store_column_i64(q, 10);
	if (!history_series_proc(ser, sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 9), end_t, h, v))
		return 1; /* no values at the moment */
	memset(r, 0, sizeof(*r));
	r->pid = (pid_t)sqlite3_column_int64(q, 1);
	r->start_ticks = (uint64_t)sqlite3_column_int64(q, 2);
	r->start_time_unix_s = history_store_column_double(q, 3);
	r->ppid = (pid_t)sqlite3_column_int64(q, 4);
	r->uid = (uid_t)sqlite3_column_int64(q, 5);
	r->user = dup_text(q, 6);
	r->comm = dup_text(q, 7);
	r->cmdline = dup_text(q, 8);
	if (!r->user || !r->comm || !r->cmdline)
		return -ENOMEM;
	int cg = cgroup_row_of(&m->snap, ids, history_store_i64_of(v[HISTORY_SCHEMA_PV_CGROUP]));
	if (cg >= 0) {
		r->cgroup = m->snap.cgroups[cg].path;
		for (; cg >= 0; cg = m->snap.cgroups[cg].parent)
			m->snap.cgroups[cg].nprocs++;
	}
	r->rss_bytes = history_store_i64_of(v[HISTORY_SCHEMA_PV_RSS]);
	r->rss_anon_bytes = history_store_i64_of(v[HISTORY_SCHEMA_PV_RSS_ANON]);
	r->rss_file_bytes = history_store_i64_of(v[HISTORY_SCHEMA_PV_RSS_FILE]);
	r->rss_shmem_bytes = history_store_i64_of(v[HISTORY_SCHEMA_PV_RSS_SHMEM]);
	r->swap_bytes = history_store_i64_of(v[HISTORY_SCHEMA_PV_SWAP]);
	r->pgtables_bytes = history_store_i64_of(v[HISTORY_SCHEMA_PV_PGTABLES]);
	r->oom_score = history_store_i64_of(v[HISTORY_SCHEMA_PV_OOM_SCORE]);
	r->oom_score_adj = history_store_i64_of(v[HISTORY_SCHEMA_PV_OOM_SCORE_ADJ]);
	r->threads = history_store_i64_of(v[HISTORY_SCHEMA_PV_THREADS]);
	r->fds = history_store_i64_of(v[HISTORY_SCHEMA_PV_FDS]);
	int64_t now_ms = ser->hi * 1000;
	r->rss_slope = leak_estimate(&h[LEAK_PAST_RSS], now_ms, ser->window_s);
	r->fd_slope = leak_estimate(&h[LEAK_PAST_FDS], now_ms, ser->window_s);
	r->thread_slope = leak_estimate(&h[LEAK_PAST_THREADS], now_ms, ser->window_s);
	r->state = PROC_RUNNING;
	r->exited_unix_s = NAN;
	r->oom_event = -1;
	r->fd_limit = VAL_UNKNOWN; /* not recorded */
	r->fd_eta_s = NAN;
	return 0;
}

static int load_procs(struct history_moment *m, struct history_series *ser, int64_t boot, const struct cg_id *ids)
{
	sqlite3_stmt *q = history_store_prepare(
		ser->st, "SELECT p.id, p.pid, p.start_ticks, p.start_time, p.ppid, p.uid, p.user, p.comm, c.text,"
			 " p.first_t, p.end_t FROM proc p LEFT JOIN cmdline c ON c.id = p.cmdline"
			 " WHERE p.boot = ?1 AND p.first_t <= ?2 AND (p.end_t IS NULL OR p.end_t > ?2)");
	if (!q)
		return -EIO;
	sqlite3_bind_int64(q, 1, boot);
	sqlite3_bind_int64(q, 2, ser->hi);
	size_t cap = 0;
	int rc = 0;
	while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
		if (!util_grow((void **)&m->rows, &cap, m->nrows + 1, sizeof(*m->rows))) {
			rc = -ENOMEM;
			break;
		}
		rc = fill_proc(m, q, ser, ids, &m->rows[m->nrows]);
		if (rc <= 0)
			m->nrows++; /* filled, or partly (its strings are freed with it) */
		if (rc > 0)
			rc = 0;
	}
	sqlite3_finalize(q);
	if (rc)
		return rc;
	m->row_ptrs = malloc((m->nrows + 1) * sizeof(*m->row_ptrs));
	if (!m->row_ptrs)
		return -ENOMEM;
	for (size_t i = 0; i < m->nrows; i++)
		m->row_ptrs[i] = &m->rows[i];
	m->snap.procs = m->row_ptrs;
	m->snap.nprocs = m->nrows;
	return 0;
}

int history_moment_load(struct history_store *st, int64_t t, double window_s, struct history_moment *m)
{
	memset(m, 0, sizeof(*m));
	struct snapshot *s = &m->snap;
	s->time_unix_s = (double)t;
	s->t_mono_ms = t * 1000;
	s->window_s = window_s;
	s->seq = 1;
	s->events_replay_done_bytes = s->events_replay_total_bytes = VAL_UNKNOWN; /* no log read */
	s->interval_s = (double)history_store_meta_int(st, "interval_ms", 0) / 1000.0;
	int64_t boot;
	int rc = load_sample(st, t, s, &boot);
	if (rc)
		return rc;
	sqlite3_stmt *q = history_store_prepare(st, "SELECT value FROM meta WHERE key = 'hostname'");
	if (q && sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0))
		m->hostname = strdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	s->hostname = m->hostname ? m->hostname : "?";
	struct history_series ser;
	rc = history_series_open(&ser, st, boot, t, window_s, SPAN_WINDOWS * window_s);
	if (rc)
		return rc;
	struct leak_series avail;
	struct sys_mem *sys = &s->sys;
	sys->available = (struct slope){NAN, NAN};
	sys->eta_exhaustion_s = NAN;
	if (history_series_system(&ser, &avail)) {
		sys->available = leak_estimate(&avail, t * 1000, window_s);
		if (val_known(sys->available_bytes))
			sys->eta_exhaustion_s = leak_eta_down_s((double)sys->available_bytes, 0.0, sys->available);
	}
	struct cg_id *ids = NULL;
	rc = load_cgroups(&ser, s, &ids);
	s->cgroup_version = s->ncgroups ? s->cgroups[0].version : 0; /* the mount is not recorded */
	if (rc == 0)
		rc = load_procs(m, &ser, boot, ids);
	free(ids);
	history_series_close(&ser);
	if (rc == 0 && badness_mark_victims(s) != 0)
		rc = -ENOMEM;
	if (rc)
		history_moment_free(m);
	return rc;
}

void history_moment_free(struct history_moment *m)
{
	for (size_t i = 0; i < m->nrows; i++) {
		free((char *)m->rows[i].user);
		free((char *)m->rows[i].comm);
		free((char *)m->rows[i].cmdline);
	}
	for (size_t i = 0; i < m->snap.ncgroups; i++) {
		free((char *)m->snap.cgroups[i].path);
		free((char *)m->snap.cgroups[i].name);
	}
	free(m->snap.cgroups);
	free(m->rows);
	free(m->row_ptrs);
	free(m->hostname);
	memset(m, 0, sizeof(*m));
}
