/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/e2e/predict.c — core/badness.c on live processes, without the collector:
 *
 *   predict LIMIT_BYTES CGROUP_PATH PID...
 *
 * Builds a snapshot holding the root cgroup and CGROUP_PATH (limit LIMIT_BYTES), the given
 * processes in it with VmRSS, VmSwap, VmPTE and oom_score_adj from /proc, and MemTotal /
 * SwapTotal from /proc/meminfo; prints the cgroup's next_victim_pid. Exit 0, or 1 when a
 * process could not be read. The end-to-end test compares the answer with the kernel's. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/estimate/badness.h"
#include "core/base/util.h"

/* "VmRSS:\t   14464 kB" → bytes; VAL_UNKNOWN when absent */
static int64_t kb_field(const char *buf, const char *key)
{
	const char *p = strstr(buf, key);
	int64_t v;
	if (!p)
		return VAL_UNKNOWN;
	p += strlen(key);
	return util_parse_i64(&p, &v) ? v * 1024 : VAL_UNKNOWN;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: predict LIMIT_BYTES CGROUP_PATH PID...\n");
		return 2;
	}
	size_t n = (size_t)argc - 3;
	struct proc_row *p = calloc(n, sizeof(*p));
	struct cgroup_row c[2];
	memset(c, 0, sizeof(c));
	c[0].path = "/";
	c[0].parent = -1;
	c[0].limit_bytes = c[0].effective_limit_bytes = VAL_UNKNOWN;
	c[1].path = argv[2];
	c[1].parent = 0;
	c[1].limit_bytes = c[1].effective_limit_bytes = atoll(argv[1]);

	char buf[8192], path[64];
	for (size_t i = 0; i < n; i++) {
		p[i].pid = atoi(argv[3 + i]);
		p[i].cgroup = argv[2];
		p[i].state = PROC_RUNNING;
		snprintf(path, sizeof(path), "/proc/%d/status", (int)p[i].pid);
		if (util_read_file(path, buf, sizeof(buf)) < 0) {
			perror(path);
			return 1;
		}
		p[i].rss_bytes = kb_field(buf, "VmRSS:");
		p[i].swap_bytes = kb_field(buf, "VmSwap:");
		p[i].pgtables_bytes = kb_field(buf, "VmPTE:");
		snprintf(path, sizeof(path), "/proc/%d/oom_score_adj", (int)p[i].pid);
		const char *q = buf;
		int64_t adj;
		if (util_read_file(path, buf, sizeof(buf)) < 0 || !util_parse_i64(&q, &adj)) {
			perror(path);
			return 1;
		}
		p[i].oom_score_adj = adj;
		/* start order = argument order: later arguments win ties, like later-started */
		p[i].start_ticks = i;
	}
	struct snapshot s;
	memset(&s, 0, sizeof(s));
	if (util_read_file("/proc/meminfo", buf, sizeof(buf)) < 0)
		return 1;
	s.sys.mem_total_bytes = kb_field(buf, "MemTotal:");
	s.sys.swap_total_bytes = kb_field(buf, "SwapTotal:");
	struct proc_row **ptrs = calloc(n ? n : 1, sizeof(*ptrs));
	if (!ptrs)
		return 1;
	for (size_t i = 0; i < n; i++)
		ptrs[i] = &p[i];
	s.procs = ptrs;
	s.nprocs = n;
	s.cgroups = c;
	s.ncgroups = 2;
	if (badness_mark_victims(&s) != 0)
		return 1;
	printf("%d\n", (int)c[1].next_victim_pid);
	free(ptrs);
	free(p);
	return 0;
}
