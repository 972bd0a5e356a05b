/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/dialog/menu.h"

#include "tui/draw.h"

void dialog_menu_draw(struct tui *t, struct rect r)
{
	static const char *const titles[] = {
		[MENU_SORT] = "Sort by", [MENU_CGROUP_SORT] = "Sort the cgroups by",
		[MENU_USER] = "Show the processes of user",
		[MENU_THEME] = "Theme", [MENU_ADJ] = "",
	};
	const struct draw_ctx *dc = &t->dc;
	struct listview *l = &t->menu.list;
	struct rect d;
	if (!layout_dialog(r, 34, (int)l->n + 2, 8, &d))
		return;
	int w = d.w, h = d.h, x = d.x, y = d.y;
	int rows = h - 2;
	listview_fit(l, (size_t)rows);
	draw_fill(dc, y, x, w, S_HEADER_FOCUS);
	draw_textf(dc, y, x, w, S_HEADER_FOCUS, AL_LEFT, " %s", titles[t->menu.kind]);
	for (int i = 0; i < rows; i++) {
		size_t k = l->top + (size_t)i;
		bool sel = k == l->sel;
		draw_fill(dc, y + 1 + i, x, w, sel ? S_SELECTED : S_NORMAL);
		if (k < l->n)
			draw_textf(dc, y + 1 + i, x, w, sel ? S_SELECTED : S_NORMAL, AL_LEFT,
			           "  %s", t->menu.item[k]);
	}
	draw_fill(dc, y + h - 1, x, w, S_HEADER);
	draw_text(dc, y + h - 1, x, w, " Enter choose  Esc cancel", S_HEADER, AL_LEFT);
}
