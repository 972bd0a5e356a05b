/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/view/units.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/base/fmt.h"
#include "core/base/strbuf.h"
#include "core/output/rhythm.h"
#include "tui/draw.h"
#include "tui/model/evfmt.h"
#include "tui/pane/events.h"

#define NO_UNIT " (no unit)"

enum u_col { U_NAME, U_KILLS, U_EPISODES, U_SPAN, U_EVERY, U_SPREAD, U_LAST, U_NEXT, U_COUNT };

static const struct {
	const char *header;
	struct col_spec spec;
	bool right;
} cols[U_COUNT] = {
	[U_NAME] = {"UNIT", {20, 20, 100, true}, false},
	[U_KILLS] = {"KILLS", {5, 5, 99, false}, true},
	[U_EPISODES] = {"EPISODES", {8, 8, 40, false}, true},
	[U_SPAN] = {"IN", {7, 7, 70, false}, true},
	[U_EVERY] = {"EVERY", {7, 7, 96, false}, true},
	[U_SPREAD] = {"±", {5, 5, 80, false}, true},
	[U_LAST] = {"LAST", {16, 16, 90, false}, false},
	[U_NEXT] = {"NEXT", {16, 26, 95, false}, false},
};

/* A group's label: the unit, or the victim's name and "(no unit)". */
static const char *label_tail(const struct unit_rhythm *g)
{
	return g->is_unit || strcmp(g->name, UNIT_RHYTHM_UNNAMED) == 0 ? "" : NO_UNIT;
}

static void label(const struct unit_rhythm *g, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s", g->name, label_tail(g));
}

/* " photo.service: 6 kills in 20h50m, every 4h10m ± 20m, ..." (as --by-unit prints it). */
static void rhythm_line(const struct tui *t, const struct unit_rhythm *g, const char *lead, char *buf,
			size_t n)
{
	char name[300];
	label(g, name, sizeof(name));
	struct strbuf sb;
	sb_init(&sb);
	sb_puts(&sb, lead);
	output_rhythm_text(&g->r, name, t->snap->time_unix_s, &sb);
	snprintf(buf, n, "%s", sb.oom ? "" : sb.buf);
	sb_free(&sb);
}

bool view_units_describe(const struct tui *t, char *buf, size_t n)
{
	const struct unit_rhythm *g = t->snap ? unitview_at(&t->uv, t->uv.list.sel) : NULL;
	if (!g)
		return false;
	rhythm_line(t, g, "", buf, n);
	return true;
}

static void cell(const struct tui *t, const struct unit_rhythm *g, enum u_col c, int w, char *buf,
		 size_t n, enum theme_style *st)
{
	const struct rhythm *r = &g->r;
	double now = t->snap->time_unix_s;
	char d[32];
	*st = S_NORMAL;
	buf[0] = '\0';
	switch (c) {
	case U_NAME: {
		/* cut in the middle, keeping "(no unit)" after a process name */
		const char *tail = label_tail(g);
		evfmt_fit(buf, n, g->name, w - (int)strlen(tail), t->dc.g->ellipsis);
		strncat(buf, tail, n - strlen(buf) - 1);
		break;
	}
	case U_KILLS: snprintf(buf, n, "%zu", r->kills); break;
	case U_EPISODES: snprintf(buf, n, "%zu", r->episodes); break;
	case U_SPAN:
		if (r->episodes > 1)
			fmt_duration(buf, n, r->last_unix_s - r->first_unix_s);
		else
			snprintf(buf, n, "-"); /* kills at once: EVERY says so */
		break;
	case U_EVERY:
		if (r->episodes == 1 && r->kills > 1 && !isnan(r->last_unix_s))
			snprintf(buf, n, "at once");
		else
			fmt_duration(buf, n, r->interval_s);
		break;
	case U_SPREAD: fmt_duration(buf, n, r->spread_s); break;
	case U_LAST: output_rhythm_clock(buf, n, r->last_unix_s, now); break;
	case U_NEXT: {
		/* "overdue" or "(in 1h20m)" where it fits (w 0: anything fits) */
		char suffix[48] = "";
		output_rhythm_clock(buf, n, r->next_unix_s, now);
		if (isnan(r->next_unix_s))
			break;
		bool overdue = r->next_unix_s < now;
		*st = overdue ? S_DIM : S_OOM;
		if (overdue)
			snprintf(suffix, sizeof(suffix), " overdue");
		else
			snprintf(suffix, sizeof(suffix), " (in %s)", fmt_duration(d, sizeof(d), r->next_unix_s - now));
		if (w <= 0 || strlen(buf) + strlen(suffix) <= (size_t)w)
			strncat(buf, suffix, n - strlen(buf) - 1);
		break;
	}
	default: break;
	}
	if (buf[0] == '-' && buf[1] == '\0')
		*st = S_DIM;
}

void view_units_draw(struct tui *t, struct rect r)
{
	const struct draw_ctx *dc = &t->dc;
	const struct snapshot *s = t->snap;
	struct unitview *v = &t->uv;
	draw_fill(dc, r.y, r.x, r.w, S_HEADER_FOCUS);
	draw_textf(dc, r.y, r.x, r.w, S_HEADER_FOCUS, AL_LEFT,
		   " OOM kills by unit, most first: %zu kill%s, %zu unit%s or victims without one",
		   v->kills, v->kills == 1 ? "" : "s", v->list.n, v->list.n == 1 ? "" : "s");
	if (r.h < 2 || !s)
		return;
	int widths[U_COUNT];
	struct col_spec spec[U_COUNT];
	for (int c = 0; c < U_COUNT; c++)
		spec[c] = cols[c].spec;
	/* LAST and NEXT as wide as their widest cell ("02:14", "2025-05-19 02:14 overdue") */
	spec[U_LAST].min_w = spec[U_LAST].pref_w = spec[U_NEXT].min_w = spec[U_NEXT].pref_w = 5;
	for (size_t k = 0; k < v->list.n; k++) {
		char buf[64];
		enum theme_style st;
		for (int c = U_LAST; c <= U_NEXT; c++) {
			cell(t, unitview_at(v, k), (enum u_col)c, 0, buf, sizeof(buf), &st);
			int w = (int)strlen(buf);
			if (w > spec[c].pref_w)
				spec[c].pref_w = w;
		}
	}
	spec[U_LAST].min_w = spec[U_LAST].pref_w; /* a date is not cut */
	if (spec[U_NEXT].pref_w > 16)
		spec[U_NEXT].min_w = 16; /* "(in 1h20m)", "overdue" may go */
	else
		spec[U_NEXT].min_w = spec[U_NEXT].pref_w;
	layout_fit_columns(spec, NULL, U_COUNT, r.w - 1, widths);
	/* NEXT's words whole or not at all: what they cannot use goes to the name */
	if (widths[U_NEXT] && widths[U_NAME] && widths[U_NEXT] < spec[U_NEXT].pref_w) {
		widths[U_NAME] += widths[U_NEXT] - spec[U_NEXT].min_w;
		widths[U_NEXT] = spec[U_NEXT].min_w;
	}
	draw_fill(dc, r.y + 1, r.x, r.w, S_HEADER);
	int x = r.x + 1;
	for (int c = 0; c < U_COUNT; c++) {
		if (!widths[c])
			continue;
		draw_text(dc, r.y + 1, x, widths[c], cols[c].header, S_HEADER, cols[c].right ? AL_RIGHT : AL_LEFT);
		x += widths[c] + 1;
	}
	size_t rows = r.h > 2 ? (size_t)(r.h - 2) : 0;
	listview_fit(&v->list, rows);
	for (size_t i = 0; i < rows && v->list.top + i < v->list.n; i++) {
		size_t k = v->list.top + i;
		const struct unit_rhythm *g = unitview_at(v, k);
		bool sel = k == v->list.sel;
		int y = r.y + 2 + (int)i;
		if (sel)
			draw_fill(dc, y, r.x, r.w, S_SELECTED);
		x = r.x + 1;
		for (int c = 0; c < U_COUNT; c++) {
			if (!widths[c])
				continue;
			char buf[512];
			enum theme_style st;
			cell(t, g, (enum u_col)c, widths[c], buf, sizeof(buf), &st);
			draw_text(dc, y, x, widths[c], buf, draw_row_style(st, sel),
				  cols[c].right ? AL_RIGHT : AL_LEFT);
			x += widths[c] + 1;
		}
	}
}

void view_unit_kills_draw(struct tui *t, struct rect r)
{
	const struct draw_ctx *dc = &t->dc;
	const struct snapshot *s = t->snap;
	const struct unit_rhythm *g = unitview_at(&t->uv, t->uv.list.sel);
	draw_fill(dc, r.y, r.x, r.w, S_HEADER_FOCUS);
	if (g && s && t->ukills.only) {
		char line[600];
		rhythm_line(t, g, " ", line, sizeof(line));
		draw_text(dc, r.y, r.x, r.w, line, S_HEADER_FOCUS, AL_LEFT);
	}
	if (r.h < 2)
		return;
	pane_events_table_draw(t, (struct rect){r.y + 1, r.x, r.h - 1, r.w}, &t->ukills, true);
	if (t->ukills.list.n == 0 && r.h > 2)
		draw_text(dc, r.y + 2, r.x + 1, r.w - 1, "none of its kills is kept any more", S_DIM, AL_LEFT);
}
