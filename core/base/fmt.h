/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/base/fmt.h — numbers for people: sizes, rates per hour, durations and counts, spelled
 * the same in batch text and on the screen ("205M", "+200M/h", "2h05m"). Pure. Each writes
 * into out as snprintf would (at most cap bytes, NUL-terminated) and returns out. Unknown
 * values (VAL_UNKNOWN, NAN) print as "-", never as 0. */
#ifndef OOMTOP_FMT_H
#define OOMTOP_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 1536 → "1.5K", 215040000 → "205M"; at most 5 characters for values < 1000 P.
 * Binary units (K = 1024); plain digits below 1000. */
char *fmt_bytes(char *out, size_t cap, int64_t bytes);

/* A bytes-per-second slope as per hour: 58254.2 → "+200M/h", -1024/3600 → "-1.0K/h".
 * |rate| below half a unit of 1K/h → "0/h". */
char *fmt_bytes_rate_h(char *out, size_t cap, double bytes_per_s);

/* A count-per-second slope as per hour: 5.0 → "+18000/h" → "+18K/h". */
char *fmt_count_rate_h(char *out, size_t cap, double per_s);

/* Seconds as a short duration: 42 → "42s", 2460 → "41m", 7500 → "2h05m", 200000 → "2d07h";
 * negative → "-", above 99 days → ">99d". */
char *fmt_duration(char *out, size_t cap, double s);

/* A count as digits: -1000 → "-1000". */
char *fmt_count(char *out, size_t cap, int64_t v);

/* printf without printf, for the refresh path: what "%.*f" (decimals 0..10) and "%.6g"
 * (1e-4 ≤ |v| < 1e5 only) print for v, written at *pp (at most 32 bytes, no NUL) and *pp
 * advanced. The same bytes as printf in the default rounding mode; false, with nothing
 * written, where they cannot be sure: the caller then uses printf. */
bool fmt_fixed(char **pp, double v, int decimals);
bool fmt_g6(char **pp, double v);

#endif
