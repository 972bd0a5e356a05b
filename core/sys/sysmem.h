/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/sys/sysmem.h — system-wide memory: the reader that holds /proc/meminfo, /proc/vmstat,
 * /proc/pressure/memory, /proc/uptime and (ZFS) /proc/spl/kstat/zfs/arcstats open and
 * re-reads them with pread each refresh. The parsers are pure, one per file: meminfo.h,
 * vmstat.h, psi.h, arcstats.h (and loadavg.h). available_bytes is MemAvailable plus what
 * the ZFS ARC would give back. */
#ifndef OOMTOP_SYSMEM_H
#define OOMTOP_SYSMEM_H

#include "core/model.h"

struct sysmem_reader;

/* proc_root: "/proc" or a fixture directory. Never fails for missing files: they read as
 * unknown. Returns NULL only when out of memory. */
struct sysmem_reader *sysmem_open(const char *proc_root);
/* Fill the system fields of *out (not slopes, not next victim). Returns 0 or -errno when
 * meminfo could not be read. */
int sysmem_read(struct sysmem_reader *r, struct sys_mem *out, double *uptime_s);
void sysmem_close(struct sysmem_reader *r);

#endif
