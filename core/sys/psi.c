/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/sys/psi.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"

/* One line of kind ("some", "full"): its avg10 and total, each looked for on this line
 * only (a `some` line without avg10 must not borrow the `full` line's value). Returns
 * whether avg10 was found. */
static bool psi_line(const char *line, const char *kind, double *avg10, int64_t *total_us)
{
	size_t n = strlen(kind);
	if (strncmp(line, kind, n) != 0 || line[n] != ' ')
		return false;
	const char *eol = strchr(line, '\n');
	size_t len = eol ? (size_t)(eol - line) : strlen(line);
	const char *t = memmem(line, len, " total=", 7);
	if (t && t[7] >= '0' && t[7] <= '9') {
		char *end;
		errno = 0;
		unsigned long long v = strtoull(t + 7, &end, 10);
		if (!errno && v <= INT64_MAX && (end == line + len || *end == ' ' || *end == '\n'))
			*total_us = (int64_t)v;
	}
	const char *a = memmem(line, len, "avg10=", 6);
	if (!a)
		return false;
	char *end;
	double v = strtod(a + 6, &end);
	if (end == a + 6)
		return false;
	*avg10 = v;
	return true;
}

/* /proc/pressure/memory (4.20+, CONFIG_PSI), and cgroup v2 memory.pressure. */
int psi_parse(const char *buf, struct psi_memory *out)
{
	out->some_avg10 = out->full_avg10 = NAN;
	out->some_total_us = out->full_total_us = VAL_UNKNOWN;
	bool some = false;
	for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		some |= psi_line(p, "some", &out->some_avg10, &out->some_total_us);
		psi_line(p, "full", &out->full_avg10, &out->full_total_us);
	}
	return some ? 0 : -EINVAL;
}
