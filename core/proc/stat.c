/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/stat.h"

#include <errno.h>
#include <string.h>

#include "core/base/util.h"

/* /proc/PID/stat (fields after the comm are space-separated; starttime, field 22, counts
 * clock ticks since 2.6, jiffies before):
 *   2473 (python3) R 2470 2473 2470 0 -1 4194304 ... 0 0 20 0 1 0 6800288 43278336 ...
 * The comm sits between the first '(' and the LAST ')': it may hold spaces and parens.
 */
int proc_stat_parse(const char *buf, struct proc_stat *out)
{
	const char *open = strchr(buf, '(');
	const char *close = strrchr(buf, ')');
	if (!open || !close || close < open || close[1] != ' ')
		return -EINVAL;
	size_t n = (size_t)(close - open - 1);
	if (n >= sizeof(out->comm))
		n = sizeof(out->comm) - 1;
	memcpy(out->comm, open + 1, n);
	out->comm[n] = '\0';
	const char *p = close + 2;
	out->state = *p;
	/* fields from 3 (state) on; we want 4 ppid, 9 flags, 22 starttime */
	int field = 3;
	int64_t v;
	while (*p && field < 22) {
		p = strchr(p, ' ');
		if (!p)
			return -EINVAL;
		p++;
		field++;
		if (field == 4 || field == 9 || field == 22) {
			const char *q = p;
			if (!util_parse_i64(&q, &v))
				return -EINVAL;
			if (field == 4)
				out->ppid = (pid_t)v;
			else if (field == 9)
				out->flags = (unsigned long)v;
			else
				out->start_ticks = (uint64_t)v;
		}
	}
	return field == 22 ? 0 : -EINVAL;
}
