/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/draw.h — drawing primitives on a small draw context: the theme's attributes, the
 * glyph set, whether the terminal is UTF-8 and whether colours are off. Text goes through
 * the sanitiser (tui/sanitize.h) in every primitive that takes text: no byte from a
 * process or the kernel log reaches the terminal unfiltered. Primitives write into
 * stdscr, clipped to the width they are given, and never refresh. */
#ifndef OOMTOP_TUI_DRAW_H
#define OOMTOP_TUI_DRAW_H

#include <stdbool.h>

#include "tui/config/theme.h"

/* Characters that differ between UTF-8 and ASCII terminals. */
struct glyphs {
	const char *bar_full, *bar_empty, *high_mark;
	const char *bar_reclaim; /* the part of a bar the kernel can reclaim (cache, ZFS ARC) */
	const char *tree_mid, *tree_last, *tree_pipe, *tree_none;
	const char *open, *closed; /* tree node expanded / collapsed */
	const char *sort_down, *sort_up;
	const char *sep; /* between header items */
	const char *ellipsis; /* one column: where a long name was cut */
	const char *plot[9];  /* a chart cell filled 0..8 eighths from the bottom (tui/model/plot.h) */
};

struct draw_ctx {
	unsigned attr[S_COUNT]; /* curses attributes of each style (draw_ctx_theme) */
	const struct glyphs *g;
	bool utf8;     /* the sanitiser passes UTF-8 through; else every byte ≥ 0x80 is '?' */
	bool no_color; /* --no-color, NO_COLOR: styles use their attributes only */
};

/* Glyphs for utf8, colours on, no theme applied yet (every style plain). */
void draw_ctx_init(struct draw_ctx *dc, bool utf8);
/* Apply a theme to the running screen (after screen_init): colour pairs, the styles'
 * attributes, the background. */
void draw_ctx_theme(struct draw_ctx *dc, const struct theme *th);

enum align { AL_LEFT, AL_RIGHT };

/* The whole screen blank in the normal style. */
void draw_erase(const struct draw_ctx *dc);
/* Spaces over w cells. */
void draw_fill(const struct draw_ctx *dc, int y, int x, int w, enum theme_style st);
/* Sanitised, clipped to w columns, padded with spaces to exactly w. Returns columns of
 * text drawn (before padding). */
int draw_text(const struct draw_ctx *dc, int y, int x, int w, const char *s, enum theme_style st,
              enum align al);
int draw_textf(const struct draw_ctx *dc, int y, int x, int w, enum theme_style st,
               enum align al, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Sanitised, clipped, not padded; returns columns drawn. */
int draw_put(const struct draw_ctx *dc, int y, int x, int maxw, const char *s,
             enum theme_style st);
/* A one-cell block in the selection style: a prompt's cursor. */
void draw_cursor(const struct draw_ctx *dc, int y, int x);

/* A bar of w cells: `used` of `total` filled in st, then `reclaimable` more (memory the
 * kernel takes back before it OOM-kills: page cache, the ZFS ARC; 0: none) drawn lighter,
 * the rest empty; a mark at `mark` (same unit; negative: none). Without colours each part
 * is still visible (glyphs). */
void draw_bar(const struct draw_ctx *dc, int y, int x, int w, double used, double reclaimable,
              double total, double mark, enum theme_style st);

/* The style of a cell: st, or the selection's on the selected row. */
enum theme_style draw_row_style(enum theme_style st, bool selected);

#endif
