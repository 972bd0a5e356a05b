/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/estimate/cgroup_eta.h — which limit a cgroup runs into first, and when.
 *
 * A memory cgroup is OOM-killed where a limit is hit: its own memory.max, or an
 * ancestor's — and an ancestor's limit is hit by the ancestor's working set (all its
 * children together), growing at the ancestor's slope. So for each row, every cgroup on
 * its path to the root that has a limit is a candidate, each with the ETA of its own
 * working set to its own limit; the soonest wins and is `limited_by`. A child without a
 * limit of its own gets its parent's ETA, not its own usage against its parent's limit.
 * Without any ETA (no slope yet, shrinking), limited_by is the cgroup of the effective
 * (smallest) limit on the path, and the ETA unknown; 0 when a working set is at its limit.
 *
 * A forecast needs evidence: the working set must have grown, over the leak-rate window,
 * by at least CGROUP_ETA_MIN_GROWTH of the limit (and 1 MiB), and steadily — a straight
 * line explaining at least CGROUP_ETA_MIN_FIT of its variance. Smaller or erratic
 * movements are the page cache's pages moving between the LRU lists, or a process
 * settling; extrapolated to a limit a hundred times further away they are noise, not a
 * leak (a cgroup streaming a file through its cache showed 1-3 MiB of working-set jitter,
 * fit 0.13, and an ETA of 74 min). The slope itself is still shown.
 * Pure: rows in tree order with valid `parent`, working sets, slopes and limits filled.
 */
#ifndef OOMTOP_ESTIMATE_CGROUP_ETA_H
#define OOMTOP_ESTIMATE_CGROUP_ETA_H

#include <stddef.h>

#include "core/model.h"

#define CGROUP_ETA_MIN_GROWTH 0.01        /* of the limit, over the window */
#define CGROUP_ETA_MIN_FIT 0.5
#define CGROUP_ETA_MIN_GROWTH_BYTES 1048576.0

/* Fills limited_by and eta_to_limit_s of rows[0..n). window_s: the leak-rate window. */
void cgroup_eta_compute(struct cgroup_row *rows, size_t n, double window_s);

#endif
