/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/oom_table.c — see oom_table.h. */
#include "config.h"
#include "core/klog/oom_table.h"

#include <stdlib.h>
#include <string.h>

#include "core/base/scan.h"
#include "core/base/util.h"
#include "core/model.h"

#define OOM_TABLE_NAME_MAX 4096

enum col {
	COL_UID,
	COL_TGID,
	COL_TOTAL_VM,
	COL_RSS,
	COL_RSS_ANON,
	COL_RSS_FILE,
	COL_RSS_SHMEM,
	COL_NR_PTES,
	COL_NR_PMDS,
	COL_PGTABLES_BYTES,
	COL_SWAPENTS,
	COL_OOM_SCORE_ADJ,
	COL_OTHER,
};

static const struct {
	const char *name;
	enum col col;
} col_names[] = {
	{"uid", COL_UID},
	{"tgid", COL_TGID},
	{"total_vm", COL_TOTAL_VM},
	{"rss", COL_RSS},
	{"rss_anon", COL_RSS_ANON},
	{"rss_file", COL_RSS_FILE},
	{"rss_shmem", COL_RSS_SHMEM},
	{"nr_ptes", COL_NR_PTES},
	{"nr_pmds", COL_NR_PMDS},
	{"pgtables_bytes", COL_PGTABLES_BYTES},
	{"swapents", COL_SWAPENTS},
	{"oom_score_adj", COL_OOM_SCORE_ADJ},
};

bool oom_table_is_header(const char *t)
{
	if (t[0] != '[')
		return false;
	const char *q = t + 1;
	while (*q == ' ')
		q++;
	if (!scan_starts(q, "pid"))
		return false;
	q += 3;
	while (*q == ' ')
		q++;
	return *q == ']' && strstr(q + 1, " name") && strstr(q + 1, "uid");
}

void oom_table_start(struct oom_table *t, const char *header)
{
	oom_table_clear(t);
	const char *q = strchr(header, ']') + 1;
	int n = 0;
	while (*q && n < OOM_TABLE_COLS_MAX) {
		while (*q == ' ' || *q == '\t')
			q++;
		const char *w = q;
		while (*q && *q != ' ' && *q != '\t')
			q++;
		size_t wl = (size_t)(q - w);
		if (wl == 0)
			break;
		if (wl == 4 && memcmp(w, "name", 4) == 0)
			break;
		enum col c = COL_OTHER;
		for (size_t i = 0; i < ARRAY_SIZE(col_names); i++)
			if (strlen(col_names[i].name) == wl && memcmp(col_names[i].name, w, wl) == 0)
				c = col_names[i].col;
		t->cols[n++] = (int)c;
	}
	t->ncols = n;
}

/* [   2473]     0  2473    10566     9751     8095     1656         0   126976        0     0 python3
 * [  19690]     0 19690    42446      630    98304        0             0 systemd */

bool oom_table_row(struct oom_table *tb, const char *t)
{
	if (t[0] != '[' || tb->ncols == 0 || tb->done)
		return false;
	const char *q = t + 1;
	int64_t pid;
	if (!util_parse_i64(&q, &pid) || *q != ']' || pid < 0 || pid > INT32_MAX)
		return false;
	q++;
	struct oom_event_task task = {.pid = (pid_t)pid};
	task.uid = task.total_vm_pages = task.rss_pages = VAL_UNKNOWN;
	task.rss_anon_pages = task.rss_file_pages = task.rss_shmem_pages = VAL_UNKNOWN;
	task.pgtables_bytes = task.swapents_pages = task.oom_score_adj = VAL_UNKNOWN;
	int64_t ptes = VAL_UNKNOWN, pmds = 0;
	for (int i = 0; i < tb->ncols; i++) {
		int64_t v;
		if (!util_parse_i64(&q, &v) || (*q != ' ' && *q != '\t' && *q != '\0'))
			return false;
		switch (tb->cols[i]) {
		case COL_UID: task.uid = v; break;
		case COL_TGID: task.tgid = v >= 0 && v <= INT32_MAX ? (pid_t)v : 0; break;
		case COL_TOTAL_VM: task.total_vm_pages = v; break;
		case COL_RSS: task.rss_pages = v; break;
		case COL_RSS_ANON: task.rss_anon_pages = v; break;
		case COL_RSS_FILE: task.rss_file_pages = v; break;
		case COL_RSS_SHMEM: task.rss_shmem_pages = v; break;
		case COL_NR_PTES: ptes = v; break;
		case COL_NR_PMDS: pmds = v; break;
		case COL_PGTABLES_BYTES: task.pgtables_bytes = v; break;
		case COL_SWAPENTS: task.swapents_pages = v; break;
		case COL_OOM_SCORE_ADJ: task.oom_score_adj = v; break;
		case COL_OTHER: break;
		}
	}
	int64_t pt_pages = VAL_UNKNOWN; /* to bytes at the kill, with the page size */
	if (val_known(ptes) && ptes >= 0 && ptes < INT64_MAX / 8192 && pmds >= 0 &&
	    pmds < INT64_MAX / 8192)
		pt_pages = ptes + pmds;
	while (*q == ' ' || *q == '\t')
		q++;
	tb->rows = true;

	if (tb->nkeys < OOM_TABLE_LOOKUP_MAX) {
		if (!util_grow((void **)&tb->keys, &tb->keys_cap, tb->nkeys + 1, sizeof(*tb->keys)))
			return true;
		tb->keys[tb->nkeys++] = (struct oom_table_key){task.pid, task.tgid, task.uid,
							task.oom_score_adj, task.pgtables_bytes,
							pt_pages, task.total_vm_pages,
							task.rss_pages};
	}
	if (tb->ntasks < OOM_EVENT_TASKS_MAX) {
		if (!util_grow((void **)&tb->tasks, &tb->tasks_cap, tb->ntasks + 1, sizeof(*tb->tasks)) ||
		    !util_grow((void **)&tb->pt_pages, &tb->pt_cap, tb->ntasks + 1,
			       sizeof(*tb->pt_pages)))
			return true;
		task.name = strndup(q, OOM_TABLE_NAME_MAX); /* a name is 15 bytes; anything longer is not one */
		tb->pt_pages[tb->ntasks] = pt_pages;
		tb->tasks[tb->ntasks++] = task;
	} else {
		tb->omitted++; /* said in the event: a table cut short is not the whole table */
	}
	return true;
}

void oom_table_end_rows(struct oom_table *t)
{
	if (t->rows)
		t->done = true;
}

const struct oom_table_key *oom_table_find(const struct oom_table *t, pid_t pid)
{
	for (size_t i = 0; i < t->nkeys; i++)
		if (t->keys[i].pid == pid)
			return &t->keys[i];
	for (size_t i = 0; i < t->nkeys; i++)
		if (t->keys[i].tgid == pid)
			return &t->keys[i];
	return NULL;
}

void oom_table_copy_to(const struct oom_table *t, struct oom_event *ev)
{
	if (t->ncols)
		ev->tasks_omitted = t->omitted;
	if (!t->ntasks)
		return;
	ev->tasks = calloc(t->ntasks, sizeof(*ev->tasks));
	if (!ev->tasks)
		return;
	for (size_t i = 0; i < t->ntasks; i++) {
		struct oom_event_task *task = &ev->tasks[i];
		*task = t->tasks[i];
		task->name = t->tasks[i].name ? strdup(t->tasks[i].name) : NULL;
		int64_t pt = t->pt_pages[i];
		if (val_known(pt) && pt <= INT64_MAX / 65536 / 4)
			task->pgtables_bytes = pt * ev->page_bytes;
	}
	ev->ntasks = t->ntasks;
}

void oom_table_clear(struct oom_table *t)
{
	for (size_t i = 0; i < t->ntasks; i++)
		free(t->tasks[i].name);
	t->ntasks = 0;
	t->omitted = 0;
	t->nkeys = 0;
	t->ncols = 0;
	t->rows = t->done = false;
}

void oom_table_free(struct oom_table *t)
{
	oom_table_clear(t);
	free(t->tasks);
	free(t->pt_pages);
	free(t->keys);
	memset(t, 0, sizeof(*t));
}
