/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/sys/loadavg.h"

#include <string.h>

#include "core/base/util.h"
#include "core/model.h"

/* /proc/loadavg (the running/total field is in every 2.6+ kernel):
 *   0.42 0.35 0.30 2/2085 12381
 */
int64_t loadavg_parse_tasks(const char *buf)
{
	const char *slash = strchr(buf, '/');
	const char *nl = strchr(buf, '\n');
	int64_t v;
	if (!slash || (nl && slash > nl))
		return VAL_UNKNOWN;
	const char *p = slash + 1;
	return util_parse_i64(&p, &v) && v >= 0 ? v : VAL_UNKNOWN;
}
