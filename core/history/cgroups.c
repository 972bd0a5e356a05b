/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/cgroups.c — see cgroups.h. */
#include "config.h"
#include "core/history/cgroups.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"
#include "core/history/schema.h"

/* A cgroup present at the last sample, as last written. */
struct wcg {
	char *path;
	int64_t id;
	int64_t v[HISTORY_SCHEMA_CV_INTEGERS];
	double psi[HISTORY_SCHEMA_CV_COUNT - HISTORY_SCHEMA_CV_INTEGERS];
};

struct history_cgroups {
	struct history_store *st;
	struct wcg *cgs, *next; /* by path (strcmp) */
	size_t n, cap, capnext;
	const struct cgroup_row **rows;
	size_t caprows;
	sqlite3_stmt *ins_cv, *sel_cg, *ins_cg;
};

struct history_cgroups *history_cgroups_new(struct history_store *st)
{
	struct history_cgroups *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->st = st;
	c->ins_cv = history_store_prepare(st, "INSERT OR REPLACE INTO cgroup_value (cgroup, t, gone, "
					      HISTORY_SCHEMA_CGROUP_VALUES ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
	c->sel_cg = history_store_prepare(st, "SELECT id FROM cgroup WHERE path = ?");
	c->ins_cg = history_store_prepare(st, "INSERT INTO cgroup (path, name, version) VALUES (?,?,?)");
	if (!c->ins_cv || !c->sel_cg || !c->ins_cg) {
		history_cgroups_free(c);
		return NULL;
	}
	return c;
}

bool history_cgroups_resume(struct history_cgroups *c)
{
	history_cgroups_forget(c);
	sqlite3_stmt *s = history_store_prepare(c->st, "SELECT c.id, c.path, " HISTORY_SCHEMA_CGROUP_VALUES
						       " FROM cgroup c JOIN cgroup_value v ON v.cgroup = c.id"
						       " AND v.t = (SELECT max(t) FROM cgroup_value WHERE cgroup = c.id)"
						       " WHERE v.gone IS NULL ORDER BY c.path");
	bool ok = s;
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		if (!util_grow((void **)&c->cgs, &c->cap, c->n + 1, sizeof(*c->cgs))) {
			ok = false;
			break;
		}
		struct wcg *g = &c->cgs[c->n];
		g->id = sqlite3_column_int64(s, 0);
		g->path = strdup((const char *)sqlite3_column_text(s, 1));
		if (!g->path) {
			ok = false;
			break;
		}
		for (int i = 0; i < HISTORY_SCHEMA_CV_COUNT; i++)
			if (i < HISTORY_SCHEMA_CV_INTEGERS)
				g->v[i] = history_store_column_i64(s, 2 + i);
			else
				g->psi[i - HISTORY_SCHEMA_CV_INTEGERS] = history_store_column_double(s, 2 + i);
		c->n++;
	}
	sqlite3_finalize(s);
	return ok;
}

/* Run a prepared statement to completion; true when it did. */
static bool run(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE;
}

/* The row of a path in `cgroup`, made when missing; its id, or -1. */
static int64_t row_id(struct history_cgroups *c, const struct cgroup_row *r)
{
	sqlite3_bind_text(c->sel_cg, 1, r->path, -1, SQLITE_STATIC);
	int64_t id = sqlite3_step(c->sel_cg) == SQLITE_ROW ? sqlite3_column_int64(c->sel_cg, 0) : 0;
	sqlite3_reset(c->sel_cg);
	if (id)
		return id;
	sqlite3_bind_text(c->ins_cg, 1, r->path, -1, SQLITE_STATIC);
	sqlite3_bind_text(c->ins_cg, 2, r->name ? r->name : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(c->ins_cg, 3, r->version);
	int rc = sqlite3_step(c->ins_cg);
	sqlite3_reset(c->ins_cg);
	return rc == SQLITE_DONE ? sqlite3_last_insert_rowid(c->st->db) : -1;
}

static int cg_cmp(const void *a, const void *b)
{
	return strcmp((*(const struct cgroup_row *const *)a)->path, (*(const struct cgroup_row *const *)b)->path);
}

static bool same_psi(const double *a, const double *b)
{
	for (int i = 0; i < HISTORY_SCHEMA_CV_COUNT - HISTORY_SCHEMA_CV_INTEGERS; i++)
		if (!((isnan(a[i]) && isnan(b[i])) || a[i] == b[i]))
			return false;
	return true;
}

/* r's values as cgroup_value stores them. */
static void row_values(const struct cgroup_row *r, struct wcg *c)
{
	int64_t *v = c->v;
	v[HISTORY_SCHEMA_CV_USAGE] = r->usage_bytes;
	v[HISTORY_SCHEMA_CV_WORKING_SET] = r->working_set_bytes;
	v[HISTORY_SCHEMA_CV_LIMIT] = r->limit_bytes;
	v[HISTORY_SCHEMA_CV_HIGH] = r->high_bytes;
	v[HISTORY_SCHEMA_CV_SWAP] = r->swap_bytes;
	v[HISTORY_SCHEMA_CV_ANON] = r->anon_bytes;
	v[HISTORY_SCHEMA_CV_FILE] = r->file_bytes;
	v[HISTORY_SCHEMA_CV_FILE_INACTIVE] = r->file_inactive_bytes;
	v[HISTORY_SCHEMA_CV_SHMEM] = r->shmem_bytes;
	v[HISTORY_SCHEMA_CV_KERNEL] = r->kernel_bytes;
	v[HISTORY_SCHEMA_CV_SOCK] = r->sock_bytes;
	v[HISTORY_SCHEMA_CV_OOM_KILLS] = r->oom_kills;
	v[HISTORY_SCHEMA_CV_HIGH_EVENTS] = r->high_events;
	v[HISTORY_SCHEMA_CV_MAX_EVENTS] = r->max_events;
	v[HISTORY_SCHEMA_CV_THROTTLED] = r->throttled;
	c->psi[HISTORY_SCHEMA_CV_PSI_SOME - HISTORY_SCHEMA_CV_INTEGERS] = r->psi_some_avg10;
	c->psi[HISTORY_SCHEMA_CV_PSI_FULL - HISTORY_SCHEMA_CV_INTEGERS] = r->psi_full_avg10;
}

void history_cgroups_apply(struct cgroup_row *r, const double *v)
{
	r->usage_bytes = history_store_i64_of(v[HISTORY_SCHEMA_CV_USAGE]);
	r->working_set_bytes = history_store_i64_of(v[HISTORY_SCHEMA_CV_WORKING_SET]);
	r->limit_bytes = history_store_i64_of(v[HISTORY_SCHEMA_CV_LIMIT]);
	r->high_bytes = history_store_i64_of(v[HISTORY_SCHEMA_CV_HIGH]);
	r->swap_bytes = history_store_i64_of(v[HISTORY_SCHEMA_CV_SWAP]);
	r->anon_bytes = history_store_i64_of(v[HISTORY_SCHEMA_CV_ANON]);
	r->file_bytes = history_store_i64_of(v[HISTORY_SCHEMA_CV_FILE]);
	r->file_inactive_bytes = history_store_i64_of(v[HISTORY_SCHEMA_CV_FILE_INACTIVE]);
	r->shmem_bytes = history_store_i64_of(v[HISTORY_SCHEMA_CV_SHMEM]);
	r->kernel_bytes = history_store_i64_of(v[HISTORY_SCHEMA_CV_KERNEL]);
	r->sock_bytes = history_store_i64_of(v[HISTORY_SCHEMA_CV_SOCK]);
	r->oom_kills = history_store_i64_of(v[HISTORY_SCHEMA_CV_OOM_KILLS]);
	r->high_events = history_store_i64_of(v[HISTORY_SCHEMA_CV_HIGH_EVENTS]);
	r->max_events = history_store_i64_of(v[HISTORY_SCHEMA_CV_MAX_EVENTS]);
	r->throttled = v[HISTORY_SCHEMA_CV_THROTTLED] == 1.0;
	r->psi_some_avg10 = v[HISTORY_SCHEMA_CV_PSI_SOME];
	r->psi_full_avg10 = v[HISTORY_SCHEMA_CV_PSI_FULL];
	r->psi_some_total_us = r->psi_full_total_us = VAL_UNKNOWN; /* not recorded */
}

static bool put_cv(struct history_cgroups *cg, int64_t id, int64_t t, const struct wcg *c)
{
	sqlite3_stmt *q = cg->ins_cv;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int64(q, 2, t);
	if (!c) {
		sqlite3_bind_int(q, 3, 1);
		for (int i = 0; i < HISTORY_SCHEMA_CV_COUNT; i++)
			sqlite3_bind_null(q, 4 + i);
		return run(q);
	}
	sqlite3_bind_null(q, 3);
	for (int i = 0; i < HISTORY_SCHEMA_CV_COUNT; i++)
		if (i < HISTORY_SCHEMA_CV_INTEGERS)
			history_store_bind_i64(q, 4 + i, c->v[i]);
		else
			history_store_bind_double(q, 4 + i, c->psi[i - HISTORY_SCHEMA_CV_INTEGERS]);
	return run(q);
}

bool history_cgroups_put(struct history_cgroups *cg, const struct snapshot *s, int64_t t)
{
	if (!util_grow((void **)&cg->rows, &cg->caprows, s->ncgroups + 1, sizeof(*cg->rows)) ||
	    !util_grow((void **)&cg->next, &cg->capnext, s->ncgroups + 1, sizeof(*cg->next)))
		return false;
	size_t n = 0;
	for (size_t i = 0; i < s->ncgroups; i++)
		if (s->cgroups[i].path)
			cg->rows[n++] = &s->cgroups[i];
	qsort(cg->rows, n, sizeof(*cg->rows), cg_cmp);
	size_t i = 0, j = 0, k = 0;
	bool ok = true;
	while (ok && (i < n || j < cg->n)) {
		int c = i == n ? 1 : j == cg->n ? -1 : strcmp(cg->rows[i]->path, cg->cgs[j].path);
		if (c > 0) { /* gone */
			ok = put_cv(cg, cg->cgs[j].id, t, NULL);
			free(cg->cgs[j++].path);
			continue;
		}
		const struct cgroup_row *r = cg->rows[i++];
		struct wcg now = {0};
		row_values(r, &now);
		if (c == 0) {
			struct wcg *old = &cg->cgs[j++];
			now.path = old->path;
			now.id = old->id;
			if (memcmp(now.v, old->v, sizeof(now.v)) != 0 || !same_psi(now.psi, old->psi))
				ok = put_cv(cg, now.id, t, &now);
		} else {
			now.path = strdup(r->path);
			now.id = now.path ? row_id(cg, r) : -1;
			ok = now.id > 0 && put_cv(cg, now.id, t, &now);
			if (!ok) {
				free(now.path);
				break;
			}
		}
		cg->next[k++] = now;
	}
	while (j < cg->n) /* after a failure: nothing may leak */
		free(cg->cgs[j++].path);
	struct wcg *tmp = cg->cgs;
	size_t tcap = cg->cap;
	cg->cgs = cg->next;
	cg->cap = cg->capnext;
	cg->n = k;
	cg->next = tmp;
	cg->capnext = tcap;
	return ok;
}

int64_t history_cgroups_id(const struct history_cgroups *c, const char *path)
{
	size_t lo = 0, hi = c->n;
	while (path && lo < hi) {
		size_t mid = (lo + hi) / 2;
		int k = strcmp(path, c->cgs[mid].path);
		if (k == 0)
			return c->cgs[mid].id;
		if (k < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return VAL_UNKNOWN;
}

void history_cgroups_forget(struct history_cgroups *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->cgs[i].path);
	c->n = 0;
}

void history_cgroups_free(struct history_cgroups *c)
{
	if (!c)
		return;
	history_cgroups_forget(c);
	sqlite3_finalize(c->ins_cv);
	sqlite3_finalize(c->sel_cg);
	sqlite3_finalize(c->ins_cg);
	free(c->cgs);
	free(c->next);
	free(c->rows);
	free(c);
}
