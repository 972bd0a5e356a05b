/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/size.c — see size.h. */
#include "config.h"
#include "core/history/size.h"

#include <errno.h>

#include "core/base/scan.h"

int history_size_parse(const char *s, int64_t *bytes)
{
	uint64_t v;
	if (!s || !scan_size(s, (uint64_t)HISTORY_SIZE_MAX_BYTES, &v) || v < (uint64_t)HISTORY_SIZE_MIN_BYTES)
		return -EINVAL;
	*bytes = (int64_t)(v / 1024 * 1024); /* whole KiB: it is written back as such */
	return 0;
}
