/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/moment.h — one recorded moment as a snapshot (core/model.h), so every
 * rendering of snapshots (batch text, JSON, Prometheus; later the screen) shows the past
 * as it shows the present: the system, the cgroups present then (in tree order, with
 * their working sets and memory.stat breakdown), the processes alive then, their slopes
 * over the leak-rate window that ended then (from the recorded samples of that window),
 * and what the live collector derives from those by the same code: effective limits, the
 * cgroup ETAs on the working set and limited_by (core/estimate/cgroup_eta.h), the
 * system's ETA on available_bytes, and the next OOM victims (core/estimate/badness.h).
 * What is not recorded is unknown: PSI totals (stall time since boot).
 *
 * What a moment cannot have: ghost rows, the kernel-log events (the kills are in
 * core/history/events.h), notes of the live collector. A process's cgroup is NULL when
 * its cgroup is not in the moment. Strings and arrays belong to the moment until
 * history_moment_free. Cost: one query per process and cgroup of the moment, each
 * streaming its rows of the window (history_series). */
#ifndef OOMTOP_HISTORY_MOMENT_H
#define OOMTOP_HISTORY_MOMENT_H

#include <stddef.h>
#include <stdint.h>

#include "core/history/store.h"
#include "core/model.h"

struct history_moment {
	struct snapshot snap;
	/* owned: the rows the snapshot points at, and their strings */
	struct proc_row *rows;
	size_t nrows;
	struct proc_row **row_ptrs;
	char *hostname;
};

/* The moment t (a recorded sample time: core/history/timeline.h finds one) with slopes
 * over window_s. 0, -ENOENT when t is not a recorded moment, or -errno; *m is then
 * empty (history_moment_free is still fine). */
int history_moment_load(struct history_store *st, int64_t t, double window_s, struct history_moment *m);

void history_moment_free(struct history_moment *m);

#endif
