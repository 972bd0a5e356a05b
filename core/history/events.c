/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/events.c — see events.h. */
#include "config.h"
#include "core/history/events.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/strbuf.h"
#include "core/base/util.h"

static void bind_text(sqlite3_stmt *s, int col, const char *v)
{
	if (v)
		sqlite3_bind_text(s, col, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, col);
}

static bool same_double(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

bool history_events_same_kill(const struct oom_event *a, const struct oom_event *b)
{
	if ((a->victim_pid > 0) != (b->victim_pid > 0))
		return false;
	if (a->victim_pid > 0)
		return a->victim_pid == b->victim_pid && same_double(a->boot_s, b->boot_s);
	return same_double(a->time_unix_s, b->time_unix_s) && same_str(a->cgroup, b->cgroup);
}

/* The row of the boot ev happened in: the one it names (made, boot time unknown, when the
 * history has none yet: a journal replays kills of boots nobody recorded), else the
 * running one's. */
static int64_t kill_boot_row(struct history_store *st, int64_t running_boot_row, const struct oom_event *ev)
{
	if (!ev->boot_id[0])
		return running_boot_row;
	struct history_boot b = {.btime_unix_s = VAL_UNKNOWN};
	snprintf(b.boot_id, sizeof(b.boot_id), "%s", ev->boot_id);
	int64_t id = history_boot_row(st, &b, 1);
	return id > 0 ? id : -EIO;
}

/* What is stored of a kill already there. */
struct stored {
	int reaped;       /* -1: no verdict */
	bool same_unit;   /* its unit is ev's (or ev has none) */
	int64_t nmsgs;    /* unit messages */
};

/* The stored row of this kill (history_events_same_kill's key, in boot_row): its id and
 * what it holds; 0 when not stored, -EIO. */
static int64_t find(struct history_store *st, int64_t boot_row, const struct oom_event *ev, struct stored *old)
{
	bool by_pid = ev->victim_pid > 0;
	sqlite3_stmt *s = history_store_prepare(
		st, by_pid ? "SELECT id, reaped, ?3 IS NULL OR unit IS ?3,"
			     " (SELECT count(*) FROM oom_kill_unit_msg WHERE kill = oom_kill.id) FROM oom_kill"
			     " WHERE boot = ?1 AND victim_pid = ?2 AND boot_s IS ?4"
			   : "SELECT id, reaped, ?3 IS NULL OR unit IS ?3,"
			     " (SELECT count(*) FROM oom_kill_unit_msg WHERE kill = oom_kill.id) FROM oom_kill"
			     " WHERE boot = ?1 AND victim_pid IS NULL AND time IS ?4 AND cgroup IS ?2");
	if (!s)
		return -EIO;
	sqlite3_bind_int64(s, 1, boot_row);
	if (by_pid) {
		sqlite3_bind_int64(s, 2, ev->victim_pid);
		history_store_bind_double(s, 4, ev->boot_s);
	} else {
		bind_text(s, 2, ev->cgroup);
		history_store_bind_double(s, 4, ev->time_unix_s);
	}
	bind_text(s, 3, ev->unit);
	int64_t id = 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		old->reaped = sqlite3_column_type(s, 1) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 1);
		old->same_unit = sqlite3_column_int(s, 2) != 0;
		old->nmsgs = sqlite3_column_int64(s, 3);
	}
	sqlite3_finalize(s);
	return id;
}

/* Run one statement with an integer (or NULL text) and the kill's id. */
static int update(struct history_store *st, const char *sql, int64_t v, const char *text, int64_t id)
{
	sqlite3_stmt *s = history_store_prepare(st, sql);
	if (!s)
		return -EIO;
	if (text)
		sqlite3_bind_text(s, 1, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(s, 1, v);
	sqlite3_bind_int64(s, 2, id);
	int rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -EIO;
	sqlite3_finalize(s);
	return rc;
}

/* systemd's unit messages from the first-th on. */
static int put_msgs(struct history_store *st, int64_t kill, const struct oom_event *ev, size_t first)
{
	if (first >= ev->nunit_msgs)
		return 0;
	sqlite3_stmt *s = history_store_prepare(st, "INSERT OR IGNORE INTO oom_kill_unit_msg (kill, seq, time, text)"
						    " VALUES (?, ?, ?, ?)");
	if (!s)
		return -EIO;
	int rc = 0;
	for (size_t i = first; i < ev->nunit_msgs && rc == 0; i++) {
		sqlite3_bind_int64(s, 1, kill);
		sqlite3_bind_int64(s, 2, (int64_t)i);
		history_store_bind_double(s, 3, ev->unit_msgs[i].time_unix_s);
		bind_text(s, 4, ev->unit_msgs[i].text);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = -EIO;
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return rc;
}

/* A kill stored already: add what came since (the reaper's verdict, the unit systemd
 * named, its unit messages). */
static int refresh(struct history_store *st, int64_t id, const struct oom_event *ev, const struct stored *old)
{
	int rc = 0;
	if (ev->reaped >= 0 && ev->reaped != old->reaped)
		rc = update(st, "UPDATE oom_kill SET reaped = ? WHERE id = ?", ev->reaped, NULL, id);
	if (rc == 0 && !old->same_unit)
		rc = update(st, "UPDATE oom_kill SET unit = ? WHERE id = ?", 0, ev->unit, id);
	if (rc == 0 && old->nmsgs >= 0 && ev->nunit_msgs > (size_t)old->nmsgs)
		rc = put_msgs(st, id, ev, (size_t)old->nmsgs);
	return rc;
}

static int put_tasks(struct history_store *st, int64_t kill, const struct oom_event *ev)
{
	if (!ev->ntasks)
		return 0;
	sqlite3_stmt *s = history_store_prepare(
		st, "INSERT INTO oom_kill_task (kill, seq, pid, uid, tgid, total_vm_pages, rss_pages, rss_anon_pages,"
		    " rss_file_pages, rss_shmem_pages, pgtables_bytes, swapents_pages, oom_score_adj, name)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!s)
		return -EIO;
	int rc = 0;
	for (size_t i = 0; i < ev->ntasks && rc == 0; i++) {
		const struct oom_event_task *t = &ev->tasks[i];
		sqlite3_bind_int64(s, 1, kill);
		sqlite3_bind_int64(s, 2, (int64_t)i);
		sqlite3_bind_int64(s, 3, t->pid);
		history_store_bind_i64(s, 4, t->uid);
		sqlite3_bind_int64(s, 5, t->tgid);
		history_store_bind_i64(s, 6, t->total_vm_pages);
		history_store_bind_i64(s, 7, t->rss_pages);
		history_store_bind_i64(s, 8, t->rss_anon_pages);
		history_store_bind_i64(s, 9, t->rss_file_pages);
		history_store_bind_i64(s, 10, t->rss_shmem_pages);
		history_store_bind_i64(s, 11, t->pgtables_bytes);
		history_store_bind_i64(s, 12, t->swapents_pages);
		history_store_bind_i64(s, 13, t->oom_score_adj);
		bind_text(s, 14, t->name);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = -EIO;
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return rc;
}

int history_events_put(struct history_store *st, int64_t running_boot_row, const struct oom_event *ev)
{
	int64_t boot_row = kill_boot_row(st, running_boot_row, ev);
	if (boot_row < 0)
		return -EIO;
	struct stored old;
	int64_t id = find(st, boot_row, ev, &old);
	if (id < 0)
		return -EIO;
	if (id > 0)
		return refresh(st, id, ev, &old);
	sqlite3_stmt *s = history_store_prepare(
		st, "INSERT INTO oom_kill (boot, boot_s, time, victim_pid, victim_comm, victim_uid, oom_constraint,"
		    " oom_memcg, task_memcg, total_vm_kb, anon_rss_kb, file_rss_kb, shmem_rss_kb, pgtables_kb,"
		    " oom_score_adj, invoker_comm, invoker_pid, gfp_mask, alloc_order, reaped, raw, source, unit,"
		    " cgroup, reason, page_bytes, tasks_omitted)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!s)
		return -EIO;
	struct strbuf raw;
	sb_init(&raw);
	for (size_t i = 0; i < ev->nraw_lines; i++) {
		if (i)
			sb_putc(&raw, '\n');
		sb_puts(&raw, ev->raw_lines[i]);
	}
	sqlite3_bind_int64(s, 1, boot_row);
	history_store_bind_double(s, 2, ev->boot_s);
	history_store_bind_double(s, 3, ev->time_unix_s);
	history_store_bind_i64(s, 4, ev->victim_pid > 0 ? ev->victim_pid : VAL_UNKNOWN);
	bind_text(s, 5, ev->victim_comm);
	history_store_bind_i64(s, 6, ev->victim_uid);
	bind_text(s, 7, ev->constraint);
	bind_text(s, 8, ev->oom_memcg);
	bind_text(s, 9, ev->task_memcg);
	history_store_bind_i64(s, 10, ev->total_vm_kb);
	history_store_bind_i64(s, 11, ev->anon_rss_kb);
	history_store_bind_i64(s, 12, ev->file_rss_kb);
	history_store_bind_i64(s, 13, ev->shmem_rss_kb);
	history_store_bind_i64(s, 14, ev->pgtables_kb);
	history_store_bind_i64(s, 15, ev->oom_score_adj);
	bind_text(s, 16, ev->invoker_comm);
	history_store_bind_i64(s, 17, ev->invoker_pid > 0 ? ev->invoker_pid : VAL_UNKNOWN);
	bind_text(s, 18, ev->gfp_mask);
	history_store_bind_i64(s, 19, ev->order);
	history_store_bind_i64(s, 20, ev->reaped >= 0 ? ev->reaped : VAL_UNKNOWN);
	bind_text(s, 21, raw.len && !raw.oom ? raw.buf : NULL);
	bind_text(s, 22, oom_event_source_name(ev->source));
	bind_text(s, 23, ev->unit);
	bind_text(s, 24, ev->cgroup);
	bind_text(s, 25, ev->reason);
	history_store_bind_i64(s, 26, ev->page_bytes);
	history_store_bind_i64(s, 27, ev->tasks_omitted);
	int rc = sqlite3_step(s) == SQLITE_DONE ? 1 : -EIO;
	sqlite3_finalize(s);
	sb_free(&raw);
	int64_t kill = sqlite3_last_insert_rowid(st->db);
	if (rc == 1 && (put_tasks(st, kill, ev) != 0 || put_msgs(st, kill, ev, 0) != 0))
		rc = -EIO;
	return rc;
}

static char *dup_col(sqlite3_stmt *s, int col, bool *oom)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	if (!t)
		return NULL;
	char *d = strdup((const char *)t);
	if (!d)
		*oom = true;
	return d;
}

static int load_tasks(struct history_store *st, int64_t kill, struct oom_event *ev)
{
	sqlite3_stmt *s = history_store_prepare(
		st, "SELECT pid, uid, tgid, total_vm_pages, rss_pages, rss_anon_pages, rss_file_pages,"
		    " rss_shmem_pages, pgtables_bytes, swapents_pages, oom_score_adj, name"
		    " FROM oom_kill_task WHERE kill = ? ORDER BY seq");
	if (!s)
		return -EIO;
	sqlite3_bind_int64(s, 1, kill);
	size_t cap = 0;
	bool oom = false;
	while (!oom && sqlite3_step(s) == SQLITE_ROW) {
		if (!util_grow((void **)&ev->tasks, &cap, ev->ntasks + 1, sizeof(*ev->tasks))) {
			oom = true;
			break;
		}
		struct oom_event_task *t = &ev->tasks[ev->ntasks++];
		t->pid = (pid_t)sqlite3_column_int64(s, 0);
		t->uid = history_store_column_i64(s, 1);
		t->tgid = (pid_t)sqlite3_column_int64(s, 2);
		t->total_vm_pages = history_store_column_i64(s, 3);
		t->rss_pages = history_store_column_i64(s, 4);
		t->rss_anon_pages = history_store_column_i64(s, 5);
		t->rss_file_pages = history_store_column_i64(s, 6);
		t->rss_shmem_pages = history_store_column_i64(s, 7);
		t->pgtables_bytes = history_store_column_i64(s, 8);
		t->swapents_pages = history_store_column_i64(s, 9);
		t->oom_score_adj = history_store_column_i64(s, 10);
		t->name = dup_col(s, 11, &oom);
	}
	sqlite3_finalize(s);
	return oom ? -ENOMEM : 0;
}

/* Splits the stored kernel lines back into raw_lines. */
static int load_raw(const char *text, struct oom_event *ev)
{
	if (!text)
		return 0;
	size_t cap = 0;
	for (const char *p = text;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (!util_grow((void **)&ev->raw_lines, &cap, ev->nraw_lines + 1, sizeof(char *)))
			return -ENOMEM;
		char *line = strndup(p, len);
		if (!line)
			return -ENOMEM;
		ev->raw_lines[ev->nraw_lines++] = line;
		if (!nl)
			break;
		p = nl + 1;
	}
	return 0;
}

static int load_msgs(struct history_store *st, int64_t kill, struct oom_event *ev)
{
	sqlite3_stmt *s = history_store_prepare(st, "SELECT time, text FROM oom_kill_unit_msg WHERE kill = ? ORDER BY seq");
	if (!s)
		return -EIO;
	sqlite3_bind_int64(s, 1, kill);
	int rc = 0;
	while (rc == 0 && sqlite3_step(s) == SQLITE_ROW)
		rc = oom_event_add_unit_msg(ev, history_store_column_double(s, 0), (const char *)sqlite3_column_text(s, 1));
	sqlite3_finalize(s);
	return rc;
}

/* The source stored by its name (oom_event_source_name); the kernel when unknown. */
static enum oom_event_source source_of(const unsigned char *name)
{
	for (int i = 0; name && i < OOM_EVENT_SOURCES; i++)
		if (strcmp((const char *)name, oom_event_source_name((enum oom_event_source)i)) == 0)
			return (enum oom_event_source)i;
	return OOM_EVENT_SOURCE_KERNEL;
}

static int load_one(struct history_store *st, sqlite3_stmt *s, bool details, const char *running_boot_id,
		    struct history_events_kill *he)
{
	struct oom_event *ev = &he->ev;
	oom_event_init(ev);
	bool oom = false;
	const unsigned char *bid = sqlite3_column_text(s, 1);
	snprintf(he->boot_id, sizeof(he->boot_id), "%s", bid ? (const char *)bid : "");
	/* the kernel's boot id (32 hex digits), as the journal names boots; not "btime-N" */
	if (strlen(he->boot_id) == sizeof(ev->boot_id) - 1)
		memcpy(ev->boot_id, he->boot_id, sizeof(ev->boot_id));
	ev->earlier_boot = running_boot_id && strcmp(he->boot_id, running_boot_id) != 0;
	ev->boot_s = history_store_column_double(s, 2);
	ev->time_unix_s = history_store_column_double(s, 3);
	int64_t pid = history_store_column_i64(s, 4);
	ev->victim_pid = val_known(pid) ? (pid_t)pid : 0;
	ev->victim_comm = dup_col(s, 5, &oom);
	ev->victim_uid = history_store_column_i64(s, 6);
	ev->constraint = dup_col(s, 7, &oom);
	ev->oom_memcg = dup_col(s, 8, &oom);
	ev->task_memcg = dup_col(s, 9, &oom);
	ev->total_vm_kb = history_store_column_i64(s, 10);
	ev->anon_rss_kb = history_store_column_i64(s, 11);
	ev->file_rss_kb = history_store_column_i64(s, 12);
	ev->shmem_rss_kb = history_store_column_i64(s, 13);
	ev->pgtables_kb = history_store_column_i64(s, 14);
	ev->oom_score_adj = history_store_column_i64(s, 15);
	ev->invoker_comm = dup_col(s, 16, &oom);
	int64_t inv = history_store_column_i64(s, 17);
	ev->invoker_pid = val_known(inv) ? (pid_t)inv : 0;
	ev->gfp_mask = dup_col(s, 18, &oom);
	ev->order = history_store_column_i64(s, 19);
	int64_t reaped = history_store_column_i64(s, 20);
	ev->reaped = val_known(reaped) ? (int)reaped : -1;
	ev->source = source_of(sqlite3_column_text(s, 22));
	ev->unit = dup_col(s, 23, &oom);
	ev->cgroup = dup_col(s, 24, &oom);
	ev->reason = dup_col(s, 25, &oom);
	ev->page_bytes = history_store_column_i64(s, 26);
	ev->tasks_omitted = history_store_column_i64(s, 27);
	if (oom)
		return -ENOMEM;
	if (!details)
		return 0;
	int64_t kill = sqlite3_column_int64(s, 0);
	int rc = load_raw((const char *)sqlite3_column_text(s, 21), ev);
	if (rc == 0)
		rc = load_tasks(st, kill, ev);
	return rc ? rc : load_msgs(st, kill, ev);
}

int history_events_load(struct history_store *st, const char *running_boot_id, double from_unix_s,
			double to_unix_s, bool with_details, struct history_events_kill **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = history_store_prepare(
		st, "SELECT k.id, b.boot_id, k.boot_s, k.time, k.victim_pid, k.victim_comm, k.victim_uid,"
		    " k.oom_constraint, k.oom_memcg, k.task_memcg, k.total_vm_kb, k.anon_rss_kb, k.file_rss_kb,"
		    " k.shmem_rss_kb, k.pgtables_kb, k.oom_score_adj, k.invoker_comm, k.invoker_pid, k.gfp_mask,"
		    " k.alloc_order, k.reaped, k.raw, k.source, k.unit, k.cgroup, k.reason, k.page_bytes,"
		    " k.tasks_omitted FROM oom_kill k LEFT JOIN boot b ON b.id = k.boot"
		    " WHERE (?1 IS NULL OR k.time >= ?1) AND (?2 IS NULL OR k.time <= ?2)"
		    " ORDER BY coalesce(k.time, b.btime + k.boot_s), k.boot, k.boot_s, k.id");
	if (!s)
		return -EIO;
	history_store_bind_double(s, 1, from_unix_s);
	history_store_bind_double(s, 2, to_unix_s);
	size_t cap = 0;
	int rc = 0, step = SQLITE_DONE;
	while (rc == 0 && (step = sqlite3_step(s)) == SQLITE_ROW) {
		if (!util_grow((void **)out, &cap, *n + 1, sizeof(**out))) {
			rc = -ENOMEM;
			break;
		}
		rc = load_one(st, s, with_details, running_boot_id, &(*out)[*n]);
		(*n)++;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = -EIO;
	sqlite3_finalize(s);
	if (rc != 0) {
		history_events_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void history_events_free(struct history_events_kill *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		oom_event_free(&v[i].ev);
	free(v);
}
