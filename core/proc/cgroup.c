/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/cgroup.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>

static bool list_has(const char *list, size_t len, const char *word)
{
	size_t wl = strlen(word);
	const char *p = list, *end = list + len;
	while (p < end) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *e = comma ? comma : end;
		if ((size_t)(e - p) == wl && memcmp(p, word, wl) == 0)
			return true;
		p = e + 1;
	}
	return false;
}

/* /proc/PID/cgroup — v1 and hybrid (one line per hierarchy), v2 (one "0::" line):
 *   4:memory:/process_api/e28b193a97dbf141ed54dc4bc764cbbf
 *   3:cpu,cpuacct:/
 *   0::/system.slice/nas-agent.service
 * In a cgroup namespace the paths are relative to the namespace root ("/" inside).
 */
int proc_cgroup_parse(const char *buf, int version, char *out, size_t cap)
{
	for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		const char *c1 = strchr(p, ':');
		const char *nl = strchr(p, '\n');
		if (!c1 || (nl && c1 > nl))
			continue;
		const char *c2 = strchr(c1 + 1, ':');
		if (!c2 || (nl && c2 > nl))
			continue;
		bool match;
		if (version == 2)
			match = (c1 - p == 1 && p[0] == '0' && c2 == c1 + 1);
		else
			match = list_has(c1 + 1, (size_t)(c2 - c1 - 1), "memory");
		if (!match)
			continue;
		const char *path = c2 + 1;
		size_t n = nl ? (size_t)(nl - path) : strlen(path);
		if (n + 1 > cap)
			return -ENAMETOOLONG;
		memcpy(out, path, n);
		out[n] = '\0';
		return 0;
	}
	return -ENOENT;
}
