#include "config.h"
#include "tui/action/cgroups.h"

#include <string.h>

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
	tui_state_status(t, STATUS_INFO, "cgroups %s",
	                 t->cv.tree ? "as a tree" : "flat, fullest first");
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
