/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/action/procs.h"

#include "tui/action/detail.h"
#include "tui/action/events.h"
#include "tui/reaction.h"

unsigned action_procs_toggle_kthreads(struct tui *t)
{
	t->pv.kernel_threads = !t->pv.kernel_threads;
	tui_state_status(t, STATUS_INFO, "kernel threads %s",
	                 t->pv.kernel_threads ? "shown" : "hidden");
	return R_REVIEW | R_REDRAW;
}

unsigned action_procs_toggle_ghosts(struct tui *t)
{
	t->pv.ghosts = !t->pv.ghosts;
	tui_state_status(t, STATUS_INFO, "exited processes %s", t->pv.ghosts ? "shown" : "hidden");
	return R_REVIEW | R_REDRAW;
}

unsigned action_procs_open(struct tui *t)
{
	const struct proc_row *p = procview_selected(&t->pv);
	if (!p)
		return R_NONE;
	if (p->state == PROC_OOM_KILLED && p->oom_event >= 0 && t->snap && (size_t)p->oom_event < t->snap->nevents)
		return action_events_open_episode(t, p->oom_event);
	return action_detail_open(t);
}

unsigned action_procs_cgroup(struct tui *t)
{
	const struct proc_row *p = procview_selected(&t->pv);
	if (!p || !p->cgroup)
		return R_NONE;
	if (!cgview_select_path(&t->cv, t->snap, p->cgroup))
		tui_state_status(t, STATUS_INFO, "%s is not shown in the cgroup pane (collapsed?)",
		                 p->cgroup);
	return R_RELAYOUT | R_REDRAW;
}
