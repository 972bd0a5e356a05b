/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/dialog/box.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

int dialog_box_width(struct rect r)
{
	int w = r.w > 100 ? 92 : r.w - 4;
	return w < 8 ? 8 : w;
}

void dialog_box_add(struct dialog_box *b, enum theme_style st, const char *fmt, ...)
{
	if (b->n >= DIALOG_BOX_LINES)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(b->l[b->n].text, sizeof(b->l[0].text), fmt, ap);
	va_end(ap);
	b->l[b->n++].st = st;
}

void dialog_box_add_wrapped(struct dialog_box *b, enum theme_style st, int indent,
                            const char *text)
{
	const char *p = text;
	bool first = true;
	while (*p && b->n < DIALOG_BOX_LINES) {
		int room = b->w - (first ? 0 : indent);
		if (room < 10)
			room = 10;
		size_t len = strlen(p);
		size_t cut = len;
		if ((int)len > room) {
			cut = (size_t)room;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = (size_t)room;
		}
		dialog_box_add(b, st, "%*s%.*s", first ? 0 : indent, "", (int)cut, p);
		p += cut;
		while (*p == ' ')
			p++;
		first = false;
	}
}

void dialog_box_draw(const struct draw_ctx *dc, struct rect r, const char *title,
                     const struct dialog_box *b, const char *footer)
{
	struct rect d;
	if (!layout_dialog(r, b->w + 4, (int)b->n + 2, 12, &d))
		return;
	int w = d.w, h = d.h, x = d.x, y = d.y;
	draw_fill(dc, y, x, w, S_HEADER_FOCUS);
	draw_text(dc, y, x, w, title, S_HEADER_FOCUS, AL_LEFT);
	for (int i = 0; i < h - 2; i++) {
		bool sel = i == b->sel;
		enum theme_style st = sel ? S_SELECTED : b->l[i].st;
		draw_fill(dc, y + 1 + i, x, w, sel ? S_SELECTED : S_NORMAL);
		draw_text(dc, y + 1 + i, x + 2, w - 3, b->l[i].text, st, AL_LEFT);
	}
	draw_fill(dc, y + h - 1, x, w, S_HEADER);
	draw_text(dc, y + h - 1, x, w, footer, S_HEADER, AL_LEFT);
}
