/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/oom_table.h — the task table of a kernel OOM report: the header names the
 * columns (which differ across kernels), each row a task's sizes in pages. Pure: lines in,
 * rows out; the report's parser (oom_parse.c) decides which episode a table belongs to.
 *
 *   [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name   (4.15+)
 *   [ pid ]   uid  tgid total_vm      rss nr_ptes nr_pmds swapents oom_score_adj name    (4.x)
 *   [  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes ... (6.8+)
 *
 * Bounds: at most OOM_EVENT_TASKS_MAX rows are kept (the rest are counted in omitted), and
 * at most OOM_TABLE_LOOKUP_MAX compact keys (pid → uid, adj, sizes) for finding the victim's
 * row in a table of any length.
 */
#ifndef OOMTOP_KLOG_OOM_TABLE_H
#define OOMTOP_KLOG_OOM_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/klog/oom_event.h"

#define OOM_TABLE_COLS_MAX 16
#define OOM_TABLE_LOOKUP_MAX 65536

/* A row kept compact for every task: the victim's uid, adj and page tables, and its sizes
 * in pages against the kill line's kB (for the page size). */
struct oom_table_key {
	pid_t pid, tgid;
	int64_t uid, adj, pgtables_bytes, pgtables_pages, total_vm_pages, rss_pages;
};

struct oom_table {
	int cols[OOM_TABLE_COLS_MAX];
	int ncols;       /* 0: no header seen */
	bool rows, done; /* rows have come; a non-row line after them ended the table */
	struct oom_event_task *tasks;
	int64_t *pt_pages; /* per row: nr_ptes + nr_pmds (kernels < 4.15), to bytes at the kill */
	size_t ntasks, tasks_cap, pt_cap;
	int64_t omitted;   /* rows past OOM_EVENT_TASKS_MAX */
	struct oom_table_key *keys;
	size_t nkeys, keys_cap;
};

/* Whether the text is a table header ("[  pid  ]   uid ... name"). */
bool oom_table_is_header(const char *text);
/* Start a table at its header (clears what the table held). */
void oom_table_start(struct oom_table *t, const char *header);
/* Take one row; false when the text is not a row of this table (or no table is open). */
bool oom_table_row(struct oom_table *t, const char *text);
/* A line that is not a row: after rows, the table is done. */
void oom_table_end_rows(struct oom_table *t);

/* The row of pid (or of the thread group pid), or NULL. */
const struct oom_table_key *oom_table_find(const struct oom_table *t, pid_t pid);
/* A copy of the rows into ev->tasks (page-table columns in bytes with ev->page_bytes) and
 * ev->tasks_omitted; nothing when there was no table. */
void oom_table_copy_to(const struct oom_table *t, struct oom_event *ev);

void oom_table_clear(struct oom_table *t);
void oom_table_free(struct oom_table *t);

#endif
