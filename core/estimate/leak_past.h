/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/estimate/leak_past.h — what was recorded before this run, as leak series: the
 * collector asks it when it first meets a process, a cgroup or the system, and continues
 * the series it gets instead of starting empty, so a leak rate is there at the first
 * refresh. core/history/replay.h provides one from a recording; tests their own.
 *
 * Series come on the wall clock: sample times are unix milliseconds. The caller moves
 * them to its own clock with leak_shift(s, leak_past_shift_ms(now_ms, now_unix_s)).
 * Identity: a process is (pid, start_ticks) of the running boot — the provider answers
 * only for processes of this boot; a cgroup is its path in the memory hierarchy.
 *
 * Call order: any number of lookups, then release() once (may be NULL) when the caller
 * no longer needs it; the lookups must not be called after. */
#ifndef OOMTOP_LEAK_PAST_H
#define OOMTOP_LEAK_PAST_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/estimate/leak.h"

/* The series of one process, in this order. */
enum leak_past_proc_series { LEAK_PAST_RSS, LEAK_PAST_FDS, LEAK_PAST_THREADS, LEAK_PAST_PROC_SERIES };

/* The series of one cgroup, in this order: usage, and the working set (usage - inactive
 * file), which the cgroup's ETA is computed on (core/estimate/cgroup_eta.h). */
enum leak_past_cgroup_series { LEAK_PAST_USAGE, LEAK_PAST_WORKING_SET, LEAK_PAST_CGROUP_SERIES };

struct leak_past {
	/* Fills out[LEAK_PAST_PROC_SERIES] (RSS bytes, open fds, threads) and returns true
	 * when the process was recorded; false leaves out alone. */
	bool (*proc)(void *ctx, pid_t pid, uint64_t start_ticks, struct leak_series *out);
	/* Fills out[LEAK_PAST_CGROUP_SERIES] (usage and working set, bytes) and returns true
	 * when the cgroup was recorded; false leaves out alone. */
	bool (*cgroup)(void *ctx, const char *path, struct leak_series *out);
	/* The system's available bytes (snapshot sys.available_bytes); false when not recorded. */
	bool (*system)(void *ctx, struct leak_series *out);
	void (*release)(void *ctx);
	void *ctx;
};

/* The shift from the wall clock in ms to a clock that reads now_ms at wall time now_unix_s. */
static inline int64_t leak_past_shift_ms(int64_t now_ms, double now_unix_s)
{
	return now_ms - (int64_t)llround(now_unix_s * 1000.0);
}

#endif
