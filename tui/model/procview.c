/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/model/procview.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/proc/filter.h"

void procview_init(struct procview *pv)
{
	memset(pv, 0, sizeof(*pv));
	pv->sort = SORT_RSS_SLOPE;
	pv->ghosts = true;
}

void procview_free(struct procview *pv)
{
	free(pv->rows);
	free(pv->cgroup);
	free(pv->pids);
	memset(pv, 0, sizeof(*pv));
}

int procview_set_cgroup(struct procview *pv, const char *cgroup)
{
	char *c = NULL;
	if (cgroup && !(c = strdup(cgroup)))
		return -ENOMEM;
	free(pv->cgroup);
	pv->cgroup = c;
	return 0;
}

int procview_set_pids(struct procview *pv, const pid_t *pids, size_t n)
{
	pid_t *p = NULL;
	if (n) {
		p = malloc(n * sizeof(*p));
		if (!p)
			return -ENOMEM;
		memcpy(p, pids, n * sizeof(*p));
	}
	free(pv->pids);
	pv->pids = p;
	pv->npids = n;
	return 0;
}

static void adopt(struct procview *pv)
{
	struct listview *l = &pv->list;
	if (l->n == 0) {
		pv->has_sel = false;
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	pv->has_sel = true;
	pv->sel_pid = pv->rows[l->sel]->pid;
	pv->sel_start = pv->rows[l->sel]->start_ticks;
}

int procview_update(struct procview *pv, const struct snapshot *s)
{
	pv->list.n = 0;
	pv->ntotal = 0;
	if (!s)
		return 0;
	if (s->nprocs > pv->cap) {
		size_t cap = s->nprocs + s->nprocs / 4 + 16;
		const struct proc_row **r = realloc(pv->rows, cap * sizeof(*r));
		if (!r)
			return -ENOMEM;
		pv->rows = r;
		pv->cap = cap;
	}
	struct proc_filter f = {
		.pids = pv->pids,
		.npids = pv->npids,
		.by_uid = pv->by_uid,
		.uid = pv->uid,
		.cgroup = pv->cgroup,
		.text = pv->text[0] ? pv->text : NULL,
		.kernel_threads = pv->kernel_threads,
		.ghosts = pv->ghosts,
	};
	for (size_t i = 0; i < s->nprocs; i++) {
		const struct proc_row *p = s->procs[i];
		if (p->kernel_thread && !pv->kernel_threads)
			continue;
		pv->ntotal++;
		if (proc_filter_matches(p, &f))
			pv->rows[pv->list.n++] = p;
	}
	proc_sort(pv->rows, pv->list.n, pv->sort, pv->reverse);
	if (!pv->chosen) {
		/* nobody chose a row yet: the first one, whatever sorts there now */
		pv->list.sel = 0;
		adopt(pv);
		return 0;
	}
	if (pv->has_sel) {
		for (size_t i = 0; i < pv->list.n; i++) {
			if (pv->rows[i]->pid == pv->sel_pid && pv->rows[i]->start_ticks == pv->sel_start) {
				pv->list.sel = i;
				return 0;
			}
		}
	}
	/* the selected process left the view: stay on the same row number */
	adopt(pv);
	return 0;
}

const struct proc_row *procview_selected(const struct procview *pv)
{
	return pv->list.n && pv->list.sel < pv->list.n ? pv->rows[pv->list.sel] : NULL;
}

void procview_select(struct procview *pv, size_t index)
{
	listview_select(&pv->list, index);
	pv->chosen = true;
	adopt(pv);
}

void procview_follow_top(struct procview *pv)
{
	pv->chosen = false;
	pv->list.sel = pv->list.top = 0;
	adopt(pv);
}

void procview_move(struct procview *pv, long delta)
{
	if (!listview_move(&pv->list, delta))
		return;
	pv->chosen = true;
	adopt(pv);
}

bool procview_select_pid(struct procview *pv, pid_t pid)
{
	for (size_t i = 0; i < pv->list.n; i++) {
		if (pv->rows[i]->pid == pid) {
			procview_select(pv, i);
			return true;
		}
	}
	return false;
}

static bool contains(const char *hay, const char *needle)
{
	if (!hay)
		return false;
	size_t nl = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, nl) == 0)
			return true;
	return false;
}

bool procview_search(struct procview *pv, const char *text, bool next)
{
	size_t n = pv->list.n;
	if (!text[0] || n == 0)
		return false;
	for (size_t k = 0; k < n; k++) {
		size_t i = (pv->list.sel + k + (next ? 1 : 0)) % n;
		const struct proc_row *p = pv->rows[i];
		if (contains(p->comm, text) || contains(p->cmdline, text) || contains(p->user, text) ||
		    contains(p->cgroup, text)) {
			procview_select(pv, i);
			return true;
		}
	}
	return false;
}
