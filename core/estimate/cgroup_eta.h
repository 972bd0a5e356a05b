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
 * Pure: rows in tree order with valid `parent`, working sets, slopes and limits filled.
 */
#ifndef OOMTOP_ESTIMATE_CGROUP_ETA_H
#define OOMTOP_ESTIMATE_CGROUP_ETA_H

#include <stddef.h>

#include "core/model.h"

/* Fills limited_by and eta_to_limit_s of rows[0..n). */
void cgroup_eta_compute(struct cgroup_row *rows, size_t n);

#endif
