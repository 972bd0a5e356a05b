/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/sys/vmstat.h — /proc/vmstat: the system-wide count of OOM kills. Pure. */
#ifndef OOMTOP_VMSTAT_H
#define OOMTOP_VMSTAT_H

#include <stdint.h>

/* The `oom_kill` counter (kills since boot, 4.13+), or VAL_UNKNOWN when absent. */
int64_t vmstat_parse_oom_kill(const char *buf);

#endif
