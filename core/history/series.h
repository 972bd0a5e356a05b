/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/series.h — the recorded past of one process, cgroup or the system as leak
 * series (core/estimate/leak.h), over the samples of a window of one boot's recording.
 *
 * Values are stored when they changed, so the value at each sample time is the newest
 * row at or before it; a process counts only between its first sample and its end, a
 * cgroup only while its newest row is not a "gone" row. Each sample time in the window
 * pushes that value, at t × 1000 ms on the wall clock (leak_past.h says how to continue
 * such a series on another clock). Sample times come from `sample`: a stretch the
 * recorder did not run has none, and a gap over a window starts the series afresh.
 *
 * A long window does not need every sample: the sample times are thinned so that those
 * kept are at least window / HISTORY_SERIES_POINTS_PER_WINDOW apart (the newest always
 * kept). At 10 s samples nothing is thinned below a window of 10,000 s; a week-long
 * window reads one sample every ~10 minutes — what oomtop would compute refreshing that
 * often, and what makes loading a week take a tenth of a second, not half a second.
 *
 * Memory: the sample times of the window (8 bytes each) and a few statements; each
 * series is pushed as the rows stream.
 * Call order: history_series_open, any lookups, history_series_close. */
#ifndef OOMTOP_HISTORY_SERIES_H
#define OOMTOP_HISTORY_SERIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/estimate/leak.h"
#include "core/estimate/leak_past.h"
#include "core/history/schema.h"
#include "core/history/store.h"

#define HISTORY_SERIES_POINTS_PER_WINDOW 1000.0

struct history_series {
	struct history_store *st;
	int64_t lo, hi;  /* the window: sample times lo..hi of one boot */
	double window_s; /* the leak-rate window the series are pushed with */
	int64_t *times;  /* the sample times in [lo, hi], ascending */
	size_t ntimes;
	sqlite3_stmt *proc_rows, *cgroup_rows, *system_rows, *proc_last, *cgroup_last;
};

/* The window ending at sample time hi of boot_row, reaching span_s back (the caller's
 * choice: two leak-rate windows hold all but 0.25 % of a slope's weight). 0 or -errno. */
int history_series_open(struct history_series *s, struct history_store *st, int64_t boot_row, int64_t hi,
			double window_s, double span_s);

/* Process proc_id (proc.id), alive for samples first_t <= t < end_t (end_t VAL_UNKNOWN:
 * still). Fills out[LEAK_PAST_PROC_SERIES] (RSS, fds, threads: core/estimate/leak_past.h)
 * and last[HISTORY_SCHEMA_PV_COUNT] (its values at hi, NAN unknown). False when it has none at hi. */
bool history_series_proc(struct history_series *s, int64_t proc_id, int64_t first_t, int64_t end_t,
			 struct leak_series *out, double *last);

/* Cgroup cgroup_id: fills out[LEAK_PAST_CGROUP_SERIES] (usage, working set) and
 * last[HISTORY_SCHEMA_CV_COUNT] (its values at hi, NAN unknown). False when it was not
 * there at hi. */
bool history_series_cgroup(struct history_series *s, int64_t cgroup_id, struct leak_series *out, double *last);

/* The system's available_bytes (MemAvailable + what the ZFS ARC gives back: what the
 * live slope and ETA are computed on) over the window. False when none was recorded. */
bool history_series_system(struct history_series *s, struct leak_series *out);

void history_series_close(struct history_series *s);

#endif
