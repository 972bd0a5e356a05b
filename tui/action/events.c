#include "config.h"
#include "tui/action/events.h"

#include "tui/reaction.h"

unsigned action_events_open_episode(struct tui *t, int idx)
{
	const struct oom_event *e = &t->snap->events[idx];
	t->episode.index = idx;
	t->episode.pid = e->victim_pid;
	t->episode.boot_s = e->boot_s;
	t->episode.doc.top = t->episode.doc.sel = 0;
	t->mode = TM_EPISODE;
	return R_REDRAW;
}

unsigned action_events_open(struct tui *t)
{
	if (!t->snap || t->snap->nevents == 0)
		return R_NONE;
	size_t i = t->ev.list.sel < t->snap->nevents ? t->ev.list.sel : 0;
	return action_events_open_episode(t, (int)(t->snap->nevents - 1 - i));
}

unsigned action_events_episode_sort(struct tui *t)
{
	t->episode.by_pid = !t->episode.by_pid;
	return R_REDRAW;
}
