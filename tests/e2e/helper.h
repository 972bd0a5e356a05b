/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/e2e/helper.h — what the end-to-end helper programs (leaker, fdopener, sockleak)
 * share: a clock in seconds and the parsing of their non-negative number arguments. */
#ifndef OOMTOP_TESTS_E2E_HELPER_H
#define OOMTOP_TESTS_E2E_HELPER_H

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

/* Clock id's time in seconds (CLOCK_MONOTONIC for rates, CLOCK_REALTIME for a moment). */
static inline double helper_clock_s(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A finite number >= 0 into *out; false (out untouched) otherwise. */
static inline bool helper_parse_nonneg(const char *s, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end || !(v >= 0) || !isfinite(v))
		return false;
	*out = v;
	return true;
}

#endif
