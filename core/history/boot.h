/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/boot.h — which boot a recorded process belongs to. A pid and its start
 * time in clock ticks since boot name one process only within one boot, so the history
 * keys processes by (boot, pid, start_ticks), and a boot by the kernel's random boot_id.
 *
 *   /proc/sys/kernel/random/boot_id  "49165800-126b-489a-adaa-35a9a2fbb5c3\n" (2.6.x+),
 *                                     kept without its dashes, as the journal's _BOOT_ID
 *   /proc/stat                        "btime 1764626400" (boot time, unix seconds)
 */
#ifndef OOMTOP_HISTORY_BOOT_H
#define OOMTOP_HISTORY_BOOT_H

#include <stddef.h>
#include <stdint.h>

#include "core/history/store.h"

#define HISTORY_BOOT_ID_MAX 64

struct history_boot {
	char boot_id[HISTORY_BOOT_ID_MAX]; /* the kernel's, or "btime-N" when it has none */
	int64_t btime_unix_s;              /* VAL_UNKNOWN when /proc/stat has none */
};

/* The running boot, from proc_root ("/proc"). 0, or -errno when neither is readable. */
int history_boot_read(const char *proc_root, struct history_boot *out);

/* The boot's row id in st (made when missing and create is set). Returns the id (> 0),
 * 0 when missing and not created, or -EIO. */
int64_t history_boot_row(struct history_store *st, const struct history_boot *b, int create);

#endif
