/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/action/nav.h"

#include "tui/reaction.h"

unsigned action_nav_quit(struct tui *t)
{
	(void)t;
	return R_QUIT;
}

unsigned action_nav_help(struct tui *t)
{
	t->mode = TM_HELP;
	t->help.top = t->help.sel = 0;
	return R_REDRAW;
}

unsigned action_nav_refresh(struct tui *t)
{
	(void)t;
	return R_REFRESH | R_CLEAR | R_REDRAW;
}

/* Where Esc goes from a mode: back a step (an episode opened from a unit's kills or the
 * detail view, the unit's kills to the units, a dialog to the detail view it was opened
 * from), else the main screen. */
static enum tui_mode back_of(const struct tui *t)
{
	switch (t->mode) {
	case TM_EPISODE: return t->episode.back;
	case TM_UNIT_KILLS: return TM_UNITS;
	case TM_DETAIL: return TM_MAIN;
	default: return tui_state_home(t);
	}
}

unsigned action_nav_close(struct tui *t)
{
	unsigned (*cancel)(struct tui *) = NULL;
	if (t->mode == TM_MENU && t->menu.ops)
		cancel = t->menu.ops->cancel;
	else if (t->mode == TM_CONFIRM && t->confirm)
		cancel = t->confirm->cancel;
	enum tui_mode back = back_of(t);
	if (t->mode == TM_DETAIL) /* closed: the collector stops reading it (tui/app.c) */
		t->detail.pid = 0;
	t->mode = back;
	return cancel ? cancel(t) : R_REDRAW;
}

static unsigned focus_step(struct tui *t, int step)
{
	int p = (int)t->focus;
	for (int i = 0; i < PANE_COUNT; i++) {
		p = (p + step + PANE_COUNT) % PANE_COUNT;
		if (t->visible[p])
			break;
	}
	t->focus = (enum pane_id)p;
	return R_RELAYOUT | R_REDRAW;
}

unsigned action_nav_focus_next(struct tui *t)
{
	return focus_step(t, 1);
}

unsigned action_nav_focus_prev(struct tui *t)
{
	return focus_step(t, -1);
}

unsigned action_nav_zoom(struct tui *t)
{
	t->zoom = !t->zoom;
	return R_RELAYOUT | R_REDRAW;
}

static unsigned toggle_pane(struct tui *t, enum pane_id p)
{
	static const char *const names[PANE_COUNT] = {"cgroup", "process", "OOM"};
	int shown = 0;
	for (int i = 0; i < PANE_COUNT; i++)
		shown += t->visible[i];
	if (t->visible[p] && shown == 1) {
		tui_state_status(t, STATUS_INFO, "the %s pane is the last one shown", names[p]);
		return R_REDRAW;
	}
	t->visible[p] = !t->visible[p];
	t->set.panes[p] = t->visible[p];
	if (!t->visible[p] && t->focus == p)
		focus_step(t, 1);
	if (t->visible[p])
		t->focus = p;
	t->zoom = false;
	return R_RELAYOUT | R_REDRAW;
}

unsigned action_nav_toggle_cgroups(struct tui *t)
{
	return toggle_pane(t, PANE_CGROUPS);
}

unsigned action_nav_toggle_procs(struct tui *t)
{
	return toggle_pane(t, PANE_PROCS);
}

unsigned action_nav_toggle_events(struct tui *t)
{
	return toggle_pane(t, PANE_EVENTS);
}

/* The list of a mode that has its own (NULL on the main screen: the focused pane's).
 * *doc: a document, which scrolls; nothing in it is selected. */
static struct listview *mode_list(struct tui *t, bool *doc)
{
	*doc = t->mode == TM_HELP || t->mode == TM_EPISODE || t->mode == TM_DETAIL;
	switch (t->mode) {
	case TM_HELP: return &t->help;
	case TM_EPISODE: return &t->episode.doc;
	case TM_DETAIL: return &t->detail.doc;
	case TM_MENU: return &t->menu.list;
	case TM_UNITS: return &t->uv.list;
	case TM_UNIT_KILLS: return &t->ukills.list;
	default: return NULL;
	}
}

static struct listview *pane_list(struct tui *t)
{
	switch (t->focus) {
	case PANE_CGROUPS: return &t->cv.list;
	case PANE_EVENTS: return &t->ev.list;
	default: return &t->pv.list;
	}
}

unsigned action_nav_move(struct tui *t, long delta)
{
	bool doc;
	struct listview *l = mode_list(t, &doc);
	/* a list that follows what it selects: the unit, the kill */
	if (t->mode == TM_UNITS)
		unitview_move(&t->uv, delta);
	else if (t->mode == TM_UNIT_KILLS)
		evview_move(&t->ukills, t->snap, delta);
	else if (l && doc)
		listview_scroll(l, delta);
	else if (l)
		listview_move(l, delta);
	/* a pane's selection also picks its process, cgroup or kill */
	else if (t->focus == PANE_PROCS)
		procview_move(&t->pv, delta);
	else if (t->focus == PANE_CGROUPS)
		cgview_move(&t->cv, t->snap, delta);
	else if (t->focus == PANE_EVENTS)
		evview_move(&t->ev, t->snap, delta);
	return R_REDRAW;
}

static long page(struct tui *t)
{
	bool doc;
	struct listview *l = mode_list(t, &doc);
	return (long)listview_page(l ? l : pane_list(t));
}

unsigned action_nav_up(struct tui *t)
{
	return action_nav_move(t, -1);
}

unsigned action_nav_down(struct tui *t)
{
	return action_nav_move(t, 1);
}

unsigned action_nav_pgup(struct tui *t)
{
	return action_nav_move(t, -page(t));
}

unsigned action_nav_pgdn(struct tui *t)
{
	return action_nav_move(t, page(t));
}

unsigned action_nav_home(struct tui *t)
{
	if (t->mode == TM_MAIN && t->focus == PANE_PROCS) {
		/* the first row, and keep selecting whatever sorts first (the start state) */
		procview_follow_top(&t->pv);
		return R_REDRAW;
	}
	return action_nav_move(t, -0x7fffffffL);
}

unsigned action_nav_end(struct tui *t)
{
	return action_nav_move(t, 0x7fffffffL);
}
