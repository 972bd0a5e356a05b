/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/estimate/fd_eta.c — see fd_eta.h. */
#include "config.h"
#include "core/estimate/fd_eta.h"

#include <math.h>

#include "core/estimate/leak.h"

double fd_eta_s(int64_t fds, int64_t limit, struct slope slope, double window_s)
{
	if (!val_known(fds) || !val_known(limit) || limit <= 0)
		return NAN;
	if (fds >= limit)
		return 0.0;
	double need = FD_ETA_MIN_GROWTH * (double)limit;
	if (need < FD_ETA_MIN_GROWTH_FDS)
		need = FD_ETA_MIN_GROWTH_FDS;
	if (!(slope.per_s * window_s >= need) || !(slope.fit >= FD_ETA_MIN_FIT))
		return NAN;
	return leak_eta_s((double)fds, (double)limit, slope);
}
