/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/action/find.h"

#include <stdio.h>
#include <string.h>

#include "tui/action/prompt.h"
#include "tui/model/proc_columns.h"
#include "tui/reaction.h"

static unsigned sort(struct tui *t, enum sort_key key, bool reverse)
{
	t->pv.sort = key;
	t->pv.reverse = reverse;
	t->set.sort = (int)key;
	t->set.sort_reverse = reverse;
	return R_REVIEW | R_REDRAW;
}

static unsigned sort_chosen(struct tui *t, size_t i)
{
	return sort(t, (enum sort_key)i, false);
}

unsigned action_find_sort_menu(struct tui *t)
{
	static const struct tui_menu_ops ops = {.choose = sort_chosen};
	action_prompt_menu_open(t, MENU_SORT, &ops);
	for (int k = 0; k < SORT_KEY_COUNT; k++) {
		char item[64];
		snprintf(item, sizeof(item), "%-8s %s", sort_key_column((enum sort_key)k),
		         sort_key_name((enum sort_key)k));
		action_prompt_menu_add(t, item);
		if (k == (int)t->pv.sort)
			t->menu.list.sel = (size_t)k;
	}
	return R_REDRAW;
}

unsigned action_find_sort_by(struct tui *t, int key)
{
	if (key < 0 || key >= SORT_KEY_COUNT)
		return R_NONE;
	return sort(t, (enum sort_key)key, (int)t->pv.sort == key && !t->pv.reverse);
}

/* `<` `>` walk the sort keys in the order the columns are shown. */
static unsigned sort_step(struct tui *t, int step)
{
	int order[PCOL_COUNT], n = 0, cur = -1;
	for (int c = 0; c < PCOL_COUNT; c++) {
		int k = proc_columns_info((enum proc_column)c)->sort;
		if (k < 0 || !t->set.columns[c])
			continue;
		if (k == (int)t->pv.sort)
			cur = n;
		order[n++] = k;
	}
	if (n == 0)
		return R_NONE;
	int next = cur < 0 ? 0 : (cur + step + n) % n;
	return sort(t, (enum sort_key)order[next], false);
}

unsigned action_find_sort_prev(struct tui *t)
{
	return sort_step(t, -1);
}

unsigned action_find_sort_next(struct tui *t)
{
	return sort_step(t, 1);
}

unsigned action_find_sort_invert(struct tui *t)
{
	return sort(t, t->pv.sort, !t->pv.reverse);
}

/* --- search: the selection jumps to the first match as it is typed --- */

static unsigned search_changed(struct tui *t)
{
	if (t->prompt.text[0])
		procview_search(&t->pv, t->prompt.text, false);
	return R_RELAYOUT | R_REDRAW;
}

static unsigned search_accept(struct tui *t)
{
	t->mode = TM_MAIN;
	snprintf(t->search, sizeof(t->search), "%s", t->prompt.text);
	if (t->search[0] && !procview_search(&t->pv, t->search, false))
		tui_state_status(t, STATUS_INFO, "no process matches \"%s\"", t->search);
	t->focus = PANE_PROCS;
	return R_RELAYOUT | R_REDRAW;
}

unsigned action_find_search(struct tui *t)
{
	static const struct tui_prompt_ops ops = {.changed = search_changed,
	                                          .accept = search_accept};
	action_prompt_open(t, INPUT_SEARCH, "", &ops);
	return R_REDRAW;
}

unsigned action_find_search_next(struct tui *t)
{
	if (!t->search[0]) {
		tui_state_status(t, STATUS_INFO, "no search yet: / or F3");
		return R_REDRAW;
	}
	if (!procview_search(&t->pv, t->search, true))
		tui_state_status(t, STATUS_INFO, "no process matches \"%s\"", t->search);
	t->focus = PANE_PROCS;
	return R_RELAYOUT | R_REDRAW;
}

/* --- filter: the list narrows as it is typed; Esc puts the old text back --- */

static unsigned filter_set(struct tui *t, const char *text)
{
	snprintf(t->pv.text, sizeof(t->pv.text), "%s", text);
	return R_REVIEW | R_REDRAW;
}

static unsigned filter_changed(struct tui *t)
{
	return filter_set(t, t->prompt.text);
}

static unsigned filter_accept(struct tui *t)
{
	t->mode = TM_MAIN;
	return R_REVIEW | R_REDRAW;
}

static unsigned filter_cancel(struct tui *t)
{
	return filter_set(t, t->prompt.before);
}

unsigned action_find_filter(struct tui *t)
{
	static const struct tui_prompt_ops ops = {
		.changed = filter_changed, .accept = filter_accept, .cancel = filter_cancel};
	action_prompt_open(t, INPUT_FILTER, t->pv.text, &ops);
	return R_REDRAW;
}

unsigned action_find_clear(struct tui *t)
{
	bool any = t->pv.text[0] || t->pv.by_uid || t->pv.cgroup;
	t->pv.text[0] = '\0';
	t->pv.by_uid = false;
	procview_set_cgroup(&t->pv, NULL);
	t->status[0] = '\0';
	if (any)
		tui_state_status(t, STATUS_INFO, "showing all processes");
	return R_REVIEW | R_REDRAW;
}

/* --- one user's processes --- */

static unsigned user_chosen(struct tui *t, size_t i)
{
	if (i == 0) { /* (all users) */
		t->pv.by_uid = false;
		return R_REVIEW | R_REDRAW;
	}
	const char *name = t->menu.item[i];
	for (size_t k = 0; t->snap && k < t->snap->nprocs; k++) {
		const struct proc_row *p = t->snap->procs[k];
		if (p->user && strcmp(p->user, name) == 0) {
			t->pv.by_uid = true;
			t->pv.uid = p->uid;
			snprintf(t->pv.user, sizeof(t->pv.user), "%s", name);
			break;
		}
	}
	return R_REVIEW | R_REDRAW;
}

unsigned action_find_user_menu(struct tui *t)
{
	static const struct tui_menu_ops ops = {.choose = user_chosen};
	struct tui_menu *m = &t->menu;
	action_prompt_menu_open(t, MENU_USER, &ops);
	action_prompt_menu_add(t, "(all users)");
	if (!t->snap)
		return R_REDRAW;
	for (size_t i = 0; i < t->snap->nprocs; i++) {
		const struct proc_row *p = t->snap->procs[i];
		if (!p->user || (p->kernel_thread && !t->pv.kernel_threads))
			continue;
		bool seen = false;
		for (size_t k = 1; k < m->list.n && !seen; k++)
			seen = strcmp(m->item[k], p->user) == 0;
		if (!seen)
			action_prompt_menu_add(t, p->user);
	}
	/* sorted, "(all users)" first */
	for (size_t a = 1; a < m->list.n; a++)
		for (size_t b = a + 1; b < m->list.n; b++)
			if (strcmp(m->item[a], m->item[b]) > 0) {
				char tmp[sizeof(m->item[0])];
				memcpy(tmp, m->item[a], sizeof(tmp));
				memcpy(m->item[a], m->item[b], sizeof(tmp));
				memcpy(m->item[b], tmp, sizeof(tmp));
			}
	for (size_t k = 1; k < m->list.n; k++)
		if (t->pv.by_uid && strcmp(m->item[k], t->pv.user) == 0)
			m->list.sel = k;
	return R_REDRAW;
}
