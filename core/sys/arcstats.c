/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/sys/arcstats.c — see arcstats.h.
 *
 * The file is a kstat: a header line, a column line, then one "name type data" line per
 * counter (type 4 is a 64-bit unsigned number), e.g. (OpenZFS 2.1):
 *   13 1 0x01 123 33456 6386386484 1234567890123
 *   name                            type data
 *   hits                            4    1079349
 *   c_min                           4    257949696
 *   size                            4    1342574144
 */
#include "config.h"
#include "core/sys/arcstats.h"

#include <errno.h>
#include <string.h>

#include "core/base/util.h"
#include "core/model.h"

/* The data column of the line named `key`, or VAL_UNKNOWN. */
static int64_t kstat_value(const char *buf, const char *key)
{
	size_t kl = strlen(key);
	for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, key, kl) != 0 || (p[kl] != ' ' && p[kl] != '\t'))
			continue;
		const char *q = p + kl;
		int64_t type, v;
		if (util_parse_i64(&q, &type) && util_parse_i64(&q, &v) && v >= 0)
			return v;
		return VAL_UNKNOWN;
	}
	return VAL_UNKNOWN;
}

int arcstats_parse(const char *buf, int64_t *size_bytes, int64_t *c_min_bytes)
{
	*size_bytes = kstat_value(buf, "size");
	*c_min_bytes = kstat_value(buf, "c_min");
	return val_known(*size_bytes) && val_known(*c_min_bytes) ? 0 : -EINVAL;
}

int64_t arcstats_reclaimable(int64_t size_bytes, int64_t c_min_bytes)
{
	if (!val_known(size_bytes) || !val_known(c_min_bytes))
		return VAL_UNKNOWN;
	return size_bytes > c_min_bytes ? size_bytes - c_min_bytes : 0;
}
