/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/sort.h — sort keys over process rows, shared by batch output and the screen so
 * both order processes the same way (selecting them is filter.h). Pure: no I/O. */
#ifndef OOMTOP_PROC_SORT_H
#define OOMTOP_PROC_SORT_H

#include "core/model.h"

#define SORT_KEYS(X)                                                                               \
	X(SORT_RSS_SLOPE, "rss_slope", "RSS/h")                                                    \
	X(SORT_RSS, "rss", "RSS")                                                                  \
	X(SORT_SWAP, "swap", "SWAP")                                                               \
	X(SORT_OOM_SCORE, "oom_score", "SCORE")                                                    \
	X(SORT_OOM_SCORE_ADJ, "oom_score_adj", "ADJ")                                              \
	X(SORT_FDS, "fds", "FDS")                                                                  \
	X(SORT_FD_SLOPE, "fd_slope", "FD/h")                                                       \
	X(SORT_FD_ETA, "fd_eta", "FD ETA")                                                         \
	X(SORT_THREADS, "threads", "THR")                                                          \
	X(SORT_PID, "pid", "PID")                                                                  \
	X(SORT_USER, "user", "USER")                                                               \
	X(SORT_NAME, "name", "COMMAND")                                                            \
	X(SORT_CGROUP, "cgroup", "CGROUP")

enum sort_key {
#define X(id, name, column) id,
	SORT_KEYS(X)
#undef X
	SORT_KEY_COUNT
};

/* "rss_slope" → SORT_RSS_SLOPE; -1 for an unknown name. */
int sort_key_from_name(const char *name);
const char *sort_key_name(enum sort_key k);   /* option spelling */
const char *sort_key_column(enum sort_key k); /* column header */
/* Comma-separated list of every key name, for messages ("rss_slope, rss, ..."). */
const char *sort_key_list(void);

/* Numbers sort descending (biggest first), text, pid and times to a limit (fd_eta: the
 * soonest first) ascending; `reverse` flips that. Unknown values always sort last. Ties
 * break on pid. */
int proc_sort_compare(const struct proc_row *a, const struct proc_row *b, enum sort_key k, bool reverse);

/* Sort an array of row pointers in place. */
void proc_sort(const struct proc_row **rows, size_t n, enum sort_key k, bool reverse);

#endif
