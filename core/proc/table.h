/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/table.h — every process, kept across refreshes.
 *
 * Discovery: the numeric entries of <proc_root> (getdents), merged with the live entries
 * (both in pid order). A pid seen for the first time gets its identity from the identity
 * reader (core/proc/identity.h; libproc2 by default), read on a second thread
 * (core/proc/identity_feed.h) while the table samples the ones already delivered; it is
 * adopted: a new entry (core/proc/entry.h), its held files, its first sample. From then
 * on each refresh re-reads only what changes (core/proc/sampler.h).
 *
 * Held files cost fds and kernel memory. RLIMIT_NOFILE is raised to its hard limit; the
 * held-file policy (core/proc/held.h) chooses which files within both budgets and gives
 * each user-space process an even share, rebalanced after each refresh as the process
 * count moves; a process met for the first time gets an even share of what is left. The
 * pin (its /proc/PID directory) is opened on the feed thread before its identity is read.
 *
 * Identity is (pid, start_ticks): a process whose sample finds it gone (exited, pid
 * reused) is buried, and its pid, if still listed, is met again as a new process; a
 * rename or an exec keeps the row (core/proc/sampler.h); one not read for want of
 * descriptors keeps its last values (proc_table_unread). A new identity starts empty
 * leak series, or the recorded ones of that identity (proc_table_set_past).
 *
 * A process that exits becomes a ghost (core/proc/ghosts.h): kept with its last values
 * for ghost_ttl_s, at most PROC_GHOSTS_MAX of them. Memory is bounded by the live
 * processes plus that.
 */
#ifndef OOMTOP_PROC_TABLE_H
#define OOMTOP_PROC_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "core/cgroup/hierarchy.h"
#include "core/estimate/leak_past.h"
#include "core/proc/entry.h"
#include "core/proc/identity.h"
#include "core/proc/sampler.h"

/* proc_table_config.held_kmem_bytes: no cap but the fds */
#define PROC_TABLE_HELD_UNCAPPED UINT64_MAX

struct proc_table_config {
	const char *proc_root;               /* "/proc" */
	const struct cgroup_hierarchy *hier; /* NULL when there is no memory hierarchy */
	double ghost_ttl_s;
	double window_s;                     /* leak-rate window for the slopes */
	uint64_t held_kmem_bytes;            /* kernel memory held files may pin (core/proc/
					      * held.h), or PROC_TABLE_HELD_UNCAPPED; 0 holds none */
	bool one_shot;                       /* one refresh only (core/proc/sampler.h) */
	const struct proc_sampler_kernel *kernel; /* NULL: the running kernel's */
	struct proc_identity_reader *identity;    /* NULL: the table's own, libproc2 (one-shot:
						   * core/proc/identity_procfs.h); else the
						   * caller's, used on the feed thread until
						   * proc_table_free, and freed by the caller after */
};

struct proc_table;

/* NULL with a one-line reason in err when the process table cannot work at all. */
struct proc_table *proc_table_new(const struct proc_table_config *cfg, char *err, size_t errlen);

/* One refresh. t_ms monotonic, now_unix_s wall clock. Returns 0 or -errno when <proc_root>
 * cannot be listed. */
int proc_table_refresh(struct proc_table *t, int64_t t_ms, double now_unix_s);

/* Where each process's cgroup is looked up before /proc/PID/cgroup is read (sampler.h);
 * fn NULL: always read. ctx stays the caller's. */
void proc_table_set_cgroup_lookup(struct proc_table *t, proc_cgroup_lookup_fn fn, void *ctx);

/* MemTotal and SwapTotal (bytes) before a refresh: oom_score depends on them, so a change
 * makes the refresh re-read every process's (see core/proc/sampler.c). */
void proc_table_set_totals(struct proc_table *t, int64_t mem_total_bytes, int64_t swap_total_bytes);

/* Processes the last refresh could not read for want of file descriptors or memory (a
 * tiny ulimit -n): those met before keep their last values, new ones are not adopted. */
size_t proc_table_unread(const struct proc_table *t);

/* Live entries in pid order, then ghosts (oldest first); valid until the next refresh. */
struct proc_entry **proc_table_live(struct proc_table *t, size_t *n);
struct proc_entry **proc_table_ghosts(struct proc_table *t, size_t *n);

/* Processes met from now on start their leak series from what `past` recorded of them
 * (core/estimate/leak_past.h), when it did; NULL: empty series again. past stays the
 * caller's and must outlive its use (until the next call or proc_table_free). */
void proc_table_set_past(struct proc_table *t, const struct leak_past *past);

/* The ghost (pid, start_ticks) was killed by the OOM killer: its row says so from now on,
 * and it is the last to be dropped when the ghosts are too many. */
void proc_table_mark_oom_killed(struct proc_table *t, pid_t pid, uint64_t start_ticks);

/* What the held /proc files take now (descriptors, kernel memory), and the budget. Either
 * pointer may be NULL. */
void proc_table_held(const struct proc_table *t, struct proc_held_budget *held, struct proc_held_budget *budget);

void proc_table_free(struct proc_table *t);

#endif
