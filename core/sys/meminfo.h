/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/sys/meminfo.h — /proc/meminfo: total, available and swap. Pure. */
#ifndef OOMTOP_MEMINFO_H
#define OOMTOP_MEMINFO_H

#include "core/model.h"

/* Fill mem_total, mem_available (estimated when the kernel has no MemAvailable: sets
 * mem_available_estimated), swap_total, swap_free, in bytes. Returns 0, or -EINVAL when
 * MemTotal is missing. Fields it cannot find are VAL_UNKNOWN. */
int meminfo_parse(const char *buf, struct sys_mem *out);

#endif
