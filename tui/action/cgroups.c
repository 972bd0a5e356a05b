/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/action/cgroups.h"

#include <stdio.h>
#include <string.h>

#include "tui/action/prompt.h"
#include "tui/reaction.h"

unsigned action_cgroups_only(struct tui *t)
{
	const struct cgroup_row *c = cgview_selected(&t->cv, t->snap);
	if (!c)
		return R_NONE;
	if (t->pv.cgroup && strcmp(t->pv.cgroup, c->path) == 0) {
		procview_set_cgroup(&t->pv, NULL);
		tui_state_status(t, STATUS_INFO, "processes of all cgroups");
	} else {
		procview_set_cgroup(&t->pv, c->path);
		tui_state_status(t, STATUS_INFO, "processes of %s and below (Enter again: all)",
		                 c->path);
	}
	return R_REVIEW | R_REDRAW;
}

unsigned action_cgroups_tree(struct tui *t)
{
	t->cv.tree = !t->cv.tree;
	t->set.tree = t->cv.tree;
	if (t->cv.tree)
		tui_state_status(t, STATUS_INFO, "cgroups as a tree");
	else
		tui_state_status(t, STATUS_INFO, "cgroups flat, by %s%s (F6: another order)",
		                 cgview_sort_column(t->cv.sort),
		                 t->cv.reverse ? t->dc.g->sort_up : t->dc.g->sort_down);
	return R_REVIEW | R_REDRAW;
}

unsigned action_cgroups_collapse(struct tui *t)
{
	cgview_set_collapsed(&t->cv, t->snap, true);
	return R_REVIEW | R_RELAYOUT | R_REDRAW;
}

unsigned action_cgroups_expand(struct tui *t)
{
	cgview_set_collapsed(&t->cv, t->snap, false);
	return R_REVIEW | R_RELAYOUT | R_REDRAW;
}

static unsigned sort(struct tui *t, enum cgview_sort key, bool reverse)
{
	t->cv.sort = key;
	t->cv.reverse = reverse;
	t->cv.tree = false;
	t->set.tree = false;
	tui_state_status(t, STATUS_INFO, "cgroups flat, by %s%s: %s%s", cgview_sort_column(key),
	                 reverse ? t->dc.g->sort_up : t->dc.g->sort_down, cgview_sort_doc(key),
	                 reverse ? " (reversed)" : "");
	return R_REVIEW | R_RELAYOUT | R_REDRAW;
}

static unsigned sort_chosen(struct tui *t, size_t i)
{
	return sort(t, (enum cgview_sort)i, false);
}

unsigned action_cgroups_sort_menu(struct tui *t)
{
	static const struct tui_menu_ops ops = {.choose = sort_chosen};
	action_prompt_menu_open(t, MENU_CGROUP_SORT, &ops);
	for (int k = 0; k < CGSORT_COUNT; k++) {
		char item[64];
		snprintf(item, sizeof(item), "%-8s %s", cgview_sort_column((enum cgview_sort)k),
		         cgview_sort_doc((enum cgview_sort)k));
		action_prompt_menu_add(t, item);
		if (k == (int)t->cv.sort)
			t->menu.list.sel = (size_t)k;
	}
	return R_REDRAW;
}

unsigned action_cgroups_sort_by(struct tui *t, int key)
{
	if (key < 0 || key >= CGSORT_COUNT)
		return R_NONE;
	return sort(t, (enum cgview_sort)key,
	            !t->cv.tree && (int)t->cv.sort == key && !t->cv.reverse);
}

/* `<` `>`: the orders are listed in the pane's column order */
static unsigned sort_step(struct tui *t, int step)
{
	return sort(t, (enum cgview_sort)(((int)t->cv.sort + step + CGSORT_COUNT) % CGSORT_COUNT),
	            false);
}

unsigned action_cgroups_sort_prev(struct tui *t)
{
	return sort_step(t, -1);
}

unsigned action_cgroups_sort_next(struct tui *t)
{
	return sort_step(t, 1);
}

unsigned action_cgroups_sort_invert(struct tui *t)
{
	return sort(t, t->cv.sort, !t->cv.reverse);
}
