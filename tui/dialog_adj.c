/* tui/dialog_adj.c — the oom_score_adj dialogs: the `a` value prompt, the preset menu
 * (`p`) and the confirmation. Each shows who changes from what to what, the warning for
 * the protected zone, the preview of the kernel's next victim (adj_plan_preview) and how to
 * make the value survive a restart (oom_adj_persist_hint). */
#include "config.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tui/adj/plan.h"
#include "core/control/oom_adj.h"
#include "tui/draw.h"
#include "tui/sanitize.h"
#include "tui/tui.h"

#define BOX_LINES 40

struct box {
	size_t n;
	int w; /* text width inside the box */
	int sel; /* line drawn as selected, -1 none */
	struct {
		char text[256];
		enum theme_style st;
	} l[BOX_LINES];
};

static void add(struct box *b, enum theme_style st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void add(struct box *b, enum theme_style st, const char *fmt, ...)
{
	if (b->n >= BOX_LINES)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(b->l[b->n].text, sizeof(b->l[0].text), fmt, ap);
	va_end(ap);
	b->l[b->n++].st = st;
}

/* Long lines are folded at a blank, continuation lines indented by `indent`. */
static void add_wrapped(struct box *b, enum theme_style st, int indent, const char *text)
{
	const char *p = text;
	bool first = true;
	while (*p && b->n < BOX_LINES) {
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
		add(b, st, "%*s%.*s", first ? 0 : indent, "", (int)cut, p);
		p += cut;
		while (*p == ' ')
			p++;
		first = false;
	}
}

static void box_draw(struct tui *t, struct rect r, const char *title, const struct box *b,
                     const char *footer)
{
	struct rect d;
	if (!layout_dialog(r, b->w + 4, (int)b->n + 2, 12, &d))
		return;
	int w = d.w, h = d.h, x = d.x, y = d.y;
	draw_fill(y, x, w, S_HEADER_FOCUS);
	draw_text(t, y, x, w, title, S_HEADER_FOCUS, AL_LEFT);
	for (int i = 0; i < h - 2; i++) {
		bool sel = i == b->sel;
		enum theme_style st = sel ? S_SELECTED : b->l[i].st;
		draw_fill(y + 1 + i, x, w, sel ? S_SELECTED : S_NORMAL);
		draw_text(t, y + 1 + i, x + 2, w - 3, b->l[i].text, st, AL_LEFT);
	}
	draw_fill(y + h - 1, x, w, S_HEADER);
	draw_text(t, y + h - 1, x, w, footer, S_HEADER, AL_LEFT);
}

static const struct proc_row *row_of(const struct tui *t, const struct adj_target *tg)
{
	for (size_t i = 0; t->snap && i < t->snap->nprocs; i++) {
		const struct proc_row *p = t->snap->procs[i];
		if (p->pid == tg->pid && p->start_ticks == tg->start_ticks)
			return p;
	}
	return NULL;
}

static void add_targets(struct tui *t, struct box *b, const struct adj_plan *pl, bool show_new)
{
	if (!pl->tagged && pl->n == 1) {
		const struct adj_target *tg = &pl->t[0];
		const struct proc_row *p = row_of(t, tg);
		const char *cg = p && p->cgroup ? p->cgroup : "?";
		if (show_new)
			add(b, S_TITLE, "pid %d %s: oom_score_adj %d -> %d", (int)tg->pid, tg->comm,
			    tg->old_adj, tg->new_adj);
		else
			add(b, S_TITLE, "pid %d %s: oom_score_adj is %d", (int)tg->pid, tg->comm,
			    tg->old_adj);
		add(b, S_DIM, "cgroup %s", cg);
		return;
	}
	if (pl->op == ADJ_OP_STEP)
		add(b, S_TITLE, "%zu tagged processes, each %+d:", pl->n, pl->arg);
	else if (show_new)
		add(b, S_TITLE, "%zu tagged processes, all to %d:", pl->n, pl->arg);
	else
		add(b, S_TITLE, "%zu tagged processes, all to the same value:", pl->n);
	size_t shown = pl->n > 4 ? 3 : pl->n;
	for (size_t i = 0; i < shown; i++) {
		const struct adj_target *tg = &pl->t[i];
		if (show_new)
			add(b, S_NORMAL, "  %7d %-15s %5d -> %d", (int)tg->pid, tg->comm, tg->old_adj,
			    tg->new_adj);
		else
			add(b, S_NORMAL, "  %7d %-15s %5d", (int)tg->pid, tg->comm, tg->old_adj);
	}
	if (shown < pl->n)
		add(b, S_NORMAL, "  ... and %zu more", pl->n - shown);
	if (pl->skipped)
		add(b, S_DIM, "  %zu tagged left out: exited, or the value is unknown", pl->skipped);
}

static void add_effects(struct tui *t, struct box *b, const struct adj_plan *pl)
{
	if (adj_plan_enters_protection(pl)) {
		bool never = false;
		for (size_t i = 0; i < pl->n; i++)
			never |= pl->t[i].new_adj <= OOM_ADJ_MIN;
		add_wrapped(b, S_ERROR, 2,
		            never ? "! -1000: never chosen by the OOM killer, and every child the "
		                    "process starts inherits it"
		                  : "! -900 and below is nearly unkillable, and every child the "
		                    "process starts inherits it");
	}
	add(b, S_TITLE, "Effect on the kernel's next OOM victim:");
	char lines[4][ADJ_PLAN_PREVIEW_LEN];
	size_t n = adj_plan_preview(t->snap, pl, lines, 4);
	for (size_t i = 0; i < n; i++) {
		char buf[ADJ_PLAN_PREVIEW_LEN + 4];
		snprintf(buf, sizeof(buf), "  %s", lines[i]);
		add_wrapped(b, strstr(lines[i], "would become") ? S_VICTIM : S_NORMAL, 4, buf);
	}
	if (!pl->tagged && pl->n == 1) {
		const struct proc_row *p = row_of(t, &pl->t[0]);
		char hint[256];
		oom_adj_persist_hint(p ? p->cgroup : NULL, pl->t[0].new_adj, hint, sizeof(hint));
		add_wrapped(b, S_DIM, 2, hint);
	}
}

/* Text width: the whole screen width on small terminals (nothing of the panes shows
 * through at the edges), a centred box of 96 columns on wide ones. */
static int box_width(struct rect r)
{
	int w = r.w > 100 ? 92 : r.w - 4;
	return w < 8 ? 8 : w;
}

void dialog_adj_draw(struct tui *t, struct rect r)
{
	struct box b = {.n = 0, .w = box_width(r), .sel = -1};
	const struct adj_plan *pl = &t->plan;
	if (t->mode == TM_CONFIRM) {
		add_targets(t, &b, pl, true);
		add(&b, S_NORMAL, " ");
		add_effects(t, &b, pl);
		box_draw(t, r, " Change oom_score_adj?", &b, " y apply   n / Esc cancel");
		return;
	}
	/* the `a` prompt: the value is typed in the status line below */
	bool valid = t->adj_why[0] == '\0';
	add_targets(t, &b, pl, valid);
	add(&b, S_DIM, "-1000 never killed   -900 nearly unkillable   0 default   1000 killed first");
	add(&b, S_NORMAL, " ");
	if (valid)
		add_effects(t, &b, pl);
	else
		add(&b, t->input[0] ? S_ERROR : S_DIM, "%s", t->adj_why);
	box_draw(t, r, " Set oom_score_adj", &b,
	         valid && adj_plan_needs_confirm(pl) ? " Enter continue (asks to confirm)   Esc cancel"
	                                             : " Enter apply   Esc cancel");
}

void dialog_adj_menu_draw(struct tui *t, struct rect r)
{
	struct box b = {.n = 0, .w = box_width(r), .sel = -1};
	struct adj_plan pl = t->plan; /* the preview of the highlighted preset */
	if (t->menu.sel < adj_plan_presets_len)
		adj_plan_set_value(&pl, adj_plan_presets[t->menu.sel].value);
	for (size_t i = 0; i < t->menu.n; i++) {
		if (i == t->menu.sel)
			b.sel = (int)b.n;
		add(&b, S_NORMAL, "%s", t->menu_items[i]);
	}
	add(&b, S_NORMAL, " ");
	add_targets(t, &b, &pl, true);
	add_effects(t, &b, &pl);
	box_draw(t, r, " oom_score_adj preset", &b,
	         adj_plan_needs_confirm(&pl) ? " Enter choose (asks to confirm)   Esc cancel"
	                                     : " Enter choose   Esc cancel");
}
