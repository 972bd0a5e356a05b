/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/model/cgview.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/fmt.h"

static const struct {
	const char *column, *doc;
} sorts[CGSORT_COUNT] = {
#define X(id, column, doc) [id] = {column, doc},
	CGVIEW_SORTS(X)
#undef X
};

const char *cgview_sort_column(enum cgview_sort k)
{
	return (unsigned)k < CGSORT_COUNT ? sorts[k].column : "?";
}

const char *cgview_sort_doc(enum cgview_sort k)
{
	return (unsigned)k < CGSORT_COUNT ? sorts[k].doc : "?";
}

void cgview_init(struct cgview *v)
{
	memset(v, 0, sizeof(*v));
	v->tree = true;
	v->sort = CGSORT_PCT;
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

int64_t cgview_pressing_bytes(const struct cgroup_row *c)
{
	return val_known(c->working_set_bytes) ? c->working_set_bytes : c->usage_bytes;
}

double cgview_pct(const struct cgroup_row *c)
{
	int64_t b = cgview_pressing_bytes(c);
	if (!val_known(b) || !val_known(c->effective_limit_bytes) || c->effective_limit_bytes <= 0)
		return NAN;
	return 100.0 * (double)b / (double)c->effective_limit_bytes;
}

bool cgview_limited_by_ancestor(const struct snapshot *s, size_t idx)
{
	int lb = s->cgroups[idx].limited_by;
	return lb >= 0 && (size_t)lb < s->ncgroups && (size_t)lb != idx;
}

int cgview_throttled_by(const struct snapshot *s, size_t idx)
{
	size_t steps = 0;
	for (int i = (int)idx; i >= 0 && (size_t)i < s->ncgroups && steps++ <= s->ncgroups;
	     i = s->cgroups[i].parent)
		if (s->cgroups[i].throttled)
			return i;
	return -1;
}

const char *cgview_eta_label(const struct snapshot *s, size_t idx, char *buf, size_t n)
{
	const struct cgroup_row *c = &s->cgroups[idx];
	int th = cgview_throttled_by(s, idx);
	if (th >= 0) {
		snprintf(buf, n, "high%s", (size_t)th != idx ? "^" : "");
		return buf;
	}
	fmt_duration(buf, n, c->eta_to_limit_s);
	if (!isnan(c->eta_to_limit_s) && cgview_limited_by_ancestor(s, idx))
		strncat(buf, "^", n - strlen(buf) - 1);
	return buf;
}

bool cgview_stalls(const struct cgroup_row *c)
{
	return !isnan(c->psi_some_avg10) && c->psi_some_avg10 >= CGVIEW_PSI_STALL_PCT;
}

static void __attribute__((format(printf, 4, 5))) add(char *buf, size_t n, size_t *len,
                                                      const char *fmt, ...)
{
	if (*len >= n)
		return;
	va_list ap;
	va_start(ap, fmt);
	int w = vsnprintf(buf + *len, n - *len, fmt, ap);
	va_end(ap);
	if (w > 0)
		*len += (size_t)w;
}

static const char *name_of(const struct cgroup_row *c)
{
	return c->name ? c->name : c->path;
}

const char *cgview_describe(const struct snapshot *s, size_t idx, char *buf, size_t n)
{
	const struct cgroup_row *c = &s->cgroups[idx];
	char a[24], b[24];
	size_t len = 0;
	if (!n)
		return buf;
	buf[0] = '\0';
	add(buf, n, &len, "%s:", name_of(c));
	int th = cgview_throttled_by(s, idx);
	if (th >= 0) {
		const struct cgroup_row *h = &s->cgroups[th];
		fmt_bytes(a, sizeof(a), h->high_bytes);
		if ((size_t)th == idx)
			add(buf, n, &len, "  over high %s: throttled", a);
		else
			add(buf, n, &len, "  %s over high %s: throttled", name_of(h), a);
	}
	int lb = c->limited_by;
	if (lb >= 0 && (size_t)lb < s->ncgroups && val_known(s->cgroups[lb].limit_bytes)) {
		fmt_bytes(a, sizeof(a), s->cgroups[lb].limit_bytes);
		add(buf, n, &len, "  limit %s", a);
		if ((size_t)lb != idx)
			add(buf, n, &len, " of %s", name_of(&s->cgroups[lb]));
		if (!isnan(c->eta_to_limit_s))
			add(buf, n, &len, ", ETA %s",
			    fmt_duration(b, sizeof(b), c->eta_to_limit_s));
	} else {
		add(buf, n, &len, "  no limit");
	}
	if (val_known(c->working_set_bytes)) {
		fmt_bytes(a, sizeof(a), c->working_set_bytes);
		fmt_bytes(b, sizeof(b), c->usage_bytes);
		add(buf, n, &len, "  working set %s of %s used", a, b);
	} else if (val_known(c->usage_bytes)) {
		add(buf, n, &len, "  usage %s", fmt_bytes(a, sizeof(a), c->usage_bytes));
	}
	if (!isnan(c->psi_some_avg10))
		add(buf, n, &len, "  PSI %.1f%%%s", c->psi_some_avg10,
		    cgview_stalls(c) ? ": stalls in reclaim" : "");
	return buf;
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

/* qsort has no context argument */
static const struct snapshot *sort_snap;
static enum cgview_sort sort_key;
static bool sort_reverse;

static double known(int64_t v)
{
	return val_known(v) ? (double)v : NAN;
}

/* a before b: -1, after: 1, tie: 0. Unknown (NAN) last whatever the direction. */
static int cmp_num(double a, double b, bool ascending)
{
	if (isnan(a) != isnan(b))
		return isnan(a) ? 1 : -1;
	if (isnan(a) || a == b)
		return 0;
	bool before = ascending ? a < b : a > b;
	return before != sort_reverse ? -1 : 1;
}

static int cmp_rows(const void *a, const void *b)
{
	const struct cgroup_row *x = &sort_snap->cgroups[*(const int *)a];
	const struct cgroup_row *y = &sort_snap->cgroups[*(const int *)b];
	int r = 0;
	switch (sort_key) {
	case CGSORT_USAGE: r = cmp_num(known(x->usage_bytes), known(y->usage_bytes), false); break;
	case CGSORT_WSET:
		r = cmp_num(known(x->working_set_bytes), known(y->working_set_bytes), false);
		break;
	case CGSORT_ETA:
		r = cmp_num(x->eta_to_limit_s, y->eta_to_limit_s, true);
		if (!r)
			r = cmp_num(cgview_pct(x), cgview_pct(y), false);
		break;
	case CGSORT_PCT:
	default:
		r = cmp_num(cgview_pct(x), cgview_pct(y), false);
		if (!r)
			r = cmp_num(known(x->usage_bytes), known(y->usage_bytes), false);
		break;
	}
	return r ? r : strcmp(x->path, y->path);
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
		sort_key = v->sort;
		sort_reverse = v->reverse;
		qsort(v->rows, lv->n, sizeof(int), cmp_rows);
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
