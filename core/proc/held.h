/* core/proc/held.h — which of a process's /proc files to hold open, within a budget: a
 * pure policy (no I/O), computed from what each file costs and saves.
 *
 * Holding a file saves the open and close of a read by path at every read (for statm
 * also the start-time check: core/proc/sampler.h); it costs a descriptor and, for a
 * seq_file (statm, status, oom_score), the kernel buffer it pins until it is closed,
 * charged to oomtop's memory cgroup. The policy ranks the files by what holding saves
 * per unit of the budget (descriptors today; kernel bytes is the other unit), leaves out
 * those that save nothing or whose saving does not pay for the kernel memory they pin,
 * and hands each process a level: it holds the first `level` files of that order.
 *
 * Levels: n processes share the budget evenly (budget / n each, the remainder as one
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
	PROC_HELD_STATM,
	PROC_HELD_STATUS,
	PROC_HELD_SCORE, /* oom_score */
	PROC_HELD_ADJ,   /* oom_score_adj */
	PROC_HELD_FDDIR, /* fd/, held O_PATH for fstat */
	PROC_HELD_NFILES
};

/* The name under /proc/PID of a file ("statm", ..., "fd"). */
const char *proc_held_name(enum proc_held_file f);

/* Kernel memory one held /proc file costs whatever it is (struct file, dentry, proc
 * inode), charged to oomtop's memory cgroup: measured on 6.18, 60 MiB for 19,900 held
 * files. A seq_file's buffer comes on top (proc_held_cost.kmem_bytes). */
#define PROC_HELD_FILE_KMEM_BYTES 3072

/* What holding one file costs and saves, for one process. */
struct proc_held_cost {
	unsigned fds;        /* descriptors it takes while held */
	unsigned kmem_bytes; /* kernel memory it pins while held beyond the file itself: a
			      * seq_file's buffer (4096), or 0 (oom_score_adj, the O_PATH fd/) */
	unsigned save_ns;    /* CPU time holding saves per refresh, on average; 0: nothing */
};

/* What the budget counts, and so what the files are ranked by (saving per unit). */
enum proc_held_unit {
	PROC_HELD_BY_FDS,  /* descriptors (RLIMIT_NOFILE): today's */
	PROC_HELD_BY_KMEM, /* bytes of pinned kernel memory */
};

/* A file that pins kernel memory is held only when it saves at least this much CPU time
 * per refresh and KiB pinned: 0.8 µs a refresh for a 4 KiB seq_file buffer. */
#define PROC_HELD_MIN_SAVE_NS_PER_KIB 200

struct proc_held_policy {
	enum proc_held_unit unit;
	int nlevels;                                 /* files worth holding: the highest level */
	enum proc_held_file order[PROC_HELD_NFILES]; /* order[i] is the file level i + 1 adds */
	uint64_t level_cost[PROC_HELD_NFILES + 1];   /* what the first k files cost, in unit */
};

/* The policy for files costing costs[PROC_HELD_NFILES] (indexed by enum proc_held_file):
 * most saving per unit first (ties: most saving, then enum order); left out are files
 * saving nothing, and those pinning kernel memory that save less than
 * min_save_ns_per_kib per KiB pinned. */
void proc_held_policy_init(struct proc_held_policy *p, const struct proc_held_cost *costs,
			   enum proc_held_unit unit, unsigned min_save_ns_per_kib);

/* The highest level whose files cost at most share units (0..nlevels). */
int proc_held_level_for(const struct proc_held_policy *p, uint64_t share);

/* n processes (n > 0) sharing budget units: every one gets level base, and the last
 * `extra` of them in pid order (rank >= n - extra) one level more. */
struct proc_held_split {
	int base;
	size_t extra;
};
struct proc_held_split proc_held_split(const struct proc_held_policy *p, uint64_t budget, size_t n);

/* The level of the process of this rank (0-based, pid order) among n under split s. */
int proc_held_split_level(const struct proc_held_split *s, size_t rank, size_t n);

/* The level for a process met for the first time, which already holds `level` files:
 * those plus an even share of what is left (budget - taken, where taken counts every
 * file held or promised, its own included) among the `left` new processes not yet given
 * theirs (left 0 counts as 1). So the first refresh holds what the rebalance after it
 * chooses, instead of reading by path. */
int proc_held_new_level(const struct proc_held_policy *p, int level, uint64_t budget, uint64_t taken,
			size_t left);

#endif
