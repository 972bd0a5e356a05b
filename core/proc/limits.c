/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/limits.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/base/scan.h"
#include "core/base/util.h"
#include "core/model.h"

/* One value column: "unlimited" or a decimal (saturating: a number past INT64_MAX, as the
 * 18446744073708503040 of some locked-memory limits, is unknown). */
static bool value(const char **pp, const char *end, int64_t *out)
{
	const char *p = scan_blanks(*pp, end);
	uint64_t v;
	if (scan_lit(&p, end, "unlimited")) {
		*out = PROC_LIMITS_UNLIMITED;
	} else if (scan_u64(&p, end, &v)) {
		*out = v <= (uint64_t)INT64_MAX - 1 ? (int64_t)v : VAL_UNKNOWN;
	} else {
		return false;
	}
	if (p < end && *p != ' ' && *p != '\t')
		return false; /* "12ab": not a value */
	*pp = p;
	return true;
}

/* /proc/PID/limits (fs/proc/base.c proc_pid_limits, unchanged since 2.6.24; 6.18 here):
 *   Limit                     Soft Limit           Hard Limit           Units
 *   ...
 *   Max open files            1024                 524288               files
 *   ...
 * Each line is "%-25s %-20s %-20s %-10s": the name padded to 25 columns, the soft and hard
 * values (a number or "unlimited"), the unit. */
int proc_limits_parse(const char *buf, struct proc_limits *out)
{
	static const char key[] = "Max open files";
	out->nofile_soft = out->nofile_hard = VAL_UNKNOWN;
	for (const char *line = buf; *line;) {
		const char *end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		const char *p = line;
		if (scan_lit(&p, end, key) && p < end && (*p == ' ' || *p == '\t')) {
			int64_t soft, hard;
			if (!value(&p, end, &soft) || !value(&p, end, &hard))
				return -EINVAL;
			out->nofile_soft = soft;
			out->nofile_hard = hard;
			return 0;
		}
		line = *end ? end + 1 : end;
	}
	return -EINVAL;
}

int proc_limits_read(int proc_fd, pid_t pid, struct proc_limits *out)
{
	char path[32], buf[4096];
	out->nofile_soft = out->nofile_hard = VAL_UNKNOWN;
	snprintf(path, sizeof(path), "%d/limits", (int)pid);
	ssize_t n = util_read_file_at(proc_fd, path, buf, sizeof(buf));
	if (n < 0)
		return (int)n;
	return proc_limits_parse(buf, out);
}

bool proc_limits_due(int64_t fds, int64_t limit, unsigned long seq, pid_t pid)
{
	if (!val_known(limit))
		return true;
	if (val_known(fds) && (double)fds >= PROC_LIMITS_NEAR * (double)limit)
		return true;
	return (seq + (unsigned long)pid) % PROC_LIMITS_EVERY == 0;
}

int64_t proc_limits_fd_limit(const struct proc_limits *l)
{
	return l->nofile_soft == PROC_LIMITS_UNLIMITED ? VAL_UNKNOWN : l->nofile_soft;
}
