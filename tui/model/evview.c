#include "config.h"
#include "tui/model/evview.h"

#include <math.h>

const struct oom_event *evview_at(const struct snapshot *s, size_t i)
{
	if (!s || i >= s->nevents)
		return NULL;
	return &s->events[s->nevents - 1 - i];
}

long evview_find(const struct snapshot *s, pid_t pid, double boot_s)
{
	for (size_t i = s->nevents; i-- > 0;) {
		const struct oom_event *e = &s->events[i];
		if (e->victim_pid == pid &&
		    (e->boot_s == boot_s || (isnan(e->boot_s) && isnan(boot_s))))
			return (long)i;
	}
	return -1;
}

void evview_update(struct evview *v, const struct snapshot *s)
{
	v->list.n = s ? s->nevents : 0;
	if (v->sel_pid && s) {
		long i = evview_find(s, v->sel_pid, v->sel_boot_s);
		if (i >= 0)
			v->list.sel = s->nevents - 1 - (size_t)i;
	}
	if (v->list.sel >= v->list.n)
		v->list.sel = v->list.n ? v->list.n - 1 : 0;
}

static void choose(struct evview *v, const struct snapshot *s)
{
	const struct oom_event *e = evview_at(s, v->list.sel);
	v->sel_pid = e->victim_pid;
	v->sel_boot_s = e->boot_s;
}

void evview_select(struct evview *v, const struct snapshot *s, size_t i)
{
	if (listview_select(&v->list, i))
		choose(v, s);
}

void evview_move(struct evview *v, const struct snapshot *s, long delta)
{
	if (listview_move(&v->list, delta))
		choose(v, s);
}
