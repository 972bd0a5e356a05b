#include "config.h"
#include "core/klog/oom_event.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

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

int oom_event_copy(struct oom_event *dst, const struct oom_event *src)
{
	*dst = *src;
	dst->victim_comm = dst->constraint = dst->oom_memcg = dst->task_memcg = NULL;
	dst->invoker_comm = dst->gfp_mask = NULL;
	dst->tasks = NULL;
	dst->raw_lines = NULL;
	dst->ntasks = dst->nraw_lines = 0;
	bool ok = dup_str(&dst->victim_comm, src->victim_comm) &&
		  dup_str(&dst->constraint, src->constraint) &&
		  dup_str(&dst->oom_memcg, src->oom_memcg) &&
		  dup_str(&dst->task_memcg, src->task_memcg) &&
		  dup_str(&dst->invoker_comm, src->invoker_comm) &&
		  dup_str(&dst->gfp_mask, src->gfp_mask);
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
	if (!ok) {
		oom_event_free(dst);
		return -ENOMEM;
	}
	return 0;
}

int oom_events_apply_reap(struct oom_event *events, size_t n, const struct oom_event_reap *r)
{
	for (size_t i = n; i-- > 0;) {
		if (events[i].victim_pid == r->pid && events[i].reaped < 0) {
			events[i].reaped = r->reaped;
			return (int)i;
		}
	}
	return -1;
}
