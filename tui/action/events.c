/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/action/events.h"

#include "tui/reaction.h"

static unsigned open_episode(struct tui *t, int idx, enum tui_mode back)
{
	const struct oom_event *e = &t->snap->events[idx];
	t->episode.index = idx;
	t->episode.key = evview_key(e);
	t->episode.back = back;
	t->episode.doc.top = t->episode.doc.sel = 0;
	t->mode = TM_EPISODE;
	return R_REDRAW;
}

unsigned action_events_open_episode(struct tui *t, int idx)
{
	return open_episode(t, idx, tui_state_home(t));
}

unsigned action_events_open(struct tui *t)
{
	long k = evview_index(&t->ev, t->snap, t->ev.list.sel);
	return k < 0 ? R_NONE : open_episode(t, (int)k, TM_MAIN);
}

unsigned action_events_episode_sort(struct tui *t)
{
	t->episode.by_pid = !t->episode.by_pid;
	return R_REDRAW;
}

unsigned action_events_units(struct tui *t)
{
	if (!t->snap || t->snap->nevents == 0) {
		tui_state_status(t, STATUS_INFO, "no OOM kills to group by unit");
		return R_REDRAW;
	}
	if (unitview_update(&t->uv, t->snap) < 0) {
		tui_state_status(t, STATUS_ERROR, "out of memory grouping the kills");
		return R_REDRAW;
	}
	/* on the unit of the kill selected in the OOM pane */
	unitview_select_kill(&t->uv, evview_at(&t->ev, t->snap, t->ev.list.sel));
	t->mode = TM_UNITS;
	return R_REDRAW;
}

unsigned action_events_unit_kills(struct tui *t)
{
	const struct unit_rhythm *g = unitview_at(&t->uv, t->uv.list.sel);
	if (!g)
		return R_NONE;
	if (evview_only(&t->ukills, g->name, g->is_unit) < 0) {
		tui_state_status(t, STATUS_ERROR, "out of memory");
		return R_REDRAW;
	}
	evview_update(&t->ukills, t->snap);
	t->mode = TM_UNIT_KILLS;
	return R_REDRAW;
}

unsigned action_events_unit_kill_open(struct tui *t)
{
	long k = evview_index(&t->ukills, t->snap, t->ukills.list.sel);
	return k < 0 ? R_NONE : open_episode(t, (int)k, TM_UNIT_KILLS);
}
