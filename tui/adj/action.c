/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/adj/action.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/control/oom_adj.h"
#include "tui/action/detail.h"
#include "tui/action/prompt.h"
#include "tui/adj/plan.h"
#include "tui/adj/tags.h"
#include "tui/reaction.h"

static bool refuse_readonly(struct tui *t)
{
	if (!t->readonly)
		return false;
	tui_state_status(t, STATUS_ERROR, "read-only (--readonly): oom_score_adj not changed");
	return true;
}

static const struct proc_row *live_row(const struct tui *t, pid_t pid, uint64_t start)
{
	for (size_t i = 0; t->snap && i < t->snap->nprocs; i++) {
		const struct proc_row *p = t->snap->procs[i];
		if (p->pid == pid && p->start_ticks == start && p->state == PROC_RUNNING)
			return p;
	}
	return NULL;
}

/* The processes a change applies to: the tagged ones, else the selected one. Returns
 * false (with the reason in the status line) when there is none. */
static bool plan_targets(struct tui *t, enum adj_op op, int arg)
{
	/* the detail view acts on the process it shows, whatever is tagged */
	bool detail = tui_state_home(t) == TM_DETAIL;
	bool tagged = t->adj.tags.n > 0 && !detail;
	adj_plan_begin(&t->adj.plan, op, arg, tagged);
	if (tagged) {
		for (size_t i = 0; i < t->adj.tags.n; i++) {
			const struct proc_row *p = live_row(t, t->adj.tags.e[i].pid, t->adj.tags.e[i].start_ticks);
			if (p)
				adj_plan_add(&t->adj.plan, p);
			else
				t->adj.plan.skipped++;
		}
	} else {
		const struct proc_row *p = detail ? action_detail_row(t) : procview_selected(&t->pv);
		if (!p) {
			tui_state_status(t, STATUS_INFO, detail ? "the process is gone" : "no process selected");
			return false;
		}
		if (adj_plan_add(&t->adj.plan, p) < 0) {
			tui_state_status(t, STATUS_ERROR, "pid %d: %s", (int)p->pid,
			           p->state != PROC_RUNNING ? "has exited, nothing to change"
			           : p->kernel_thread       ? "a kernel thread is never chosen by the OOM killer"
			                                    : "its oom_score_adj is unknown");
			return false;
		}
	}
	if (t->adj.plan.n == 0) {
		tui_state_status(t, STATUS_ERROR, "the tagged processes have exited");
		return false;
	}
	return true;
}

static const char *cgroup_of(const struct tui *t, pid_t pid, uint64_t start)
{
	const struct proc_row *p = live_row(t, pid, start);
	return p ? p->cgroup : NULL;
}

/* Write the plan through the one writer; the status line says what happened. A plan the
 * operator confirmed (having read what it does to pid 1) is forced. */
static unsigned apply_plan(struct tui *t, bool confirmed)
{
	struct adj_plan *pl = &t->adj.plan;
	unsigned flags = (t->readonly ? OOM_ADJ_F_READONLY : 0) | (confirmed ? OOM_ADJ_F_FORCE : 0);
	struct oom_adj_undo *u = malloc(sizeof(*u));
	if (!u) {
		tui_state_status(t, STATUS_ERROR, "out of memory");
		return R_REDRAW;
	}
	oom_adj_undo_begin(u);
	size_t ok = 0, same = 0, refused = 0;
	struct oom_adj_result r, first_refusal, last_ok;
	first_refusal.message[0] = last_ok.message[0] = '\0';
	for (size_t i = 0; i < pl->n; i++) {
		const struct adj_target *tg = &pl->t[i];
		oom_adj_set(NULL, tg->pid, tg->start_ticks, tg->new_adj, flags, &r);
		oom_adj_undo_add(u, &r);
		if (r.status == OOM_ADJ_OK) {
			ok++;
			last_ok = r;
		} else if (r.status == OOM_ADJ_UNCHANGED) {
			same++;
		} else if (refused++ == 0) {
			first_refusal = r;
		}
	}
	/* a change that changed nothing is not one to undo */
	if (u->n > 0) {
		if (t->adj.nundo == TUI_UNDO_DEPTH) { /* forget the oldest */
			memmove(&t->adj.undo[0], &t->adj.undo[1], (TUI_UNDO_DEPTH - 1) * sizeof(t->adj.undo[0]));
			t->adj.nundo--;
		}
		t->adj.undo[t->adj.nundo++] = *u;
	}
	free(u);
	t->mode = tui_state_home(t);
	if (pl->n == 1 && !pl->tagged) {
		if (refused) {
			tui_state_status(t, STATUS_ERROR, "%s", first_refusal.message);
		} else if (ok) {
			char hint[256];
			oom_adj_persist_hint(cgroup_of(t, last_ok.pid, pl->t[0].start_ticks),
			                     last_ok.new_adj, hint, sizeof(hint));
			tui_state_status(t, STATUS_INFO, "%s (z undoes); %s", last_ok.message, hint);
		} else {
			tui_state_status(t, STATUS_INFO, "%s", r.message);
		}
		return R_REFRESH | R_REDRAW;
	}
	if (refused)
		tui_state_status(t, STATUS_ERROR, "oom_score_adj of %zu tagged: %zu changed, %zu unchanged, "
		           "%zu refused; first: %s", pl->n, ok, same, refused, first_refusal.message);
	else
		tui_state_status(t, STATUS_INFO, "oom_score_adj of %zu tagged: %zu changed, %zu already "
		           "there%s", pl->n, ok, same, ok ? " (z undoes)" : "");
	return R_REFRESH | R_REDRAW;
}

static unsigned cancelled(struct tui *t)
{
	tui_state_status(t, STATUS_INFO, "cancelled: oom_score_adj not changed");
	return R_REDRAW;
}

static unsigned confirmed(struct tui *t)
{
	if (refuse_readonly(t)) {
		t->mode = tui_state_home(t);
		return R_REDRAW;
	}
	return apply_plan(t, true);
}

/* Ask first when the plan needs it, else write now. */
static unsigned confirm_or_apply(struct tui *t)
{
	static const struct tui_confirm_ops ops = {.yes = confirmed, .cancel = cancelled};
	if (adj_plan_needs_confirm(&t->adj.plan)) {
		action_prompt_confirm_open(t, &ops);
		return R_REDRAW;
	}
	return apply_plan(t, false);
}

static unsigned adj_step(struct tui *t, int delta)
{
	if (refuse_readonly(t) || !plan_targets(t, ADJ_OP_STEP, delta))
		return R_REDRAW;
	if (adj_plan_changes(&t->adj.plan) == 0) {
		tui_state_status(t, STATUS_INFO, "oom_score_adj is already %d (the %s)", t->adj.plan.t[0].new_adj,
		           delta > 0 ? "highest, killed first" : "lowest, never killed");
		return R_REDRAW;
	}
	return confirm_or_apply(t);
}

unsigned adj_action_up(struct tui *t)
{
	return adj_step(t, 100);
}

unsigned adj_action_down(struct tui *t)
{
	return adj_step(t, -100);
}

/* The `a` dialog: typing previews the value; Enter takes it once it is one. */
static unsigned value_changed(struct tui *t)
{
	int v;
	if (adj_plan_parse_value(t->prompt.text, &v, t->adj.why, sizeof(t->adj.why)) == 0)
		adj_plan_set_value(&t->adj.plan, v); /* the dialog previews it */
	return R_REDRAW;
}

static unsigned value_accept(struct tui *t)
{
	int v;
	if (adj_plan_parse_value(t->prompt.text, &v, t->adj.why, sizeof(t->adj.why)) < 0)
		return R_REDRAW; /* stay: the dialog says why */
	adj_plan_set_value(&t->adj.plan, v);
	t->mode = tui_state_home(t);
	return confirm_or_apply(t);
}

unsigned adj_action_type(struct tui *t)
{
	/* a value: digits and a sign, no more than "-1000" and a little */
	static const struct tui_prompt_ops ops = {.changed = value_changed,
	                                          .accept = value_accept,
	                                          .cancel = cancelled,
	                                          .chars = "+-0123456789 ",
	                                          .max_len = 6};
	if (refuse_readonly(t) || !plan_targets(t, ADJ_OP_SET, 0))
		return R_REDRAW;
	action_prompt_open(t, INPUT_ADJ, "", &ops);
	adj_plan_parse_value(t->prompt.text, &(int){0}, t->adj.why, sizeof(t->adj.why));
	return R_REDRAW;
}

static unsigned preset_chosen(struct tui *t, size_t i)
{
	if (i >= adj_plan_presets_len)
		return R_REDRAW;
	adj_plan_set_value(&t->adj.plan, adj_plan_presets[i].value);
	return confirm_or_apply(t);
}

unsigned adj_action_presets(struct tui *t)
{
	static const struct tui_menu_ops ops = {.choose = preset_chosen, .cancel = cancelled};
	if (refuse_readonly(t) || !plan_targets(t, ADJ_OP_SET, 0))
		return R_REDRAW;
	action_prompt_menu_open(t, MENU_ADJ, &ops);
	for (size_t i = 0; i < adj_plan_presets_len; i++) {
		char item[64];
		char v[16];
		snprintf(v, sizeof(v), adj_plan_presets[i].value > 0 ? "+%d" : "%d",
		         adj_plan_presets[i].value);
		snprintf(item, sizeof(item), "%-10s %5s  %s", adj_plan_presets[i].name, v,
		         adj_plan_presets[i].what);
		action_prompt_menu_add(t, item);
	}
	t->menu.list.sel = 1; /* neutral: the harmless one under the cursor */
	return R_REDRAW;
}

unsigned adj_action_undo(struct tui *t)
{
	if (refuse_readonly(t))
		return R_REDRAW;
	struct oom_adj_undo *u = t->adj.nundo ? &t->adj.undo[t->adj.nundo - 1] : NULL;
	size_t n = u ? u->n : 0;
	if (n == 0) {
		tui_state_status(t, STATUS_INFO, "no oom_score_adj change to undo");
		return R_REDRAW;
	}
	struct oom_adj_result *res = calloc(n, sizeof(*res));
	if (!res) {
		tui_state_status(t, STATUS_ERROR, "out of memory");
		return R_REDRAW;
	}
	size_t done = oom_adj_undo_apply(NULL, u, 0, res);
	/* refused entries stay in u (z tries again); restored and gone ones left it */
	if (u->n == 0) /* nothing left of it: the change before it is next */
		t->adj.nundo--;
	const struct oom_adj_result *refusal = NULL;
	for (size_t i = 0; i < n && !refusal; i++)
		if (res[i].status != OOM_ADJ_OK && res[i].status != OOM_ADJ_UNCHANGED)
			refusal = &res[i];
	if (n == 1 && !refusal)
		tui_state_status(t, STATUS_INFO, "undone: %s%s", res[0].message,
		           t->adj.nundo ? " (z undoes the one before)" : "");
	else if (n == 1)
		tui_state_status(t, STATUS_ERROR, "undo: %s", refusal->message);
	else if (!refusal)
		tui_state_status(t, STATUS_INFO, "undone: %zu processes restored", done);
	else
		tui_state_status(t, STATUS_ERROR, "undo: %zu of %zu restored; %s (z tries again)", done, n,
		           refusal->message);
	free(res);
	return R_REFRESH | R_REDRAW;
}

unsigned adj_action_tag(struct tui *t)
{
	const struct proc_row *p = procview_selected(&t->pv);
	if (!p)
		return R_NONE;
	if (p->state != PROC_RUNNING || p->kernel_thread) {
		tui_state_status(t, STATUS_INFO, "pid %d: %s", (int)p->pid,
		           p->kernel_thread ? "kernel threads have no oom_score_adj to change"
		                            : "has exited, cannot be tagged");
		return R_REDRAW;
	}
	int rc = adj_tags_toggle(&t->adj.tags, p->pid, p->start_ticks);
	if (rc < 0)
		tui_state_status(t, STATUS_ERROR, "at most %d tagged processes", ADJ_TAGS_MAX);
	else if (t->adj.tags.n)
		tui_state_status(t, STATUS_INFO, "%zu tagged: ] [ a p change them all (asks first), U untags",
		           t->adj.tags.n);
	else
		tui_state_status(t, STATUS_INFO, "no process tagged");
	/* like htop: on to the next row, to tag several in a row */
	procview_move(&t->pv, 1);
	return R_REDRAW;
}

unsigned adj_action_untag_all(struct tui *t)
{
	size_t n = t->adj.tags.n;
	adj_tags_clear(&t->adj.tags);
	tui_state_status(t, STATUS_INFO, n ? "untagged %zu" : "no process was tagged", n);
	return R_REDRAW;
}
