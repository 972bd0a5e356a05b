/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/tui/check_tui.c — the screen's pure parts that act on a snapshot: layout, column
 * fitting, the process, cgroup and OOM views, the list view, key dispatch and the key bar,
 * the mouse, the oom_score_adj controls. The OOM kills' own views: check_tui_kills. */
#include "config.h"

#include <check.h>
#include <curses.h>
#include <errno.h>
#include <unistd.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/fmt.h"
#include "core/base/util.h"
#include "tests/tui/fixture.h"
#include "tui/adj/plan.h"
#include "tui/model/cgroup_columns.h"
#include "tui/model/cgview.h"
#include "tui/keymap.h"
#include "tui/layout.h"
#include "tui/listview.h"
#include "tui/model/evview.h"
#include "tui/model/procview.h"
#include "tui/model/rate.h"
#include "tui/sanitize.h"
#include "tui/config/settings.h"
#include "tui/adj/tags.h"
#include "tui/config/theme.h"
#include "tui/config/theme_file.h"
#include "tui/input.h"
#include "tui/reaction.h"
#include "tui/state.h"
#include "tests/unit/ck_run.h"

/* --- layout --- */

static void check_no_overlap(const struct layout *l, int cols, int lines)
{
	struct rect rs[6] = {l->header, l->pane[0], l->pane[1], l->pane[2], l->status, l->keybar};
	for (int i = 0; i < 6; i++) {
		if (!rs[i].h)
			continue;
		ck_assert(rs[i].y >= 0 && rs[i].y + rs[i].h <= lines && rs[i].x + rs[i].w <= cols);
		for (int j = i + 1; j < 6; j++) {
			if (!rs[j].h)
				continue;
			ck_assert_msg(rs[i].y + rs[i].h <= rs[j].y || rs[j].y + rs[j].h <= rs[i].y,
			              "rects %d and %d overlap at %dx%d", i, j, cols, lines);
		}
	}
}

START_TEST(layout_sizes)
{
	struct layout_in in = {.cols = 80, .lines = 24, .visible = {true, true, true},
	                       .focus = PANE_PROCS, .want = {7, 200, 2}};
	struct layout l;
	layout_compute(&in, &l);
	/* 80x24: all three panes, processes get the most */
	ck_assert_int_gt(l.pane[PANE_CGROUPS].h, 1);
	ck_assert_int_gt(l.pane[PANE_EVENTS].h, 1);
	ck_assert_int_ge(l.pane[PANE_PROCS].h, l.pane[PANE_CGROUPS].h);
	ck_assert_int_eq(l.keybar.y, 23);
	ck_assert_int_eq(l.status.y, 22);
	check_no_overlap(&l, 80, 24);
	/* zoom: the focused pane takes the body */
	in.zoom = true;
	layout_compute(&in, &l);
	ck_assert_int_eq(l.pane[PANE_CGROUPS].h, 0);
	ck_assert_int_eq(l.pane[PANE_PROCS].h, 24 - 2 - l.header.h);
	/* small: one pane, smaller header */
	in.zoom = false;
	in.cols = 40, in.lines = 12;
	layout_compute(&in, &l);
	ck_assert_int_eq(l.header.h, 2);
	ck_assert_int_eq(l.pane[PANE_CGROUPS].h, 0);
	ck_assert_int_gt(l.pane[PANE_PROCS].h, 0);
	/* every size from 1x1 to 200x60 is sane */
	for (int w = 1; w <= 200; w += 7)
		for (int h = 1; h <= 60; h++) {
			in.cols = w, in.lines = h;
			for (int f = 0; f < PANE_COUNT; f++) {
				in.focus = (enum pane_id)f;
				layout_compute(&in, &l);
				check_no_overlap(&l, w, h);
			}
		}
}
END_TEST

START_TEST(layout_hidden_panes)
{
	struct layout_in in = {.cols = 120, .lines = 40, .visible = {false, true, false},
	                       .focus = PANE_PROCS, .want = {7, 200, 2}};
	struct layout l;
	layout_compute(&in, &l);
	ck_assert_int_eq(l.pane[PANE_CGROUPS].h, 0);
	ck_assert_int_eq(l.pane[PANE_EVENTS].h, 0);
	ck_assert_int_eq(l.pane[PANE_PROCS].h, 40 - 2 - l.header.h);
	in.visible[PANE_PROCS] = false, in.visible[PANE_EVENTS] = true, in.visible[PANE_CGROUPS] = true;
	in.focus = PANE_CGROUPS;
	layout_compute(&in, &l);
	ck_assert_int_eq(l.pane[PANE_PROCS].h, 0);
	ck_assert_int_eq(l.pane[PANE_CGROUPS].h + l.pane[PANE_EVENTS].h, 40 - 2 - l.header.h);
}
END_TEST

START_TEST(fit_columns_drops_by_priority)
{
	struct col_spec spec[4] = {{5, 7, 100, false}, {8, 20, 10, false}, {4, 4, 50, false},
	                           {8, 8, 90, true}};
	int w[4];
	ck_assert_int_eq(layout_fit_columns(spec, NULL, 4, 80, w), 4);
	ck_assert_int_eq(w[0], 7);
	ck_assert_int_eq(w[1], 20);
	ck_assert_int_eq(w[0] + w[1] + w[2] + w[3] + 3, 80); /* the fill column takes the rest */
	ck_assert_int_eq(layout_fit_columns(spec, NULL, 4, 20, w), 3);
	ck_assert_int_eq(w[1], 0); /* lowest priority dropped first */
	ck_assert_int_le(w[0] + w[2] + w[3] + 2, 20);
	ck_assert_int_eq(layout_fit_columns(spec, NULL, 4, 3, w), 0);
}
END_TEST

/* --- views --- */

START_TEST(procview_sort_filter_follow)
{
	const struct snapshot *s = fixture_snapshot();
	struct procview pv;
	procview_init(&pv);
	ck_assert_int_eq(procview_update(&pv, s), 0);
	/* default: leak rate first; the OOM-killed ghost grew fastest, then the leaker */
	ck_assert_int_eq(pv.rows[0]->pid, 4100);
	ck_assert_int_eq(pv.rows[1]->pid, 4242);
	/* kernel threads hidden by default */
	for (size_t i = 0; i < pv.list.n; i++)
		ck_assert(!pv.rows[i]->kernel_thread);
	/* select the leaker, re-sort by pid: the selection follows the process */
	ck_assert(procview_select_pid(&pv, 4242));
	pv.sort = SORT_PID;
	procview_update(&pv, s);
	ck_assert_int_eq(procview_selected(&pv)->pid, 4242);
	ck_assert_uint_ne(pv.list.sel, 1);
	/* a text filter narrows */
	snprintf(pv.text, sizeof(pv.text), "nas");
	procview_update(&pv, s);
	ck_assert_uint_ge(pv.list.n, 2);
	for (size_t i = 0; i < pv.list.n; i++)
		ck_assert(strstr(pv.rows[i]->cmdline, "nas") || strstr(pv.rows[i]->cgroup, "nas"));
	/* search wraps and moves the selection */
	pv.text[0] = '\0';
	procview_update(&pv, s);
	ck_assert(procview_search(&pv, "vim", true));
	ck_assert_int_eq(procview_selected(&pv)->pid, 3150);
	ck_assert(!procview_search(&pv, "no-such-thing", true));
	/* cgroup subtree */
	procview_set_cgroup(&pv, "/user.slice");
	procview_update(&pv, s);
	for (size_t i = 0; i < pv.list.n; i++)
		ck_assert(strncmp(pv.rows[i]->cgroup, "/user.slice", 11) == 0);
	procview_free(&pv);
}
END_TEST

static struct proc_row fx_rows[32];
static struct proc_row *fx_ptrs[32];

/* A private copy of the fixture that a test may change. */
static struct snapshot fx_copy(void)
{
	const struct snapshot *fx = fixture_snapshot();
	ck_assert_uint_le(fx->nprocs, 32);
	for (size_t i = 0; i < fx->nprocs; i++) {
		fx_rows[i] = *fx->procs[i];
		fx_ptrs[i] = &fx_rows[i];
	}
	struct snapshot s = *fx;
	s.procs = fx_ptrs;
	return s;
}

/* Issue 5 "a leaking process is near the top by default": at start no slope is known, so
 * the list sorts by pid and pid 1 is first. When the slopes arrive, the selection must
 * not follow pid 1 down the list (scrolling the leaker out of sight): until the operator
 * moves it, it stays on the first row. After that it follows the chosen process, and the
 * view scrolls only as far as needed to keep it visible. */
START_TEST(procview_stays_on_top_until_moved)
{
	struct snapshot s = fx_copy();
	struct proc_row *rows = fx_rows;
	for (size_t i = 0; i < s.nprocs; i++) {
		rows[i].rss_slope.per_s = NAN;
		rows[i].rss_slope.fit = NAN;
	}
	struct procview pv;
	procview_init(&pv);
	ck_assert_int_eq(procview_update(&pv, &s), 0);
	listview_fit(&pv.list, 3);
	ck_assert_uint_eq(pv.list.sel, 0);
	pid_t first = procview_selected(&pv)->pid;
	/* the slopes arrive: the leaker (4242) and the OOM-killed ghost sort first */
	s = fx_copy();
	procview_update(&pv, &s);
	listview_fit(&pv.list, 3);
	ck_assert_uint_eq(pv.list.sel, 0);
	ck_assert_uint_eq(pv.list.top, 0);
	ck_assert_int_eq(procview_selected(&pv)->pid, 4100);
	ck_assert_int_ne(procview_selected(&pv)->pid, first);
	/* the operator moves to the leaker: from now on it is followed */
	procview_move(&pv, 1);
	ck_assert_int_eq(procview_selected(&pv)->pid, 4242);
	/* its slope drops to nothing: it sorts further down, the view scrolls just enough */
	for (size_t i = 0; i < s.nprocs; i++)
		if (rows[i].pid == 4242)
			rows[i].rss_slope.per_s = -1.0;
	procview_update(&pv, &s);
	listview_fit(&pv.list, 3);
	ck_assert_int_eq(procview_selected(&pv)->pid, 4242);
	ck_assert_uint_gt(pv.list.sel, 2);
	ck_assert_uint_eq(pv.list.top, pv.list.sel - 2); /* selection on the last visible row */
	/* Home: back to the first row, and it stays there across refreshes */
	procview_follow_top(&pv);
	procview_update(&pv, &s);
	listview_fit(&pv.list, 3);
	ck_assert_uint_eq(pv.list.sel, 0);
	ck_assert_uint_eq(pv.list.top, 0);
	ck_assert_int_eq(procview_selected(&pv)->pid, pv.rows[0]->pid);
	procview_free(&pv);
}
END_TEST

/* --- the list view: every list's selection, scrolling, paging and clicks --- */

START_TEST(listview_select_scroll_page)
{
	struct listview lv = {.n = 10};
	/* not shown yet: a move selects, nothing scrolls, a page is one row */
	ck_assert(listview_move(&lv, 4));
	ck_assert_uint_eq(lv.sel, 4);
	ck_assert_uint_eq(lv.top, 0);
	ck_assert_uint_eq(listview_page(&lv), 1);
	/* shown in 3 rows: the selection comes into sight on the last row */
	listview_fit(&lv, 3);
	ck_assert_uint_eq(lv.top, 2);
	ck_assert_uint_eq(listview_page(&lv), 3);
	/* moves are clamped to the list and keep the selection in sight */
	ck_assert(listview_move(&lv, 0x7fffffffL));
	ck_assert_uint_eq(lv.sel, 9);
	ck_assert_uint_eq(lv.top, 7);
	ck_assert(listview_move(&lv, -0x7fffffffL));
	ck_assert_uint_eq(lv.sel, 0);
	ck_assert_uint_eq(lv.top, 0);
	ck_assert(listview_select(&lv, 6));
	ck_assert_uint_eq(lv.top, 4);
	ck_assert(listview_select(&lv, 99));
	ck_assert_uint_eq(lv.sel, 9);
	/* a taller window: no blank rows at the bottom while rows above are hidden */
	listview_fit(&lv, 5);
	ck_assert_uint_eq(lv.top, 5);
	listview_fit(&lv, 20);
	ck_assert_uint_eq(lv.top, 0);
	/* a hidden pane (0 rows) changes nothing */
	listview_fit(&lv, 3);
	size_t top = lv.top;
	listview_fit(&lv, 0);
	ck_assert_uint_eq(lv.top, top);
	ck_assert_uint_eq(lv.rows, 3);
	/* clicks: the line under the pointer, nothing below the last row */
	ck_assert_int_eq(listview_hit(&lv, 0), (long)top);
	ck_assert_int_eq(listview_hit(&lv, 2), (long)top + 2);
	lv.top = 6; /* the last row on the second line of three */
	ck_assert_int_eq(listview_hit(&lv, 1), 7);
	lv.n = 8;
	ck_assert_int_eq(listview_hit(&lv, 2), -1);
	ck_assert_int_eq(listview_hit(&lv, -1), -1);
	/* an empty list: nothing selected, moves say so */
	struct listview empty = {.n = 0, .sel = 3};
	ck_assert(!listview_move(&empty, 1));
	ck_assert_uint_eq(empty.sel, 0);
	ck_assert_int_eq(listview_hit(&empty, 0), -1);
}
END_TEST

START_TEST(listview_documents_scroll)
{
	struct listview doc = {0};
	/* scrolling before the length is known is stopped when drawn, not before */
	listview_scroll(&doc, 0x7fffffffL);
	ck_assert_uint_gt(doc.top, 100);
	listview_fit_document(&doc, 50, 20);
	ck_assert_uint_eq(doc.top, 30); /* the last page */
	listview_scroll(&doc, -1);
	ck_assert_uint_eq(doc.top, 29);
	listview_scroll(&doc, -100);
	ck_assert_uint_eq(doc.top, 0);
	listview_scroll(&doc, 5);
	listview_fit_document(&doc, 10, 20); /* it all fits: from the top */
	ck_assert_uint_eq(doc.top, 0);
	ck_assert_uint_eq(listview_page(&doc), 20);
}
END_TEST

/* The key bar and dispatch ask keymap_context for the context: every key the bar shows
 * in a mode does there what its label says (not shadowed, not unbound). */
START_TEST(keymap_context_bar_and_dispatch_agree)
{
	static const struct {
		enum tui_mode mode;
		enum pane_id focus;
		enum key_context want;
	} cases[] = {
		{TM_MAIN, PANE_CGROUPS, KC_CGROUPS}, {TM_MAIN, PANE_PROCS, KC_PROCS},
		{TM_MAIN, PANE_EVENTS, KC_EVENTS},   {TM_HELP, PANE_PROCS, KC_HELP},
		{TM_EPISODE, PANE_EVENTS, KC_EPISODE}, {TM_MENU, PANE_PROCS, KC_MENU},
		{TM_UNITS, PANE_EVENTS, KC_UNITS},   {TM_UNIT_KILLS, PANE_EVENTS, KC_UNIT_KILLS},
		{TM_INPUT, PANE_PROCS, KC_INPUT},    {TM_CONFIRM, PANE_PROCS, KC_CONFIRM},
	};
	struct tui t;
	ck_assert_int_eq(tui_state_init(&t, NULL, true), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		t.mode = cases[i].mode;
		t.focus = cases[i].focus;
		enum key_context ctx = keymap_context(&t);
		ck_assert_int_eq(ctx, cases[i].want);
		size_t shown = 0;
		for (enum key_context c = ctx; c != KC_COUNT; c = keymap_context_parent(c))
			for (size_t k = 0; k < keymap_len; k++) {
				if (keymap[k].ctx != c || !keymap_in_bar(ctx, k))
					continue;
				const struct keybinding *b = keymap_lookup(ctx, keymap[k].key);
				ck_assert_msg(b && b->action == keymap[k].action,
				              "%s: the bar shows %s %s, which does something else there",
				              keymap_context_title(ctx), keymap_key_name(keymap[k].key),
				              keymap[k].bar);
				shown++;
			}
		ck_assert_uint_gt(shown, 0);
	}
	/* F6 (and < > I) sort what the focused pane lists: the cgroups' binding shadows the
	 * global one there, and the bar shows one F6, the cgroups' */
	int f6 = KEY_FN(KEY_F(6)), f6_shown = 0;
	ck_assert_int_eq(keymap_lookup(KC_CGROUPS, f6)->action, A_CGROUP_SORT_MENU);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, f6)->action, A_SORT_MENU);
	ck_assert_int_eq(keymap_lookup(KC_CGROUPS, '>')->action, A_CGROUP_SORT_NEXT);
	ck_assert_int_eq(keymap_lookup(KC_EVENTS, '>')->action, A_SORT_NEXT);
	for (size_t k = 0; k < keymap_len; k++)
		if (keymap[k].key == f6 && keymap_in_bar(KC_CGROUPS, k)) {
			ck_assert_int_eq(keymap[k].action, A_CGROUP_SORT_MENU);
			f6_shown++;
		}
	ck_assert_int_eq(f6_shown, 1);
	/* panes fall back to the global keys, modal views to nothing */
	ck_assert_int_eq(keymap_context_parent(KC_PROCS), KC_GLOBAL);
	ck_assert_int_eq(keymap_context_parent(KC_HELP), KC_COUNT);
	tui_state_free(&t);
}
END_TEST

/* The mouse, through the list view: a click selects the row under it (nothing below the
 * last row), a click on the process table's header sorts by that column. No terminal:
 * the layout is pure. */
START_TEST(mouse_click_selects_and_sorts)
{
	struct tui t;
	ck_assert_int_eq(tui_state_init(&t, NULL, true), 0);
	t.cols = 120, t.lines = 40;
	tui_state_set_snapshot(&t, fixture_snapshot());
	struct rect r = t.lay.pane[PANE_PROCS];
	ck_assert_int_gt(r.h, 4);
	t.focus = PANE_CGROUPS;
	unsigned rc = input_click(&t, r.y + 1 + 2, r.x + 10);
	ck_assert(rc & R_REDRAW);
	ck_assert_int_eq(t.focus, PANE_PROCS);
	ck_assert_uint_eq(t.pv.list.sel, t.pv.list.top + 2);
	pid_t pid = procview_selected(&t.pv)->pid;
	ck_assert(t.pv.chosen); /* from now on it follows that process */
	/* the header: the PID column (after the one-cell mark column) sorts by pid */
	rc = input_click(&t, r.y, r.x + 2);
	ck_assert(rc & R_REVIEW);
	ck_assert_int_eq(t.pv.sort, SORT_PID);
	ck_assert(!t.pv.reverse);
	input_click(&t, r.y, r.x + 2); /* again: reversed */
	ck_assert(t.pv.reverse);
	tui_state_review(&t);
	ck_assert_int_eq(procview_selected(&t.pv)->pid, pid);
	/* the cgroup table's header: ETA sorts the flat list soonest first, again reversed */
	struct rect cr = t.lay.pane[PANE_CGROUPS];
	int widths[CGCOL_COUNT], cx = 1;
	cgroup_columns_fit(cr.w, widths);
	for (int c = 0; c < CGCOL_ETA; c++)
		cx += widths[c] ? widths[c] + 1 : 0;
	ck_assert_int_gt(widths[CGCOL_ETA], 0);
	ck_assert(t.cv.tree);
	rc = input_click(&t, cr.y, cr.x + cx + 1);
	ck_assert(rc & R_REVIEW);
	ck_assert_int_eq(t.focus, PANE_CGROUPS);
	ck_assert(!t.cv.tree);
	ck_assert_int_eq(t.cv.sort, CGSORT_ETA);
	ck_assert(!t.cv.reverse);
	input_click(&t, cr.y, cr.x + cx + 1);
	ck_assert(t.cv.reverse);
	ck_assert_int_eq(input_click(&t, cr.y, cr.x + 3) & R_REVIEW, 0); /* the name: no sort */
	/* the OOM pane zoomed: a click below its last kill selects nothing */
	t.focus = PANE_EVENTS, t.zoom = true;
	tui_state_relayout(&t, t.cols, t.lines);
	struct rect e = t.lay.pane[PANE_EVENTS];
	ck_assert_int_gt(e.h, 6);
	input_click(&t, e.y + 1 + 1, e.x + 3);
	ck_assert_uint_eq(t.ev.list.sel, 1);
	ck_assert_int_eq(t.ev.sel_pid, 3999);
	/* the wheel moves the pane under the pointer by three rows, clamped */
	input_wheel(&t, e.y + 2, e.x + 3, -1);
	ck_assert_uint_eq(t.ev.list.sel, 0);
	ck_assert_int_eq(t.ev.sel_pid, 4100);
	input_click(&t, e.y + 1 + 5, e.x + 3);
	ck_assert_uint_eq(t.ev.list.sel, 0);
	ck_assert_int_eq(t.ev.sel_pid, 4100);
	tui_state_free(&t);
}
END_TEST

/* --- oom_score_adj controls: tags, plans, the typed value, the preview --- */

static struct proc_row *fx_row(struct snapshot *s, pid_t pid)
{
	for (size_t i = 0; i < s->nprocs; i++)
		if (s->procs[i]->pid == pid)
			return s->procs[i];
	ck_abort_msg("pid %d not in the fixture", (int)pid);
	return NULL;
}

START_TEST(adj_tags_follow_processes)
{
	struct snapshot s = fx_copy();
	struct adj_tags ts;
	adj_tags_clear(&ts);
	ck_assert_int_eq(adj_tags_toggle(&ts, 4242, 5000), 1);
	ck_assert_int_eq(adj_tags_toggle(&ts, 3150, 7100), 1);
	ck_assert_int_eq(adj_tags_toggle(&ts, 2001, 3000), 1);
	ck_assert_int_eq(adj_tags_toggle(&ts, 3150, 7100), 0); /* Space again untags */
	ck_assert(adj_tags_has(&ts, 4242, 5000));
	ck_assert(!adj_tags_has(&ts, 3150, 7100));
	ck_assert(!adj_tags_has(&ts, 4242, 4999)); /* the same pid, another process */
	ck_assert_uint_eq(adj_tags_prune(&ts, &s), 0);
	/* a refresh: 2001 exited (a ghost now), pid 4242 was reused by a new process */
	fx_row(&s, 2001)->state = PROC_EXITED;
	fx_row(&s, 4242)->start_ticks = 9999;
	ck_assert_uint_eq(adj_tags_prune(&ts, &s), 2);
	ck_assert_uint_eq(ts.n, 0);
	/* bounded */
	for (int i = 0; i < ADJ_TAGS_MAX; i++)
		ck_assert_int_eq(adj_tags_toggle(&ts, 100000 + i, 1), 1);
	ck_assert_int_eq(adj_tags_toggle(&ts, 99, 1), -ENOSPC);
	ck_assert_uint_eq(ts.n, ADJ_TAGS_MAX);
}
END_TEST

START_TEST(adj_value_parser)
{
	int v = 7;
	char why[128];
	ck_assert_int_eq(adj_plan_parse_value("500", &v, why, sizeof(why)), 0);
	ck_assert_int_eq(v, 500);
	ck_assert_str_eq(why, "");
	ck_assert_int_eq(adj_plan_parse_value("-950", &v, why, sizeof(why)), 0);
	ck_assert_int_eq(v, -950);
	ck_assert_int_eq(adj_plan_parse_value(" +100 ", &v, why, sizeof(why)), 0);
	ck_assert_int_eq(v, 100);
	ck_assert_int_eq(adj_plan_parse_value("-1000", &v, NULL, 0), 0);
	ck_assert_int_eq(v, -1000);
	ck_assert_int_eq(adj_plan_parse_value("1000", &v, NULL, 0), 0);
	v = 7;
	ck_assert_int_eq(adj_plan_parse_value("", &v, why, sizeof(why)), -EINVAL);
	ck_assert_ptr_nonnull(strstr(why, "-1000 to 1000"));
	ck_assert_int_eq(adj_plan_parse_value("-", &v, why, sizeof(why)), -EINVAL);
	ck_assert_int_eq(adj_plan_parse_value("12a", &v, why, sizeof(why)), -EINVAL);
	ck_assert_int_eq(adj_plan_parse_value("1 2", &v, why, sizeof(why)), -EINVAL);
	ck_assert_int_eq(adj_plan_parse_value("--5", &v, why, sizeof(why)), -EINVAL);
	ck_assert_ptr_nonnull(strstr(why, "not a number"));
	ck_assert_int_eq(adj_plan_parse_value("1001", &v, why, sizeof(why)), -ERANGE);
	ck_assert_ptr_nonnull(strstr(why, "out of range"));
	ck_assert_int_eq(adj_plan_parse_value("-1001", &v, why, sizeof(why)), -ERANGE);
	ck_assert_int_eq(adj_plan_parse_value("99999999999999999999", &v, why, sizeof(why)), -ERANGE);
	ck_assert_int_eq(v, 7); /* untouched on failure */
}
END_TEST

START_TEST(adj_plan_steps_and_confirms)
{
	struct snapshot s = fx_copy();
	static struct adj_plan pl;
	/* ] on one process at 500: 600, no question asked */
	fx_row(&s, 4243)->oom_score_adj = 500;
	adj_plan_begin(&pl, ADJ_OP_STEP, 100, false);
	ck_assert_int_eq(adj_plan_add(&pl, fx_row(&s, 4243)), 0);
	ck_assert_int_eq(pl.t[0].old_adj, 500);
	ck_assert_int_eq(pl.t[0].new_adj, 600);
	ck_assert_uint_eq(pl.t[0].start_ticks, 5001);
	ck_assert_str_eq(pl.t[0].comm, "nas-helper");
	ck_assert(!adj_plan_needs_confirm(&pl));
	/* clamped at the top: nothing would change */
	fx_row(&s, 4243)->oom_score_adj = 1000;
	adj_plan_begin(&pl, ADJ_OP_STEP, 100, false);
	adj_plan_add(&pl, fx_row(&s, 4243));
	ck_assert_int_eq(pl.t[0].new_adj, 1000);
	ck_assert_uint_eq(adj_plan_changes(&pl), 0);
	/* [ from -800 enters the protected zone: asks */
	fx_row(&s, 4243)->oom_score_adj = -800;
	adj_plan_begin(&pl, ADJ_OP_STEP, -100, false);
	adj_plan_add(&pl, fx_row(&s, 4243));
	ck_assert_int_eq(pl.t[0].new_adj, -900);
	ck_assert(adj_plan_needs_confirm(&pl));
	ck_assert(adj_plan_enters_protection(&pl));
	/* within the zone already: no question (the operator was asked on the way in) */
	fx_row(&s, 4243)->oom_score_adj = -900;
	adj_plan_begin(&pl, ADJ_OP_STEP, -100, false);
	adj_plan_add(&pl, fx_row(&s, 4243));
	ck_assert(!adj_plan_needs_confirm(&pl));
	/* a typed value replaces the step */
	adj_plan_set_value(&pl, 300);
	ck_assert_int_eq(pl.op, ADJ_OP_SET);
	ck_assert_int_eq(pl.t[0].new_adj, 300);
	/* a tagged group always asks; ghosts and kernel threads are left out */
	adj_plan_begin(&pl, ADJ_OP_STEP, 100, true);
	ck_assert_int_eq(adj_plan_add(&pl, fx_row(&s, 4242)), 0);
	ck_assert_int_eq(adj_plan_add(&pl, fx_row(&s, 4100)), -EINVAL); /* OOM-killed ghost */
	ck_assert_int_eq(adj_plan_add(&pl, fx_row(&s, 2)), -EINVAL);    /* kthreadd */
	ck_assert_uint_eq(pl.n, 1);
	ck_assert_uint_eq(pl.skipped, 2);
	ck_assert(adj_plan_needs_confirm(&pl));
	/* presets: protect, neutral, sacrifice */
	ck_assert_uint_eq(adj_plan_presets_len, 3);
	ck_assert_int_eq(adj_plan_presets[0].value, -900);
	ck_assert_int_eq(adj_plan_presets[1].value, 0);
	ck_assert_int_eq(adj_plan_presets[2].value, 1000);
}
END_TEST

START_TEST(adj_preview_names_the_new_victim)
{
	if (sysconf(_SC_PAGESIZE) != 4096)
		return; /* the fixture's numbers assume 4 KiB pages */
	struct snapshot s = fx_copy();
	static struct adj_plan pl;
	char lines[4][ADJ_PLAN_PREVIEW_LEN];
	/* protecting the leaker hands its role to nas-helper in its cgroup, and to the
	 * docker app (110M + 4M swap) on the whole machine */
	adj_plan_begin(&pl, ADJ_OP_SET, -1000, false);
	adj_plan_add(&pl, fx_row(&s, 4242));
	size_t n = adj_plan_preview(&s, &pl, lines, 4);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(lines[0], "next victim in nas-agent.service would become 4243 nas-helper "
	                           "(was 4242 leaky)");
	ck_assert_str_eq(lines[1], "next victim in the system would become 2001 python3 "
	                           "(was 4242 leaky)");
	/* a small change that does not move the ranking */
	adj_plan_set_value(&pl, 100);
	n = adj_plan_preview(&s, &pl, lines, 4);
	ck_assert_str_eq(lines[0], "next victim in nas-agent.service stays 4242 leaky");
	ck_assert_str_eq(lines[1], "next victim in the system stays 4242 leaky");
	/* a tagged group stepped each by its own value, across two cgroup scopes */
	adj_plan_begin(&pl, ADJ_OP_STEP, 1000, true);
	adj_plan_add(&pl, fx_row(&s, 4243)); /* nas-agent.service */
	adj_plan_add(&pl, fx_row(&s, 2001)); /* docker: alone in its scope */
	n = adj_plan_preview(&s, &pl, lines, 4);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(lines[0], "next victim in nas-agent.service would become 4243 nas-helper "
	                           "(was 4242 leaky)");
	ck_assert_str_eq(lines[1], "next victim in docker 2e088fe462e2 stays 2001 python3");
	ck_assert_ptr_nonnull(strstr(lines[2], "the system would become"));
	/* at most max lines: the last says what was left out */
	n = adj_plan_preview(&s, &pl, lines, 2);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(lines[1], "... and 2 more scopes");
	/* the process exited since the plan was made */
	fx_row(&s, 4243)->state = PROC_EXITED;
	fx_row(&s, 2001)->state = PROC_EXITED;
	n = adj_plan_preview(&s, &pl, lines, 4);
	ck_assert_uint_eq(n, 1);
	ck_assert_ptr_nonnull(strstr(lines[0], "gone"));
	/* the snapshot itself was not touched by any preview */
	ck_assert_int_eq(fx_row(&s, 4242)->oom_score_adj, 0);
}
END_TEST

START_TEST(cgview_tree_collapse_flat)
{
	const struct snapshot *s = fixture_snapshot();
	struct cgview v;
	cgview_init(&v);
	ck_assert_int_eq(cgview_update(&v, s), 0);
	ck_assert_uint_eq(v.list.n, s->ncgroups);
	/* select /system.slice and collapse it: its four children go */
	ck_assert(cgview_select_path(&v, s, "/system.slice"));
	ck_assert(cgview_set_collapsed(&v, s, true));
	cgview_update(&v, s);
	ck_assert_uint_eq(v.list.n, s->ncgroups - 4);
	ck_assert_str_eq(cgview_selected(&v, s)->path, "/system.slice");
	ck_assert(cgview_set_collapsed(&v, s, false));
	cgview_update(&v, s);
	ck_assert_uint_eq(v.list.n, s->ncgroups);
	/* flat: fullest first, on the working set (nas-agent: 840M of 1G) */
	v.tree = false;
	cgview_update(&v, s);
	ck_assert_str_eq(s->cgroups[v.rows[0]].path, "/system.slice/nas-agent.service");
	ck_assert(fabs(cgview_pct(&s->cgroups[2]) - 82.03) < 0.1);
	cgview_free(&v);
}
END_TEST

static const struct cgroup_row *fx_cgroup(const struct snapshot *s, const char *path)
{
	for (size_t i = 0; i < s->ncgroups; i++)
		if (strcmp(s->cgroups[i].path, path) == 0)
			return &s->cgroups[i];
	ck_abort_msg("%s not in the fixture", path);
	return NULL;
}

/* Issue 13: a cgroup full of page cache is not at its limit. The docker scope uses 490M
 * of 512M, 420M of it inactive file: 14% of its limit, not 96%. Without a breakdown the
 * percent falls back to usage. */
START_TEST(cgview_percent_on_the_working_set)
{
	const struct snapshot *s = fixture_snapshot();
	const struct cgroup_row *docker = fx_cgroup(s, "/system.slice/docker-2e088fe462e2.scope");
	ck_assert(fabs(cgview_pct(docker) - 100.0 * 70 / 512) < 0.01);
	ck_assert_int_eq(cgview_pressing_bytes(docker), 70 * 1024 * 1024);
	struct cgroup_row c = *docker;
	c.working_set_bytes = VAL_UNKNOWN;
	ck_assert(fabs(cgview_pct(&c) - 100.0 * 490 / 512) < 0.01);
	c.effective_limit_bytes = VAL_UNKNOWN;
	ck_assert(isnan(cgview_pct(&c)));
	/* PSI some at 10% or more flags a stall, below the limit or not */
	ck_assert(cgview_stalls(fx_cgroup(s, "/system.slice/smbd.service")));
	ck_assert(!cgview_stalls(fx_cgroup(s, "/system.slice/nas-agent.service")));
	c.psi_some_avg10 = CGVIEW_PSI_STALL_PCT;
	ck_assert(cgview_stalls(&c));
	c.psi_some_avg10 = NAN;
	ck_assert(!cgview_stalls(&c));
}
END_TEST

static const char *flat_path(const struct cgview *v, const struct snapshot *s, size_t i)
{
	ck_assert_uint_lt(i, v->list.n);
	return s->cgroups[v->rows[i]].path;
}

/* The flat list's orders: usage, working set, percent (the default), ETA soonest first
 * with the unknown last, either way round. */
START_TEST(cgview_sort_keys)
{
	const struct snapshot *s = fixture_snapshot();
	struct cgview v;
	cgview_init(&v);
	ck_assert_int_eq(v.sort, CGSORT_PCT);
	v.tree = false;
	v.sort = CGSORT_USAGE;
	cgview_update(&v, s);
	ck_assert_str_eq(flat_path(&v, s, 1), "/user.slice");              /* 2.9G */
	ck_assert_str_eq(flat_path(&v, s, 3), "/system.slice");            /* 1.7G */
	ck_assert_str_eq(flat_path(&v, s, 4), "/system.slice/nas-agent.service"); /* 870M */
	ck_assert_str_eq(flat_path(&v, s, 5), "/system.slice/docker-2e088fe462e2.scope");
	v.sort = CGSORT_WSET; /* the container's 490M are mostly cache: 70M, after smbd's 270M */
	cgview_update(&v, s);
	ck_assert_str_eq(flat_path(&v, s, 4), "/system.slice/nas-agent.service");
	ck_assert_str_eq(flat_path(&v, s, 5), "/system.slice/smbd.service");
	ck_assert_str_eq(flat_path(&v, s, 6), "/system.slice/docker-2e088fe462e2.scope");
	v.sort = CGSORT_ETA;
	cgview_update(&v, s);
	ck_assert_str_eq(flat_path(&v, s, 0), "/system.slice/nas-agent.service"); /* 1h13m */
	ck_assert_str_eq(flat_path(&v, s, 1), "/user.slice");                     /* 9h18m, 66% */
	ck_assert_str_eq(flat_path(&v, s, 2), "/user.slice/user-1000.slice");     /* 9h18m^ */
	for (size_t i = 3; i < v.list.n; i++)
		ck_assert(isnan(s->cgroups[v.rows[i]].eta_to_limit_s));
	v.reverse = true; /* latest first, the unknown still last */
	cgview_update(&v, s);
	ck_assert_str_eq(flat_path(&v, s, 2), "/system.slice/nas-agent.service");
	ck_assert(isnan(s->cgroups[v.rows[3]].eta_to_limit_s));
	/* the selection stays on its cgroup across orders */
	ck_assert(cgview_select_path(&v, s, "/system.slice/smbd.service"));
	v.sort = CGSORT_USAGE;
	v.reverse = false;
	cgview_update(&v, s);
	ck_assert_str_eq(cgview_selected(&v, s)->path, "/system.slice/smbd.service");
	cgview_free(&v);
}
END_TEST

/* The ETA column says which limit and whether throttling holds the cgroup back; the status
 * line names the ancestor. */
START_TEST(cgview_eta_label_and_description)
{
	struct snapshot s = *fixture_snapshot();
	struct cgroup_row rows[16];
	ck_assert_uint_le(s.ncgroups, 16);
	memcpy(rows, s.cgroups, s.ncgroups * sizeof(rows[0]));
	s.cgroups = rows;
	size_t nas = (size_t)(fx_cgroup(&s, "/system.slice/nas-agent.service") - rows);
	size_t smbd = (size_t)(fx_cgroup(&s, "/system.slice/smbd.service") - rows);
	size_t sshd = (size_t)(fx_cgroup(&s, "/system.slice/sshd.service") - rows);
	size_t docker = (size_t)(fx_cgroup(&s, "/system.slice/docker-2e088fe462e2.scope") - rows);
	size_t user = (size_t)(fx_cgroup(&s, "/user.slice") - rows);
	size_t u1000 = (size_t)(fx_cgroup(&s, "/user.slice/user-1000.slice") - rows);
	char b[512];
	ck_assert_str_eq(cgview_eta_label(&s, nas, b, sizeof(b)), "1h13m");
	ck_assert_str_eq(cgview_eta_label(&s, user, b, sizeof(b)), "9h18m");
	ck_assert_str_eq(cgview_eta_label(&s, u1000, b, sizeof(b)), "9h18m^");
	ck_assert_str_eq(cgview_eta_label(&s, docker, b, sizeof(b)), "-");
	ck_assert(cgview_limited_by_ancestor(&s, u1000));
	ck_assert(!cgview_limited_by_ancestor(&s, user));
	/* throttled: "high", even with an ETA to the limit; an ancestor's throttling: "high^" */
	rows[smbd].eta_to_limit_s = 600;
	ck_assert_str_eq(cgview_eta_label(&s, smbd, b, sizeof(b)), "high");
	ck_assert_int_eq(cgview_throttled_by(&s, smbd), (int)smbd);
	ck_assert_int_eq(cgview_throttled_by(&s, sshd), -1);
	rows[1].throttled = true; /* system.slice over its high */
	ck_assert_str_eq(cgview_eta_label(&s, sshd, b, sizeof(b)), "high^");
	ck_assert_int_eq(cgview_throttled_by(&s, sshd), 1);
	rows[1].throttled = false;
	/* the status line's words */
	ck_assert_str_eq(cgview_describe(&s, u1000, b, sizeof(b)),
	                 "user-1000.slice:  limit 4.0G of user.slice, ETA 9h18m  "
	                 "working set 2.6G of 2.8G used  PSI 0.1%");
	ck_assert_str_eq(cgview_describe(&s, smbd, b, sizeof(b)),
	                 "smbd.service:  over high 256M: throttled  limit 512M, ETA 10m  "
	                 "working set 270M of 300M used  PSI 14.2%: stalls in reclaim");
	ck_assert_str_eq(cgview_describe(&s, sshd, b, sizeof(b)),
	                 "sshd.service:  no limit  working set 9.0M of 12M used  PSI 0.0%");
	/* clipped to the buffer, still a string */
	ck_assert_uint_eq(strlen(cgview_describe(&s, smbd, b, 20)), 19);
}
END_TEST

START_TEST(rate_classes)
{
	struct slope steep = {200.0 * 1024 * 1024 / 3600, 0.95};
	struct slope rising = {5.0 * 1024 * 1024 / 3600, 0.9};
	struct slope noisy = {5.0 * 1024 * 1024 / 3600, 0.2};
	struct slope falling = {-5.0 * 1024 * 1024 / 3600, 0.9};
	struct slope flat = {100.0 / 3600, 0.9};
	struct slope unknown = {NAN, NAN};
	ck_assert_int_eq(rate_classify(&steep, true), RATE_STEEP);
	ck_assert_int_eq(rate_classify(&rising, true), RATE_RISING);
	ck_assert_int_eq(rate_classify(&noisy, true), RATE_NOISY);
	ck_assert_int_eq(rate_classify(&falling, true), RATE_FALLING);
	ck_assert_int_eq(rate_classify(&flat, true), RATE_FLAT);
	ck_assert_int_eq(rate_classify(&unknown, true), RATE_UNKNOWN);
	char buf[32];
	ck_assert_str_eq(fmt_bytes_rate_h(buf, sizeof(buf), 210.0 * 1024 * 1024 / 3600), "+210M/h");
	ck_assert_str_eq(fmt_count(buf, sizeof(buf), VAL_UNKNOWN), "-");
}
END_TEST

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	Suite *s = suite_create("tui");
	TCase *tc = tcase_create("pure");
	tcase_add_test(tc, layout_sizes);
	tcase_add_test(tc, layout_hidden_panes);
	tcase_add_test(tc, fit_columns_drops_by_priority);
	tcase_add_test(tc, procview_sort_filter_follow);
	tcase_add_test(tc, procview_stays_on_top_until_moved);
	tcase_add_test(tc, listview_select_scroll_page);
	tcase_add_test(tc, listview_documents_scroll);
	tcase_add_test(tc, keymap_context_bar_and_dispatch_agree);
	tcase_add_test(tc, mouse_click_selects_and_sorts);
	tcase_add_test(tc, cgview_tree_collapse_flat);
	tcase_add_test(tc, cgview_percent_on_the_working_set);
	tcase_add_test(tc, cgview_sort_keys);
	tcase_add_test(tc, cgview_eta_label_and_description);
	tcase_add_test(tc, adj_tags_follow_processes);
	tcase_add_test(tc, adj_value_parser);
	tcase_add_test(tc, adj_plan_steps_and_confirms);
	tcase_add_test(tc, adj_preview_names_the_new_victim);
	tcase_add_test(tc, rate_classes);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
