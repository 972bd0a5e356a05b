/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/pane/cgroups.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/base/fmt.h"
#include "tui/draw.h"
#include "tui/model/cgroup_columns.h"
#include "tui/model/rate.h"

static const char *victim_comm(const struct snapshot *s, pid_t pid)
{
	for (size_t i = 0; i < s->nprocs; i++)
		if (s->procs[i]->pid == pid && s->procs[i]->state == PROC_RUNNING)
			return s->procs[i]->comm;
	return "";
}

/* Tree prefix of row idx: one pipe or blank per ancestor level, then a branch. */
static void tree_prefix(const struct tui *t, size_t idx, char *buf, size_t n)
{
	const struct snapshot *s = t->snap;
	const struct glyphs *g = t->dc.g;
	const struct cgroup_row *c = &s->cgroups[idx];
	const char *parts[64];
	int depth = 0;
	buf[0] = '\0';
	if (c->parent < 0)
		return;
	parts[depth++] = t->cv.last_child[idx] ? g->tree_last : g->tree_mid;
	for (int p = c->parent; p >= 0 && s->cgroups[p].parent >= 0 && depth < 64;
	     p = s->cgroups[p].parent)
		parts[depth++] = t->cv.last_child[p] ? g->tree_none : g->tree_pipe;
	size_t len = 0;
	for (int i = depth - 1; i >= 0; i--) {
		size_t l = strlen(parts[i]);
		if (len + l + 1 >= n)
			break;
		memcpy(buf + len, parts[i], l);
		len += l;
	}
	buf[len] = '\0';
}

/* The flat list's name: the path, its start cut ("…" / "..") when it is wider than w, so
 * that the cgroup's own name shows (paths differ at their ends). */
static void path_tail(const struct draw_ctx *dc, const char *path, int w, char *buf, size_t n)
{
	const char *dots = dc->utf8 ? "\u2026" : "..";
	int dots_w = dc->utf8 ? 1 : 2, chars = 0;
	for (const char *p = path; *p; p++)
		chars += ((unsigned char)*p & 0xc0) != 0x80;
	if (chars <= w || w <= dots_w) {
		snprintf(buf, n, "%s", path);
		return;
	}
	const char *p = path;
	for (int skip = chars - (w - dots_w); *p && skip > 0; skip--)
		do
			p++;
		while (((unsigned char)*p & 0xc0) == 0x80);
	snprintf(buf, n, "%s%s", dots, p);
}

static enum theme_style rate_style(const struct slope *sl)
{
	switch (rate_classify(sl, true)) {
	case RATE_STEEP: return S_LEAK_STEEP;
	case RATE_RISING: return S_LEAK_RISING;
	case RATE_NOISY: return S_LEAK_NOISY;
	case RATE_FALLING: return S_LEAK_FALLING;
	default: return S_NORMAL;
	}
}

/* The column header: sortable columns of the flat list carry the sort's arrow. */
static void header_draw(const struct tui *t, struct rect r, const int *widths)
{
	const struct draw_ctx *dc = &t->dc;
	const struct snapshot *s = t->snap;
	const struct cgview *v = &t->cv;
	enum theme_style hs = t->focus == PANE_CGROUPS ? S_HEADER_FOCUS : S_HEADER;
	draw_fill(dc, r.y, r.x, r.w, hs);
	int x = r.x + 1;
	for (int c = 0; c < CGCOL_COUNT; c++) {
		if (!widths[c])
			continue;
		const struct cgroup_column_info *ci = cgroup_columns_info((enum cgroup_column)c);
		char h[64];
		if (c == CGCOL_NAME && s && s->cgroup_version)
			snprintf(h, sizeof(h), "CGROUP v%d", s->cgroup_version);
		else if (c == CGCOL_NAME)
			snprintf(h, sizeof(h), "CGROUP");
		else
			snprintf(h, sizeof(h), "%s%s", ci->header,
			         !v->tree && ci->sort == (int)v->sort
			             ? (v->reverse ? dc->g->sort_up : dc->g->sort_down)
			             : "");
		draw_text(dc, r.y, x, widths[c], h, hs, ci->right ? AL_RIGHT : AL_LEFT);
		x += widths[c] + 1;
	}
}

/* One row's look: its index in the snapshot, whether it is near its limit. */
struct row {
	size_t idx;
	const struct cgroup_row *c;
	double pct;
	bool near, sel;
	int y;
};

/* The name: in the tree, dim tree lines then the name in the row's style; flat, the path. */
static void name_draw(const struct tui *t, const struct row *rw, int x, int w)
{
	const struct draw_ctx *dc = &t->dc;
	const struct cgview *v = &t->cv;
	const struct cgroup_row *c = rw->c;
	enum theme_style st = draw_row_style(rw->near ? S_LIMIT_NEAR : S_NORMAL, rw->sel);
	char pre[256], buf[512];
	if (!v->tree) {
		path_tail(dc, c->path, w, buf, sizeof(buf));
		draw_text(dc, rw->y, x, w, buf, st, AL_LEFT);
		return;
	}
	tree_prefix(t, rw->idx, pre, sizeof(pre));
	const char *node = !cgview_has_children(t->snap, rw->idx) ? ""
	                   : cgview_is_collapsed(v, c->path)      ? dc->g->closed
	                                                          : dc->g->open;
	snprintf(buf, sizeof(buf), "%s%s", node, c->name ? c->name : c->path);
	int n = draw_put(dc, rw->y, x, w, pre, rw->sel ? S_SELECTED : S_TREE);
	draw_text(dc, rw->y, x + n, w - n, buf, st, AL_LEFT);
}

/* The bar: the working set of the effective limit, then the cache the kernel reclaims
 * first, lighter; the mark at memory.high. False when there is no limit to draw. */
static bool bar_draw(const struct tui *t, const struct row *rw, int x, int w)
{
	const struct cgroup_row *c = rw->c;
	int64_t press = cgview_pressing_bytes(c);
	if (!val_known(c->effective_limit_bytes) || !val_known(press))
		return false;
	double cache = 0;
	if (val_known(c->working_set_bytes) && val_known(c->usage_bytes))
		cache = (double)(c->usage_bytes - c->working_set_bytes);
	draw_bar(&t->dc, rw->y, x, w, (double)press, cache, (double)c->effective_limit_bytes,
	         val_known(c->high_bytes) ? (double)c->high_bytes : -1,
	         rw->near ? S_LIMIT_NEAR : S_MEM_USED);
	return true;
}

/* A text cell and its style. */
static void cell(const struct tui *t, const struct row *rw, enum cgroup_column col, char *buf,
                 size_t n, enum theme_style *st)
{
	const struct snapshot *s = t->snap;
	const struct cgroup_row *c = rw->c;
	char tmp[64];
	bool ws_known = val_known(c->working_set_bytes);
	*st = S_NORMAL;
	buf[0] = '\0';
	switch (col) {
	case CGCOL_USAGE: fmt_bytes(buf, n, c->usage_bytes); break;
	case CGCOL_WSET:
		fmt_bytes(buf, n, c->working_set_bytes);
		*st = rw->near ? S_LIMIT_NEAR : S_NORMAL;
		break;
	case CGCOL_LIMIT: {
		int64_t eff = c->effective_limit_bytes;
		bool inherited = val_known(eff) && (!val_known(c->limit_bytes) || c->limit_bytes > eff);
		snprintf(buf, n, "%s%s", fmt_bytes(tmp, sizeof(tmp), eff), inherited ? "^" : "");
		break;
	}
	case CGCOL_HIGH:
		fmt_bytes(buf, n, c->high_bytes);
		if (c->throttled)
			*st = S_HIGH_MARK;
		break;
	case CGCOL_BAR:
		snprintf(buf, n, "no limit");
		*st = S_DIM;
		break;
	case CGCOL_PCT:
		if (isnan(rw->pct))
			snprintf(buf, n, "-");
		else
			snprintf(buf, n, "%.0f%%", rw->pct);
		*st = rw->near ? S_LIMIT_NEAR : S_NORMAL;
		break;
	case CGCOL_SLOPE: {
		const struct slope *sl = ws_known ? &c->working_set_slope : &c->usage_slope;
		fmt_bytes_rate_h(buf, n, sl->per_s);
		*st = rate_style(sl);
		break;
	}
	case CGCOL_ETA:
		cgview_eta_label(s, rw->idx, buf, n);
		if (cgview_throttled_by(s, rw->idx) >= 0)
			*st = S_HIGH_MARK;
		else if (!isnan(c->eta_to_limit_s) && c->eta_to_limit_s < 3600)
			*st = S_LIMIT_NEAR;
		break;
	case CGCOL_OOM:
		fmt_count(buf, n, c->oom_kills);
		if (val_known(c->oom_kills) && c->oom_kills > 0)
			*st = S_OOM;
		break;
	case CGCOL_PSI:
		if (isnan(c->psi_some_avg10))
			snprintf(buf, n, "-");
		else
			snprintf(buf, n, "%.1f", c->psi_some_avg10);
		if (cgview_stalls(c))
			*st = S_LIMIT_NEAR;
		break;
	case CGCOL_PROCS: fmt_count(buf, n, c->nprocs); break;
	case CGCOL_VICTIM:
		if (c->next_victim_pid > 0) {
			snprintf(buf, n, "%d %s", (int)c->next_victim_pid,
			         victim_comm(s, c->next_victim_pid));
			*st = S_VICTIM;
		}
		break;
	default: break;
	}
	if (buf[0] == '-' && buf[1] == '\0')
		*st = S_DIM;
}

void pane_cgroups_draw(struct tui *t, struct rect r)
{
	const struct draw_ctx *dc = &t->dc;
	int widths[CGCOL_COUNT];
	cgroup_columns_fit(r.w, widths);
	struct cgview *v = &t->cv;
	const struct snapshot *s = t->snap;
	header_draw(t, r, widths);
	size_t rows = (size_t)(r.h - 1);
	struct listview *l = &v->list;
	listview_fit(l, rows);
	if (!s || l->n == 0) {
		draw_text(dc, r.y + 1, r.x + 1, r.w - 1,
		          !s ? "collecting..."
		             : s->cgroup_version == 0 ? "no memory cgroup controller found"
		                                      : "no cgroups",
		          S_DIM, AL_LEFT);
		return;
	}
	for (size_t i = 0; i < rows && l->top + i < l->n; i++) {
		struct row rw = {.idx = (size_t)v->rows[l->top + i], .sel = l->top + i == l->sel,
		                 .y = r.y + 1 + (int)i};
		rw.c = &s->cgroups[rw.idx];
		rw.pct = cgview_pct(rw.c);
		rw.near = !isnan(rw.pct) && rw.pct >= t->set.threshold_pct;
		if (rw.sel)
			draw_fill(dc, rw.y, r.x, r.w, S_SELECTED);
		enum theme_style ms = draw_row_style(S_LIMIT_NEAR, rw.sel);
		draw_text(dc, rw.y, r.x, 1, rw.near ? "!" : " ", ms, AL_LEFT);
		int x = r.x + 1;
		for (int col = 0; col < CGCOL_COUNT; col++) {
			int w = widths[col];
			if (!w)
				continue;
			if (col == CGCOL_NAME) {
				name_draw(t, &rw, x, w);
			} else if (col != CGCOL_BAR || !bar_draw(t, &rw, x, w)) {
				const struct cgroup_column_info *ci =
					cgroup_columns_info((enum cgroup_column)col);
				char buf[512];
				enum theme_style st;
				cell(t, &rw, (enum cgroup_column)col, buf, sizeof(buf), &st);
				draw_text(dc, rw.y, x, w, buf, draw_row_style(st, rw.sel),
				          ci->right ? AL_RIGHT : AL_LEFT);
			}
			x += w + 1;
		}
	}
}
