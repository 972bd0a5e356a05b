/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/dialog/box.h — a dialog over the panes made of text lines: a title line, the lines
 * (one may be drawn selected), a footer saying what the keys do. Filled line by line
 * (long text folded at blanks), then drawn centred in the panes' area. The oom_score_adj
 * dialogs (tui/adj/dialog.c) are boxes. */
#ifndef OOMTOP_TUI_DIALOG_BOX_H
#define OOMTOP_TUI_DIALOG_BOX_H

#include <stddef.h>

#include "tui/draw.h"
#include "tui/layout.h"

#define DIALOG_BOX_LINES 40

struct dialog_box {
	size_t n;
	int w;   /* text width inside the box (dialog_box_width) */
	int sel; /* line drawn as selected, -1: none */
	struct {
		char text[256];
		enum theme_style st;
	} l[DIALOG_BOX_LINES];
};

/* The text width for a box in r: the whole width on small terminals (nothing of the
 * panes shows through at the edges), 92 columns centred on wide ones. */
int dialog_box_width(struct rect r);

/* One more line (dropped past DIALOG_BOX_LINES). */
void dialog_box_add(struct dialog_box *b, enum theme_style st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Text folded at a blank to the box's width, continuation lines indented by `indent`. */
void dialog_box_add_wrapped(struct dialog_box *b, enum theme_style st, int indent,
                            const char *text);

/* Inside r: centred across, a third down, clipped; nothing when r is too small. */
void dialog_box_draw(const struct draw_ctx *dc, struct rect r, const char *title,
                     const struct dialog_box *b, const char *footer);

#endif
