/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/ghosts.h"

#include <stdlib.h>
#include <string.h>

void proc_ghosts_add(struct proc_ghosts *g, struct proc_entry *e, double now_unix_s)
{
	e->row.state = PROC_EXITED;
	e->row.exited_unix_s = now_unix_s;
	if (g->n == PROC_GHOSTS_MAX) {
		/* the oldest one that was not OOM-killed goes first: under churn the victim
		 * the operator is looking for must not be pushed out by plain exits */
		size_t k = 0;
		while (k < g->n && g->v[k]->row.state == PROC_OOM_KILLED)
			k++;
		if (k == g->n)
			k = 0;
		proc_entry_free(g->v[k]);
		memmove(g->v + k, g->v + k + 1, (g->n - k - 1) * sizeof(*g->v));
		g->n--;
	}
	if (!g->v) {
		g->v = calloc(PROC_GHOSTS_MAX, sizeof(*g->v));
		if (!g->v) {
			proc_entry_free(e);
			return;
		}
	}
	g->v[g->n++] = e;
}

void proc_ghosts_expire(struct proc_ghosts *g, double now_unix_s, double ttl_s)
{
	size_t keep = 0;
	for (size_t i = 0; i < g->n; i++) {
		struct proc_entry *e = g->v[i];
		if (now_unix_s - e->row.exited_unix_s > ttl_s)
			proc_entry_free(e);
		else
			g->v[keep++] = e;
	}
	g->n = keep;
}

void proc_ghosts_mark_oom_killed(struct proc_ghosts *g, pid_t pid, uint64_t start_ticks)
{
	for (size_t i = 0; i < g->n; i++) {
		struct proc_row *r = &g->v[i]->row;
		if (r->pid == pid && r->start_ticks == start_ticks)
			r->state = PROC_OOM_KILLED;
	}
}

void proc_ghosts_free(struct proc_ghosts *g)
{
	for (size_t i = 0; i < g->n; i++)
		proc_entry_free(g->v[i]);
	free(g->v);
	g->v = NULL;
	g->n = 0;
}
