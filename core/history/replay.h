/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/replay.h — a recording as the collector's recorded past
 * (core/estimate/leak_past.h): loaded once at start, it gives every process, cgroup and
 * the system that were there at the recording's newest moment their leak series of the
 * window that ended then, so the collector's first snapshot has their rates and ETAs.
 *
 * Only the running boot's processes (a pid and start time name a process within one
 * boot), and only when the newest moment is at most one window old: a series whose
 * newest sample is older than a window says nothing any more (core/estimate/leak.h).
 * Memory: about 200 bytes per process and 140 per cgroup; freed by the collector (through
 * leak_past.release) after its first refresh. */
#ifndef OOMTOP_HISTORY_REPLAY_H
#define OOMTOP_HISTORY_REPLAY_H

#include <stddef.h>
#include <stdint.h>

#include "core/estimate/leak_past.h"
#include "core/history/boot.h"
#include "core/history/store.h"

struct history_replay;

/* Load from st for the running boot at now_unix_s, for leak-rate window window_s. An
 * empty past (nothing recent of this boot) is not an error. 0 or -errno. */
int history_replay_load(struct history_store *st, const struct history_boot *boot, double now_unix_s,
			double window_s, struct history_replay **out);

/* The interface to hand to the collector (collector_config.past); its release frees r. */
const struct leak_past *history_replay_past(struct history_replay *r);

/* How many processes and cgroups have a past, and the recorded moment it ends at (0 when
 * empty). */
size_t history_replay_processes(const struct history_replay *r);
size_t history_replay_cgroups(const struct history_replay *r);
int64_t history_replay_moment(const struct history_replay *r);

/* Frees r (when it was not handed to a collector). NULL is fine. */
void history_replay_free(struct history_replay *r);

#endif
