/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/when.h — the TIME of --at, as an operator types it:
 *   ISO 8601   2025-06-01T02:14:00, 2025-06-01 02:14, 2025-06-01 (midnight), with
 *              optional fractions of a second and a zone (Z, +02:00, -0500); without a
 *              zone it is local time
 *   time only  02:14 or 02:14:30: the latest such local time not in the future
 *   @unix      @1748744040 (seconds since the epoch, fractions allowed)
 *   relative   -90s, -2h, -1h30m, -1d, -1w (s m h d w; a bare number is seconds), now
 * Pure apart from the local time zone (mktime/localtime_r). */
#ifndef OOMTOP_HISTORY_WHEN_H
#define OOMTOP_HISTORY_WHEN_H

/* Parse s relative to now_unix_s. 0 with *out in unix seconds, or -EINVAL. */
int history_when_parse(const char *s, double now_unix_s, double *out);

#endif
