#include "config.h"
#include "tui/model/evfmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

char *evfmt_time(char *buf, size_t n, const struct oom_event *e)
{
	if (!isnan(e->time_unix_s)) {
		time_t tt = (time_t)e->time_unix_s;
		struct tm tm;
		if (localtime_r(&tt, &tm) && strftime(buf, n, "%b %d %H:%M:%S", &tm) > 0)
			return buf;
	}
	if (!isnan(e->boot_s))
		snprintf(buf, n, "boot+%.0fs", e->boot_s);
	else
		snprintf(buf, n, "?");
	return buf;
}

const char *evfmt_scope(const struct oom_event *e)
{
	const char *c = e->constraint;
	if (!c)
		return e->oom_memcg ? "memcg" : "?";
	if (strcmp(c, "CONSTRAINT_NONE") == 0)
		return "global";
	if (strcmp(c, "CONSTRAINT_MEMCG") == 0)
		return "memcg";
	if (strcmp(c, "CONSTRAINT_CPUSET") == 0)
		return "cpuset";
	if (strcmp(c, "CONSTRAINT_MEMORY_POLICY") == 0)
		return "mempolicy";
	return "?";
}

const char *evfmt_cgroup(const struct oom_event *e)
{
	return e->oom_memcg ? e->oom_memcg : e->task_memcg;
}
