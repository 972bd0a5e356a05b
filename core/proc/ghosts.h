/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/ghosts.h — processes that exited, kept with their last values for a while so
 * the operator sees what was there (an OOM victim above all).
 *
 * Bounded: at most PROC_GHOSTS_MAX, oldest first; when full, the oldest that was not
 * OOM-killed makes room (all OOM-killed: the oldest), so plain exits under churn never
 * push out the victim someone is looking for. A ghost expires ttl_s after its exit.
 * No I/O: an entry's held files are closed before it becomes a ghost. */
#ifndef OOMTOP_PROC_GHOSTS_H
#define OOMTOP_PROC_GHOSTS_H

#include <stddef.h>
#include <sys/types.h>

#include "core/proc/entry.h"

#define PROC_GHOSTS_MAX 256

/* Zero-initialised is empty. */
struct proc_ghosts {
	struct proc_entry **v; /* oldest first */
	size_t n;
};

/* e (its held files closed) exited at now_unix_s: marked so, and kept. Takes e (freed at
 * once when out of memory). */
void proc_ghosts_add(struct proc_ghosts *g, struct proc_entry *e, double now_unix_s);

/* Frees the ghosts that exited more than ttl_s before now_unix_s. */
void proc_ghosts_expire(struct proc_ghosts *g, double now_unix_s, double ttl_s);

/* The ghost (pid, start_ticks), if any, was OOM-killed: its row says so from now on and
 * it is the last to make room. */
void proc_ghosts_mark_oom_killed(struct proc_ghosts *g, pid_t pid, uint64_t start_ticks);

/* Frees every ghost; g is empty again. */
void proc_ghosts_free(struct proc_ghosts *g);

#endif
