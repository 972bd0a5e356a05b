/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/adj/tags.h"

#include <errno.h>
#include <string.h>

void adj_tags_clear(struct adj_tags *ts)
{
	ts->n = 0;
}

static long find(const struct adj_tags *ts, pid_t pid, uint64_t start_ticks)
{
	for (size_t i = 0; i < ts->n; i++)
		if (ts->e[i].pid == pid && ts->e[i].start_ticks == start_ticks)
			return (long)i;
	return -1;
}

bool adj_tags_has(const struct adj_tags *ts, pid_t pid, uint64_t start_ticks)
{
	return find(ts, pid, start_ticks) >= 0;
}

int adj_tags_toggle(struct adj_tags *ts, pid_t pid, uint64_t start_ticks)
{
	long i = find(ts, pid, start_ticks);
	if (i >= 0) {
		memmove(&ts->e[i], &ts->e[i + 1], (ts->n - (size_t)i - 1) * sizeof(ts->e[0]));
		ts->n--;
		return 0;
	}
	if (ts->n >= ADJ_TAGS_MAX)
		return -ENOSPC;
	ts->e[ts->n++] = (struct adj_tag){pid, start_ticks};
	return 1;
}

size_t adj_tags_prune(struct adj_tags *ts, const struct snapshot *s)
{
	size_t kept = 0, n = ts->n;
	for (size_t i = 0; i < n; i++) {
		bool alive = false;
		for (size_t k = 0; s && k < s->nprocs && !alive; k++) {
			const struct proc_row *p = s->procs[k];
			alive = p->pid == ts->e[i].pid && p->start_ticks == ts->e[i].start_ticks &&
			        p->state == PROC_RUNNING;
		}
		if (alive)
			ts->e[kept++] = ts->e[i];
	}
	ts->n = kept;
	return n - kept;
}
