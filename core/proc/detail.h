/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/detail.h — the costly fields of the few processes someone asked about
 * (struct proc_detail, core/model.h): smaps_rollup (core/proc/smaps.h), the kind of every
 * fd (core/proc/fdkinds.h) with a slope per kind, the hard fd limit, and for the screen's
 * watched process a trail of recent samples to plot. Never for every process: for the
 * detail view (proc_details_watch) and batch --detail (proc_details_top) only.
 *
 * Cost per refresh and process: one read of smaps_rollup (~40 µs, the kernel walks the
 * page tables), one of limits, the listing of fd/ and at most PROC_DETAIL_MAX_LINKS
 * readlinks (a statx more for each path), one read of stat to check the identity. At most
 * PROC_DETAIL_TOP_MAX + 1 processes.
 *
 * The watched process stays when it exits: its detail keeps the last values read and the
 * row as last seen alive (strings owned here), marked exited, until another process is
 * watched. The others go as soon as they are no longer asked for.
 *
 * Call order: proc_details_new; proc_details_watch / proc_details_top at any time (they
 * take effect at the next refresh); proc_details_refresh once per refresh after the
 * snapshot's rows are final (sampled, victims marked), which points s->details at the
 * details (valid until the next refresh); proc_details_free. */
#ifndef OOMTOP_PROC_DETAIL_H
#define OOMTOP_PROC_DETAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/model.h"
#include "core/proc/filter.h"
#include "core/proc/sort.h"

#define PROC_DETAIL_MAX_LINKS 1024 /* readlinks per process and refresh; more fds: sampled */
#define PROC_DETAIL_TOP_MAX 64     /* processes proc_details_top reads at most */
#define PROC_TRAIL_MAX 512         /* points of the watched process's trail */

/* A recording to start the watched process's trail from (its RSS, fds and threads over the
 * window before it was watched): core/history/trail.h provides one. fill writes at most
 * max points of process (pid, start_ticks) with from_unix_ms <= t <= to_unix_ms, oldest
 * first, their t_ms in unix milliseconds, and returns how many. */
struct proc_trail_source {
	size_t (*fill)(void *ctx, pid_t pid, uint64_t start_ticks, int64_t from_unix_ms, int64_t to_unix_ms,
		       struct proc_trail_point *out, size_t max);
	void *ctx;
};

struct proc_details;

/* Reads under proc_root ("/proc"). NULL when out of memory or proc_root cannot be opened. */
struct proc_details *proc_details_new(const char *proc_root);
void proc_details_free(struct proc_details *d);

/* The screen's detail view: process (pid, start_ticks) from the next refresh on, with a
 * trail; pid 0: none. Watching another process forgets the last one. 0 or -ENOMEM. */
int proc_details_watch(struct proc_details *d, pid_t pid, uint64_t start_ticks);

/* Batch --detail: at each refresh, the first `top` (at most PROC_DETAIL_TOP_MAX) running
 * processes that filter selects (NULL: every user-space process), in the order of sort
 * and reverse (core/proc/sort.h) — the rows batch output prints first. top 0: none. The
 * filter is the caller's and must outlive its use. */
void proc_details_top(struct proc_details *d, const struct proc_filter *filter, enum sort_key sort, bool reverse,
		      size_t top);

/* Where the watched process's trail starts from when it is first watched (NULL: empty).
 * The source is the caller's and must outlive d (or the next call). */
void proc_details_trail_source(struct proc_details *d, const struct proc_trail_source *src);

/* One refresh: read what is asked for, at the snapshot's time (s->t_mono_ms,
 * s->time_unix_s) over the leak-rate window, and set s->details / s->ndetails. */
void proc_details_refresh(struct proc_details *d, struct snapshot *s, double window_s);

/* The detail of (pid, start_ticks) in s, or NULL. */
const struct proc_detail *proc_details_find(const struct snapshot *s, pid_t pid, uint64_t start_ticks);

#endif
