/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/sys/arcstats.h — the ZFS ARC's size and floor from /proc/spl/kstat/zfs/arcstats
 * (OpenZFS; ZFS on Linux 0.6 on). ZFS's cache lives outside the page cache, so the
 * kernel's MemAvailable does not count it although the ARC shrinks under memory pressure
 * down to c_min: on a ZFS box (TrueNAS SCALE, Proxmox) "available" without it cries wolf.
 * Pure: the file's text in, bytes out. */
#ifndef OOMTOP_SYS_ARCSTATS_H
#define OOMTOP_SYS_ARCSTATS_H

#include <stdint.h>

/* size and c_min in bytes. Returns 0, or -EINVAL when either line is missing. */
int arcstats_parse(const char *buf, int64_t *size_bytes, int64_t *c_min_bytes);

/* What the ARC gives back under pressure: max(0, size - c_min). */
int64_t arcstats_reclaimable(int64_t size_bytes, int64_t c_min_bytes);

#endif
