/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/sys/vmstat.h"

#include <string.h>

#include "core/base/util.h"
#include "core/model.h"

/* /proc/vmstat (oom_kill added in 4.13):
 *   nr_free_pages 5960651
 *   ...
 *   oom_kill 3
 */
int64_t vmstat_parse_oom_kill(const char *buf)
{
	static const char key[] = "oom_kill ";
	for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, key, sizeof(key) - 1) == 0) {
			const char *q = p + sizeof(key) - 1;
			int64_t v;
			return util_parse_i64(&q, &v) ? v : VAL_UNKNOWN;
		}
	}
	return VAL_UNKNOWN;
}
