/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/sampler.h — one process's values, re-read at each refresh with as few reads
 * as still show every change, from the files it holds open (pread, fstat), relative to
 * its held /proc/PID directory, or by path:
 *   oom_score_adj and the open-fd count every refresh (the count is the st_size of
 * /proc/PID/fd from Linux 6.2, fstat'ed; older kernels count its entries every
 * PROC_SAMPLER_FD_COUNT_EVERY refreshes); statm every refresh, or every
 * PROC_SAMPLER_IDLE_STATM_EVERY for a process idle for a while (its statm and fd count
 * unchanged over PROC_SAMPLER_IDLE_AFTER reads of statm); status (VmRSS,
 * RssAnon/File/Shmem, VmSwap, VmPTE, Threads) only when statm's text changed and every
 * PROC_SAMPLER_STATUS_EVERY refreshes; oom_score only when its inputs moved (sampler.c;
 * from Linux 6.1) and every PROC_SAMPLER_SCORE_EVERY; the cgroup from the caller's
 * lookup at every refresh (the cgroup.procs of the tree: core/cgroup/procs.h), or, for a
 * process it does not answer, from /proc/PID/cgroup at the first sample and every
 * PROC_SAMPLER_CGROUP_EVERY refreshes (processes migrate); the fd limit at the first
 * sample and rarely after (core/proc/limits.h, proc_limits_due).
 *
 * Identity is (pid, start_ticks). The pin is the held directory /proc/PID (O_PATH): it
 * holds the process's struct pid, not its number, so once the process is reaped every
 * file opened relative to it fails (ENOENT), and so does a read of any file held open
 * (ESRCH), even when the pid is already someone else's: what is read through the pin is
 * the pinned process's. oom_score_adj, read through it at every refresh, shows the
 * process still there. Without the pin (a budget too small) everything is read by path
 * and the start time in stat is checked last: if the process is still the one met, it
 * lived through the reads before, and its pid cannot have been reused meanwhile. Values
 * are taken into the row only once a sample is proved, so a failed one leaves the last
 * real values for the ghost.
 *
 * A new name in status (Name:) is a rename or an exec, never a new process: the row stays
 * one per (pid, start time). An exec changes the executable (/proc/PID/exe's device and
 * inode, noted at the first sample), a rename (prctl PR_SET_NAME) does not; where the
 * executable cannot be read (another user's process, without root) a changed command
 * line means an exec. A rename only renames the row; an exec also takes the new command
 * line and starts the leak series again. An exec of the same executable file reads as a
 * rename (its series goes on through the step).
 *
 * One-shot (a single refresh: -n 1) reads what a snapshot shows and nothing that only
 * later refreshes need: no statm (it gates later status reads), no leak series, no held
 * file but the pin.
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
#include <sys/types.h>

#include "core/cgroup/hierarchy.h"
#include "core/proc/entry.h"
#include "core/proc/held.h"

#define PROC_SAMPLER_STATUS_EVERY 10   /* status re-read at least this often (refreshes) */
#define PROC_SAMPLER_IDLE_AFTER 10     /* statm reads unchanged before a process counts as idle */
#define PROC_SAMPLER_IDLE_STATM_EVERY 4 /* an idle process's statm is read this often */
#define PROC_SAMPLER_SCORE_EVERY 10    /* oom_score likewise, from 6.1 */
#define PROC_SAMPLER_CGROUP_EVERY 10   /* /proc/PID/cgroup re-read this often */
#define PROC_SAMPLER_FD_COUNT_EVERY 5  /* before 6.2: fd/ entries counted this often */

/* The path of pid's cgroup (relative to the hierarchy, as the tree spells it, valid until
 * the next refresh), or NULL when the lookup does not know it. */
typedef const char *(*proc_cgroup_lookup_fn)(void *ctx, pid_t pid);

/* What the kernel offers, which decides what is read how. */
struct proc_sampler_kernel {
	bool fd_count_by_size; /* Linux ≥ 6.2: st_size of /proc/PID/fd is the count */
	bool score_by_inputs;  /* Linux ≥ 6.1: oom_score re-read only when its inputs move */
};

/* The running kernel's (uname). */
void proc_sampler_kernel_detect(struct proc_sampler_kernel *k);

/* What holding each file costs and saves per process and refresh on this kernel,
 * measured on 6.18 (sampler.c, bench/readcost): the input of the held-file policy. */
void proc_sampler_held_costs(const struct proc_sampler_kernel *k, struct proc_held_cost out[PROC_HELD_NFILES]);

/* The sampler's state: its owner fills it with proc_sampler_init, then calls
 * proc_sampler_begin before each refresh's samples. */
struct proc_sampler {
	int proc_fd;                         /* <proc_root>, the owner's */
	const struct cgroup_hierarchy *hier; /* NULL: cgroups are not read */
	struct proc_sampler_kernel kernel;
	struct proc_held_cost costs[PROC_HELD_NFILES];
	struct proc_held_policy held;        /* by kernel memory */
	struct proc_held_budget nheld, held_budget; /* held now, and the most that may be */
	int max_level;                       /* one-shot: the pin at most */
	proc_cgroup_lookup_fn cgroup_lookup; /* NULL: every cgroup from /proc/PID/cgroup */
	void *cgroup_ctx;
	bool one_shot;
	double window_s;                     /* leak-rate window */
	unsigned long seq;                   /* refreshes begun */
	int64_t now_ms;                      /* monotonic time of the refresh under way */
	bool totals_changed;                 /* MemTotal or SwapTotal moved at this refresh */
	int64_t mem_total, swap_total;
};

/* proc_fd and hier stay the caller's and must outlive the sampler. one_shot: a single
 * refresh is all there will be (see above). */
void proc_sampler_init(struct proc_sampler *s, int proc_fd, const struct cgroup_hierarchy *hier,
		       const struct proc_sampler_kernel *k, const struct proc_held_budget *held_budget, double window_s,
		       bool one_shot);

/* Where the cgroups come from, for the refreshes from now on (fn NULL: none). */
void proc_sampler_set_cgroup_lookup(struct proc_sampler *s, proc_cgroup_lookup_fn fn, void *ctx);

/* A refresh begins at monotonic t_ms. */
void proc_sampler_begin(struct proc_sampler *s, int64_t t_ms);

/* MemTotal and SwapTotal (bytes) before a refresh: oom_score depends on them, so a change
 * makes this refresh re-read every process's. */
void proc_sampler_set_totals(struct proc_sampler *s, int64_t mem_total_bytes, int64_t swap_total_bytes);

/* Hold the first `level` files of the policy's order for e (at most max_level), closing
 * the rest. The pin comes first: the other files are opened relative to it, never by
 * path. Opening stops at the budget and at the first failure (gone, not ours, out of
 * fds), the rest read through the pin or by path; e->held_level says how many are held. */
void proc_sampler_hold(struct proc_sampler *s, struct proc_entry *e, int level);

/* Closes every file e holds (before it becomes a ghost or is freed). */
void proc_sampler_release(struct proc_sampler *s, struct proc_entry *e);

/* Takes pin_fd (an O_PATH fd of e's /proc/PID, opened before its identity was read:
 * core/proc/identity_feed.h) as e's held directory, counted against the budget. */
void proc_sampler_adopt_pin(struct proc_sampler *s, struct proc_entry *e, int pin_fd);

/* How many more pins the budget has room for now. */
size_t proc_sampler_pin_room(const struct proc_sampler *s);

/* What a sample found. */
enum proc_sample {
	PROC_SAMPLE_GONE,    /* the process is gone, a zombie, or its pid was reused: bury it */
	PROC_SAMPLE_TAKEN,   /* read: the row holds this refresh's values */
	PROC_SAMPLE_NO_ROOM, /* a read failed for want of file descriptors or memory (EMFILE,
			      * ENFILE, ENOMEM): nothing is known of the process, which is
			      * probably still there; the row keeps its last values */
};

/* Re-read what changes (see above for rename and exec). */
enum proc_sample proc_sampler_sample(struct proc_sampler *s, struct proc_entry *e);

#endif
