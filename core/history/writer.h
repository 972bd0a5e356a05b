/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/writer.h — the recorder's side of the history: one snapshot at a time into
 * the database, in batches.
 *
 * What a sample writes (docs/history.md): one `sample` row (system memory); for each
 * memory cgroup and each user-space process a value row only when one of its values
 * changed since the last row written for it (an idle process costs nothing); a process's
 * identity row (boot, pid, start_ticks) when it is first met, and its end_t when it is
 * gone; a cgroup's `gone` row when it disappears; each OOM kill once, under the boot it
 * happened in (core/history/events.h: the journal replays earlier boots' kills), and
 * again only when more is known of it (the reaper's verdict, its unit).
 *
 * Batches: the first history_writer_add after a commit begins a transaction, and the
 * samples stay in it until history_writer_commit (the caller decides when: every few
 * minutes, at once after a kill, at exit). A process killed meanwhile loses that batch
 * only: SQLite rolls the open transaction back at the next open.
 *
 * Resuming: a recorder started on an existing history continues it. At the first sample
 * it takes the processes and cgroups the database still has open: those alive again are
 * continued (a process of this boot keeps its identity row), the others are closed at
 * that sample, so the gap while nothing recorded reads as "not sampled", never as
 * "unchanged". Call order: new, (add, ..., commit)*, free. */
#ifndef OOMTOP_HISTORY_WRITER_H
#define OOMTOP_HISTORY_WRITER_H

#include <stddef.h>
#include <stdint.h>

#include "core/history/boot.h"
#include "core/history/store.h"
#include "core/model.h"

/* history_writer_add's flag: this sample saw an OOM kill (a new kill in the kernel log,
 * or the kill counter moved): commit now, so a crash that follows cannot lose it. */
#define HISTORY_WRITER_KILL 1

struct history_writer;

/* A writer on st (opened for recording), for the running boot b, sampling every
 * interval_s: writes the boot and who records (meta: recorder_pid, recorder_started,
 * hostname, interval_s) in a transaction of its own. NULL with a reason in err. */
struct history_writer *history_writer_new(struct history_store *st, const struct history_boot *b, double interval_s,
					  const char *hostname, char *err, size_t errlen);

/* Add one snapshot to the batch. A snapshot in the same second as the previous one, or
 * not later than the newest moment already recorded, is skipped (moments are whole
 * seconds, increasing). Returns flags (HISTORY_WRITER_KILL) or -errno with
 * a reason in err; after an error the batch is rolled back, and the next add starts
 * afresh from what the database holds. */
int history_writer_add(struct history_writer *w, const struct snapshot *s, char *err, size_t errlen);

/* Samples added since the last commit. */
size_t history_writer_pending(const struct history_writer *w);

/* Commit the batch (nothing to do when none is open). 0, or -errno with a reason in err
 * (the batch is then lost: a full disk, an I/O error). */
int history_writer_commit(struct history_writer *w, char *err, size_t errlen);

/* Frees the writer; a batch not committed is rolled back. NULL is fine. */
void history_writer_free(struct history_writer *w);

#endif
