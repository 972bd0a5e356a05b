/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/estimate/fd_eta.h — when a process runs out of file descriptors: the time until its
 * open fd count reaches its soft RLIMIT_NOFILE (the next open() fails with EMFILE, "too many
 * open files"), at the slope of the fd count over the leak-rate window. The fd count's
 * ETA is the memory ETA's twin (core/estimate/cgroup_eta.h), with the same need for
 * evidence: the count must have grown over the window by at least FD_ETA_MIN_GROWTH of the
 * limit (and FD_ETA_MIN_GROWTH_FDS), steadily (fit at least FD_ETA_MIN_FIT). A server
 * whose connections come and go, or that opened a handful of files once, has a slope but
 * no forecast: extrapolated to a limit hundreds of fds away it would be noise. Pure. */
#ifndef OOMTOP_ESTIMATE_FD_ETA_H
#define OOMTOP_ESTIMATE_FD_ETA_H

#include <stdint.h>

#include "core/model.h"

#define FD_ETA_MIN_GROWTH 0.01   /* of the limit, over the window */
#define FD_ETA_MIN_GROWTH_FDS 8.0
#define FD_ETA_MIN_FIT 0.5

/* Seconds until fds reaches limit at slope (fds/s) over window_s: 0 at or over the limit;
 * NAN when either count is unknown or the growth is no evidence (see above). */
double fd_eta_s(int64_t fds, int64_t limit, struct slope slope, double window_s);

#endif
