/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/collector.h — the collector: one call per refresh turns the machine's state into a
 * `struct snapshot` (core/model.h).
 *
 * Call order: collector_new() once; collector_refresh() per tick; collector_snapshot()
 * any time after the first refresh (the pointer and every string in it stay valid until
 * the next collector_refresh() or collector_free()); collector_free() at the end.
 * Never exits, never prints: problems become snapshot notes or a -errno return.
 */
#ifndef OOMTOP_COLLECTOR_H
#define OOMTOP_COLLECTOR_H

#include "core/model.h"
#include "core/proc/filter.h"
#include "core/proc/sort.h"

struct proc_identity_reader; /* core/proc/identity.h */
struct leak_past;            /* core/estimate/leak_past.h */
struct proc_trail_source;    /* core/proc/detail.h */

/* Where a refresh takes its time from: tests supply their own. */
struct collector_clock {
	int64_t (*mono_ms)(void *ctx); /* monotonic milliseconds */
	double (*unix_s)(void *ctx);   /* wall clock, seconds since the epoch */
	void *ctx;
};

struct collector_config {
	const char *proc_root;   /* "/proc" unless a test points elsewhere */
	const char *cgroup_root; /* memory hierarchy mount; NULL = discover (libcgroup + mountinfo) */
	int cgroup_version;      /* with cgroup_root: 1 or 2 */
	double interval_s;       /* refresh interval asked for (reported in the snapshot) */
	double window_s;         /* leak-rate window */
	double ghost_ttl_s;      /* how long an exited process stays as a ghost row */
	bool follow_kmsg;        /* read OOM events (the journal, else the kernel log) as well */
	const char *kmsg_path;   /* with follow_kmsg: a saved kernel log; NULL = the journal when
				  * readable, else /dev/kmsg, else klogctl (core/klog/oom_source.h) */
	bool journal;            /* --journal: the journal only */
	const char *journal_path; /* with journal: journal files or a directory; NULL the system's */
	uint64_t held_kmem_bytes; /* kernel memory held /proc files may pin (core/proc/held.h);
	                          * 0 holds none; at most 1/16 of oomtop's own memory limit */
	bool one_shot;           /* one refresh only (-n 1): nothing read for later ones;
				  * ignored with a past (below), whose rates that refresh shows */
	const char *extra_note;  /* NULL, or one line added to every snapshot's notes (copied):
	                          * what main learnt at start (core/selfprotect.h) */
	struct proc_identity_reader *identity; /* NULL: libproc2 on the live /proc (one-shot:
						* oomtop's own reader); else the
						* caller's (a fixture reader in tests), used by
						* the collector until collector_free */
	const struct collector_clock *clock;    /* NULL: util_mono_ms and util_now_unix_s;
						 * else the caller's, outliving the collector */
	const struct leak_past *past; /* NULL, or what was recorded before (a recording,
				       * core/history/replay.h): the processes, cgroups and
				       * system met at the first refresh continue their recorded
				       * leak series, so rates and ETAs are in the first snapshot.
				       * Used during the first refresh only; then the collector
				       * calls past->release, exactly once: also from
				       * collector_free when no refresh came, and when
				       * collector_new fails. The caller keeps it alive until then. */
};

/* Defaults: /proc, discovery, 1 s, 300 s window, 60 s ghosts, PROC_HELD_KMEM_DEFAULT_BYTES
 * for held files, OOM kills followed, libproc2, the system clocks, no recorded past. */
void collector_config_defaults(struct collector_config *cfg);

struct collector;

/* Returns NULL with a message in err (one line) when it cannot start at all. */
struct collector *collector_new(const struct collector_config *cfg, char *err, size_t errlen);

/* Collect one snapshot. Returns 0, or -errno when /proc itself could not be read. */
int collector_refresh(struct collector *c);

const struct snapshot *collector_snapshot(const struct collector *c);

/* File descriptor that becomes readable when the kill source has something new (or -1):
 * any journal write, any kernel record, not only kills. The screen polls it next to the
 * keyboard and then calls collector_wake() ... */
int collector_event_fd(const struct collector *c);

/* ... which reads what came without changing the snapshot (it goes into the next
 * refresh) and says whether the next refresh has news of a kill: 1 (refresh soon, the
 * kill shows up before the next tick), 0 (nothing about kills: wait for the tick), or
 * -errno. After a refresh it says whether a kill read is still waiting to come out (the
 * journal holds one a moment): then refresh again soon. */
int collector_wake(struct collector *c);

/* The costly fields of one process (snapshot.details, core/proc/detail.h: smaps_rollup, the
 * kind of every fd, a trail of samples to plot) from the next refresh on, for the screen's
 * detail view; it stays in the snapshot with its last values after the process exits.
 * pid 0: none. Returns 0 or -ENOMEM. */
int collector_watch(struct collector *c, pid_t pid, uint64_t start_ticks);

/* Batch --detail: the same fields, without a trail, at each refresh for the first `top`
 * running processes filter selects (NULL: all) in the sort order (core/proc/detail.h,
 * proc_details_top). filter must outlive the collector. */
void collector_detail_top(struct collector *c, const struct proc_filter *filter, enum sort_key sort, bool reverse,
			  size_t top);

/* Where the watched process's trail starts from (a recording: core/history/trail.h), or
 * NULL. src must outlive the collector. */
void collector_trail_source(struct collector *c, const struct proc_trail_source *src);

void collector_free(struct collector *c);

#endif
