/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/cgroups.h — the recorder's memory cgroups (part of core/history/writer.h):
 * which are present and what was last written for each (every value the live row shows:
 * usage, working set and the memory.stat breakdown, limits, events, throttling, PSI), so
 * a sample writes a cgroup_value row only for a cgroup that is new or whose values
 * changed, and a `gone` row for one that disappeared. A cgroup is its path: one that
 * comes back continues its row of `cgroup`. Runs inside the writer's transaction; errors
 * roll the batch back, and then history_cgroups_forget and history_cgroups_resume start
 * afresh. */
#ifndef OOMTOP_HISTORY_CGROUPS_H
#define OOMTOP_HISTORY_CGROUPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/history/store.h"
#include "core/model.h"

struct history_cgroups;

/* NULL when out of memory or the statements cannot be prepared. */
struct history_cgroups *history_cgroups_new(struct history_store *st);

/* Take the cgroups the database has present (newest row not `gone`), with their values. */
bool history_cgroups_resume(struct history_cgroups *c);

/* Write the snapshot's cgroups at sample time t. False on a database error. */
bool history_cgroups_put(struct history_cgroups *c, const struct snapshot *s, int64_t t);

/* The id (cgroup.id) of a path present at the last put, or VAL_UNKNOWN. O(log n). */
int64_t history_cgroups_id(const struct history_cgroups *c, const char *path);

/* Set r's recorded values (all but its slopes and what a snapshot derives: effective
 * limit, limited_by, ETA, nprocs, next victim) from v[HISTORY_SCHEMA_CV_COUNT], a
 * cgroup_value row's columns as read back (NAN: NULL, unknown). PSI totals are not
 * recorded: unknown. */
void history_cgroups_apply(struct cgroup_row *r, const double *v);

/* Forget what was last written (after a rolled-back batch). */
void history_cgroups_forget(struct history_cgroups *c);

void history_cgroups_free(struct history_cgroups *c);

#endif
