/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/cgroup/value.h"

#include <string.h>

#include "core/base/util.h"
#include "core/model.h"

#define UNLIMITED_FLOOR (INT64_C(1) << 62)

/* memory.max / memory.high (v2, 4.5+):  max        or  1073741824
 * memory.limit_in_bytes (v1):           9223372036854771712  (unlimited) or 33554432 */
int64_t cgroup_value_parse_limit(const char *buf)
{
	const char *p = buf;
	while (*p == ' ' || *p == '\t')
		p++;
	if (strncmp(p, "max", 3) == 0)
		return VAL_UNKNOWN;
	int64_t v;
	if (!util_parse_i64(&p, &v) || v < 0 || v >= UNLIMITED_FLOOR)
		return VAL_UNKNOWN;
	return v;
}

/* memory.events (v2):       low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\noom_group_kill 0
 * memory.oom_control (v1):  oom_kill_disable 0\nunder_oom 0\noom_kill 1
 * (oom_kill in both since 4.13, oom_group_kill since 4.19) */
int64_t cgroup_value_parse_keyed(const char *buf, const char *key)
{
	size_t kl = strlen(key);
	for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, key, kl) == 0 && p[kl] == ' ') {
			const char *q = p + kl;
			int64_t v;
			return util_parse_i64(&q, &v) ? v : VAL_UNKNOWN;
		}
	}
	return VAL_UNKNOWN;
}
