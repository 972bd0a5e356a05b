/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/estimate/cgroup_eta.c — see cgroup_eta.h. */
#include "config.h"
#include "core/estimate/cgroup_eta.h"

#include <math.h>

#include "core/estimate/leak.h"

/* The ETA of row r's working set to its own limit; NAN when it has none, or when the
 * growth over the window is too small to forecast from (see the header). */
static double own_eta(const struct cgroup_row *r, double window_s)
{
	if (!val_known(r->limit_bytes) || !val_known(r->working_set_bytes))
		return NAN;
	double ws = (double)r->working_set_bytes, limit = (double)r->limit_bytes;
	if (ws >= limit)
		return 0.0;
	double grown = r->working_set_slope.per_s * window_s;
	double need = limit * CGROUP_ETA_MIN_GROWTH;
	if (need < CGROUP_ETA_MIN_GROWTH_BYTES)
		need = CGROUP_ETA_MIN_GROWTH_BYTES;
	if (!(grown >= need) || !(r->working_set_slope.fit >= CGROUP_ETA_MIN_FIT))
		return NAN;
	return leak_eta_s(ws, limit, r->working_set_slope);
}

void cgroup_eta_compute(struct cgroup_row *rows, size_t n, double window_s)
{
	for (size_t i = 0; i < n; i++) {
		struct cgroup_row *r = &rows[i];
		int soonest = -1, tightest = -1;
		double best = NAN;
		int64_t tight_limit = 0;
		size_t steps = 0;
		for (int j = (int)i; j >= 0 && (size_t)j < n && steps++ <= n; j = rows[j].parent) {
			const struct cgroup_row *a = &rows[j];
			if (!val_known(a->limit_bytes))
				continue;
			if (tightest < 0 || a->limit_bytes < tight_limit) {
				tightest = j;
				tight_limit = a->limit_bytes;
			}
			double eta = own_eta(a, window_s);
			if (!isnan(eta) && (isnan(best) || eta < best)) {
				best = eta;
				soonest = j;
			}
		}
		r->limited_by = soonest >= 0 ? soonest : tightest;
		r->eta_to_limit_s = best;
	}
}
