/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/held.h — which of a process's /proc files to hold open, within two budgets: a
 * pure policy (no I/O), computed from what each file costs and saves.
 *
 * Holding a file saves its open and close at every read. Holding the process's
 * directory /proc/PID (O_PATH) pins the process: files opened relative to it belong to
 * that process or fail, even once its pid is reused (core/proc/sampler.h), which saves
 * the start-time check a read by path needs, and a little path walk at every open.
 * Holding costs a descriptor and kernel memory charged to oomtop's memory cgroup that
 * cannot be reclaimed while the file is held: the open file itself, and for a seq_file
 * (statm, status, oom_score) the 4 KiB buffer it keeps from its first read until closed.
 *
 * The policy ranks the files by what holding saves per byte of that kernel memory (or per
 * descriptor), leaves out those that save nothing or whose saving does not pay for the
 * kernel memory they pin (PROC_HELD_MIN_SAVE_NS_PER_KIB), and hands each process a level:
 * it holds the first `level` files of that order. A level fits both budgets, descriptors
 * (RLIMIT_NOFILE) and bytes of kernel memory (--held-kmem).
 *
 * Levels: n processes share the budgets evenly (budget / n each, the remainder as one
 * level more for the last processes in pid order); a process met for the first time
 * gets an even share of what is left. The costs and savings are data (the sampler's
 * measurements: proc_sampler_held_costs), never an order written down.
 */
#ifndef OOMTOP_PROC_HELD_H
#define OOMTOP_PROC_HELD_H

#include <stddef.h>
#include <stdint.h>

/* The files a process may hold, by what they are; the order to hold them is computed. */
enum proc_held_file {
	PROC_HELD_DIR,   /* /proc/PID itself, held O_PATH: the pin */
	PROC_HELD_STATM,
	PROC_HELD_STATUS,
	PROC_HELD_SCORE, /* oom_score */
	PROC_HELD_ADJ,   /* oom_score_adj */
	PROC_HELD_FDDIR, /* fd/, held O_PATH for fstat */
	PROC_HELD_NFILES
};

/* The name under /proc/PID of a file ("" for the directory, "statm", ..., "fd"). */
const char *proc_held_name(enum proc_held_file f);

/* Kernel memory charged to oomtop's memory cgroup for one held /proc file, whatever it
 * is: the open file and its descriptor slot, measured on 6.18 as 201 bytes a file
 * (bench/readcost). The file also keeps its dentry and inode (~280 bytes more) from being
 * reclaimed; those are charged to whoever first looked the file up, held or not. */
#define PROC_HELD_FILE_KMEM_BYTES 256
/* What a seq_file (statm, status, oom_score) pins on top from its first read until it
 * is closed: its 4 KiB buffer and the seq_file, measured 4,265 bytes on 6.18. */
#define PROC_HELD_SEQ_KMEM_BYTES 4272

/* The default kernel-memory budget for held files (--held-kmem, held_kmem= in oomtoprc):
 * the files that pin no seq_file buffer, for up to 10,900 processes (768 bytes each). A
 * memory cgroup limit on oomtop lowers it to 1/16 of that limit (core/collector.c). */
#define PROC_HELD_KMEM_DEFAULT_BYTES (UINT64_C(8) << 20)
/* The most --held-kmem and held_kmem= take. */
#define PROC_HELD_KMEM_MAX_BYTES (UINT64_C(1) << 30)

/* What holding one file costs and saves, for one process. */
struct proc_held_cost {
	unsigned fds;        /* descriptors it takes while held */
	unsigned kmem_bytes; /* kernel memory it pins while held: PROC_HELD_FILE_KMEM_BYTES,
			      * plus PROC_HELD_SEQ_KMEM_BYTES for a seq_file */
	unsigned save_ns;    /* CPU time holding saves per refresh, on average; 0: nothing */
};

/* An amount in both units the budgets count. */
struct proc_held_budget {
	uint64_t fds;
	uint64_t kmem_bytes;
};

/* What the files are ranked by: saving per descriptor, or per byte of kernel memory. */
enum proc_held_unit {
	PROC_HELD_BY_FDS,
	PROC_HELD_BY_KMEM, /* oomtop's */
};

/* A file is held only when it saves at least this much CPU time per refresh and KiB of
 * kernel memory it pins (sampler.c: measured, the files without a seq_file buffer save
 * 6 to 38 µs a refresh per KiB, those with one 0.1 to 0.9). */
#define PROC_HELD_MIN_SAVE_NS_PER_KIB 3300

struct proc_held_policy {
	enum proc_held_unit unit;
	int nlevels;                                 /* files worth holding: the highest level */
	enum proc_held_file order[PROC_HELD_NFILES]; /* order[i] is the file level i + 1 adds */
	struct proc_held_budget level_cost[PROC_HELD_NFILES + 1]; /* what the first k files cost */
};

/* The policy for files costing costs[PROC_HELD_NFILES] (indexed by enum proc_held_file):
 * most saving per unit first (ties: most saving, then enum order); left out are files
 * saving nothing, and those that save less than min_save_ns_per_kib per KiB they pin. */
void proc_held_policy_init(struct proc_held_policy *p, const struct proc_held_cost *costs,
			   enum proc_held_unit unit, unsigned min_save_ns_per_kib);

/* The highest level whose files cost at most share, in both units (0..nlevels). */
int proc_held_level_for(const struct proc_held_policy *p, const struct proc_held_budget *share);

/* n processes (n > 0) sharing the budget: every one gets level base, and the last
 * `extra` of them in pid order (rank >= n - extra) one level more. */
struct proc_held_split {
	int base;
	size_t extra;
};
struct proc_held_split proc_held_split(const struct proc_held_policy *p, const struct proc_held_budget *budget,
				       size_t n);

/* The level of the process of this rank (0-based, pid order) among n under split s. */
int proc_held_split_level(const struct proc_held_split *s, size_t rank, size_t n);

/* The level for a process met for the first time, which already holds `level` files:
 * those plus an even share of what is left (budget - taken, in each unit, where taken
 * counts every file held or promised, its own included) among the `left` new processes
 * not yet given theirs (left 0 counts as 1). So the first refresh holds what the
 * rebalance after it chooses, instead of reading by path. */
int proc_held_new_level(const struct proc_held_policy *p, int level, const struct proc_held_budget *budget,
			const struct proc_held_budget *taken, size_t left);

#endif
