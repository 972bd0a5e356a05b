/* core/proc/sampler.h — one process's values, re-read at each refresh with as few reads
 * as still show every change, from the files it holds open (pread, fstat) or by path:
 *   statm every refresh; status (VmRSS, RssAnon/File/Shmem, VmSwap, VmPTE, Threads) only
 * when statm's text changed and every PROC_SAMPLER_STATUS_EVERY refreshes; oom_score only
 * when its inputs moved (sampler.c; from Linux 6.1); oom_score_adj; the open-fd count from
 * the st_size of /proc/PID/fd (Linux ≥ 6.2, held as an O_PATH fd and fstat'ed; older
 * kernels: entries counted every PROC_SAMPLER_FD_COUNT_EVERY refreshes); the cgroup at
 * the first sample and every PROC_SAMPLER_CGROUP_EVERY refreshes (processes migrate); the
 * fd limit at the first sample and rarely after (core/proc/limits.h, proc_limits_due).
 *
 * Identity is (pid, start_ticks). A held statm is the pin: a read of a held file of a
 * process that exited fails (ESRCH), so a reused pid is never mistaken for the old
 * process. Without statm held, the start time is checked by path first.
 *
 * Each sample pushes RSS, fd count and thread count into the entry's leak series
 * (core/estimate/leak.h) and stores their slopes in the row, and the fd ETA
 * (core/estimate/fd_eta.h).
 *
 * Which files a process holds is the held-file policy's choice (core/proc/held.h), from
 * the costs and savings measured here (proc_sampler_held_costs); the sampler opens and
 * closes them, and counts them against the budget.
 */
#ifndef OOMTOP_PROC_SAMPLER_H
#define OOMTOP_PROC_SAMPLER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cgroup/hierarchy.h"
#include "core/proc/entry.h"
#include "core/proc/held.h"

#define PROC_SAMPLER_STATUS_EVERY 10   /* status re-read at least this often (refreshes) */
#define PROC_SAMPLER_SCORE_EVERY 10    /* oom_score likewise, from 6.1 */
#define PROC_SAMPLER_CGROUP_EVERY 10   /* /proc/PID/cgroup re-read this often */
#define PROC_SAMPLER_FD_COUNT_EVERY 5  /* before 6.2: fd/ entries counted this often */

/* What the kernel offers, which decides what is read how. */
struct proc_sampler_kernel {
	bool fd_count_by_size; /* Linux ≥ 6.2: st_size of /proc/PID/fd is the count */
	bool score_by_inputs;  /* Linux ≥ 6.1: oom_score re-read only when its inputs move */
};

/* The running kernel's (uname). */
void proc_sampler_kernel_detect(struct proc_sampler_kernel *k);

/* What holding each file costs and saves per process and refresh on this kernel,
 * measured on 6.18 (sampler.c): the input of the held-file policy. */
void proc_sampler_held_costs(const struct proc_sampler_kernel *k, struct proc_held_cost out[PROC_HELD_NFILES]);

/* The sampler's state: its owner fills it with proc_sampler_init, then calls
 * proc_sampler_begin before each refresh's samples. */
struct proc_sampler {
	int proc_fd;                         /* <proc_root>, the owner's */
	const struct cgroup_hierarchy *hier; /* NULL: cgroups are not read */
	struct proc_sampler_kernel kernel;
	struct proc_held_policy held;        /* by descriptors */
	size_t nheld, held_budget;           /* files held now, and the most that may be */
	double window_s;                     /* leak-rate window */
	unsigned long seq;                   /* refreshes begun */
	int64_t now_ms;                      /* monotonic time of the refresh under way */
	bool totals_changed;                 /* MemTotal or SwapTotal moved at this refresh */
	int64_t mem_total, swap_total;
};

/* proc_fd and hier stay the caller's and must outlive the sampler. held_budget counts
 * descriptors. */
void proc_sampler_init(struct proc_sampler *s, int proc_fd, const struct cgroup_hierarchy *hier,
		       const struct proc_sampler_kernel *k, size_t held_budget, double window_s);

/* A refresh begins at monotonic t_ms. */
void proc_sampler_begin(struct proc_sampler *s, int64_t t_ms);

/* MemTotal and SwapTotal (bytes) before a refresh: oom_score depends on them, so a change
 * makes this refresh re-read every process's. */
void proc_sampler_set_totals(struct proc_sampler *s, int64_t mem_total_bytes, int64_t swap_total_bytes);

/* Hold the first `level` files of the policy's order for e, closing the rest. Opening
 * stops at the budget and at the first failure (gone, not ours, out of fds), the rest
 * read by path; e->held_level says how many are held. */
void proc_sampler_hold(struct proc_sampler *s, struct proc_entry *e, int level);

/* Closes every file e holds (before it becomes a ghost or is freed). */
void proc_sampler_release(struct proc_sampler *s, struct proc_entry *e);

/* Re-read what changes. False when the process is gone, is a zombie, runs another program
 * (exec: status Name: changed), or its pid was reused: the caller buries the entry. */
bool proc_sampler_sample(struct proc_sampler *s, struct proc_entry *e);

#endif
