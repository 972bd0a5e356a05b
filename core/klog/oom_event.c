/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/oom_event.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *const source_names[OOM_EVENT_SOURCES] = {
	[OOM_EVENT_SOURCE_KERNEL] = "kernel",
	[OOM_EVENT_SOURCE_SYSTEMD_OOMD] = "systemd-oomd",
	[OOM_EVENT_SOURCE_EARLYOOM] = "earlyoom",
	[OOM_EVENT_SOURCE_NOHANG] = "nohang",
};

const char *oom_event_source_name(enum oom_event_source s)
{
	return (unsigned)s < OOM_EVENT_SOURCES ? source_names[s] : "kernel";
}

void oom_event_init(struct oom_event *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->boot_s = NAN;
	ev->time_unix_s = NAN;
	ev->victim_uid = VAL_UNKNOWN;
	ev->total_vm_kb = ev->anon_rss_kb = ev->file_rss_kb = VAL_UNKNOWN;
	ev->shmem_rss_kb = ev->pgtables_kb = VAL_UNKNOWN;
	ev->oom_score_adj = VAL_UNKNOWN;
	ev->order = VAL_UNKNOWN;
	ev->reaped = -1;
	ev->page_bytes = VAL_UNKNOWN;
	ev->tasks_omitted = VAL_UNKNOWN;
}

void oom_event_drop_details(struct oom_event *ev)
{
	for (size_t i = 0; i < ev->ntasks; i++)
		free(ev->tasks[i].name);
	free(ev->tasks);
	ev->tasks = NULL;
	ev->ntasks = 0;
	for (size_t i = 0; i < ev->nraw_lines; i++)
		free(ev->raw_lines[i]);
	free(ev->raw_lines);
	ev->raw_lines = NULL;
	ev->nraw_lines = 0;
	for (size_t i = 0; i < ev->nunit_msgs; i++)
		free(ev->unit_msgs[i].text);
	free(ev->unit_msgs);
	ev->unit_msgs = NULL;
	ev->nunit_msgs = 0;
}

void oom_event_free(struct oom_event *ev)
{
	oom_event_drop_details(ev);
	free(ev->victim_comm);
	free(ev->constraint);
	free(ev->oom_memcg);
	free(ev->task_memcg);
	free(ev->invoker_comm);
	free(ev->gfp_mask);
	free(ev->unit);
	free(ev->cgroup);
	free(ev->reason);
	oom_event_init(ev);
}

static bool dup_str(char **dst, const char *src)
{
	*dst = NULL;
	if (!src)
		return true;
	*dst = strdup(src);
	return *dst != NULL;
}

int oom_event_set_str(char **dst, const char *src)
{
	char *copy = NULL;
	if (!dup_str(&copy, src))
		return -ENOMEM;
	free(*dst);
	*dst = copy;
	return 0;
}

int oom_event_add_unit_msg(struct oom_event *ev, double time_unix_s, const char *text)
{
	if (ev->nunit_msgs >= OOM_EVENT_UNIT_MSGS_MAX)
		return 0;
	struct oom_event_msg *m = realloc(ev->unit_msgs, (ev->nunit_msgs + 1) * sizeof(*m));
	if (!m)
		return -ENOMEM;
	ev->unit_msgs = m;
	char *copy = strdup(text ? text : "");
	if (!copy)
		return -ENOMEM;
	m[ev->nunit_msgs++] = (struct oom_event_msg){time_unix_s, copy};
	return 0;
}

int oom_event_copy(struct oom_event *dst, const struct oom_event *src)
{
	*dst = *src;
	dst->victim_comm = dst->constraint = dst->oom_memcg = dst->task_memcg = NULL;
	dst->invoker_comm = dst->gfp_mask = NULL;
	dst->unit = dst->cgroup = dst->reason = NULL;
	dst->tasks = NULL;
	dst->raw_lines = NULL;
	dst->unit_msgs = NULL;
	dst->ntasks = dst->nraw_lines = dst->nunit_msgs = 0;
	bool ok = dup_str(&dst->victim_comm, src->victim_comm) &&
		  dup_str(&dst->constraint, src->constraint) &&
		  dup_str(&dst->oom_memcg, src->oom_memcg) &&
		  dup_str(&dst->task_memcg, src->task_memcg) &&
		  dup_str(&dst->invoker_comm, src->invoker_comm) &&
		  dup_str(&dst->gfp_mask, src->gfp_mask) && dup_str(&dst->unit, src->unit) &&
		  dup_str(&dst->cgroup, src->cgroup) && dup_str(&dst->reason, src->reason);
	if (ok && src->ntasks) {
		dst->tasks = calloc(src->ntasks, sizeof(*dst->tasks));
		ok = dst->tasks != NULL;
		for (size_t i = 0; ok && i < src->ntasks; i++) {
			dst->tasks[i] = src->tasks[i];
			ok = dup_str(&dst->tasks[i].name, src->tasks[i].name);
			dst->ntasks = i + 1;
		}
	}
	if (ok && src->nraw_lines) {
		dst->raw_lines = calloc(src->nraw_lines, sizeof(*dst->raw_lines));
		ok = dst->raw_lines != NULL;
		for (size_t i = 0; ok && i < src->nraw_lines; i++) {
			ok = dup_str(&dst->raw_lines[i], src->raw_lines[i]);
			dst->nraw_lines = i + 1;
		}
	}
	for (size_t i = 0; ok && i < src->nunit_msgs; i++)
		ok = oom_event_add_unit_msg(dst, src->unit_msgs[i].time_unix_s,
					    src->unit_msgs[i].text) == 0;
	if (!ok) {
		oom_event_free(dst);
		return -ENOMEM;
	}
	return 0;
}

bool oom_event_names_victim(const struct oom_event *ev, pid_t pid, const char *comm,
			    double start_unix_s)
{
	if (ev->earlier_boot || ev->victim_pid <= 0 || ev->victim_pid != pid || !ev->victim_comm ||
	    !comm || strncmp(ev->victim_comm, comm, 15) != 0)
		return false;
	/* an older process under the same pid */
	return isnan(ev->time_unix_s) || isnan(start_unix_s) || ev->time_unix_s + 1.0 >= start_unix_s;
}

bool oom_event_names_member(const struct oom_event *ev, const char *cgroup, double exited_unix_s,
			    double slack_s)
{
	if (ev->earlier_boot || ev->victim_pid > 0 || !ev->cgroup || !cgroup || isnan(ev->time_unix_s) ||
	    isnan(exited_unix_s))
		return false;
	size_t n = strlen(ev->cgroup);
	while (n > 1 && ev->cgroup[n - 1] == '/')
		n--;
	bool inside = strncmp(cgroup, ev->cgroup, n) == 0 &&
		      (cgroup[n] == '\0' || cgroup[n] == '/' || (n == 1 && ev->cgroup[0] == '/'));
	/* gone when the kill was logged, found gone by the next look */
	return inside && exited_unix_s >= ev->time_unix_s - 1.0 && exited_unix_s <= ev->time_unix_s + slack_s;
}

int oom_events_apply_reap(struct oom_event *events, size_t n, const struct oom_event_reap *r)
{
	for (size_t i = n; i-- > 0;) {
		if (events[i].source == OOM_EVENT_SOURCE_KERNEL && events[i].victim_pid == r->pid &&
		    events[i].reaped < 0) {
			events[i].reaped = r->reaped;
			return (int)i;
		}
	}
	return -1;
}
