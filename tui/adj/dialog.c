/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/adj/dialog.h"

#include <stdio.h>
#include <string.h>

#include "core/control/oom_adj.h"
#include "tui/adj/plan.h"
#include "tui/dialog/box.h"

static const struct proc_row *row_of(const struct snapshot *s, const struct adj_target *tg)
{
	for (size_t i = 0; s && i < s->nprocs; i++) {
		const struct proc_row *p = s->procs[i];
		if (p->pid == tg->pid && p->start_ticks == tg->start_ticks)
			return p;
	}
	return NULL;
}

/* Who changes, from what (and to what, with show_new). */
static void add_targets(const struct snapshot *s, struct dialog_box *b, const struct adj_plan *pl,
                        bool show_new)
{
	if (!pl->tagged && pl->n == 1) {
		const struct adj_target *tg = &pl->t[0];
		const struct proc_row *p = row_of(s, tg);
		const char *cg = p && p->cgroup ? p->cgroup : "?";
		if (show_new)
			dialog_box_add(b, S_TITLE, "pid %d %s: oom_score_adj %d -> %d", (int)tg->pid,
			               tg->comm, tg->old_adj, tg->new_adj);
		else
			dialog_box_add(b, S_TITLE, "pid %d %s: oom_score_adj is %d", (int)tg->pid,
			               tg->comm, tg->old_adj);
		dialog_box_add(b, S_DIM, "cgroup %s", cg);
		return;
	}
	if (pl->op == ADJ_OP_STEP)
		dialog_box_add(b, S_TITLE, "%zu tagged processes, each %+d:", pl->n, pl->arg);
	else if (show_new)
		dialog_box_add(b, S_TITLE, "%zu tagged processes, all to %d:", pl->n, pl->arg);
	else
		dialog_box_add(b, S_TITLE, "%zu tagged processes, all to the same value:", pl->n);
	size_t shown = pl->n > 4 ? 3 : pl->n;
	for (size_t i = 0; i < shown; i++) {
		const struct adj_target *tg = &pl->t[i];
		if (show_new)
			dialog_box_add(b, S_NORMAL, "  %7d %-15s %5d -> %d", (int)tg->pid, tg->comm,
			               tg->old_adj, tg->new_adj);
		else
			dialog_box_add(b, S_NORMAL, "  %7d %-15s %5d", (int)tg->pid, tg->comm,
			               tg->old_adj);
	}
	if (shown < pl->n)
		dialog_box_add(b, S_NORMAL, "  ... and %zu more", pl->n - shown);
	if (pl->skipped)
		dialog_box_add(b, S_DIM, "  %zu tagged left out: exited, or the value is unknown",
		               pl->skipped);
}

/* The warning for the protected zone, the preview of the kernel's next victim, and how
 * to make the value survive a restart. */
static void add_effects(const struct snapshot *s, struct dialog_box *b, const struct adj_plan *pl)
{
	char why[160];
	int sp = adj_plan_special(pl, why, sizeof(why));
	if (sp >= 0) {
		char line[256];
		snprintf(line, sizeof(line), "! pid %d (%s): %s", (int)pl->t[sp].pid, pl->t[sp].comm, why);
		dialog_box_add_wrapped(b, S_ERROR, 2, line);
	}
	if (adj_plan_enters_protection(pl)) {
		bool never = false;
		for (size_t i = 0; i < pl->n; i++)
			never |= pl->t[i].new_adj <= OOM_ADJ_MIN;
		dialog_box_add_wrapped(b, S_ERROR, 2,
		                       never ? "! -1000: never chosen by the OOM killer, and every "
		                               "child the process starts inherits it"
		                             : "! -900 and below is nearly unkillable, and every "
		                               "child the process starts inherits it");
	}
	dialog_box_add(b, S_TITLE, "Effect on the kernel's next OOM victim:");
	char lines[4][ADJ_PLAN_PREVIEW_LEN];
	size_t n = adj_plan_preview(s, pl, lines, 4);
	for (size_t i = 0; i < n; i++) {
		char buf[ADJ_PLAN_PREVIEW_LEN + 4];
		snprintf(buf, sizeof(buf), "  %s", lines[i]);
		dialog_box_add_wrapped(b, strstr(lines[i], "would become") ? S_VICTIM : S_NORMAL, 4,
		                       buf);
	}
	if (!pl->tagged && pl->n == 1) {
		const struct proc_row *p = row_of(s, &pl->t[0]);
		char hint[256];
		oom_adj_persist_hint(p ? p->cgroup : NULL, pl->t[0].new_adj, hint, sizeof(hint));
		dialog_box_add_wrapped(b, S_DIM, 2, hint);
	}
}

void adj_dialog_confirm_draw(struct tui *t, struct rect r)
{
	struct dialog_box b = {.n = 0, .w = dialog_box_width(r), .sel = -1};
	const struct adj_plan *pl = &t->adj.plan;
	add_targets(t->snap, &b, pl, true);
	dialog_box_add(&b, S_NORMAL, " ");
	add_effects(t->snap, &b, pl);
	dialog_box_draw(&t->dc, r, " Change oom_score_adj?", &b, " y apply   n / Esc cancel");
}

void adj_dialog_value_draw(struct tui *t, struct rect r)
{
	/* the value is typed in the status line below */
	struct dialog_box b = {.n = 0, .w = dialog_box_width(r), .sel = -1};
	const struct adj_plan *pl = &t->adj.plan;
	bool valid = t->adj.why[0] == '\0';
	add_targets(t->snap, &b, pl, valid);
	dialog_box_add(&b, S_DIM,
	               "-1000 never killed   -900 nearly unkillable   0 default   1000 killed first");
	dialog_box_add(&b, S_NORMAL, " ");
	if (valid)
		add_effects(t->snap, &b, pl);
	else
		dialog_box_add(&b, t->prompt.text[0] ? S_ERROR : S_DIM, "%s", t->adj.why);
	dialog_box_draw(&t->dc, r, " Set oom_score_adj", &b,
	                valid && adj_plan_needs_confirm(pl)
	                        ? " Enter continue (asks to confirm)   Esc cancel"
	                        : " Enter apply   Esc cancel");
}

void adj_dialog_presets_draw(struct tui *t, struct rect r)
{
	struct dialog_box b = {.n = 0, .w = dialog_box_width(r), .sel = -1};
	const struct listview *l = &t->menu.list;
	struct adj_plan pl = t->adj.plan; /* the preview of the highlighted preset */
	if (l->sel < adj_plan_presets_len)
		adj_plan_set_value(&pl, adj_plan_presets[l->sel].value);
	for (size_t i = 0; i < l->n; i++) {
		if (i == l->sel)
			b.sel = (int)b.n;
		dialog_box_add(&b, S_NORMAL, "%s", t->menu.item[i]);
	}
	dialog_box_add(&b, S_NORMAL, " ");
	add_targets(t->snap, &b, &pl, true);
	add_effects(t->snap, &b, &pl);
	dialog_box_draw(&t->dc, r, " oom_score_adj preset", &b,
	                adj_plan_needs_confirm(&pl) ? " Enter choose (asks to confirm)   Esc cancel"
	                                            : " Enter choose   Esc cancel");
}
