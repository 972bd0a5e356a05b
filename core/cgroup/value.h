/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/cgroup/value.h — the values of a memory cgroup's files, parsed without I/O: limits
 * (memory.max, memory.high, memory.limit_in_bytes) and keyed files (memory.events,
 * memory.oom_control, memory.stat). */
#ifndef OOMTOP_CGROUP_VALUE_H
#define OOMTOP_CGROUP_VALUE_H

#include <stdint.h>

/* "max", v1's near-2^63 "unlimited", and anything ≥ 2^62 → VAL_UNKNOWN (no limit);
 * a number → that number; garbage → VAL_UNKNOWN. */
int64_t cgroup_value_parse_limit(const char *buf);

/* Value of "key N" in a keyed file (memory.events, memory.oom_control, memory.stat), or
 * VAL_UNKNOWN. */
int64_t cgroup_value_parse_keyed(const char *buf, const char *key);

#endif
