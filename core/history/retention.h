/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/retention.h — what the history keeps, and for how long: every sample for a
 * day, then one per minute for a week, then one per ten minutes for 90 days; older rows
 * are pruned, and so are the oldest rows beyond the size cap (64 MiB by default).
 *
 * Downsampling keeps, in each bucket of time, the last sample and, for every process and
 * cgroup, its last value row in the bucket: exactly the values it had at the kept sample
 * (values are stored when they changed; the value at a moment is the newest row at or
 * before it). Pruning before a cutoff keeps, for every process and cgroup still there
 * after it, its newest row at or before the cutoff, so the first kept moment still reads
 * its values. Freed pages go back to the filesystem (incremental auto-vacuum).
 *
 * history_retention_run is meant for the recorder, once in a while (hourly) and at start;
 * it runs in the caller's transaction when one is open (then its work is committed with
 * the batch: one write to the disk), else in its own. */
#ifndef OOMTOP_HISTORY_RETENTION_H
#define OOMTOP_HISTORY_RETENTION_H

#include <stddef.h>
#include <stdint.h>

#include "core/history/store.h"

struct history_retention {
	int64_t full_s;         /* every sample kept this long */
	int64_t mid_s;          /* then one per mid_bucket_s up to this age */
	int64_t mid_bucket_s;
	int64_t keep_s;         /* then one per old_bucket_s up to this age; older pruned */
	int64_t old_bucket_s;
	int64_t max_bytes;      /* the database uses at most this (pages in use) */
};

/* A day, a week at 60 s, 90 days at 600 s, 64 MiB (core/history/size.h). */
void history_retention_defaults(struct history_retention *r);

/* Downsample and prune as of now_unix_s. 0 or -errno with a reason in err. */
int history_retention_run(struct history_store *st, const struct history_retention *r, int64_t now_unix_s, char *err,
			  size_t errlen);

/* The building blocks, for tests: keep one sample per bucket_s in [from, to) (whole
 * buckets: from and to are multiples of bucket_s); prune everything before cutoff. */
int history_retention_downsample(struct history_store *st, int64_t from, int64_t to, int64_t bucket_s);
int history_retention_prune(struct history_store *st, int64_t cutoff);

#endif
