#include "config.h"
#include "tui/draw.h"

#include <curses.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <math.h>
#include "tui/keymap.h"
#include "tui/sanitize.h"
#include "tui/tui.h"

void draw_fill(int y, int x, int w, enum theme_style st)
{
	if (w <= 0)
		return;
	attrset(theme_attr(st));
	mvhline(y, x, ' ', w);
}

int draw_put(const struct tui *t, int y, int x, int maxw, const char *s, enum theme_style st)
{
	char buf[2048];
	if (maxw <= 0)
		return 0;
	int cols = san_text(buf, sizeof(buf), s, maxw, t->utf8);
	attrset(theme_attr(st));
	mvaddstr(y, x, buf);
	return cols;
}

int draw_text(const struct tui *t, int y, int x, int w, const char *s, enum theme_style st,
              enum align al)
{
	char buf[2048];
	if (w <= 0)
		return 0;
	int cols = san_text(buf, sizeof(buf), s, w, t->utf8);
	attrset(theme_attr(st));
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

int draw_textf(const struct tui *t, int y, int x, int w, enum theme_style st, enum align al,
               const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return draw_text(t, y, x, w, buf, st, al);
}

enum theme_style draw_row_style(enum theme_style st, bool selected)
{
	return selected ? S_SELECTED : st;
}

void draw_bar(const struct tui *t, int y, int x, int w, double used, double total, double mark,
              enum theme_style st)
{
	if (w <= 0)
		return;
	int fill = 0, at = -1;
	if (total > 0 && !isnan(used)) {
		double f = used / total;
		if (f < 0)
			f = 0;
		if (f > 1)
			f = 1;
		fill = (int)lround(f * w);
		if (fill == 0 && used > 0)
			fill = 1; /* something is used: show it */
		if (mark >= 0 && !isnan(mark) && mark < total)
			at = (int)(mark / total * w);
	}
	move(y, x);
	for (int i = 0; i < w; i++) {
		if (i == at) {
			attrset(theme_attr(S_HIGH_MARK));
			addstr(t->g->high_mark);
		} else if (i < fill) {
			attrset(theme_attr(st));
			addstr(t->g->bar_full);
		} else {
			attrset(theme_attr(S_METER_EMPTY));
			addstr(t->g->bar_empty);
		}
	}
}

/* --- status line and key bar --- */

static void draw_status(struct tui *t, struct rect r)
{
	if (r.h == 0)
		return;
	if (t->lay.too_small) {
		draw_text(t, r.y, r.x, r.w, "terminal too small", S_ERROR, AL_LEFT);
		return;
	}
	if (t->mode == TM_INPUT) {
		const char *label = t->input_kind == INPUT_SEARCH   ? "Search: "
		                    : t->input_kind == INPUT_FILTER ? "Filter: "
		                                                    : "oom_score_adj (-1000..1000): ";
		draw_fill(r.y, r.x, r.w, S_NORMAL);
		int n = draw_put(t, r.y, r.x, r.w, label, S_TITLE);
		int c = draw_put(t, r.y, r.x + n, r.w - n - 1, t->input, S_NORMAL);
		if (n + c < r.w) {
			attrset(theme_attr(S_SELECTED));
			mvaddch(r.y, r.x + n + c, ' '); /* the cursor */
		}
		return;
	}
	if (t->status[0]) {
		draw_text(t, r.y, r.x, r.w, t->status,
		          t->status_level == STATUS_ERROR ? S_ERROR : S_STATUS, AL_LEFT);
		return;
	}
	/* what is being shown */
	char buf[1024];
	size_t len = 0;
	const struct procview *pv = &t->pv;
	len += (size_t)snprintf(buf + len, sizeof(buf) - len, "sort %s%s",
	                        sort_key_column(pv->sort), pv->reverse ? t->g->sort_up : t->g->sort_down);
	if (pv->text[0])
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "  filter \"%s\"", pv->text);
	if (pv->by_uid)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "  user %s",
		                        pv->user[0] ? pv->user : "?");
	if (pv->cgroup)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "  cgroup %s", pv->cgroup);
	if (t->snap) {
		size_t ghosts = 0;
		for (size_t i = 0; i < t->snap->nprocs; i++)
			ghosts += t->snap->procs[i]->state != PROC_RUNNING;
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "  %zu/%zu procs", pv->list.n,
		                        pv->ntotal);
		if (ghosts)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, ", %zu exited", ghosts);
		if (t->snap->nhidden)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, ", %zu hidden",
			                        t->snap->nhidden);
		for (size_t i = 0; i < t->snap->nnotes && len < sizeof(buf) - 8; i++)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "  %s", t->snap->notes[i]);
	}
	if (t->tags.n && len < sizeof(buf) - 40)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "  %zu tagged (U untags)",
		                        t->tags.n);
	if (t->readonly && len < sizeof(buf) - 12)
		snprintf(buf + len, sizeof(buf) - len, "  read-only");
	draw_text(t, r.y, r.x, r.w, buf, S_DIM, AL_LEFT);
}

static enum key_context mode_context(const struct tui *t)
{
	switch (t->mode) {
	case TM_HELP: return KC_HELP;
	case TM_EPISODE: return KC_EPISODE;
	case TM_MENU: return KC_MENU;
	case TM_INPUT: return KC_INPUT;
	case TM_CONFIRM: return KC_CONFIRM;
	default: break;
	}
	return t->focus == PANE_CGROUPS ? KC_CGROUPS : t->focus == PANE_PROCS ? KC_PROCS : KC_EVENTS;
}

static int bar_item(const struct tui *t, int y, int x, int maxx, const struct keybinding *b)
{
	const char *k = keymap_key_name(b->key);
	int need = (int)strlen(k) + (int)strlen(b->bar) + 1;
	if (x + need > maxx)
		return x;
	x += draw_put(t, y, x, maxx - x, k, S_KEY);
	x += draw_put(t, y, x, maxx - x, b->bar, S_KEYLABEL);
	if (x < maxx)
		x += draw_put(t, y, x, maxx - x, " ", S_NORMAL);
	return x;
}

static void draw_keybar(struct tui *t, struct rect r)
{
	if (r.h == 0)
		return;
	draw_fill(r.y, r.x, r.w, S_NORMAL);
	enum key_context ctx = mode_context(t);
	int x = r.x, maxx = r.x + r.w;
	bool modal = ctx == KC_HELP || ctx == KC_EPISODE || ctx == KC_MENU || ctx == KC_INPUT ||
	             ctx == KC_CONFIRM;
	/* pane keys first, then the global F-keys, both in table order */
	for (size_t i = 0; i < keymap_len; i++)
		if (keymap[i].ctx == ctx && keymap[i].bar)
			x = bar_item(t, r.y, x, maxx, &keymap[i]);
	if (modal)
		return;
	for (size_t i = 0; i < keymap_len; i++)
		if (keymap[i].ctx == KC_GLOBAL && keymap[i].bar)
			x = bar_item(t, r.y, x, maxx, &keymap[i]);
}

void tui_draw(struct tui *t)
{
	attrset(theme_attr(S_NORMAL));
	bkgdset(' ' | theme_attr(S_NORMAL));
	erase();
	const struct layout *l = &t->lay;
	if (!l->too_small) {
		if (t->mode == TM_HELP || t->mode == TM_EPISODE) {
			struct rect body = {0, 0, t->lines - (l->keybar.h + l->status.h), t->cols};
			if (t->mode == TM_HELP)
				dialog_help_draw(t, body);
			else
				pane_episode_draw(t, body);
		} else {
			pane_header_draw(t, l->header);
			if (l->pane[PANE_CGROUPS].h)
				pane_cgroups_draw(t, l->pane[PANE_CGROUPS]);
			if (l->pane[PANE_PROCS].h)
				pane_procs_draw(t, l->pane[PANE_PROCS]);
			if (l->pane[PANE_EVENTS].h)
				pane_events_draw(t, l->pane[PANE_EVENTS]);
			struct rect body = {l->header.h, 0,
			                    t->lines - l->header.h - l->keybar.h - l->status.h, t->cols};
			if (t->mode == TM_MENU)
				dialog_menu_draw(t, body);
			else if (t->mode == TM_CONFIRM || (t->mode == TM_INPUT && t->input_kind == INPUT_ADJ))
				dialog_adj_draw(t, body);
		}
	}
	draw_status(t, l->status);
	draw_keybar(t, l->keybar);
}
