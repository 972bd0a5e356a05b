/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/model.h — the snapshot types, and nothing else.
 *
 * A snapshot is what one refresh saw: the system, every memory cgroup, every process
 * (live rows and ghost rows of processes that exited), and the recent OOM kills.
 * The tui and the batch formats read it as `const`; only core/snapshot.c writes it.
 *
 * Units are in the names: *_bytes, *_s (seconds), *_ms, *_per_s, *_unix_s (seconds since
 * the epoch), *_boot_s (seconds since boot).  Unknown values are VAL_UNKNOWN for integers
 * and NAN for doubles — never 0, because 0 is a real value (0 fds is not "can't tell").
 *
 * Strings (const char *) are owned by the collector and stay valid until the next
 * collector_refresh() or collector_free(); copy them to keep them longer.
 */
#ifndef OOMTOP_MODEL_H
#define OOMTOP_MODEL_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define VAL_UNKNOWN INT64_MIN

static inline bool val_known(int64_t v) { return v != VAL_UNKNOWN; }

/* A slope estimate over the leak-rate window (see core/leak.h). */
struct slope {
	double per_s; /* units of the series per second; NAN until the window says something */
	double fit;   /* 0..1: how well a straight line explains the series (1 = steady); NAN unknown */
};

struct sys_mem {
	int64_t mem_total_bytes;
	int64_t mem_available_bytes;
	bool mem_available_estimated; /* kernel < 3.14 has no MemAvailable: estimated */
	int64_t swap_total_bytes;
	int64_t swap_free_bytes;
	double psi_some_avg10; /* percent; NAN where /proc/pressure/memory is absent */
	double psi_full_avg10;
	int64_t psi_some_total_us, psi_full_total_us; /* its total=: stall time since boot, µs */
	int64_t oom_kills;        /* /proc/vmstat oom_kill since boot; unknown before 4.13 */
	double last_oom_kill_unix_s; /* when the counter last moved, or the newest logged kill; NAN */
	/* ZFS (/proc/spl/kstat/zfs/arcstats): the ARC lives outside MemAvailable although it
	 * shrinks under pressure down to c_min; unknown without ZFS */
	int64_t zfs_arc_size_bytes;
	int64_t zfs_arc_reclaimable_bytes; /* max(0, size - c_min) */
	/* what the kernel can still hand out: MemAvailable + zfs_arc_reclaimable (when known);
	 * the slope and the ETA are computed on it */
	int64_t available_bytes;
	struct slope available;   /* slope of available_bytes (negative = shrinking) */
	double eta_exhaustion_s;  /* seconds until available_bytes reaches 0 at that slope; NAN */
	pid_t next_victim_pid;    /* the global OOM killer's choice now; 0 = unknown */
};

enum proc_state {
	PROC_RUNNING = 0, /* alive at this refresh */
	PROC_EXITED,      /* ghost: gone, kept for a while with its last values */
	PROC_OOM_KILLED,  /* ghost whose pid+comm matches a kernel OOM kill */
};

struct proc_row {
	pid_t pid, ppid;
	uid_t uid;
	const char *user;    /* name, or the uid as text when unknown to NSS */
	const char *comm;    /* kernel comm (≤15 bytes), raw: sanitise before printing */
	const char *cmdline; /* NUL-separated args joined with spaces; "" for kernel threads */
	const char *cgroup;  /* path in the memory hierarchy (same spelling as cgroup_row.path); NULL unknown */
	uint64_t start_ticks;     /* /proc/PID/stat starttime: with pid, the process identity */
	double start_time_unix_s;
	bool kernel_thread;

	int64_t rss_bytes; /* VmRSS */
	int64_t rss_anon_bytes, rss_file_bytes, rss_shmem_bytes; /* RssAnon/RssFile/RssShmem (4.5+) */
	int64_t swap_bytes;     /* VmSwap */
	int64_t pgtables_bytes; /* VmPTE (+VmPMD on 4.0–4.14) */
	int64_t oom_score;      /* /proc/PID/oom_score, 0..2000 */
	int64_t oom_score_adj;  /* -1000..1000 */
	int64_t threads;
	int64_t fds; /* unknown when /proc/PID/fd is unreadable (another user's process) */

	struct slope rss_slope;    /* bytes/s */
	struct slope fd_slope;     /* fds/s */
	struct slope thread_slope; /* threads/s */

	enum proc_state state;
	double exited_unix_s;  /* ghosts: when it was first seen gone; NAN when running */
	int oom_event;         /* index into snapshot.events of its kill, or -1 */
	bool next_victim;      /* the kernel would kill it next in its own scope (cgroup or system) */

	/* soft RLIMIT_NOFILE (/proc/PID/limits "Max open files", read when the process is
	 * first seen and now and then: core/proc/limits.h); unknown when unreadable */
	int64_t fd_limit;
	double fd_eta_s; /* until fds reaches fd_limit at fd_slope (core/estimate/fd_eta.h); NAN */
};

/* What the fds of a process are, from the readlink of /proc/PID/fd/N (core/proc/fdkinds.h):
 * the kinds of the JSON's fd_types, and the anon_inode ones the detail view spells out. */
enum fd_kind {
	FD_KIND_SOCKET, FD_KIND_PIPE, FD_KIND_FILE, FD_KIND_ANON_INODE, FD_KIND_OTHER, FD_KIND_COUNT
};
enum fd_anon {
	FD_ANON_EVENTFD, FD_ANON_EVENTPOLL, FD_ANON_TIMERFD, FD_ANON_SIGNALFD, FD_ANON_INOTIFY,
	FD_ANON_PIDFD, FD_ANON_IO_URING, FD_ANON_OTHER, FD_ANON_COUNT
};

/* One sample of a watched process, for the detail view's plots. */
struct proc_trail_point {
	int64_t t_ms; /* on the snapshot's monotonic clock (t_mono_ms) */
	int64_t rss_bytes, fds, threads;
};

/* The costly fields of one process, read only where asked (the screen's detail view, batch
 * --detail): core/proc/detail.h. */
struct proc_detail {
	/* the row as last seen alive (its strings owned by the detail): what the view shows
	 * once the process has exited and its ghost row is gone */
	struct proc_row row;
	bool exited;          /* gone: every value below is the last one read */
	double exited_unix_s; /* when it was first seen gone; NAN while alive */
	/* smaps_rollup (4.14+; summed from smaps before), bytes; unknown when unreadable */
	int64_t smaps_rss_bytes, pss_bytes, pss_anon_bytes, pss_file_bytes, pss_shmem_bytes; /* anon/file/shmem: 5.7+ */
	int64_t smaps_swap_bytes, swap_pss_bytes;
	/* fds by kind; scaled from a sample when `sampled`; unknown when fd/ is unreadable */
	int64_t fd_kinds[FD_KIND_COUNT];
	int64_t fd_anon[FD_ANON_COUNT]; /* the anon_inode ones, by what they are */
	struct slope fd_kind_slope[FD_KIND_COUNT]; /* fds/s */
	bool sampled;       /* more fds than a refresh reads links of: counts scaled from a sample */
	int64_t fds_listed; /* entries of fd/ at the last read */
	int64_t links_read; /* readlinks done at the last read (at most PROC_DETAIL_MAX_LINKS) */
	int64_t fd_limit_hard; /* hard RLIMIT_NOFILE; unknown */
	/* RSS, fds and threads over the window, oldest first (the screen's watched process;
	 * else none), at most PROC_TRAIL_MAX points */
	const struct proc_trail_point *trail;
	size_t ntrail;
};

struct cgroup_row {
	const char *path; /* "/" or "/system.slice/nas-agent.service": relative to the hierarchy root */
	const char *name; /* readable: "nas-agent.service", "docker 2e088fe462e2" */
	int version;      /* 1 or 2 */
	int depth;        /* 0 for the root */
	int parent;       /* index of the parent row, -1 for the root */

	int64_t usage_bytes; /* v2 memory.current, v1 memory.usage_in_bytes */
	int64_t limit_bytes; /* v2 memory.max, v1 memory.limit_in_bytes; unknown = no limit */
	int64_t high_bytes;  /* v2 memory.high; unknown = none (v1 has none) */
	int64_t effective_limit_bytes; /* tightest limit on the path to the root; unknown = none */
	int64_t swap_bytes;  /* v2 memory.swap.current, v1 memsw.usage - usage */
	int64_t oom_kills;   /* v2 memory.events oom_kill, v1 memory.oom_control oom_kill */
	int64_t high_events; /* v2 memory.events high: times over memory.high (reclaimed, throttled) */
	int64_t max_events;  /* v2 memory.events max: times at memory.max (reclaim before an OOM) */
	bool throttled;      /* over memory.high now, or its `high` count rose since the last refresh */
	double psi_some_avg10, psi_full_avg10; /* v2 memory.pressure; NAN elsewhere */
	int64_t psi_some_total_us, psi_full_total_us; /* its total=, µs; unknown elsewhere */
	int64_t nprocs;      /* processes in this cgroup and below, from the process table */

	/* The breakdown (memory.stat; v1 total_*: this cgroup and below), bytes. The working set
	 * is usage - inactive file, as the kubelet defines it: the page cache the kernel would
	 * reclaim first is left out, so a cgroup full of cache is not "at its limit". */
	int64_t working_set_bytes;
	int64_t anon_bytes, file_bytes, file_inactive_bytes, shmem_bytes;
	int64_t kernel_bytes; /* v2 kernel (or its parts), v1 memory.kmem.usage_in_bytes */
	int64_t sock_bytes;   /* v2 sock, v1 memory.kmem.tcp.usage_in_bytes */

	struct slope usage_slope;       /* bytes/s */
	struct slope working_set_slope; /* bytes/s: the pressure that grows */
	/* The limit that will be hit first: this cgroup's or an ancestor's (the OOM happens where
	 * the limit is hit, at that cgroup's working set and slope). -1 without a limit; with a
	 * limit but no slope yet, the cgroup of the effective (smallest) limit. */
	int limited_by;
	double eta_to_limit_s;    /* until limited_by's working set reaches its limit; NAN */
	pid_t next_victim_pid;    /* the memcg OOM killer's choice in this scope; 0 = unknown/none */
};

struct oom_event; /* core/oom_event.h */

/* Things the operator should know once, not per row: "hidepid: 12 processes hidden". */
#define SNAPSHOT_MAX_NOTES 8

struct snapshot {
	double time_unix_s;
	int64_t t_mono_ms;
	double uptime_s;
	double interval_s;  /* refresh interval asked for */
	double window_s;    /* leak-rate window */
	const char *hostname;
	unsigned long seq;  /* refresh counter, 1 for the first */

	struct sys_mem sys;

	/* live rows then ghosts, in no particular order: the process table's own rows (not
	 * copies: 224 bytes a process less), valid until the next refresh */
	struct proc_row **procs;
	size_t nprocs;
	size_t nkernel_threads; /* included in procs, flagged kernel_thread */
	size_t nhidden;         /* processes the reader could not see (hidepid), when it can tell */

	struct cgroup_row *cgroups; /* parents before children (tree order) */
	size_t ncgroups;
	int cgroup_version;        /* 1, 2, or 0 when no memory controller was found */
	const char *cgroup_mount;  /* where the memory hierarchy is mounted, or NULL */

	const struct oom_event *events; /* recent OOM kills, oldest first (bounded) */
	size_t nevents;
	const char *events_unavailable; /* why the kernel log cannot be read (dmesg_restrict...),
					 * NULL when it is read; then only counters are known */
	int64_t events_replay_done_bytes;  /* a saved log (--kmsg FILE) still being read: bytes */
	int64_t events_replay_total_bytes; /* read and its size; VAL_UNKNOWN otherwise */

	const char *notes[SNAPSHOT_MAX_NOTES];
	size_t nnotes;

	/* the processes whose costly fields were asked for (collector_watch,
	 * collector_detail_top), in no particular order; a watched process stays after it
	 * exited, with its last values */
	const struct proc_detail *const *details;
	size_t ndetails;
};

#endif
