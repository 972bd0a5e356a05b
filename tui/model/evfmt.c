/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/model/evfmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static bool same_year(time_t a, double b)
{
	struct tm ta, tb;
	time_t bt = (time_t)b;
	if (isnan(b) || !localtime_r(&a, &ta) || !localtime_r(&bt, &tb))
		return true;
	return ta.tm_year == tb.tm_year;
}

char *evfmt_time(char *buf, size_t n, const struct oom_event *e, double now_unix_s, bool long_form)
{
	if (!isnan(e->time_unix_s)) {
		time_t tt = (time_t)e->time_unix_s;
		struct tm tm;
		size_t len = 0;
		if (localtime_r(&tt, &tm)) {
			if (same_year(tt, now_unix_s))
				len = strftime(buf, n, "%b %d %H:%M:%S", &tm);
			else if (long_form)
				len = strftime(buf, n, "%Y-%m-%d %H:%M:%S", &tm);
			else
				len = strftime(buf, n, "%Y-%m-%d %H:%M", &tm);
		}
		if (len > 0)
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
	if (e->source != OOM_EVENT_SOURCE_KERNEL)
		return "-";
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
	return e->oom_memcg ? e->oom_memcg : e->task_memcg ? e->task_memcg : e->cgroup;
}

const char *evfmt_killer(const struct oom_event *e)
{
	switch (e->source) {
	case OOM_EVENT_SOURCE_KERNEL: return "kernel";
	case OOM_EVENT_SOURCE_SYSTEMD_OOMD: return "oomd";
	case OOM_EVENT_SOURCE_EARLYOOM: return "earlyoom";
	case OOM_EVENT_SOURCE_NOHANG: return "nohang";
	}
	return "?";
}

bool evfmt_cgroup_kill(const struct oom_event *e)
{
	return e->victim_pid <= 0 && e->cgroup;
}

char *evfmt_fit(char *buf, size_t n, const char *name, int w, const char *ell)
{
	size_t len = strlen(name), el = strlen(ell);
	bool ascii = true;
	for (const char *p = name; *p && ascii; p++)
		ascii = *p >= 0x20 && *p < 0x7f; /* one column each */
	if (w < 4 || (int)len <= w || !ascii || n < (size_t)w + el) {
		snprintf(buf, n, "%s", name);
		return buf;
	}
	/* a few characters too many: cut the end ("nas-agent.servi…"); else keep the unit's
	 * type (".scope") or, without one, a third of the width at the end */
	const char *dot = strrchr(name, '.');
	int suffix = dot && dot != name ? (int)strlen(dot) : 0;
	int tail = suffix && suffix <= w / 2 ? suffix : (w - 1) / 3;
	if ((int)len - w < suffix - 1)
		tail = 0;
	int head = w - 1 - tail;
	snprintf(buf, n, "%.*s%s%s", head, name, ell, name + len - (size_t)tail);
	return buf;
}

char *evfmt_describe(char *buf, size_t n, const struct oom_event *e)
{
	size_t len = 0;
#define ADD(...)                                                                         \
	do {                                                                             \
		if (len < n)                                                             \
			len += (size_t)snprintf(buf + len, n - len, __VA_ARGS__);         \
	} while (0)
	buf[0] = '\0';
	ADD("%s kill", oom_event_source_name(e->source));
	if (e->boot_id[0])
		ADD(", boot %.8s%s", e->boot_id, e->earlier_boot ? " (earlier)" : "");
	else if (e->earlier_boot)
		ADD(", an earlier boot");
	if (e->unit)
		ADD(", unit %s", e->unit);
	const char *cg = e->cgroup ? e->cgroup : e->task_memcg;
	if (cg)
		ADD(", cgroup %s", cg);
	if (e->oom_memcg && (!cg || strcmp(e->oom_memcg, cg) != 0))
		ADD(", limit of %s", e->oom_memcg);
	if (e->reason)
		ADD(", %s", e->reason);
#undef ADD
	return buf;
}
