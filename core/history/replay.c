/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/replay.c — see replay.h. */
#include "config.h"
#include "core/history/replay.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"
#include "core/history/series.h"

/* The series reach two windows back: all but 0.25 % of a slope's weight. */
#define SPAN_WINDOWS 2.0

struct rp_proc {
	pid_t pid;
	uint64_t start_ticks;
	struct leak_series h[LEAK_PAST_PROC_SERIES];
};

struct rp_cgroup {
	char *path;
	struct leak_series h[LEAK_PAST_CGROUP_SERIES];
};

struct history_replay {
	struct leak_past past;
	struct rp_proc *procs; /* by (pid, start_ticks) */
	size_t nprocs;
	struct rp_cgroup *cgroups; /* by path (strcmp) */
	size_t ncgroups;
	struct leak_series system;
	bool have_system;
	int64_t moment;
};

static int proc_cmp(const void *a, const void *b)
{
	const struct rp_proc *x = a, *y = b;
	if (x->pid != y->pid)
		return x->pid < y->pid ? -1 : 1;
	return (x->start_ticks > y->start_ticks) - (x->start_ticks < y->start_ticks);
}

static bool past_proc(void *ctx, pid_t pid, uint64_t start_ticks, struct leak_series *out)
{
	struct history_replay *r = ctx;
	struct rp_proc key = {.pid = pid, .start_ticks = start_ticks};
	const struct rp_proc *hit = bsearch(&key, r->procs, r->nprocs, sizeof(key), proc_cmp);
	if (!hit)
		return false;
	memcpy(out, hit->h, sizeof(hit->h));
	return true;
}

static int cg_cmp(const void *a, const void *b)
{
	return strcmp(((const struct rp_cgroup *)a)->path, ((const struct rp_cgroup *)b)->path);
}

static bool past_cgroup(void *ctx, const char *path, struct leak_series *out)
{
	struct history_replay *r = ctx;
	struct rp_cgroup key = {.path = (char *)path};
	const struct rp_cgroup *hit = path ? bsearch(&key, r->cgroups, r->ncgroups, sizeof(key), cg_cmp) : NULL;
	if (!hit)
		return false;
	memcpy(out, hit->h, sizeof(hit->h));
	return true;
}

static bool past_system(void *ctx, struct leak_series *out)
{
	struct history_replay *r = ctx;
	if (r->have_system)
		*out = r->system;
	return r->have_system;
}

static void past_release(void *ctx)
{
	history_replay_free(ctx);
}

static int load_procs(struct history_replay *r, struct history_series *ser, int64_t boot_row)
{
	sqlite3_stmt *q = history_store_prepare(ser->st, "SELECT id, pid, start_ticks, first_t, end_t FROM proc"
							 " WHERE boot = ?1 AND first_t <= ?2 AND (end_t IS NULL OR end_t > ?2)");
	if (!q)
		return -EIO;
	sqlite3_bind_int64(q, 1, boot_row);
	sqlite3_bind_int64(q, 2, ser->hi);
	size_t cap = 0;
	int rc = 0;
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (!util_grow((void **)&r->procs, &cap, r->nprocs + 1, sizeof(*r->procs))) {
			rc = -ENOMEM;
			break;
		}
		struct rp_proc *p = &r->procs[r->nprocs];
		p->pid = (pid_t)sqlite3_column_int64(q, 1);
		p->start_ticks = (uint64_t)sqlite3_column_int64(q, 2);
		if (history_series_proc(ser, sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 3),
					history_store_column_i64(q, 4), p->h, NULL))
			r->nprocs++;
	}
	sqlite3_finalize(q);
	qsort(r->procs, r->nprocs, sizeof(*r->procs), proc_cmp);
	return rc;
}

static int load_cgroups(struct history_replay *r, struct history_series *ser)
{
	sqlite3_stmt *q = history_store_prepare(ser->st, "SELECT id, path FROM cgroup");
	if (!q)
		return -EIO;
	size_t cap = 0;
	int rc = 0;
	while (sqlite3_step(q) == SQLITE_ROW) {
		struct leak_series h[LEAK_PAST_CGROUP_SERIES];
		if (!history_series_cgroup(ser, sqlite3_column_int64(q, 0), h, NULL))
			continue;
		if (!util_grow((void **)&r->cgroups, &cap, r->ncgroups + 1, sizeof(*r->cgroups))) {
			rc = -ENOMEM;
			break;
		}
		struct rp_cgroup *c = &r->cgroups[r->ncgroups];
		c->path = strdup((const char *)sqlite3_column_text(q, 1));
		memcpy(c->h, h, sizeof(h));
		if (!c->path) {
			rc = -ENOMEM;
			break;
		}
		r->ncgroups++;
	}
	sqlite3_finalize(q);
	qsort(r->cgroups, r->ncgroups, sizeof(*r->cgroups), cg_cmp);
	return rc;
}

int history_replay_load(struct history_store *st, const struct history_boot *boot, double now_unix_s,
			double window_s, struct history_replay **out)
{
	*out = NULL;
	struct history_replay *r = calloc(1, sizeof(*r));
	if (!r)
		return -ENOMEM;
	r->past = (struct leak_past){past_proc, past_cgroup, past_system, past_release, r};
	int64_t boot_row = history_boot_row(st, boot, 0);
	int rc = boot_row < 0 ? (int)boot_row : 0;
	sqlite3_stmt *q = boot_row > 0 ? history_store_prepare(st, "SELECT max(t) FROM sample WHERE boot = ?") : NULL;
	if (q) {
		sqlite3_bind_int64(q, 1, boot_row);
		if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL)
			r->moment = sqlite3_column_int64(q, 0);
		sqlite3_finalize(q);
	}
	if (rc == 0 && r->moment > 0 && now_unix_s - (double)r->moment <= window_s) {
		struct history_series ser;
		rc = history_series_open(&ser, st, boot_row, r->moment, window_s, SPAN_WINDOWS * window_s);
		if (rc == 0) {
			r->have_system = history_series_system(&ser, &r->system);
			rc = load_procs(r, &ser, boot_row);
			if (rc == 0)
				rc = load_cgroups(r, &ser);
			history_series_close(&ser);
		}
	} else {
		r->moment = 0;
	}
	if (rc) {
		history_replay_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

const struct leak_past *history_replay_past(struct history_replay *r)
{
	return &r->past;
}

size_t history_replay_processes(const struct history_replay *r)
{
	return r->nprocs;
}

size_t history_replay_cgroups(const struct history_replay *r)
{
	return r->ncgroups;
}

int64_t history_replay_moment(const struct history_replay *r)
{
	return r->moment;
}

void history_replay_free(struct history_replay *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->ncgroups; i++)
		free(r->cgroups[i].path);
	free(r->cgroups);
	free(r->procs);
	free(r);
}
