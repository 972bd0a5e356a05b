/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/draw.h"

#include <curses.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tui/sanitize.h"

static const struct glyphs glyphs_utf8 = {
	.bar_full = "\u2588", .bar_empty = "\u2591", .high_mark = "\u2503",
	.bar_reclaim = "\u2592",
	.tree_mid = "\u251c\u2500", .tree_last = "\u2514\u2500", .tree_pipe = "\u2502 ",
	.tree_none = "  ", .open = "\u25be", .closed = "\u25b8",
	.sort_down = "\u25bc", .sort_up = "\u25b2", .sep = "\u2502",
	.ellipsis = "\u2026",
	.plot = {" ", "\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588"},
};

static const struct glyphs glyphs_ascii = {
	.bar_full = "#", .bar_empty = ".", .high_mark = "|",
	.bar_reclaim = ":",
	.tree_mid = "|-", .tree_last = "`-", .tree_pipe = "| ",
	.tree_none = "  ", .open = "-", .closed = "+",
	.sort_down = "v", .sort_up = "^", .sep = "|",
	.ellipsis = "~",
	.plot = {" ", ".", ".", ".", ":", ":", ":", "|", "#"},
};

void draw_ctx_init(struct draw_ctx *dc, bool utf8)
{
	memset(dc, 0, sizeof(*dc));
	dc->utf8 = utf8;
	dc->g = utf8 ? &glyphs_utf8 : &glyphs_ascii;
}

void draw_ctx_theme(struct draw_ctx *dc, const struct theme *th)
{
	theme_apply(th, dc->no_color, dc->attr);
	bkgdset(' ' | dc->attr[S_NORMAL]);
}

static void use(const struct draw_ctx *dc, enum theme_style st)
{
	attrset((unsigned)st < S_COUNT ? dc->attr[st] : 0);
}

void draw_erase(const struct draw_ctx *dc)
{
	use(dc, S_NORMAL);
	bkgdset(' ' | dc->attr[S_NORMAL]);
	erase();
}

void draw_fill(const struct draw_ctx *dc, int y, int x, int w, enum theme_style st)
{
	if (w <= 0)
		return;
	use(dc, st);
	mvhline(y, x, ' ', w);
}

int draw_put(const struct draw_ctx *dc, int y, int x, int maxw, const char *s,
             enum theme_style st)
{
	char buf[2048];
	if (maxw <= 0)
		return 0;
	int cols = sanitize_text(buf, sizeof(buf), s, maxw, dc->utf8);
	use(dc, st);
	mvaddstr(y, x, buf);
	return cols;
}

int draw_text(const struct draw_ctx *dc, int y, int x, int w, const char *s, enum theme_style st,
              enum align al)
{
	char buf[2048];
	if (w <= 0)
		return 0;
	int cols = sanitize_text(buf, sizeof(buf), s, w, dc->utf8);
	use(dc, st);
	if (al == AL_RIGHT) {
		mvhline(y, x, ' ', w - cols);
		mvaddstr(y, x + w - cols, buf);
	} else {
		mvaddstr(y, x, buf);
		if (w > cols)
			mvhline(y, x + cols, ' ', w - cols);
	}
	return cols;
}

int draw_textf(const struct draw_ctx *dc, int y, int x, int w, enum theme_style st,
               enum align al, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return draw_text(dc, y, x, w, buf, st, al);
}

void draw_cursor(const struct draw_ctx *dc, int y, int x)
{
	use(dc, S_SELECTED);
	mvaddch(y, x, ' ');
}

enum theme_style draw_row_style(enum theme_style st, bool selected)
{
	return selected ? S_SELECTED : st;
}

/* Cells of w that `part` of `total` fills, rounded. */
static int cells(double part, double total, int w)
{
	double f = part / total;
	if (isnan(f) || f < 0)
		f = 0;
	if (f > 1)
		f = 1;
	return (int)lround(f * w);
}

void draw_bar(const struct draw_ctx *dc, int y, int x, int w, double used, double reclaimable,
              double total, double mark, enum theme_style st)
{
	if (w <= 0)
		return;
	int fill = 0, light = 0, at = -1;
	if (total > 0 && !isnan(used)) {
		fill = cells(used, total, w);
		if (fill == 0 && used > 0)
			fill = 1; /* something is used: show it */
		if (reclaimable > 0) {
			light = cells(used + reclaimable, total, w);
			if (light < fill)
				light = fill;
		}
		if (mark >= 0 && !isnan(mark) && mark < total)
			at = (int)(mark / total * w);
	}
	move(y, x);
	for (int i = 0; i < w; i++) {
		if (i == at) {
			use(dc, S_HIGH_MARK);
			addstr(dc->g->high_mark);
		} else if (i < fill) {
			use(dc, st);
			addstr(dc->g->bar_full);
		} else if (i < light) {
			use(dc, S_MEM_RECLAIM);
			addstr(dc->g->bar_reclaim);
		} else {
			use(dc, S_METER_EMPTY);
			addstr(dc->g->bar_empty);
		}
	}
}
