/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/model/evview.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"
#include "core/estimate/unit_rhythm.h"

void evview_init(struct evview *v)
{
	memset(v, 0, sizeof(*v));
}

void evview_free(struct evview *v)
{
	free(v->only);
	free(v->rows);
	evview_init(v);
}

int evview_only(struct evview *v, const char *name, bool is_unit)
{
	free(v->only);
	v->only = NULL;
	v->only_unit = false;
	v->list.sel = v->list.top = 0;
	v->sel_pid = 0, v->sel_id = 0;
	if (!name)
		return 0;
	if (!(v->only = strdup(name)))
		return -ENOMEM;
	v->only_unit = is_unit;
	return 0;
}

long evview_index(const struct evview *v, const struct snapshot *s, size_t i)
{
	if (!s || i >= v->list.n)
		return -1;
	if (!v->only)
		return i < s->nevents ? (long)(s->nevents - 1 - i) : -1;
	return v->rows[i] < s->nevents ? (long)v->rows[i] : -1;
}

const struct oom_event *evview_at(const struct evview *v, const struct snapshot *s, size_t i)
{
	long k = evview_index(v, s, i);
	return k < 0 ? NULL : &s->events[k];
}

struct evkey evview_key(const struct oom_event *e)
{
	return (struct evkey){e->id, e->victim_pid, e->boot_s};
}

static bool same(const struct oom_event *e, const struct evkey *k)
{
	if (e->id || k->id)
		return e->id == k->id;
	return e->victim_pid == k->pid && (e->boot_s == k->boot_s || (isnan(e->boot_s) && isnan(k->boot_s)));
}

long evview_find(const struct snapshot *s, const struct evkey *k)
{
	for (size_t i = s ? s->nevents : 0; i-- > 0;)
		if (same(&s->events[i], k))
			return (long)i;
	return -1;
}

static bool listed(const struct evview *v, const struct oom_event *e)
{
	bool unit;
	const char *name = unit_rhythm_name_of(e, &unit);
	return unit == v->only_unit && strcmp(name, v->only) == 0;
}

void evview_update(struct evview *v, const struct snapshot *s)
{
	size_t n = s ? s->nevents : 0;
	if (v->only) {
		size_t k = 0;
		if (n && !util_grow((void **)&v->rows, &v->cap, n, sizeof(*v->rows)))
			n = 0;
		for (size_t i = n; i-- > 0;)
			if (listed(v, &s->events[i]))
				v->rows[k++] = i;
		n = k;
	}
	v->list.n = n;
	if ((v->sel_pid || v->sel_id) && s) {
		struct evkey key = {v->sel_id, v->sel_pid, v->sel_boot_s};
		for (size_t i = 0; i < n; i++)
			if (same(evview_at(v, s, i), &key)) {
				v->list.sel = i;
				break;
			}
	}
	if (v->list.sel >= v->list.n)
		v->list.sel = v->list.n ? v->list.n - 1 : 0;
}

static void choose(struct evview *v, const struct snapshot *s)
{
	const struct oom_event *e = evview_at(v, s, v->list.sel);
	if (!e)
		return;
	v->sel_pid = e->victim_pid;
	v->sel_boot_s = e->boot_s;
	v->sel_id = e->id;
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
