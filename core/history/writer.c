/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/writer.c — see writer.h. */
#include "config.h"
#include "core/history/writer.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/base/util.h"
#include "core/history/cgroups.h"
#include "core/history/events.h"
#include "core/history/schema.h"
#include "core/klog/oom_event.h"

/* A process as last written: its identity row and values. */
struct wproc {
	pid_t pid;
	uint64_t start_ticks;
	int64_t id;
	int64_t v[HISTORY_SCHEMA_PV_COUNT];
};

struct wkill { /* a kill of the last snapshot, and what of it was written */
	struct oom_event key; /* its boot_id, victim_pid, boot_s, time_unix_s, cgroup, unit (owned) */
	int reaped;
	size_t nmsgs;
};

struct history_writer {
	struct history_store *st;
	int64_t boot_row;
	bool resumed, in_tx;
	int64_t last_t, last_oom_kills;
	size_t pending;
	struct wproc *procs, *next;
	size_t nprocs, capprocs, capnext;
	struct history_cgroups *cgroups;
	struct wkill *kills, *nextkills;
	size_t nkills, capkills, capnextkills;
	const struct proc_row **live;
	size_t caplive;
	sqlite3_stmt *ins_sample, *ins_proc, *ins_pv, *end_proc, *sel_cmd, *ins_cmd;
};

#define PREPARE(w, field, sql) (((w)->field = history_store_prepare((w)->st, (sql))) != NULL)

static bool prepare_all(struct history_writer *w)
{
	return PREPARE(w, ins_sample,
		       "INSERT INTO sample (t, boot, " HISTORY_SCHEMA_SAMPLE_VALUES ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)") &&
	       PREPARE(w, ins_proc,
		       "INSERT INTO proc (boot, pid, start_ticks, start_time, ppid, uid, user, comm, cmdline, first_t)"
		       " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (boot, pid, start_ticks) DO UPDATE SET end_t = NULL"
		       " RETURNING id") &&
	       PREPARE(w, ins_pv,
		       "INSERT OR REPLACE INTO proc_value (proc, t, " HISTORY_SCHEMA_PROC_VALUES
		       ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)") &&
	       PREPARE(w, end_proc, "UPDATE proc SET end_t = ? WHERE id = ?") &&
	       PREPARE(w, sel_cmd, "SELECT id FROM cmdline WHERE hash = ? AND text = ?") &&
	       PREPARE(w, ins_cmd, "INSERT INTO cmdline (hash, text) VALUES (?, ?)");
}

/* Run a prepared statement to completion; true when it did. */
static bool run(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE;
}

/* FNV-1a, 64 bits: cmdline.hash (docs/history.md). */
static int64_t text_hash(const char *text)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		h = (h ^ *p) * UINT64_C(0x100000001b3);
	return (int64_t)h;
}

/* The row of a command line, made when missing; its id, or -1. */
static int64_t cmdline_id(struct history_writer *w, const char *text)
{
	int64_t h = text_hash(text);
	sqlite3_bind_int64(w->sel_cmd, 1, h);
	sqlite3_bind_text(w->sel_cmd, 2, text, -1, SQLITE_STATIC);
	int64_t id = sqlite3_step(w->sel_cmd) == SQLITE_ROW ? sqlite3_column_int64(w->sel_cmd, 0) : 0;
	sqlite3_reset(w->sel_cmd);
	if (id)
		return id;
	sqlite3_bind_int64(w->ins_cmd, 1, h);
	sqlite3_bind_text(w->ins_cmd, 2, text, -1, SQLITE_STATIC);
	return run(w->ins_cmd) ? sqlite3_last_insert_rowid(w->st->db) : -1;
}

struct history_writer *history_writer_new(struct history_store *st, const struct history_boot *b, double interval_s,
					  const char *hostname, char *err, size_t errlen)
{
	struct history_writer *w = calloc(1, sizeof(*w));
	if (!w) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	w->st = st;
	w->last_oom_kills = VAL_UNKNOWN;
	w->cgroups = history_cgroups_new(st);
	if (!w->cgroups || !prepare_all(w)) {
		snprintf(err, errlen, "history: %s", sqlite3_errmsg(st->db));
		history_writer_free(w);
		return NULL;
	}
	int rc = history_store_exec(st, "BEGIN IMMEDIATE", "history", err, errlen);
	if (rc == 0) {
		w->boot_row = history_boot_row(st, b, 1);
		if (w->boot_row <= 0 || history_store_meta_set_int(st, "recorder_pid", getpid()) != 0 ||
		    history_store_meta_set_int(st, "recorder_started", (int64_t)time(NULL)) != 0 ||
		    history_store_meta_set_text(st, "hostname", hostname ? hostname : "") != 0 ||
		    history_store_meta_set_int(st, "interval_ms", llround(interval_s * 1000.0)) != 0) {
			snprintf(err, errlen, "history: %s", sqlite3_errmsg(st->db));
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			rc = -EIO;
		} else {
			rc = history_store_exec(st, "COMMIT", "history", err, errlen);
		}
	}
	if (rc != 0) {
		history_writer_free(w);
		return NULL;
	}
	return w;
}

static void free_kills(struct wkill *k, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(k[i].key.cgroup);
		free(k[i].key.unit);
	}
}

static void forget(struct history_writer *w)
{
	history_cgroups_forget(w->cgroups);
	free_kills(w->kills, w->nkills);
	w->nprocs = w->nkills = 0;
	w->resumed = false;
}

static int fail_batch(struct history_writer *w, const char *what, char *err, size_t errlen)
{
	snprintf(err, errlen, "history: %s: %s", what, sqlite3_errmsg(w->st->db));
	if (w->in_tx)
		sqlite3_exec(w->st->db, "ROLLBACK", NULL, NULL, NULL);
	w->in_tx = false;
	w->pending = 0;
	forget(w);
	return -EIO;
}

static void read_values(sqlite3_stmt *s, int first, int64_t *v, int n)
{
	for (int i = 0; i < n; i++)
		v[i] = history_store_column_i64(s, first + i);
}

/* What the database still has open: processes of this boot and present cgroups, with
 * their last values, and its newest moment; processes of other boots are closed. */
static bool resume(struct history_writer *w, int64_t t)
{
	sqlite3_stmt *s = history_store_prepare(w->st, "UPDATE proc SET end_t = ? WHERE end_t IS NULL AND boot != ?");
	bool ok = s;
	if (ok) {
		sqlite3_bind_int64(s, 1, t);
		sqlite3_bind_int64(s, 2, w->boot_row);
		ok = run(s);
	}
	sqlite3_finalize(s);
	s = history_store_prepare(w->st, "SELECT p.id, p.pid, p.start_ticks, " HISTORY_SCHEMA_PROC_VALUES
					 " FROM proc p LEFT JOIN proc_value v ON v.proc = p.id"
					 " AND v.t = (SELECT max(t) FROM proc_value WHERE proc = p.id)"
					 " WHERE p.end_t IS NULL AND p.boot = ? ORDER BY p.pid, p.start_ticks");
	ok = ok && s;
	if (ok)
		sqlite3_bind_int64(s, 1, w->boot_row);
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		if (!util_grow((void **)&w->procs, &w->capprocs, w->nprocs + 1, sizeof(*w->procs))) {
			ok = false;
			break;
		}
		struct wproc *p = &w->procs[w->nprocs++];
		p->id = sqlite3_column_int64(s, 0);
		p->pid = (pid_t)sqlite3_column_int64(s, 1);
		p->start_ticks = (uint64_t)sqlite3_column_int64(s, 2);
		read_values(s, 3, p->v, HISTORY_SCHEMA_PV_COUNT);
	}
	sqlite3_finalize(s);
	ok = ok && history_cgroups_resume(w->cgroups);
	s = ok ? history_store_prepare(w->st, "SELECT max(t) FROM sample") : NULL;
	if (s && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL &&
	    sqlite3_column_int64(s, 0) > w->last_t)
		w->last_t = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	w->resumed = ok;
	return ok;
}

static bool put_sample(struct history_writer *w, const struct snapshot *s, int64_t t)
{
	sqlite3_stmt *q = w->ins_sample;
	const struct sys_mem *m = &s->sys;
	sqlite3_bind_int64(q, 1, t);
	sqlite3_bind_int64(q, 2, w->boot_row);
	history_store_bind_double(q, 3, s->uptime_s);
	history_store_bind_i64(q, 4, m->mem_total_bytes);
	history_store_bind_i64(q, 5, m->mem_available_bytes);
	history_store_bind_i64(q, 6, m->swap_total_bytes);
	history_store_bind_i64(q, 7, m->swap_free_bytes);
	history_store_bind_double(q, 8, m->psi_some_avg10);
	history_store_bind_double(q, 9, m->psi_full_avg10);
	history_store_bind_i64(q, 10, m->oom_kills);
	history_store_bind_i64(q, 11, m->zfs_arc_size_bytes);
	history_store_bind_i64(q, 12, m->zfs_arc_reclaimable_bytes);
	history_store_bind_i64(q, 13, m->available_bytes);
	return run(q);
}

static int proc_cmp(const void *a, const void *b)
{
	const struct proc_row *x = *(const struct proc_row *const *)a, *y = *(const struct proc_row *const *)b;
	if (x->pid != y->pid)
		return x->pid < y->pid ? -1 : 1;
	return (x->start_ticks > y->start_ticks) - (x->start_ticks < y->start_ticks);
}

static bool put_pv(struct history_writer *w, const struct wproc *p, int64_t t)
{
	sqlite3_stmt *q = w->ins_pv;
	sqlite3_bind_int64(q, 1, p->id);
	sqlite3_bind_int64(q, 2, t);
	for (int i = 0; i < HISTORY_SCHEMA_PV_COUNT; i++)
		history_store_bind_i64(q, 3 + i, p->v[i]);
	return run(q);
}

/* The identity row of a process met now (reopened when it is one the database knows). */
static int64_t put_proc(struct history_writer *w, const struct proc_row *r, int64_t t)
{
	int64_t cmd = cmdline_id(w, r->cmdline ? r->cmdline : "");
	if (cmd < 0)
		return -1;
	sqlite3_stmt *q = w->ins_proc;
	sqlite3_bind_int64(q, 1, w->boot_row);
	sqlite3_bind_int64(q, 2, r->pid);
	sqlite3_bind_int64(q, 3, (int64_t)r->start_ticks);
	history_store_bind_double(q, 4, r->start_time_unix_s);
	sqlite3_bind_int64(q, 5, r->ppid);
	sqlite3_bind_int64(q, 6, r->uid);
	sqlite3_bind_text(q, 7, r->user ? r->user : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 8, r->comm ? r->comm : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 9, cmd);
	sqlite3_bind_int64(q, 10, t);
	int64_t id = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	sqlite3_reset(q);
	return id;
}

static void proc_values(const struct history_writer *w, const struct proc_row *r, int64_t *v)
{
	v[HISTORY_SCHEMA_PV_CGROUP] = history_cgroups_id(w->cgroups, r->cgroup);
	v[HISTORY_SCHEMA_PV_RSS] = r->rss_bytes;
	v[HISTORY_SCHEMA_PV_RSS_ANON] = r->rss_anon_bytes;
	v[HISTORY_SCHEMA_PV_RSS_FILE] = r->rss_file_bytes;
	v[HISTORY_SCHEMA_PV_RSS_SHMEM] = r->rss_shmem_bytes;
	v[HISTORY_SCHEMA_PV_SWAP] = r->swap_bytes;
	v[HISTORY_SCHEMA_PV_PGTABLES] = r->pgtables_bytes;
	v[HISTORY_SCHEMA_PV_OOM_SCORE] = r->oom_score;
	v[HISTORY_SCHEMA_PV_OOM_SCORE_ADJ] = r->oom_score_adj;
	v[HISTORY_SCHEMA_PV_THREADS] = r->threads;
	v[HISTORY_SCHEMA_PV_FDS] = r->fds;
}

/* Processes: merge the live rows (sorted by identity) with the last written ones. */
static bool put_procs(struct history_writer *w, const struct snapshot *s, int64_t t)
{
	if (!util_grow((void **)&w->live, &w->caplive, s->nprocs + 1, sizeof(*w->live)) ||
	    !util_grow((void **)&w->next, &w->capnext, s->nprocs + 1, sizeof(*w->next)))
		return false;
	size_t n = 0;
	bool sorted = true;
	for (size_t i = 0; i < s->nprocs; i++) {
		const struct proc_row *r = s->procs[i];
		if (r->state != PROC_RUNNING || r->kernel_thread)
			continue;
		if (n && proc_cmp(&w->live[n - 1], &r) > 0)
			sorted = false;
		w->live[n++] = r;
	}
	if (!sorted)
		qsort(w->live, n, sizeof(*w->live), proc_cmp);
	size_t i = 0, j = 0, k = 0;
	bool ok = true;
	while (ok && (i < n || j < w->nprocs)) {
		int c;
		if (i == n)
			c = 1;
		else if (j == w->nprocs)
			c = -1;
		else if (w->live[i]->pid != w->procs[j].pid)
			c = w->live[i]->pid < w->procs[j].pid ? -1 : 1;
		else
			c = (w->live[i]->start_ticks > w->procs[j].start_ticks) -
			    (w->live[i]->start_ticks < w->procs[j].start_ticks);
		if (c > 0) { /* gone */
			sqlite3_bind_int64(w->end_proc, 1, t);
			sqlite3_bind_int64(w->end_proc, 2, w->procs[j++].id);
			ok = run(w->end_proc);
			continue;
		}
		const struct proc_row *r = w->live[i++];
		struct wproc now = {.pid = r->pid, .start_ticks = r->start_ticks};
		proc_values(w, r, now.v);
		if (c == 0) {
			const struct wproc *old = &w->procs[j++];
			now.id = old->id;
			if (memcmp(now.v, old->v, sizeof(now.v)) != 0)
				ok = put_pv(w, &now, t);
		} else {
			now.id = put_proc(w, r, t);
			ok = now.id > 0 && put_pv(w, &now, t);
		}
		w->next[k++] = now;
	}
	struct wproc *tmp = w->procs;
	size_t tcap = w->capprocs;
	w->procs = w->next;
	w->capprocs = w->capnext;
	w->nprocs = k;
	w->next = tmp;
	w->capnext = tcap;
	return ok;
}

/* The kill of the last snapshot that is ev (same boot, history_events_same_kill), or NULL. */
static const struct wkill *known_kill(const struct history_writer *w, const struct oom_event *ev)
{
	for (size_t k = 0; k < w->nkills; k++)
		if (strcmp(w->kills[k].key.boot_id, ev->boot_id) == 0 && history_events_same_kill(&w->kills[k].key, ev))
			return &w->kills[k];
	return NULL;
}

/* Has the store all ev says, as far as what was written of it tells? */
static bool written(const struct wkill *k, const struct oom_event *ev)
{
	return k && k->reaped == ev->reaped && k->nmsgs >= ev->nunit_msgs &&
	       (!ev->unit || (k->key.unit && strcmp(k->key.unit, ev->unit) == 0));
}

/* Kills: each once, under its own boot (the journal replays kills of earlier boots, the
 * kernel log its ring, at every start: the store knows them). The kills of the last
 * snapshot are kept with what was written of them, so a kill is looked up in the store
 * once, and again only when more is known of it (the reaper's verdict, its unit). */
static int put_kills(struct history_writer *w, const struct snapshot *s)
{
	int flags = 0;
	if (!util_grow((void **)&w->nextkills, &w->capnextkills, s->nevents + 1, sizeof(*w->nextkills)))
		return -ENOMEM;
	size_t n = 0;
	int rc = 0;
	for (size_t i = 0; i < s->nevents && rc >= 0; i++) {
		const struct oom_event *ev = &s->events[i];
		const struct wkill *old = known_kill(w, ev);
		if (!written(old, ev)) {
			rc = history_events_put(w->st, w->boot_row, ev);
			if (rc == 1)
				flags |= HISTORY_WRITER_KILL;
		}
		struct wkill *k = &w->nextkills[n++];
		oom_event_init(&k->key);
		memcpy(k->key.boot_id, ev->boot_id, sizeof(k->key.boot_id));
		k->key.victim_pid = ev->victim_pid;
		k->key.boot_s = ev->boot_s;
		k->key.time_unix_s = ev->time_unix_s;
		k->reaped = ev->reaped;
		k->nmsgs = old && old->nmsgs > ev->nunit_msgs ? old->nmsgs : ev->nunit_msgs;
		if (oom_event_set_str(&k->key.cgroup, ev->cgroup) != 0 || oom_event_set_str(&k->key.unit, ev->unit) != 0)
			rc = -ENOMEM;
	}
	free_kills(w->kills, w->nkills);
	struct wkill *tmp = w->kills;
	size_t tcap = w->capkills;
	w->kills = w->nextkills;
	w->capkills = w->capnextkills;
	w->nkills = n;
	w->nextkills = tmp;
	w->capnextkills = tcap;
	return rc < 0 ? rc : flags;
}

int history_writer_add(struct history_writer *w, const struct snapshot *s, char *err, size_t errlen)
{
	int64_t t = llround(s->time_unix_s);
	if (!isfinite(s->time_unix_s) || (w->resumed && t <= w->last_t))
		return 0;
	if (!w->in_tx) {
		if (history_store_exec(w->st, "BEGIN IMMEDIATE", "history", err, errlen) != 0)
			return -EIO;
		w->in_tx = true;
	}
	if (!w->resumed && !resume(w, t))
		return fail_batch(w, "reading what is recorded", err, errlen);
	if (t <= w->last_t) /* the recording already has this second (a recorder just before) */
		return 0;
	if (!put_sample(w, s, t))
		return fail_batch(w, "writing the sample", err, errlen);
	if (!history_cgroups_put(w->cgroups, s, t))
		return fail_batch(w, "writing the cgroups", err, errlen);
	if (!put_procs(w, s, t))
		return fail_batch(w, "writing the processes", err, errlen);
	int flags = put_kills(w, s);
	if (flags < 0)
		return fail_batch(w, "writing the OOM kills", err, errlen);
	int64_t kills = s->sys.oom_kills;
	if (val_known(kills) && val_known(w->last_oom_kills) && kills > w->last_oom_kills)
		flags |= HISTORY_WRITER_KILL;
	if (val_known(kills))
		w->last_oom_kills = kills;
	w->last_t = t;
	w->pending++;
	return flags;
}

size_t history_writer_pending(const struct history_writer *w)
{
	return w->pending;
}

int history_writer_commit(struct history_writer *w, char *err, size_t errlen)
{
	if (!w->in_tx)
		return 0;
	if (sqlite3_exec(w->st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return fail_batch(w, "committing", err, errlen);
	w->in_tx = false;
	w->pending = 0;
	return 0;
}

void history_writer_free(struct history_writer *w)
{
	if (!w)
		return;
	if (w->in_tx)
		sqlite3_exec(w->st->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_stmt *stmts[] = {w->ins_sample, w->ins_proc, w->ins_pv, w->end_proc, w->sel_cmd, w->ins_cmd};
	for (size_t i = 0; i < sizeof(stmts) / sizeof(stmts[0]); i++)
		sqlite3_finalize(stmts[i]);
	forget(w);
	history_cgroups_free(w->cgroups);
	free(w->procs);
	free(w->next);
	free(w->kills);
	free(w->nextkills);
	free(w->live);
	free(w);
}
