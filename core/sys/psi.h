/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/sys/psi.h — pressure stall information for memory: /proc/pressure/memory for the
 * system, memory.pressure for a cgroup v2 (same format). Pure.
 *
 *   some avg10=0.00 avg60=0.00 avg300=0.00 total=0
 *   full avg10=0.00 avg60=0.00 avg300=0.00 total=0
 *
 * `some`: time at least one task stalled on memory; `full`: time all non-idle tasks did.
 * avgN are percentages of the last N seconds; total is the cumulated stall time in
 * microseconds since boot (or since the cgroup was made), a counter.
 */
#ifndef OOMTOP_PSI_H
#define OOMTOP_PSI_H

#include <stdint.h>

struct psi_memory {
	double some_avg10, full_avg10;        /* percent; NAN when absent */
	int64_t some_total_us, full_total_us; /* microseconds; VAL_UNKNOWN when absent */
};

/* Fills *out. Returns 0, or -EINVAL when the `some` line or its avg10 is missing; each
 * value is taken from its own line only, and stays unknown when that line lacks it. */
int psi_parse(const char *buf, struct psi_memory *out);

#endif
