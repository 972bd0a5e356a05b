/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/model/proc_columns.h — the process table's columns, listed once: the name used in the
 * settings file (`columns=`), the header (spelled as oomtop(1) COLUMNS has it), the sort key a click on the
 * header selects (-1: not sortable), and widths/priority for narrow terminals. Pure. */
#ifndef OOMTOP_TUI_MODEL_PROC_COLUMNS_H
#define OOMTOP_TUI_MODEL_PROC_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/proc/sort.h"
#include "tui/layout.h"

/*  id           name            header     sort key            min pref prio right on */
#define PROC_COLUMNS(X)                                                                    \
	X(PCOL_PID, "pid", "PID", SORT_PID, 5, 7, 100, true, true)                         \
	X(PCOL_USER, "user", "USER", SORT_USER, 5, 9, 60, false, true)                     \
	X(PCOL_CGROUP, "cgroup", "CGROUP", SORT_CGROUP, 7, 22, 50, false, true)            \
	X(PCOL_RSS, "rss", "RSS", SORT_RSS, 5, 5, 96, true, true)                          \
	X(PCOL_RSS_SLOPE, "rss_slope", "RSS/h", SORT_RSS_SLOPE, 7, 8, 98, true, true)      \
	X(PCOL_ANON, "anon", "ANON", -1, 5, 5, 30, true, false)                            \
	X(PCOL_FILE, "file", "FILE", -1, 5, 5, 29, true, false)                            \
	X(PCOL_SHMEM, "shmem", "SHMEM", -1, 5, 5, 28, true, false)                         \
	X(PCOL_SWAP, "swap", "SWAP", SORT_SWAP, 5, 5, 55, true, true)                      \
	X(PCOL_SCORE, "oom_score", "SCORE", SORT_OOM_SCORE, 5, 5, 80, true, true)          \
	X(PCOL_ADJ, "oom_score_adj", "ADJ", SORT_OOM_SCORE_ADJ, 5, 5, 85, true, true)      \
	X(PCOL_FDS, "fds", "FDS", SORT_FDS, 4, 5, 45, true, true)                          \
	X(PCOL_FD_SLOPE, "fd_slope", "FD/h", SORT_FD_SLOPE, 6, 7, 40, true, true)          \
	X(PCOL_FD_ETA, "fd_eta", "FD ETA", SORT_FD_ETA, 6, 6, 38, true, false)             \
	X(PCOL_THREADS, "threads", "THR", SORT_THREADS, 3, 4, 35, true, true)              \
	X(PCOL_COMMAND, "command", "COMMAND", SORT_NAME, 14, 14, 99, false, true)

enum proc_column {
#define X(id, name, hdr, sort, minw, prefw, prio, right, on) id,
	PROC_COLUMNS(X)
#undef X
	PCOL_COUNT
};

struct proc_column_info {
	const char *name, *header;
	int sort; /* enum sort_key, or -1 */
	struct col_spec spec;
	bool right, on_by_default;
};

const struct proc_column_info *proc_columns_info(enum proc_column c);
int proc_columns_from_name(const char *name); /* -1 when unknown */

/* Parse "pid,user,rss" into enabled[PCOL_COUNT] (COMMAND is always on). Returns 0, or
 * -1 with the first unknown name copied to bad. "" or "default" → the default set. */
int proc_columns_parse(const char *list, bool *enabled, char *bad, size_t badlen);

/* The inverse, for saving settings. */
void proc_columns_format(const bool *enabled, char *buf, size_t n);

/* The process table in a pane w columns wide: a one-cell mark column, then each
 * enabled column that fits (layout_fit_columns) and a blank. widths[PCOL_COUNT]: 0 for a
 * column not shown. */
void proc_columns_fit(const bool *enabled, int w, int *widths);
/* The column under column x of that pane (0: its first), or -1. */
int proc_columns_at(const bool *enabled, int w, int x);

#endif
