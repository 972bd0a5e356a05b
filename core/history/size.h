/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/size.h — the history's size cap as an operator types it (--history-size,
 * history_size= in oomtoprc): a size as every oomtop size is read (core/base/scan.h:
 * bytes, or with K, M, G, T; 64M, 64MiB and 64MB alike). Pure: no SQLite here, the
 * settings parser uses it. */
#ifndef OOMTOP_HISTORY_SIZE_H
#define OOMTOP_HISTORY_SIZE_H

#include <stdint.h>

#define HISTORY_SIZE_DEFAULT_BYTES (INT64_C(64) << 20)
#define HISTORY_SIZE_MIN_BYTES (INT64_C(1) << 20)
#define HISTORY_SIZE_MAX_BYTES (INT64_C(1) << 40)

/* s in bytes, from HISTORY_SIZE_MIN_BYTES to _MAX, rounded down to whole KiB (so it is
 * written back exactly as "…K" or "…M"). 0, or -EINVAL. */
int history_size_parse(const char *s, int64_t *bytes);

#endif
