/* core/proc_table.h — every process, kept across refreshes.
 *
 * Discovery: the numeric entries of <proc_root> (getdents). A pid seen for the first time
 * gets its identity from libproc2 (core/proc_identity.h); from then on each refresh reads
 * only what changes, from files held open and re-read with pread (or fstat):
 *   statm every refresh; status (VmRSS, RssAnon/File/Shmem, VmSwap, VmPTE, Threads) only
 * when statm moved and every STATUS_RECHECK_EVERY refreshes; oom_score only when its
 * inputs moved (proc_table.c); oom_score_adj; the open-fd count from the st_size of
 * /proc/PID/fd (Linux ≥ 6.2; held as an O_PATH fd and fstat'ed; older kernels: entries
 * counted every FD_COUNT_EVERY refreshes).
 *
 * Held files cost fds. RLIMIT_NOFILE is raised to its hard limit; each user-space process
 * holds budget / n of its files (at most PROC_HELD_MAX), in the order of what holding
 * saves per fd and refresh, measured on 6.18: statm (read every refresh, and it pins the
 * identity, so no start-time check by path: saves ~17 µs), oom_score_adj (~6 µs), fd/
 * (~2.5 µs), status (~12 µs when read, about one refresh in ten for an idle process).
 * oom_score is held only before 6.1 (read every refresh there, it comes second): from 6.1
 * it is read as rarely as status, and holding it would pin a 4 KiB seq_file buffer of
 * kernel memory per process for ~1 µs. The rest is read by path. The levels are
 * rebalanced after each refresh as the process count moves.
 *
 * Identity is (pid, start_ticks). A held file of a process that exited fails with ESRCH,
 * so a reused pid is never mistaken for the old process. The cgroup is re-read every
 * CGROUP_RECHECK_EVERY refreshes (processes migrate).
 *
 * Each refresh pushes RSS, fd count and thread count into the entry's leak series
 * (core/leak.h) and stores their slopes in the row; a new identity starts empty series.
 *
 * A process that exits becomes a ghost: kept with its last values for ghost_ttl_s, at
 * most PROC_TABLE_MAX_GHOSTS of them (oldest dropped first, OOM-killed ones last). Memory is bounded by the
 * live processes plus that.
 */
#ifndef OOMTOP_PROC_TABLE_H
#define OOMTOP_PROC_TABLE_H

#include "core/cgroup/hierarchy.h"
#include "core/estimate/leak.h"
#include "core/model.h"

#define PROC_TABLE_MAX_GHOSTS 256
/* Command lines are kept up to this many bytes (a cut character shows as invalid UTF-8):
 * an argument may be 128 KiB and a command line 2 MiB, from any user. */
#define PROC_CMDLINE_MAX_BYTES 4096
#define CGROUP_RECHECK_EVERY 10
#define FD_COUNT_EVERY 5
#define STATUS_RECHECK_EVERY 10
#define PROC_HELD_MAX 5 /* statm, status, oom_score, oom_score_adj, fd/ */

struct proc_entry {
	struct proc_row row; /* row.user/comm/cmdline/cgroup point at the strings below */
	char *user, *comm, *cmdline, *cgroup;
	int statm_fd, status_fd, score_fd, adj_fd; /* -1 when read by path */
	int fddir_fd;                     /* O_PATH /proc/PID/fd for fstat, or -1 */
	int held_level;                   /* how many of the five above are held */
	uint64_t statm_hash;              /* of the last statm text read: a change means re-read status */
	bool score_stale;                 /* oom_score must be re-read at the next sample */
	bool cgroup_read;                 /* /proc/PID/cgroup was read once (first sample) */
	uint32_t name_hash;              /* of status Name: at the first sample (proc/status.h) */
	struct leak_series rss_hist, fd_hist, thread_hist;
};

struct proc_table_config {
	const char *proc_root;                 /* "/proc" */
	const struct cgroup_hierarchy *hier;   /* NULL when there is no memory hierarchy */
	double ghost_ttl_s;
	double window_s;                       /* leak-rate window for the slopes */
	size_t max_held_files;                 /* 0, or a cap on held files below the fd budget */
};

/* Kernel memory one held /proc file costs (struct file, dentry, proc inode), charged to
 * oomtop's memory cgroup: measured on 6.18, 60 MiB for 19,900 held files. */
#define PROC_HELD_FILE_KMEM_BYTES 3072

struct proc_table;

/* NULL with a one-line reason in err when the process table cannot work at all. */
struct proc_table *proc_table_new(const struct proc_table_config *cfg, char *err, size_t errlen);

/* One refresh. t_ms monotonic, now_unix_s wall clock. Returns 0 or -errno when <proc_root>
 * cannot be listed. */
int proc_table_refresh(struct proc_table *t, int64_t t_ms, double now_unix_s);

/* MemTotal and SwapTotal (bytes) before a refresh: oom_score depends on them, so a change
 * makes the refresh re-read every process's (see proc_table.c). */
void proc_table_set_totals(struct proc_table *t, int64_t mem_total_bytes, int64_t swap_total_bytes);

/* Live entries in pid order, then ghosts; valid until the next refresh. */
struct proc_entry **proc_table_live(struct proc_table *t, size_t *n);
struct proc_entry **proc_table_ghosts(struct proc_table *t, size_t *n);

/* The ghost (pid, start_ticks) was killed by the OOM killer: its row says so from now on,
 * and it is the last to be dropped when the ghosts are too many. */
void proc_table_mark_oom_killed(struct proc_table *t, pid_t pid, uint64_t start_ticks);

/* How many /proc files are held open (the rest are read by path), and the fd budget. */
size_t proc_table_held(const struct proc_table *t, size_t *budget);

void proc_table_free(struct proc_table *t);

#endif
