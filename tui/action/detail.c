/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/action/detail.h"

#include "tui/action/events.h"
#include "tui/reaction.h"

unsigned action_detail_open(struct tui *t)
{
	const struct proc_row *p = procview_selected(&t->pv);
	if (!p)
		return R_NONE;
	if (t->travel.on) { /* a recorded moment: its processes' files are not there to read */
		tui_state_status(t, STATUS_INFO, "history: a process opens live only (L returns to live)");
		return R_REDRAW;
	}
	if (p->kernel_thread) {
		tui_state_status(t, STATUS_INFO, "pid %d is a kernel thread: no memory map, no fds to show",
		                 (int)p->pid);
		return R_REDRAW;
	}
	t->detail.pid = p->pid;
	t->detail.start_ticks = p->start_ticks;
	t->detail.doc.top = t->detail.doc.sel = 0;
	t->mode = TM_DETAIL;
	/* its costly fields are read by the next refresh: now */
	return R_REFRESH | R_REDRAW;
}

const struct proc_row *action_detail_row(const struct tui *t)
{
	const struct snapshot *s = t->snap;
	const struct proc_row *ghost = NULL;
	for (size_t i = 0; t->detail.pid > 0 && s && i < s->nprocs; i++) {
		const struct proc_row *p = s->procs[i];
		if (p->pid != t->detail.pid || p->start_ticks != t->detail.start_ticks)
			continue;
		if (p->state == PROC_RUNNING)
			return p;
		ghost = p;
	}
	return ghost;
}

unsigned action_detail_episode(struct tui *t)
{
	const struct proc_row *p = action_detail_row(t);
	if (!p || p->state != PROC_OOM_KILLED || p->oom_event < 0 || (size_t)p->oom_event >= t->snap->nevents) {
		tui_state_status(t, STATUS_INFO, "e opens the episode of an OOM-killed process");
		return R_REDRAW;
	}
	return action_events_open_episode(t, p->oom_event);
}
