/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/input.h"

#include "tui/action/cgroups.h"
#include "tui/action/find.h"
#include "tui/action/nav.h"
#include "tui/action/prompt.h"
#include "tui/actions.h"
#include "tui/keymap.h"
#include "tui/model/cgroup_columns.h"
#include "tui/model/proc_columns.h"
#include "tui/reaction.h"

unsigned input_key(struct tui *t, int key, int wch)
{
	enum key_context ctx = keymap_context(t);
	const struct keybinding *b = keymap_lookup(ctx, key);
	if (b)
		return actions_run(t, b->action);
	if (ctx == KC_INPUT)
		return action_prompt_type(t, wch);
	return R_NONE;
}

static bool in_rect(struct rect r, int y, int x)
{
	return r.h > 0 && y >= r.y && y < r.y + r.h && x >= r.x && x < r.x + r.w;
}

unsigned input_click(struct tui *t, int y, int x)
{
	if (t->mode != TM_MAIN)
		return R_NONE;
	for (int p = 0; p < PANE_COUNT; p++) {
		struct rect r = t->lay.pane[p];
		if (!in_rect(r, y, x))
			continue;
		unsigned rc = R_REDRAW | R_RELAYOUT;
		t->focus = (enum pane_id)p;
		if (y == r.y) { /* the column header */
			if (p == PANE_PROCS) {
				int c = proc_columns_at(t->set.columns, r.w, x - r.x);
				if (c >= 0)
					rc |= action_find_sort_by(
						t, proc_columns_info((enum proc_column)c)->sort);
			} else if (p == PANE_CGROUPS) {
				int c = cgroup_columns_at(r.w, x - r.x);
				const struct cgroup_column_info *ci =
					cgroup_columns_info((enum cgroup_column)c);
				if (ci)
					rc |= action_cgroups_sort_by(t, ci->sort);
			}
			return rc;
		}
		int line = y - r.y - 1;
		long row;
		if (p == PANE_PROCS && (row = listview_hit(&t->pv.list, line)) >= 0)
			procview_select(&t->pv, (size_t)row);
		else if (p == PANE_CGROUPS && (row = listview_hit(&t->cv.list, line)) >= 0)
			cgview_select(&t->cv, t->snap, (size_t)row);
		else if (p == PANE_EVENTS && (row = listview_hit(&t->ev.list, line)) >= 0)
			evview_select(&t->ev, t->snap, (size_t)row);
		return rc;
	}
	return R_NONE;
}

unsigned input_wheel(struct tui *t, int y, int x, int dir)
{
	if (t->mode == TM_CONFIRM || t->mode == TM_INPUT)
		return R_NONE; /* the selection stays under a dialog */
	if (t->mode == TM_MAIN) {
		for (int p = 0; p < PANE_COUNT; p++)
			if (in_rect(t->lay.pane[p], y, x))
				t->focus = (enum pane_id)p;
	}
	return action_nav_move(t, dir * 3) | R_RELAYOUT;
}
