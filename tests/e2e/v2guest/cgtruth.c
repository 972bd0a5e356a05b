/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/e2e/v2guest/cgtruth.c — what the cgroup-v2 files say, beside each of oomtop's
 * refreshes (tests/e2e/v2_guest.sh runs it inside the guest).
 *
 *   oomtop -b -f json ... | cgtruth MOUNT CGROUP... > run.jsonl
 *
 * Copies every line of stdin (one refresh of oomtop's JSON) to stdout and, right after it,
 * reads the files of each CGROUP (a path below the cgroup2 MOUNT, "/nas.slice") and prints
 * them as one more JSON line, so the two are milliseconds apart:
 *
 *   {"truth":{"uptime":U,"oom_kill":N,"cgroups":[{"path":"/nas.slice","current":B,
 *     "max":B|null,"high":B|null,"anon":B,"file":B,"inactive_file":B,"oom_kill":N,
 *     "high_events":N,"max_events":N,"psi_some_avg10":P,"psi_full_avg10":P,"procs":[PID]}]}}
 *
 * uptime is /proc/uptime after the reads, oom_kill the system's (/proc/vmstat). A value
 * that cannot be read is null; "max" in memory.max or memory.high is null too (no limit),
 * as in oomtop's JSON. Exits 0 at the end of stdin, 2 on a bad argument. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *dir, const char *file)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	static char buf[16384];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/* The number after "key " (or "key=") at the start of a line of buf, as JSON text into out
 * ("null" when absent). */
static void keyed(const char *buf, const char *key, char sep, char *out, size_t outlen)
{
	size_t kl = strlen(key);
	snprintf(out, outlen, "null");
	for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (strncmp(p, key, kl) == 0 && p[kl] == sep) {
			size_t n = strspn(p + kl + 1, "0123456789.");
			if (n > 0 && n < outlen)
				snprintf(out, outlen, "%.*s", (int)n, p + kl + 1);
			return;
		}
}

/* A single-value file: its number, "null" for "max" or when unreadable. */
static void value(const char *dir, const char *file, char *out, size_t outlen)
{
	const char *b = slurp(dir, file);
	size_t n = b ? strspn(b, "0123456789") : 0;
	if (n > 0 && n < outlen)
		snprintf(out, outlen, "%.*s", (int)n, b);
	else
		snprintf(out, outlen, "null");
}

/* avg10 of the "some" or "full" line of memory.pressure */
static void psi(const char *buf, const char *line, char *out, size_t outlen)
{
	snprintf(out, outlen, "null");
	if (!buf)
		return;
	for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (strncmp(p, line, strlen(line)) == 0) {
			const char *a = strstr(p, "avg10=");
			size_t n = a ? strspn(a + 6, "0123456789.") : 0;
			if (n > 0 && n < outlen)
				snprintf(out, outlen, "%.*s", (int)n, a + 6);
			return;
		}
}

static void cgroup(const char *mount, const char *path, bool first)
{
	char dir[4096], cur[32], max[32], high[32], anon[32], file[32], inact[32];
	char kills[32], hev[32], mev[32], some[32], full[32];
	snprintf(dir, sizeof(dir), "%s%s", mount, path);
	/* memory.current first and memory.stat right after: the working set pairs them */
	value(dir, "memory.current", cur, sizeof(cur));
	const char *b = slurp(dir, "memory.stat");
	keyed(b ? b : "", "anon", ' ', anon, sizeof(anon));
	keyed(b ? b : "", "file", ' ', file, sizeof(file));
	keyed(b ? b : "", "inactive_file", ' ', inact, sizeof(inact));
	value(dir, "memory.max", max, sizeof(max));
	value(dir, "memory.high", high, sizeof(high));
	b = slurp(dir, "memory.events");
	keyed(b ? b : "", "oom_kill", ' ', kills, sizeof(kills));
	keyed(b ? b : "", "high", ' ', hev, sizeof(hev));
	keyed(b ? b : "", "max", ' ', mev, sizeof(mev));
	b = slurp(dir, "memory.pressure");
	psi(b, "some ", some, sizeof(some));
	psi(b, "full ", full, sizeof(full));
	printf("%s{\"path\":\"%s\",\"current\":%s,\"max\":%s,\"high\":%s,\"anon\":%s,\"file\":%s,"
	       "\"inactive_file\":%s,\"oom_kill\":%s,\"high_events\":%s,\"max_events\":%s,"
	       "\"psi_some_avg10\":%s,\"psi_full_avg10\":%s,\"procs\":[",
	       first ? "" : ",", path, cur, max, high, anon, file, inact, kills, hev, mev, some,
	       full);
	b = slurp(dir, "cgroup.procs");
	for (const char *p = b; p && *p;) {
		size_t n = strspn(p, "0123456789");
		if (n)
			printf("%s%.*s", p == b ? "" : ",", (int)n, p);
		p += n;
		p += strspn(p, "\n");
		if (!n)
			break;
	}
	printf("]}");
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: oomtop -b -f json ... | cgtruth MOUNT CGROUP...\n");
		return 2;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, stdin)) > 0) {
		fwrite(line, 1, (size_t)n, stdout);
		printf("{\"truth\":{\"cgroups\":[");
		for (int i = 2; i < argc; i++)
			cgroup(argv[1], argv[i], i == 2);
		char kills[32], up[32];
		const char *b = slurp("/proc", "vmstat");
		keyed(b ? b : "", "oom_kill", ' ', kills, sizeof(kills));
		b = slurp("/proc", "uptime");
		size_t u = b ? strspn(b, "0123456789.") : 0;
		snprintf(up, sizeof(up), "%.*s", u > 0 && u < sizeof(up) ? (int)u : 4,
		         u > 0 ? b : "null");
		printf("],\"oom_kill\":%s,\"uptime\":%s}}\n", kills, up);
		fflush(stdout);
	}
	free(line);
	return 0;
}
