/* tui/actions.c — what keys and clicks do. Each returns R_* flags; none draws. */
#include "config.h"
#include "tui/actions.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/control/oom_adj.h"
#include "core/klog/oom_event.h"
#include "tui/draw.h"
#include "tui/keymap.h"
#include "tui/config/theme_file.h"
#include "tui/tui.h"

/* --- helpers --- */

static unsigned confirm_or_apply(struct tui *t);

/* Move in whatever has the keyboard: delta rows, or to an end (INT32 extremes). */
static unsigned move(struct tui *t, long delta)
{
	switch (t->mode) {
	case TM_HELP: listview_scroll(&t->help, delta); return R_REDRAW;
	case TM_EPISODE: listview_scroll(&t->episode_doc, delta); return R_REDRAW;
	case TM_MENU: listview_move(&t->menu, delta); return R_REDRAW;
	default: break;
	}
	switch (t->focus) {
	case PANE_PROCS: procview_move(&t->pv, delta); break;
	case PANE_CGROUPS: cgview_move(&t->cv, t->snap, delta); break;
	case PANE_EVENTS: evview_move(&t->ev, t->snap, delta); break;
	default: break;
	}
	return R_REDRAW;
}

static size_t page(const struct tui *t)
{
	switch (t->mode) {
	case TM_HELP: return listview_page(&t->help);
	case TM_EPISODE: return listview_page(&t->episode_doc);
	case TM_MENU: return listview_page(&t->menu);
	default: break;
	}
	switch (t->focus) {
	case PANE_CGROUPS: return listview_page(&t->cv.list);
	case PANE_EVENTS: return listview_page(&t->ev.list);
	default: return listview_page(&t->pv.list);
	}
}

/* --- actions --- */

static unsigned act_quit(struct tui *t)
{
	(void)t;
	return R_QUIT;
}

static unsigned act_help(struct tui *t)
{
	t->mode = TM_HELP;
	t->help.top = t->help.sel = 0;
	return R_REDRAW;
}

static bool focusable(const struct tui *t, int p)
{
	return t->visible[p];
}

static unsigned focus_step(struct tui *t, int step)
{
	int p = (int)t->focus;
	for (int i = 0; i < PANE_COUNT; i++) {
		p = (p + step + PANE_COUNT) % PANE_COUNT;
		if (focusable(t, p))
			break;
	}
	t->focus = (enum pane_id)p;
	return R_RELAYOUT | R_REDRAW;
}

static unsigned act_focus_next(struct tui *t)
{
	return focus_step(t, 1);
}

static unsigned act_focus_prev(struct tui *t)
{
	return focus_step(t, -1);
}

static unsigned act_zoom(struct tui *t)
{
	t->zoom = !t->zoom;
	return R_RELAYOUT | R_REDRAW;
}

static unsigned toggle_pane(struct tui *t, enum pane_id p)
{
	static const char *const names[PANE_COUNT] = {"cgroup", "process", "OOM"};
	int shown = 0;
	for (int i = 0; i < PANE_COUNT; i++)
		shown += t->visible[i];
	if (t->visible[p] && shown == 1) {
		tui_status(t, STATUS_INFO, "the %s pane is the last one shown", names[p]);
		return R_REDRAW;
	}
	t->visible[p] = !t->visible[p];
	t->set.panes[p] = t->visible[p];
	if (!t->visible[p] && t->focus == p)
		focus_step(t, 1);
	if (t->visible[p])
		t->focus = p;
	t->zoom = false;
	return R_RELAYOUT | R_REDRAW;
}

static unsigned act_toggle_cgroups(struct tui *t)
{
	return toggle_pane(t, PANE_CGROUPS);
}

static unsigned act_toggle_procs(struct tui *t)
{
	return toggle_pane(t, PANE_PROCS);
}

static unsigned act_toggle_events(struct tui *t)
{
	return toggle_pane(t, PANE_EVENTS);
}

static unsigned act_up(struct tui *t)
{
	return move(t, -1);
}

static unsigned act_down(struct tui *t)
{
	return move(t, 1);
}

static unsigned act_pgup(struct tui *t)
{
	return move(t, -(long)page(t));
}

static unsigned act_pgdn(struct tui *t)
{
	return move(t, (long)page(t));
}

static unsigned act_home(struct tui *t)
{
	if (t->mode == TM_MAIN && t->focus == PANE_PROCS) {
		/* the first row, and keep selecting whatever sorts first (the start state) */
		procview_follow_top(&t->pv);
		return R_REDRAW;
	}
	return move(t, -0x7fffffffL);
}

static unsigned act_end(struct tui *t)
{
	return move(t, 0x7fffffffL);
}

static void open_menu(struct tui *t, enum menu_kind k)
{
	t->mode = TM_MENU;
	t->menu_kind = k;
	t->menu.n = t->menu.sel = t->menu.top = 0;
}

static void menu_add(struct tui *t, const char *item)
{
	if (t->menu.n >= TUI_MENU_MAX)
		return;
	snprintf(t->menu_items[t->menu.n], sizeof(t->menu_items[0]), "%s", item);
	t->menu.n++;
}

static unsigned act_sort_menu(struct tui *t)
{
	open_menu(t, MENU_SORT);
	for (int k = 0; k < SORT_KEY_COUNT; k++) {
		char item[64];
		snprintf(item, sizeof(item), "%-8s %s", sort_key_column((enum sort_key)k),
		         sort_key_name((enum sort_key)k));
		menu_add(t, item);
		if (k == (int)t->pv.sort)
			t->menu.sel = (size_t)k;
	}
	return R_REDRAW;
}

unsigned actions_sort_by(struct tui *t, int key)
{
	if (key < 0 || key >= SORT_KEY_COUNT)
		return R_NONE;
	if ((int)t->pv.sort == key)
		t->pv.reverse = !t->pv.reverse;
	else
		t->pv.reverse = false;
	t->pv.sort = (enum sort_key)key;
	t->set.sort = key;
	t->set.sort_reverse = t->pv.reverse;
	return R_REVIEW | R_REDRAW;
}

/* `<` `>` walk the sort keys in the order the columns are shown. */
static unsigned sort_step(struct tui *t, int step)
{
	int order[PCOL_COUNT], n = 0, cur = -1;
	for (int c = 0; c < PCOL_COUNT; c++) {
		int k = proc_column((enum proc_column)c)->sort;
		if (k < 0 || !t->set.columns[c])
			continue;
		if (k == (int)t->pv.sort)
			cur = n;
		order[n++] = k;
	}
	if (n == 0)
		return R_NONE;
	int next = cur < 0 ? 0 : (cur + step + n) % n;
	t->pv.sort = (enum sort_key)order[next];
	t->pv.reverse = false;
	t->set.sort = order[next];
	t->set.sort_reverse = false;
	return R_REVIEW | R_REDRAW;
}

static unsigned act_sort_prev(struct tui *t)
{
	return sort_step(t, -1);
}

static unsigned act_sort_next(struct tui *t)
{
	return sort_step(t, 1);
}

static unsigned act_sort_invert(struct tui *t)
{
	t->pv.reverse = !t->pv.reverse;
	t->set.sort_reverse = t->pv.reverse;
	return R_REVIEW | R_REDRAW;
}

static void open_input(struct tui *t, enum input_kind k, const char *initial)
{
	t->mode = TM_INPUT;
	t->input_kind = k;
	snprintf(t->input, sizeof(t->input), "%s", initial);
	snprintf(t->input_before, sizeof(t->input_before), "%s", initial);
	t->status[0] = '\0';
}

static unsigned act_search(struct tui *t)
{
	open_input(t, INPUT_SEARCH, "");
	return R_REDRAW;
}

static unsigned act_search_next(struct tui *t)
{
	if (!t->search[0]) {
		tui_status(t, STATUS_INFO, "no search yet: / or F3");
		return R_REDRAW;
	}
	if (!procview_search(&t->pv, t->search, true))
		tui_status(t, STATUS_INFO, "no process matches \"%s\"", t->search);
	t->focus = PANE_PROCS;
	return R_RELAYOUT | R_REDRAW;
}

static unsigned act_filter(struct tui *t)
{
	open_input(t, INPUT_FILTER, t->pv.text);
	return R_REDRAW;
}

static unsigned act_clear_filters(struct tui *t)
{
	bool any = t->pv.text[0] || t->pv.by_uid || t->pv.cgroup;
	t->pv.text[0] = '\0';
	t->pv.by_uid = false;
	procview_set_cgroup(&t->pv, NULL);
	t->status[0] = '\0';
	if (any)
		tui_status(t, STATUS_INFO, "showing all processes");
	return R_REVIEW | R_REDRAW;
}

static unsigned act_user_menu(struct tui *t)
{
	open_menu(t, MENU_USER);
	menu_add(t, "(all users)");
	if (!t->snap)
		return R_REDRAW;
	for (size_t i = 0; i < t->snap->nprocs; i++) {
		const struct proc_row *p = t->snap->procs[i];
		if (!p->user || (p->kernel_thread && !t->pv.kernel_threads))
			continue;
		bool seen = false;
		for (size_t k = 1; k < t->menu.n && !seen; k++)
			seen = strcmp(t->menu_items[k], p->user) == 0;
		if (!seen)
			menu_add(t, p->user);
	}
	/* sorted, "(all users)" first */
	for (size_t a = 1; a < t->menu.n; a++)
		for (size_t b = a + 1; b < t->menu.n; b++)
			if (strcmp(t->menu_items[a], t->menu_items[b]) > 0) {
				char tmp[64];
				memcpy(tmp, t->menu_items[a], sizeof(tmp));
				memcpy(t->menu_items[a], t->menu_items[b], sizeof(tmp));
				memcpy(t->menu_items[b], tmp, sizeof(tmp));
			}
	for (size_t k = 1; k < t->menu.n; k++)
		if (t->pv.by_uid && strcmp(t->menu_items[k], t->pv.user) == 0)
			t->menu.sel = k;
	return R_REDRAW;
}

static unsigned act_toggle_kthreads(struct tui *t)
{
	t->pv.kernel_threads = !t->pv.kernel_threads;
	tui_status(t, STATUS_INFO, "kernel threads %s", t->pv.kernel_threads ? "shown" : "hidden");
	return R_REVIEW | R_REDRAW;
}

static unsigned act_toggle_ghosts(struct tui *t)
{
	t->pv.ghosts = !t->pv.ghosts;
	tui_status(t, STATUS_INFO, "exited processes %s", t->pv.ghosts ? "shown" : "hidden");
	return R_REVIEW | R_REDRAW;
}

static void report_first(void *ud, const char *msg)
{
	struct tui *t = ud;
	if (t->status_level != STATUS_ERROR || !t->status[0])
		tui_status(t, STATUS_ERROR, "%s", msg);
}

static unsigned switch_theme(struct tui *t, const char *name)
{
	struct theme th;
	int problems = 0;
	t->status[0] = '\0';
	t->status_level = STATUS_INFO;
	int rc = theme_load(&th, name, report_first, t, &problems);
	if (rc < 0) {
		tui_status(t, STATUS_ERROR, "theme %s: not found in the theme folders", name);
		return R_REDRAW;
	}
	t->theme = th;
	snprintf(t->set.theme, sizeof(t->set.theme), "%s", name);
	if (problems == 0)
		tui_status(t, STATUS_INFO, "theme %s%s", name,
		           t->no_color ? " (colours are off: --no-color or NO_COLOR)" : "");
	return R_RETHEME | R_REDRAW;
}

static unsigned act_theme_menu(struct tui *t)
{
	const char *names[64];
	size_t n = theme_list(names, 64);
	open_menu(t, MENU_THEME);
	for (size_t i = 0; i < n; i++) {
		menu_add(t, names[i]);
		if (strcmp(names[i], t->theme.name) == 0)
			t->menu.sel = i;
	}
	return R_REDRAW;
}

static unsigned act_theme_next(struct tui *t)
{
	const char *names[64];
	size_t n = theme_list(names, 64), cur = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], t->theme.name) == 0)
			cur = i;
	char name[64];
	snprintf(name, sizeof(name), "%s", names[(cur + 1) % n]);
	return switch_theme(t, name);
}

static unsigned act_save_settings(struct tui *t)
{
	char path[4200];
	int rc = settings_save(&t->set, path, sizeof(path));
	if (rc < 0)
		tui_status(t, STATUS_ERROR, "settings not saved: %s: %s", path, strerror(-rc));
	else
		tui_status(t, STATUS_INFO, "settings saved to %s", path);
	return R_REDRAW;
}

static unsigned act_refresh(struct tui *t)
{
	(void)t;
	return R_REFRESH | R_CLEAR | R_REDRAW;
}

static unsigned act_cgroup_only(struct tui *t)
{
	const struct cgroup_row *c = cgview_selected(&t->cv, t->snap);
	if (!c)
		return R_NONE;
	if (t->pv.cgroup && strcmp(t->pv.cgroup, c->path) == 0) {
		procview_set_cgroup(&t->pv, NULL);
		tui_status(t, STATUS_INFO, "processes of all cgroups");
	} else {
		procview_set_cgroup(&t->pv, c->path);
		tui_status(t, STATUS_INFO, "processes of %s and below (Enter again: all)", c->path);
	}
	return R_REVIEW | R_REDRAW;
}

static unsigned act_cgroup_tree(struct tui *t)
{
	t->cv.tree = !t->cv.tree;
	t->set.tree = t->cv.tree;
	tui_status(t, STATUS_INFO, "cgroups %s", t->cv.tree ? "as a tree" : "flat, fullest first");
	return R_REVIEW | R_REDRAW;
}

static unsigned act_collapse(struct tui *t)
{
	cgview_set_collapsed(&t->cv, t->snap, true);
	return R_REVIEW | R_RELAYOUT | R_REDRAW;
}

static unsigned act_expand(struct tui *t)
{
	cgview_set_collapsed(&t->cv, t->snap, false);
	return R_REVIEW | R_RELAYOUT | R_REDRAW;
}

static unsigned open_episode(struct tui *t, int idx)
{
	const struct oom_event *e = &t->snap->events[idx];
	t->episode = idx;
	t->episode_pid = e->victim_pid;
	t->episode_boot_s = e->boot_s;
	t->episode_doc.top = t->episode_doc.sel = 0;
	t->mode = TM_EPISODE;
	return R_REDRAW;
}

static unsigned act_proc_episode(struct tui *t)
{
	const struct proc_row *p = procview_selected(&t->pv);
	if (!p)
		return R_NONE;
	if (p->state != PROC_OOM_KILLED || p->oom_event < 0 || !t->snap ||
	    (size_t)p->oom_event >= t->snap->nevents) {
		tui_status(t, STATUS_INFO, "Enter opens the OOM episode of a killed (K) process");
		return R_REDRAW;
	}
	return open_episode(t, p->oom_event);
}

static unsigned act_proc_cgroup(struct tui *t)
{
	const struct proc_row *p = procview_selected(&t->pv);
	if (!p || !p->cgroup)
		return R_NONE;
	if (!cgview_select_path(&t->cv, t->snap, p->cgroup))
		tui_status(t, STATUS_INFO, "%s is not shown in the cgroup pane (collapsed?)", p->cgroup);
	return R_RELAYOUT | R_REDRAW;
}

static unsigned act_event_open(struct tui *t)
{
	if (!t->snap || t->snap->nevents == 0)
		return R_NONE;
	size_t i = t->ev.list.sel < t->snap->nevents ? t->ev.list.sel : 0;
	return open_episode(t, (int)(t->snap->nevents - 1 - i));
}

static unsigned act_close(struct tui *t)
{
	if (t->mode == TM_CONFIRM || (t->mode == TM_MENU && t->menu_kind == MENU_ADJ))
		tui_status(t, STATUS_INFO, "cancelled: oom_score_adj not changed");
	t->mode = TM_MAIN;
	return R_REDRAW;
}

static unsigned act_episode_sort(struct tui *t)
{
	t->episode_by_pid = !t->episode_by_pid;
	return R_REDRAW;
}

static unsigned act_menu_choose(struct tui *t)
{
	unsigned r = R_REDRAW;
	t->mode = TM_MAIN;
	size_t sel = t->menu.sel;
	if (sel >= t->menu.n)
		return r;
	switch (t->menu_kind) {
	case MENU_SORT:
		t->pv.sort = (enum sort_key)sel;
		t->pv.reverse = false;
		t->set.sort = (int)sel;
		t->set.sort_reverse = false;
		return R_REVIEW | R_REDRAW;
	case MENU_USER: {
		if (sel == 0) {
			t->pv.by_uid = false;
			return R_REVIEW | R_REDRAW;
		}
		const char *name = t->menu_items[sel];
		for (size_t i = 0; t->snap && i < t->snap->nprocs; i++) {
			const struct proc_row *p = t->snap->procs[i];
			if (p->user && strcmp(p->user, name) == 0) {
				t->pv.by_uid = true;
				t->pv.uid = p->uid;
				snprintf(t->pv.user, sizeof(t->pv.user), "%s", name);
				break;
			}
		}
		return R_REVIEW | R_REDRAW;
	}
	case MENU_THEME: {
		char name[64];
		snprintf(name, sizeof(name), "%s", t->menu_items[sel]);
		return switch_theme(t, name);
	}
	case MENU_ADJ:
		if (sel >= adj_plan_presets_len)
			return r;
		adj_plan_set_value(&t->plan, adj_plan_presets[sel].value);
		return confirm_or_apply(t);
	}
	return r;
}

static unsigned act_input_accept(struct tui *t)
{
	if (t->input_kind == INPUT_ADJ) {
		int v;
		if (adj_plan_parse_value(t->input, &v, t->adj_why, sizeof(t->adj_why)) < 0)
			return R_REDRAW; /* stay: the dialog says why */
		adj_plan_set_value(&t->plan, v);
		t->mode = TM_MAIN;
		return confirm_or_apply(t);
	}
	t->mode = TM_MAIN;
	if (t->input_kind == INPUT_SEARCH) {
		snprintf(t->search, sizeof(t->search), "%s", t->input);
		if (t->input[0] && !procview_search(&t->pv, t->input, false))
			tui_status(t, STATUS_INFO, "no process matches \"%s\"", t->input);
		t->focus = PANE_PROCS;
		return R_RELAYOUT | R_REDRAW;
	}
	return R_REVIEW | R_REDRAW;
}

static unsigned act_input_cancel(struct tui *t)
{
	t->mode = TM_MAIN;
	if (t->input_kind == INPUT_ADJ) {
		tui_status(t, STATUS_INFO, "cancelled: oom_score_adj not changed");
		return R_REDRAW;
	}
	if (t->input_kind == INPUT_FILTER) {
		snprintf(t->pv.text, sizeof(t->pv.text), "%s", t->input_before);
		return R_REVIEW | R_REDRAW;
	}
	return R_REDRAW;
}

/* The filter narrows as it is typed; the search jumps as it is typed. */
static unsigned input_changed(struct tui *t)
{
	if (t->input_kind == INPUT_ADJ) {
		int v;
		if (adj_plan_parse_value(t->input, &v, t->adj_why, sizeof(t->adj_why)) == 0)
			adj_plan_set_value(&t->plan, v); /* the dialog previews it */
		return R_REDRAW;
	}
	if (t->input_kind == INPUT_FILTER) {
		snprintf(t->pv.text, sizeof(t->pv.text), "%s", t->input);
		return R_REVIEW | R_REDRAW;
	}
	if (t->input[0])
		procview_search(&t->pv, t->input, false);
	return R_RELAYOUT | R_REDRAW;
}

static unsigned act_input_backspace(struct tui *t)
{
	size_t n = strlen(t->input);
	if (n == 0)
		return R_NONE;
	/* remove one whole UTF-8 character */
	do
		n--;
	while (n > 0 && ((unsigned char)t->input[n] & 0xc0) == 0x80);
	t->input[n] = '\0';
	return input_changed(t);
}

static unsigned act_input_clear(struct tui *t)
{
	t->input[0] = '\0';
	return input_changed(t);
}

unsigned actions_input_char(struct tui *t, int wch)
{
	if (t->mode != TM_INPUT || wch < 0x20 || wch == 0x7f || (wch >= 0x80 && wch < 0xa0) ||
	    wch > 0x10ffff)
		return R_NONE;
	/* a value: digits and a sign, no more than "-1000" and a little */
	if (t->input_kind == INPUT_ADJ &&
	    (wch >= 0x80 || !strchr("+-0123456789 ", wch) || strlen(t->input) >= 6))
		return R_NONE;
	char enc[5];
	size_t len;
	unsigned c = (unsigned)wch;
	if (c < 0x80) {
		enc[0] = (char)c, len = 1;
	} else if (c < 0x800) {
		enc[0] = (char)(0xc0 | (c >> 6)), enc[1] = (char)(0x80 | (c & 0x3f)), len = 2;
	} else if (c < 0x10000) {
		enc[0] = (char)(0xe0 | (c >> 12)), enc[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		enc[2] = (char)(0x80 | (c & 0x3f)), len = 3;
	} else {
		enc[0] = (char)(0xf0 | (c >> 18)), enc[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		enc[2] = (char)(0x80 | ((c >> 6) & 0x3f)), enc[3] = (char)(0x80 | (c & 0x3f)), len = 4;
	}
	size_t n = strlen(t->input);
	if (n + len + 1 > sizeof(t->input))
		return R_NONE;
	memcpy(t->input + n, enc, len);
	t->input[n + len] = '\0';
	return input_changed(t);
}


/* --- oom_score_adj: tags, plans, the writer, undo --- */

static bool refuse_readonly(struct tui *t)
{
	if (!t->readonly)
		return false;
	tui_status(t, STATUS_ERROR, "read-only (--readonly): oom_score_adj not changed");
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
	bool tagged = t->tags.n > 0;
	adj_plan_begin(&t->plan, op, arg, tagged);
	if (tagged) {
		for (size_t i = 0; i < t->tags.n; i++) {
			const struct proc_row *p = live_row(t, t->tags.e[i].pid, t->tags.e[i].start_ticks);
			if (p)
				adj_plan_add(&t->plan, p);
			else
				t->plan.skipped++;
		}
	} else {
		const struct proc_row *p = procview_selected(&t->pv);
		if (!p) {
			tui_status(t, STATUS_INFO, "no process selected");
			return false;
		}
		if (adj_plan_add(&t->plan, p) < 0) {
			tui_status(t, STATUS_ERROR, "pid %d: %s", (int)p->pid,
			           p->state != PROC_RUNNING ? "has exited, nothing to change"
			           : p->kernel_thread       ? "a kernel thread is never chosen by the OOM killer"
			                                    : "its oom_score_adj is unknown");
			return false;
		}
	}
	if (t->plan.n == 0) {
		tui_status(t, STATUS_ERROR, "the tagged processes have exited");
		return false;
	}
	return true;
}

static const char *cgroup_of(const struct tui *t, pid_t pid, uint64_t start)
{
	const struct proc_row *p = live_row(t, pid, start);
	return p ? p->cgroup : NULL;
}

/* Write the plan through the one writer; the status line says what happened. */
static unsigned apply_plan(struct tui *t)
{
	struct adj_plan *pl = &t->plan;
	unsigned flags = t->readonly ? OOM_ADJ_F_READONLY : 0;
	struct oom_adj_undo *u = malloc(sizeof(*u));
	if (!u) {
		tui_status(t, STATUS_ERROR, "out of memory");
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
		if (t->nundo == TUI_UNDO_DEPTH) { /* forget the oldest */
			memmove(&t->undo[0], &t->undo[1], (TUI_UNDO_DEPTH - 1) * sizeof(t->undo[0]));
			t->nundo--;
		}
		t->undo[t->nundo++] = *u;
	}
	free(u);
	t->mode = TM_MAIN;
	if (pl->n == 1 && !pl->tagged) {
		if (refused) {
			tui_status(t, STATUS_ERROR, "%s", first_refusal.message);
		} else if (ok) {
			char hint[256];
			oom_adj_persist_hint(cgroup_of(t, last_ok.pid, pl->t[0].start_ticks),
			                     last_ok.new_adj, hint, sizeof(hint));
			tui_status(t, STATUS_INFO, "%s (z undoes); %s", last_ok.message, hint);
		} else {
			tui_status(t, STATUS_INFO, "%s", r.message);
		}
		return R_REFRESH | R_REDRAW;
	}
	if (refused)
		tui_status(t, STATUS_ERROR, "oom_score_adj of %zu tagged: %zu changed, %zu unchanged, "
		           "%zu refused; first: %s", pl->n, ok, same, refused, first_refusal.message);
	else
		tui_status(t, STATUS_INFO, "oom_score_adj of %zu tagged: %zu changed, %zu already "
		           "there%s", pl->n, ok, same, ok ? " (z undoes)" : "");
	return R_REFRESH | R_REDRAW;
}

/* Ask first when the plan needs it, else write now. */
static unsigned confirm_or_apply(struct tui *t)
{
	if (adj_plan_needs_confirm(&t->plan)) {
		t->mode = TM_CONFIRM;
		t->status[0] = '\0';
		return R_REDRAW;
	}
	return apply_plan(t);
}

static unsigned adj_step(struct tui *t, int delta)
{
	if (refuse_readonly(t) || !plan_targets(t, ADJ_OP_STEP, delta))
		return R_REDRAW;
	if (adj_plan_changes(&t->plan) == 0) {
		tui_status(t, STATUS_INFO, "oom_score_adj is already %d (the %s)", t->plan.t[0].new_adj,
		           delta > 0 ? "highest, killed first" : "lowest, never killed");
		return R_REDRAW;
	}
	return confirm_or_apply(t);
}

static unsigned act_adj_up(struct tui *t)
{
	return adj_step(t, 100);
}

static unsigned act_adj_down(struct tui *t)
{
	return adj_step(t, -100);
}

static unsigned act_adj_type(struct tui *t)
{
	if (refuse_readonly(t) || !plan_targets(t, ADJ_OP_SET, 0))
		return R_REDRAW;
	t->mode = TM_INPUT;
	t->input_kind = INPUT_ADJ;
	t->input[0] = t->input_before[0] = '\0';
	adj_plan_parse_value(t->input, &(int){0}, t->adj_why, sizeof(t->adj_why));
	t->status[0] = '\0';
	return R_REDRAW;
}

static unsigned act_adj_presets(struct tui *t)
{
	if (refuse_readonly(t) || !plan_targets(t, ADJ_OP_SET, 0))
		return R_REDRAW;
	open_menu(t, MENU_ADJ);
	for (size_t i = 0; i < adj_plan_presets_len; i++) {
		char item[64];
		char v[16];
		snprintf(v, sizeof(v), adj_plan_presets[i].value > 0 ? "+%d" : "%d", adj_plan_presets[i].value);
		snprintf(item, sizeof(item), "%-10s %5s  %s", adj_plan_presets[i].name, v,
		         adj_plan_presets[i].what);
		menu_add(t, item);
	}
	t->menu.sel = 1; /* neutral: the harmless one under the cursor */
	return R_REDRAW;
}

static unsigned act_adj_undo(struct tui *t)
{
	if (refuse_readonly(t))
		return R_REDRAW;
	struct oom_adj_undo *u = t->nundo ? &t->undo[t->nundo - 1] : NULL;
	size_t n = u ? u->n : 0;
	if (n == 0) {
		tui_status(t, STATUS_INFO, "no oom_score_adj change to undo");
		return R_REDRAW;
	}
	struct oom_adj_result *res = calloc(n, sizeof(*res));
	if (!res) {
		tui_status(t, STATUS_ERROR, "out of memory");
		return R_REDRAW;
	}
	size_t done = oom_adj_undo_apply(NULL, u, 0, res);
	/* refused entries stay in u (z tries again); restored and gone ones left it */
	if (u->n == 0) /* nothing left of it: the change before it is next */
		t->nundo--;
	const struct oom_adj_result *refusal = NULL;
	for (size_t i = 0; i < n && !refusal; i++)
		if (res[i].status != OOM_ADJ_OK && res[i].status != OOM_ADJ_UNCHANGED)
			refusal = &res[i];
	if (n == 1 && !refusal)
		tui_status(t, STATUS_INFO, "undone: %s%s", res[0].message,
		           t->nundo ? " (z undoes the one before)" : "");
	else if (n == 1)
		tui_status(t, STATUS_ERROR, "undo: %s", refusal->message);
	else if (!refusal)
		tui_status(t, STATUS_INFO, "undone: %zu processes restored", done);
	else
		tui_status(t, STATUS_ERROR, "undo: %zu of %zu restored; %s (z tries again)", done, n,
		           refusal->message);
	free(res);
	return R_REFRESH | R_REDRAW;
}

static unsigned act_tag(struct tui *t)
{
	const struct proc_row *p = procview_selected(&t->pv);
	if (!p)
		return R_NONE;
	if (p->state != PROC_RUNNING || p->kernel_thread) {
		tui_status(t, STATUS_INFO, "pid %d: %s", (int)p->pid,
		           p->kernel_thread ? "kernel threads have no oom_score_adj to change"
		                            : "has exited, cannot be tagged");
		return R_REDRAW;
	}
	int rc = adj_tags_toggle(&t->tags, p->pid, p->start_ticks);
	if (rc < 0)
		tui_status(t, STATUS_ERROR, "at most %d tagged processes", ADJ_TAGS_MAX);
	else if (t->tags.n)
		tui_status(t, STATUS_INFO, "%zu tagged: ] [ a p change them all (asks first), U untags",
		           t->tags.n);
	else
		tui_status(t, STATUS_INFO, "no process tagged");
	/* like htop: on to the next row, to tag several in a row */
	procview_move(&t->pv, 1);
	return R_REDRAW;
}

static unsigned act_untag_all(struct tui *t)
{
	size_t n = t->tags.n;
	adj_tags_clear(&t->tags);
	tui_status(t, STATUS_INFO, n ? "untagged %zu" : "no process was tagged", n);
	return R_REDRAW;
}

static unsigned act_confirm_yes(struct tui *t)
{
	if (t->mode != TM_CONFIRM)
		return R_NONE;
	if (refuse_readonly(t)) {
		t->mode = TM_MAIN;
		return R_REDRAW;
	}
	return apply_plan(t);
}

/* --- dispatch --- */

typedef unsigned (*action_fn)(struct tui *);

static const action_fn action_table[A_COUNT] = {
#define X(id, fn) [id] = fn,
	ACTIONS(X)
#undef X
};

unsigned actions_run(struct tui *t, enum action a)
{
	if ((unsigned)a >= A_COUNT || !action_table[a])
		return R_NONE;
	/* a message stays until the next key once it has been seen for a while */
	if (t->status[0] && t->now_ms - t->status_t_ms > 3000)
		t->status[0] = '\0';
	return action_table[a](t);
}

/* --- mouse --- */

static bool in_rect(struct rect r, int y, int x)
{
	return r.h > 0 && y >= r.y && y < r.y + r.h && x >= r.x && x < r.x + r.w;
}

unsigned actions_click(struct tui *t, int y, int x)
{
	if (t->mode == TM_HELP || t->mode == TM_EPISODE)
		return R_NONE;
	if (t->mode != TM_MAIN)
		return R_NONE;
	for (int p = 0; p < PANE_COUNT; p++) {
		struct rect r = t->lay.pane[p];
		if (!in_rect(r, y, x))
			continue;
		unsigned rc = R_REDRAW | R_RELAYOUT;
		t->focus = (enum pane_id)p;
		if (y == r.y) { /* header */
			if (p == PANE_PROCS) {
				int c = pane_procs_column_at(t, x);
				if (c >= 0)
					rc |= actions_sort_by(t, proc_column((enum proc_column)c)->sort);
			}
			return rc;
		}
		int line = y - r.y - 1;
		long row;
		if (p == PANE_PROCS && (row = listview_hit(&t->pv.list, line)) >= 0)
			procview_select(&t->pv, (size_t)row);
		else if (p == PANE_CGROUPS && (row = listview_hit(&t->cv.list, line)) >= 0)
			cgview_select(&t->cv, t->snap, (size_t)row);
		else if (p == PANE_EVENTS && (row = listview_hit(&t->ev.list, line)) >= 0)
			evview_select(&t->ev, t->snap, (size_t)row);
		return rc;
	}
	return R_NONE;
}

unsigned actions_wheel(struct tui *t, int y, int x, int dir)
{
	if (t->mode == TM_CONFIRM || t->mode == TM_INPUT)
		return R_NONE; /* the selection stays under a dialog */
	if (t->mode == TM_MAIN) {
		for (int p = 0; p < PANE_COUNT; p++)
			if (in_rect(t->lay.pane[p], y, x))
				t->focus = (enum pane_id)p;
	}
	return move(t, dir * 3) | R_RELAYOUT;
}
