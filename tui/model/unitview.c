/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/model/unitview.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void unitview_init(struct unitview *v)
{
	memset(v, 0, sizeof(*v));
}

void unitview_free(struct unitview *v)
{
	unit_rhythm_free(&v->groups);
	free(v->sel_name);
	unitview_init(v);
}

const struct unit_rhythm *unitview_at(const struct unitview *v, size_t i)
{
	return i < v->groups.n ? &v->groups.v[i] : NULL;
}

static void choose(struct unitview *v)
{
	const struct unit_rhythm *g = unitview_at(v, v->list.sel);
	if (!g)
		return;
	char *name = strdup(g->name);
	if (!name)
		return;
	free(v->sel_name);
	v->sel_name = name;
	v->sel_unit = g->is_unit;
}

int unitview_update(struct unitview *v, const struct snapshot *s)
{
	unit_rhythm_free(&v->groups);
	v->kills = 0;
	v->list.n = 0;
	int rc = s ? unit_rhythm_group(s->events, s->nevents, &v->groups) : 0;
	if (rc == 0 && s)
		v->kills = s->nevents;
	v->list.n = v->groups.n;
	for (size_t i = 0; v->sel_name && i < v->groups.n; i++)
		if (v->groups.v[i].is_unit == v->sel_unit && strcmp(v->groups.v[i].name, v->sel_name) == 0) {
			v->list.sel = i;
			break;
		}
	if (v->list.sel >= v->list.n)
		v->list.sel = v->list.n ? v->list.n - 1 : 0;
	return rc;
}

void unitview_select(struct unitview *v, size_t i)
{
	if (listview_select(&v->list, i))
		choose(v);
}

void unitview_move(struct unitview *v, long delta)
{
	if (listview_move(&v->list, delta))
		choose(v);
}

void unitview_select_kill(struct unitview *v, const struct oom_event *e)
{
	for (size_t i = 0; e && i < v->groups.n; i++)
		if (unit_rhythm_has(&v->groups.v[i], e)) {
			unitview_select(v, i);
			return;
		}
}
