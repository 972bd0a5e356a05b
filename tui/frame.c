/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/frame.h"

#include <stdio.h>
#include <string.h>

#include "tui/adj/dialog.h"
#include "tui/dialog/menu.h"
#include "tui/draw.h"
#include "tui/keymap.h"
#include "tui/model/evfmt.h"
#include "tui/pane/cgroups.h"
#include "tui/pane/events.h"
#include "tui/pane/header.h"
#include "tui/pane/procs.h"
#include "tui/view/detail.h"
#include "tui/view/episode.h"
#include "tui/view/help.h"
#include "tui/view/units.h"

typedef void frame_draw_fn(struct tui *t, struct rect r);

/* The panes, drawn in this order top to bottom where the layout shows them. */
static frame_draw_fn *const panes[PANE_COUNT] = {
	[PANE_CGROUPS] = pane_cgroups_draw,
	[PANE_PROCS] = pane_procs_draw,
	[PANE_EVENTS] = pane_events_draw,
};

/* A full-screen view instead of the header and panes, or NULL. */
static frame_draw_fn *view_of(const struct tui *t)
{
	switch (t->mode) {
	case TM_HELP: return view_help_draw;
	case TM_EPISODE: return view_episode_draw;
	case TM_UNITS: return view_units_draw;
	case TM_UNIT_KILLS: return view_unit_kills_draw;
	case TM_DETAIL: return view_detail_draw;
	/* a dialog opened from the detail view is drawn over it */
	default: return tui_state_home(t) == TM_DETAIL ? view_detail_draw : NULL;
	}
}

/* A dialog over the panes, or NULL. */
static frame_draw_fn *dialog_of(const struct tui *t)
{
	switch (t->mode) {
	case TM_MENU: return t->menu.kind == MENU_ADJ ? adj_dialog_presets_draw : dialog_menu_draw;
	case TM_INPUT: return t->prompt.kind == INPUT_ADJ ? adj_dialog_value_draw : NULL;
	case TM_CONFIRM: return adj_dialog_confirm_draw;
	default: return NULL;
	}
}

/* --- status line --- */

static void prompt_draw(const struct tui *t, struct rect r)
{
	static const char *const labels[] = {
		[INPUT_SEARCH] = "Search: ",
		[INPUT_FILTER] = "Filter: ",
		[INPUT_ADJ] = "oom_score_adj (-1000..1000): ",
		[INPUT_TIME] = "Go to (02:14, -10m, 2025-06-01 02:14): ",
	};
	const struct draw_ctx *dc = &t->dc;
	draw_fill(dc, r.y, r.x, r.w, S_NORMAL);
	int n = draw_put(dc, r.y, r.x, r.w, labels[t->prompt.kind], S_TITLE);
	int c = draw_put(dc, r.y, r.x + n, r.w - n - 1, t->prompt.text, S_NORMAL);
	if (n + c < r.w)
		draw_cursor(dc, r.y, r.x + n + c);
}

/* The kill a list of kills has selected, when one is shown: the OOM pane's (focused on the
 * main screen) or a unit's. */
static const struct oom_event *selected_kill(const struct tui *t)
{
	if (t->mode == TM_UNIT_KILLS)
		return evview_at(&t->ukills, t->snap, t->ukills.list.sel);
	if (t->mode == TM_MAIN && t->focus == PANE_EVENTS)
		return evview_at(&t->ev, t->snap, t->ev.list.sel);
	return NULL;
}

/* What is being shown: sort, filter, user, cgroup, counts, the snapshot's notes; with the
 * cgroup pane focused, the selected cgroup (cgview_describe) and the notes; with a kill
 * selected, that kill in full (evfmt_describe: its unit and cgroup uncut, its boot); in
 * the by-unit view, the selected unit's rhythm; in the detail view, what is read of its
 * process (view_detail_describe). */
static void shown_draw(const struct tui *t, struct rect r)
{
	char buf[1024];
	size_t len = 0;
	const struct procview *pv = &t->pv;
	const struct glyphs *g = t->dc.g;
	bool detail = t->mode == TM_DETAIL;
	const struct cgroup_row *c =
		!detail && t->focus == PANE_CGROUPS ? cgview_selected(&t->cv, t->snap) : NULL;
	const struct oom_event *e = selected_kill(t);
	bool unit = !c && !e && t->mode == TM_UNITS && view_units_describe(t, buf, sizeof(buf));
	if (detail)
		view_detail_describe(t, buf, sizeof(buf));
	if (c || e || unit || detail) {
		if (c)
			cgview_describe(t->snap, (size_t)(c - t->snap->cgroups), buf, sizeof(buf));
		else if (e)
			evfmt_describe(buf, sizeof(buf), e);
		len = strlen(buf);
		for (size_t i = 0; i < t->snap->nnotes && len < sizeof(buf) - 8; i++)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "  %s",
			                        t->snap->notes[i]);
		draw_text(&t->dc, r.y, r.x, r.w, buf, S_DIM, AL_LEFT);
		return;
	}
	len += (size_t)snprintf(buf + len, sizeof(buf) - len, "sort %s%s",
	                        sort_key_column(pv->sort), pv->reverse ? g->sort_up : g->sort_down);
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
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, ", %zu exited",
			                        ghosts);
		if (t->snap->nhidden)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, ", %zu hidden",
			                        t->snap->nhidden);
		for (size_t i = 0; i < t->snap->nnotes && len < sizeof(buf) - 8; i++)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "  %s",
			                        t->snap->notes[i]);
	}
	if (t->adj.tags.n && len < sizeof(buf) - 40)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "  %zu tagged (U untags)",
		                        t->adj.tags.n);
	if (t->readonly && len < sizeof(buf) - 12)
		snprintf(buf + len, sizeof(buf) - len, "  read-only");
	draw_text(&t->dc, r.y, r.x, r.w, buf, S_DIM, AL_LEFT);
}

static void status_draw(const struct tui *t, struct rect r)
{
	if (r.h == 0)
		return;
	if (t->lay.too_small)
		draw_text(&t->dc, r.y, r.x, r.w, "terminal too small", S_ERROR, AL_LEFT);
	else if (t->mode == TM_INPUT)
		prompt_draw(t, r);
	else if (t->status[0])
		draw_text(&t->dc, r.y, r.x, r.w, t->status,
		          t->status_level == STATUS_ERROR ? S_ERROR : S_STATUS, AL_LEFT);
	else if (t->travel.on) { /* what is shown is not live: said in the status line too */
		int n = draw_put(&t->dc, r.y, r.x, r.w, "history (not live)", S_HISTORY);
		n += draw_put(&t->dc, r.y, r.x + n, r.w - n, "  ", S_NORMAL);
		shown_draw(t, (struct rect){.y = r.y, .x = r.x + n, .w = r.w - n, .h = r.h});
	} else
		shown_draw(t, r);
}

/* --- key bar: the labelled keys of the context, then of the contexts it falls back to,
 * each in table order, as many as fit --- */

static int bar_item(const struct draw_ctx *dc, int y, int x, int maxx, const struct keybinding *b)
{
	const char *k = keymap_key_name(b->key);
	int need = (int)strlen(k) + (int)strlen(b->bar) + 1;
	if (x + need > maxx)
		return x;
	x += draw_put(dc, y, x, maxx - x, k, S_KEY);
	x += draw_put(dc, y, x, maxx - x, b->bar, S_KEYLABEL);
	if (x < maxx)
		x += draw_put(dc, y, x, maxx - x, " ", S_NORMAL);
	return x;
}

/* In history mode its keys come first (the way back to live is always in sight) and what
 * only works live is left out; with a recording, the keys that go into it are shown. */
static void keybar_draw(const struct tui *t, struct rect r)
{
	if (r.h == 0)
		return;
	draw_fill(&t->dc, r.y, r.x, r.w, S_NORMAL);
	int x = r.x, maxx = r.x + r.w;
	enum key_context ctx = keymap_context(t);
	unsigned have = (t->travel.on ? KB_IN_HISTORY : KB_LIVE) |
	                (t->travel.h ? KB_WITH_HISTORY : 0);
	for (int pass = t->travel.on ? 0 : 1; pass < 2; pass++)
		for (enum key_context c = ctx; c != KC_COUNT; c = keymap_context_parent(c))
			for (size_t i = 0; i < keymap_len; i++)
				if (keymap[i].ctx == c && keymap_in_bar_when(ctx, i, have) &&
				    (keymap_bar_when(i) == KB_IN_HISTORY) == (pass == 0))
					x = bar_item(&t->dc, r.y, x, maxx, &keymap[i]);
}

void frame_draw(struct tui *t)
{
	const struct layout *l = &t->lay;
	draw_erase(&t->dc);
	if (!l->too_small) {
		frame_draw_fn *view = view_of(t);
		frame_draw_fn *dialog = dialog_of(t);
		if (view) {
			view(t, l->view);
			if (dialog)
				dialog(t, l->view);
		} else {
			pane_header_draw(t, l->header);
			for (int p = 0; p < PANE_COUNT; p++)
				if (l->pane[p].h)
					panes[p](t, l->pane[p]);
			if (dialog)
				dialog(t, l->body);
		}
	}
	status_draw(t, l->status);
	keybar_draw(t, l->keybar);
}
