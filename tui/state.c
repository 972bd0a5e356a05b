/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/state.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/config/theme_file.h"

int tui_state_init(struct tui *t, const struct settings *set, bool utf8)
{
	memset(t, 0, sizeof(*t));
	procview_init(&t->pv);
	cgview_init(&t->cv);
	evview_init(&t->ev);
	unitview_init(&t->uv);
	evview_init(&t->ukills);
	travel_init(&t->travel);
	if (set)
		t->set = *set;
	else
		settings_defaults(&t->set);
	draw_ctx_init(&t->dc, utf8);
	t->episode.index = -1;
	t->focus = PANE_PROCS;
	t->adj.undo = calloc(TUI_UNDO_DEPTH, sizeof(*t->adj.undo));
	if (!t->adj.undo) {
		tui_state_free(t);
		return -ENOMEM;
	}
	for (int p = 0; p < PANE_COUNT; p++)
		t->visible[p] = t->set.panes[p];
	if (!t->visible[t->focus]) {
		for (int p = 0; p < PANE_COUNT; p++)
			if (t->visible[p]) {
				t->focus = (enum pane_id)p;
				break;
			}
	}
	t->cv.tree = t->set.tree;
	t->pv.sort = (enum sort_key)t->set.sort;
	t->pv.reverse = t->set.sort_reverse;
	theme_defaults(&t->theme);
	return 0;
}

int tui_state_filter(struct tui *t, const struct proc_filter *f)
{
	t->pv.by_uid = f->by_uid;
	t->pv.uid = f->uid;
	if ((f->cgroup && procview_set_cgroup(&t->pv, f->cgroup) < 0) ||
	    (f->npids && procview_set_pids(&t->pv, f->pids, f->npids) < 0))
		return -ENOMEM;
	return 0;
}

void tui_state_free(struct tui *t)
{
	free(t->adj.undo);
	t->adj.undo = NULL;
	t->adj.nundo = 0;
	procview_free(&t->pv);
	cgview_free(&t->cv);
	evview_free(&t->ev);
	unitview_free(&t->uv);
	evview_free(&t->ukills);
	travel_free(&t->travel);
}

/* Keep the OOM pane's selection, the by-unit view's (while shown) and an open episode on
 * the same kill. */
static void find_events_again(struct tui *t)
{
	const struct snapshot *s = t->snap;
	evview_update(&t->ev, s);
	if (t->mode == TM_UNITS || t->mode == TM_UNIT_KILLS ||
	    (t->mode == TM_EPISODE && t->episode.back == TM_UNIT_KILLS)) {
		if (unitview_update(&t->uv, s) < 0)
			tui_state_status(t, STATUS_ERROR, "out of memory grouping the kills");
		evview_update(&t->ukills, s);
	}
	if (t->episode.index >= 0) {
		t->episode.index = (int)evview_find(s, &t->episode.key);
		if (t->episode.index < 0 && t->mode == TM_EPISODE) {
			t->mode = t->episode.back;
			tui_state_status(t, STATUS_INFO, "that OOM kill is no longer kept (the %d newest are)",
			                 (int)s->nevents);
		}
	}
}

void tui_state_review(struct tui *t)
{
	if (!t->snap)
		return;
	if (!t->travel.on) /* tags of processes that exited go (a moment shows the past) */
		adj_tags_prune(&t->adj.tags, t->snap);
	if (procview_update(&t->pv, t->snap) < 0 || cgview_update(&t->cv, t->snap) < 0)
		tui_state_status(t, STATUS_ERROR, "out of memory building the views");
	find_events_again(t);
}

void tui_state_set_snapshot(struct tui *t, const struct snapshot *s)
{
	t->snap = s;
	tui_state_review(t);
	tui_state_relayout(t, t->cols, t->lines);
}

void tui_state_live_snapshot(struct tui *t, const struct snapshot *s)
{
	travel_live_snapshot(&t->travel, s);
	tui_state_set_snapshot(t, travel_snapshot(&t->travel));
}

void tui_state_relayout(struct tui *t, int cols, int lines)
{
	struct layout_in in = {.cols = cols, .lines = lines, .focus = t->focus, .zoom = t->zoom};
	t->cols = cols;
	t->lines = lines;
	for (int p = 0; p < PANE_COUNT; p++)
		in.visible[p] = t->visible[p];
	in.want[PANE_CGROUPS] = (int)t->cv.list.n;
	in.want[PANE_PROCS] = (int)t->pv.list.n;
	in.want[PANE_EVENTS] = t->snap && t->snap->nevents ? (int)t->snap->nevents : 1;
	layout_compute(&in, &t->lay);
	listview_fit(&t->cv.list, (size_t)layout_rows(&t->lay, PANE_CGROUPS));
	listview_fit(&t->pv.list, (size_t)layout_rows(&t->lay, PANE_PROCS));
	listview_fit(&t->ev.list, (size_t)layout_rows(&t->lay, PANE_EVENTS));
	/* the full-screen views fit themselves when drawn (only then is their length
	 * known); their page is the view's height below its title line */
	size_t view_rows = t->lay.view.h > 1 ? (size_t)(t->lay.view.h - 1) : 0;
	t->help.rows = t->episode.doc.rows = t->detail.doc.rows = view_rows;
	/* and the by-unit view's tables, below their column header */
	t->uv.list.rows = t->ukills.list.rows = view_rows > 1 ? view_rows - 1 : 0;
}

enum tui_mode tui_state_home(const struct tui *t)
{
	return t->detail.pid > 0 ? TM_DETAIL : TM_MAIN;
}

void tui_state_status(struct tui *t, enum status_level lvl, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->status, sizeof(t->status), fmt, ap);
	va_end(ap);
	t->status_level = lvl;
	t->status_t_ms = t->now_ms;
}
