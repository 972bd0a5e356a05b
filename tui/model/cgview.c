#include "config.h"
#include "tui/model/cgview.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void cgview_init(struct cgview *v)
{
	memset(v, 0, sizeof(*v));
	v->tree = true;
}

void cgview_free(struct cgview *v)
{
	free(v->rows);
	free(v->last_child);
	for (size_t i = 0; i < v->ncollapsed; i++)
		free(v->collapsed[i]);
	free(v->collapsed);
	free(v->sel_path);
	memset(v, 0, sizeof(*v));
}

double cgview_pct(const struct cgroup_row *c)
{
	if (!val_known(c->usage_bytes) || !val_known(c->effective_limit_bytes) ||
	    c->effective_limit_bytes <= 0)
		return NAN;
	return 100.0 * (double)c->usage_bytes / (double)c->effective_limit_bytes;
}

bool cgview_is_collapsed(const struct cgview *v, const char *path)
{
	for (size_t i = 0; i < v->ncollapsed; i++)
		if (strcmp(v->collapsed[i], path) == 0)
			return true;
	return false;
}

bool cgview_has_children(const struct snapshot *s, size_t idx)
{
	return idx + 1 < s->ncgroups && s->cgroups[idx + 1].parent == (int)idx;
}

static const struct snapshot *sort_snap; /* qsort has no context argument */

static int cmp_fullest(const void *a, const void *b)
{
	const struct cgroup_row *x = &sort_snap->cgroups[*(const int *)a];
	const struct cgroup_row *y = &sort_snap->cgroups[*(const int *)b];
	double px = cgview_pct(x), py = cgview_pct(y);
	if (isnan(px) != isnan(py))
		return isnan(px) ? 1 : -1;
	if (!isnan(px) && px != py)
		return px > py ? -1 : 1;
	int64_t ux = val_known(x->usage_bytes) ? x->usage_bytes : -1;
	int64_t uy = val_known(y->usage_bytes) ? y->usage_bytes : -1;
	if (ux != uy)
		return ux > uy ? -1 : 1;
	return strcmp(x->path, y->path);
}

static void set_sel_path(struct cgview *v, const char *path)
{
	if (v->sel_path && strcmp(v->sel_path, path) == 0)
		return;
	char *p = strdup(path);
	if (!p)
		return; /* keep the old identity; harmless */
	free(v->sel_path);
	v->sel_path = p;
}

int cgview_update(struct cgview *v, const struct snapshot *s)
{
	struct listview *lv = &v->list;
	lv->n = 0;
	if (!s || s->ncgroups == 0)
		return 0;
	if (s->ncgroups > v->cap) {
		size_t cap = s->ncgroups + 16;
		int *r = realloc(v->rows, cap * sizeof(*r));
		if (!r)
			return -ENOMEM;
		v->rows = r;
		v->cap = cap;
	}
	if (s->ncgroups > v->last_cap) {
		size_t cap = s->ncgroups + 16;
		bool *l = realloc(v->last_child, cap * sizeof(*l));
		if (!l)
			return -ENOMEM;
		v->last_child = l;
		v->last_cap = cap;
	}
	/* a row is the last child when no later row has the same parent */
	{
		bool *seen = calloc(s->ncgroups + 1, sizeof(bool));
		if (!seen)
			return -ENOMEM;
		for (size_t i = s->ncgroups; i-- > 0;) {
			int p = s->cgroups[i].parent;
			size_t slot = p < 0 ? s->ncgroups : (size_t)p;
			v->last_child[i] = !seen[slot];
			seen[slot] = true;
		}
		free(seen);
	}
	if (v->tree) {
		/* hide descendants of collapsed rows: rows come parents first */
		bool *hidden = calloc(s->ncgroups, sizeof(bool));
		if (!hidden)
			return -ENOMEM;
		for (size_t i = 0; i < s->ncgroups; i++) {
			int p = s->cgroups[i].parent;
			if (p >= 0 && (size_t)p < i &&
			    (hidden[p] || cgview_is_collapsed(v, s->cgroups[p].path)))
				hidden[i] = true;
			if (!hidden[i])
				v->rows[lv->n++] = (int)i;
		}
		free(hidden);
	} else {
		for (size_t i = 0; i < s->ncgroups; i++)
			v->rows[lv->n++] = (int)i;
		sort_snap = s;
		qsort(v->rows, lv->n, sizeof(int), cmp_fullest);
		sort_snap = NULL;
	}
	if (v->sel_path) {
		for (size_t i = 0; i < lv->n; i++) {
			if (strcmp(s->cgroups[v->rows[i]].path, v->sel_path) == 0) {
				lv->sel = i;
				return 0;
			}
		}
		/* selected cgroup hidden or gone: go to its nearest visible ancestor */
		size_t best = 0, best_len = 0;
		for (size_t i = 0; i < lv->n; i++) {
			const char *p = s->cgroups[v->rows[i]].path;
			size_t l = strlen(p);
			if (strncmp(v->sel_path, p, l) == 0 &&
			    (v->sel_path[l] == '/' || l == 1) && l >= best_len) {
				best = i;
				best_len = l;
			}
		}
		if (best_len > 0) {
			lv->sel = best;
			set_sel_path(v, s->cgroups[v->rows[best]].path);
			return 0;
		}
	}
	if (lv->sel >= lv->n)
		lv->sel = lv->n ? lv->n - 1 : 0;
	if (lv->n)
		set_sel_path(v, s->cgroups[v->rows[lv->sel]].path);
	return 0;
}

const struct cgroup_row *cgview_selected(const struct cgview *v, const struct snapshot *s)
{
	if (!s || v->list.n == 0 || v->list.sel >= v->list.n)
		return NULL;
	return &s->cgroups[v->rows[v->list.sel]];
}

void cgview_select(struct cgview *v, const struct snapshot *s, size_t index)
{
	if (listview_select(&v->list, index))
		set_sel_path(v, s->cgroups[v->rows[v->list.sel]].path);
}

void cgview_move(struct cgview *v, const struct snapshot *s, long delta)
{
	if (listview_move(&v->list, delta))
		set_sel_path(v, s->cgroups[v->rows[v->list.sel]].path);
}

bool cgview_select_path(struct cgview *v, const struct snapshot *s, const char *path)
{
	for (size_t i = 0; i < v->list.n; i++) {
		if (strcmp(s->cgroups[v->rows[i]].path, path) == 0) {
			cgview_select(v, s, i);
			return true;
		}
	}
	return false;
}

bool cgview_set_collapsed(struct cgview *v, const struct snapshot *s, bool collapse)
{
	const struct cgroup_row *c = cgview_selected(v, s);
	if (!c || !v->tree)
		return false;
	size_t idx = (size_t)(c - s->cgroups);
	if (collapse) {
		if (!cgview_has_children(s, idx) || cgview_is_collapsed(v, c->path)) {
			/* on a leaf or a closed node: go to the parent */
			if (c->parent >= 0)
				return cgview_select_path(v, s, s->cgroups[c->parent].path);
			return false;
		}
		char **n = realloc(v->collapsed, (v->ncollapsed + 1) * sizeof(*n));
		if (!n)
			return false;
		v->collapsed = n;
		if (!(n[v->ncollapsed] = strdup(c->path)))
			return false;
		v->ncollapsed++;
		return true;
	}
	for (size_t i = 0; i < v->ncollapsed; i++) {
		if (strcmp(v->collapsed[i], c->path) == 0) {
			free(v->collapsed[i]);
			v->collapsed[i] = v->collapsed[--v->ncollapsed];
			return true;
		}
	}
	return false;
}
