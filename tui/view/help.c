/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/view/help.h"

#include <stdio.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/keymap.h"

static const char *const legend[] = {
	"Marks and colours",
	"  V   the process the kernel would kill next in its scope (cgroup or system)",
	"  K   killed by the OOM killer (a ghost row; Enter opens its episode)",
	"  x   exited (a ghost row, dimmed, kept for a while)",
	"  b   OOM pane: a kill of an earlier boot (dimmed; the status line names the boot)",
	"  !   cgroup at or over the threshold of its effective limit (threshold= in oomtoprc)",
	"  ^   after a LIMIT: inherited from an ancestor cgroup (the tightest on the path)",
	"  RSS/h, FD/h, USE/h: growth per hour over the leak-rate window; '-' until known.",
	"      Colour: steep and steady, steady, unsteady (a line fits poorly), shrinking.",
	"  Bars: usage of the effective limit; the bold mark is memory.high.",
};

/* Lines: per context a title, then one line per action (its keys joined), a blank line;
 * then the legend. Index space is computed on the fly: small table, cheap. */
static int emit(int want, char *buf, size_t n, bool *is_title)
{
	int i = 0;
	for (int ctx = 0; ctx < KC_COUNT; ctx++) {
		if (i == want) {
			snprintf(buf, n, "%s", keymap_context_title((enum key_context)ctx));
			*is_title = true;
			return i;
		}
		i++;
		for (size_t k = 0; k < keymap_len; k++) {
			const struct keybinding *b = &keymap[k];
			if ((int)b->ctx != ctx || !keymap_first_of_action(k))
				continue;
			if (i == want) {
				char keys[64];
				keymap_keys_of(k, keys, sizeof(keys));
				snprintf(buf, n, "  %-16s %s", keys, b->help);
				*is_title = false;
				return i;
			}
			i++;
		}
		if (i == want) {
			buf[0] = '\0';
			*is_title = false;
			return i;
		}
		i++;
	}
	for (size_t l = 0; l < sizeof(legend) / sizeof(legend[0]); l++, i++) {
		if (i == want) {
			snprintf(buf, n, "%s", legend[l]);
			*is_title = l == 0;
			return i;
		}
	}
	return i;
}

static int help_lines(void)
{
	char buf[8];
	bool t;
	return emit(-1, buf, sizeof(buf), &t);
}

static void help_line(int i, char *buf, size_t n, bool *is_title)
{
	buf[0] = '\0';
	*is_title = false;
	emit(i, buf, n, is_title);
}

void view_help_draw(struct tui *t, struct rect r)
{
	const struct draw_ctx *dc = &t->dc;
	int total = help_lines();
	draw_fill(dc, r.y, r.x, r.w, S_HEADER_FOCUS);
	draw_text(dc, r.y, r.x, r.w, " oomtop " PACKAGE_VERSION " help: keys (Esc closes)",
	          S_HEADER_FOCUS, AL_LEFT);
	int rows = r.h - 1;
	if (rows <= 0)
		return;
	listview_fit_document(&t->help, (size_t)total, (size_t)rows);
	int top = (int)t->help.top;
	for (int i = 0; i < rows && top + i < total; i++) {
		char buf[256];
		bool title;
		help_line(top + i, buf, sizeof(buf), &title);
		draw_text(dc, r.y + 1 + i, r.x + 1, r.w - 1, buf, title ? S_TITLE : S_NORMAL, AL_LEFT);
	}
}
