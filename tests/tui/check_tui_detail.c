/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/tui/check_tui_detail.c — one process opened, without a terminal, on the fixture's
 * leaking agent (tests/tui/fixture.h, fixture_detail_snapshot): which keys open and close
 * the detail view, what the loop is asked to watch, the adj keys acting on the process the
 * view shows (whatever is selected or tagged), dialogs returning to the view, the OOM
 * episode of a killed process and back; and the plots' model (tui/model/plot.h). Whole
 * screens of the view are check_render's detail-*.txt. */
#include "config.h"

#include <check.h>
#include <curses.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tests/tui/fixture.h"
#include "tests/unit/ck_run.h"
#include "tui/input.h"
#include "tui/keymap.h"
#include "tui/model/plot.h"
#include "tui/reaction.h"
#include "tui/state.h"

static unsigned press(struct tui *t, const int *keys, size_t n)
{
	unsigned all = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned r = input_key(t, keys[i], keys[i]);
		if (r & R_REVIEW)
			tui_state_review(t);
		tui_state_relayout(t, t->cols, t->lines);
		all |= r;
	}
	return all;
}
#define PRESS(t, ...) press((t), (const int[]){__VA_ARGS__}, sizeof((const int[]){__VA_ARGS__}) / sizeof(int))

static void start(struct tui *t)
{
	ck_assert_int_eq(tui_state_init(t, NULL, true), 0);
	t->cols = 120, t->lines = 40;
	tui_state_set_snapshot(t, fixture_detail_snapshot());
	ck_assert_int_eq(t->focus, PANE_PROCS);
}

START_TEST(enter_opens_the_view_and_asks_for_a_refresh)
{
	struct tui t;
	start(&t);
	ck_assert(procview_select_pid(&t.pv, 4242));
	unsigned r = PRESS(&t, '\n');
	ck_assert_int_eq(t.mode, TM_DETAIL);
	ck_assert_int_eq(t.detail.pid, 4242);
	ck_assert_uint_eq(t.detail.start_ticks, 5000);
	ck_assert(r & R_REFRESH); /* the collector reads its costly fields at once */
	ck_assert_int_eq(keymap_context(&t), KC_DETAIL);
	ck_assert_int_eq(tui_state_home(&t), TM_DETAIL);
	/* Esc: back, and nothing is watched any more */
	PRESS(&t, KEY_ESCAPE);
	ck_assert_int_eq(t.mode, TM_MAIN);
	ck_assert_int_eq(t.detail.pid, 0);
	ck_assert_int_eq(tui_state_home(&t), TM_MAIN);
	/* F5 opens it too, and closes it */
	PRESS(&t, KEY_FN(KEY_F(5)));
	ck_assert_int_eq(t.mode, TM_DETAIL);
	PRESS(&t, KEY_FN(KEY_F(5)));
	ck_assert_int_eq(t.mode, TM_MAIN);
	ck_assert_int_eq(t.detail.pid, 0);
	tui_state_free(&t);
}
END_TEST

START_TEST(killed_rows_enter_their_episode_f5_their_detail)
{
	struct tui t;
	start(&t);
	/* Enter on the OOM-killed ghost: its episode, as before */
	ck_assert(procview_select_pid(&t.pv, 4100));
	PRESS(&t, '\n');
	ck_assert_int_eq(t.mode, TM_EPISODE);
	PRESS(&t, KEY_ESCAPE);
	ck_assert_int_eq(t.mode, TM_MAIN);
	/* F5: its detail; `e` there: the episode, and Esc comes back to the detail */
	PRESS(&t, KEY_FN(KEY_F(5)));
	ck_assert_int_eq(t.mode, TM_DETAIL);
	ck_assert_int_eq(t.detail.pid, 4100);
	PRESS(&t, 'e');
	ck_assert_int_eq(t.mode, TM_EPISODE);
	ck_assert_int_eq(t.snap->events[t.episode.index].victim_pid, 4100);
	PRESS(&t, KEY_ESCAPE);
	ck_assert_int_eq(t.mode, TM_DETAIL);
	ck_assert_int_eq(t.detail.pid, 4100);
	PRESS(&t, KEY_ESCAPE);
	ck_assert_int_eq(t.mode, TM_MAIN);
	/* `e` on a process that was not killed says so and stays */
	ck_assert(procview_select_pid(&t.pv, 4242));
	PRESS(&t, '\n', 'e');
	ck_assert_int_eq(t.mode, TM_DETAIL);
	ck_assert_ptr_nonnull(strstr(t.status, "OOM-killed"));
	tui_state_free(&t);
}
END_TEST

START_TEST(kernel_threads_have_no_detail)
{
	struct tui t;
	start(&t);
	t.pv.kernel_threads = true;
	tui_state_review(&t);
	ck_assert(procview_select_pid(&t.pv, 2));
	unsigned r = PRESS(&t, '\n');
	ck_assert_int_eq(t.mode, TM_MAIN);
	ck_assert_int_eq(t.detail.pid, 0);
	ck_assert(!(r & R_REFRESH));
	ck_assert_ptr_nonnull(strstr(t.status, "kernel thread"));
	tui_state_free(&t);
}
END_TEST

/* A recorded moment (history mode): its processes have no files to read; the view opens
 * live only, and says so. */
START_TEST(history_mode_opens_no_detail)
{
	struct tui t;
	start(&t);
	ck_assert(procview_select_pid(&t.pv, 4242));
	t.travel.on = true;
	unsigned r = PRESS(&t, '\n');
	ck_assert_int_eq(t.mode, TM_MAIN);
	ck_assert_int_eq(t.detail.pid, 0);
	ck_assert(!(r & R_REFRESH));
	ck_assert_ptr_nonnull(strstr(t.status, "live only"));
	t.travel.on = false;
	PRESS(&t, '\n');
	ck_assert_int_eq(t.mode, TM_DETAIL);
	tui_state_free(&t);
}
END_TEST

/* The adj keys in the view act on its process: not the tagged ones, not the selection
 * (nothing is written: the dialogs are cancelled). */
START_TEST(adj_keys_act_on_the_process_shown)
{
	struct tui t;
	start(&t);
	/* tag two others, then open the agent */
	ck_assert(procview_select_pid(&t.pv, 4243));
	PRESS(&t, ' ');
	ck_assert(procview_select_pid(&t.pv, 3100));
	PRESS(&t, ' ');
	ck_assert_uint_eq(t.adj.tags.n, 2);
	ck_assert(procview_select_pid(&t.pv, 4242));
	PRESS(&t, '\n');
	ck_assert(procview_select_pid(&t.pv, 812)); /* the selection moves on behind the view */
	PRESS(&t, 'a');
	ck_assert_int_eq(t.mode, TM_INPUT);
	ck_assert(!t.adj.plan.tagged);
	ck_assert_uint_eq(t.adj.plan.n, 1);
	ck_assert_int_eq(t.adj.plan.t[0].pid, 4242);
	/* Esc: back to the view, not to the main screen */
	PRESS(&t, KEY_ESCAPE);
	ck_assert_int_eq(t.mode, TM_DETAIL);
	/* the presets likewise */
	PRESS(&t, 'p');
	ck_assert_int_eq(t.mode, TM_MENU);
	ck_assert_int_eq(t.adj.plan.t[0].pid, 4242);
	PRESS(&t, KEY_ESCAPE);
	ck_assert_int_eq(t.mode, TM_DETAIL);
	/* read-only: refused, and the view stays */
	t.readonly = true;
	PRESS(&t, ']');
	ck_assert_int_eq(t.mode, TM_DETAIL);
	ck_assert_ptr_nonnull(strstr(t.status, "read-only"));
	tui_state_free(&t);
}
END_TEST

START_TEST(every_detail_key_is_bound_and_in_the_help)
{
	struct tui t;
	start(&t);
	ck_assert(procview_select_pid(&t.pv, 4242));
	PRESS(&t, '\n');
	static const int keys[] = {KEY_ESCAPE, 'q', KEY_FN(KEY_F(10)), KEY_FN(KEY_F(7)), KEY_FN(KEY_F(8)), '[', ']',
				   'a', 'p', 'z', 'e', KEY_FN(KEY_UP), KEY_FN(KEY_DOWN), KEY_FN(KEY_PPAGE),
				   KEY_FN(KEY_NPAGE), KEY_FN(KEY_HOME), KEY_FN(KEY_END)};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		ck_assert_msg(keymap_lookup(KC_DETAIL, keys[i]) != NULL, "%s unbound in the view",
			      keymap_key_name(keys[i]));
	/* modal: the main screen's keys do not leak in */
	ck_assert_ptr_null(keymap_lookup(KC_DETAIL, '/'));
	ck_assert_ptr_null(keymap_lookup(KC_DETAIL, ' '));
	ck_assert_str_eq(keymap_context_title(KC_DETAIL), "One process (detail view)");
	tui_state_free(&t);
}
END_TEST

/* --- the plots' model --- */

static struct proc_trail_point pt(int64_t t_ms, int64_t v)
{
	return (struct proc_trail_point){t_ms, v, v, v};
}

START_TEST(plot_columns_hold_the_last_value)
{
	/* 10 columns over 0..10 s; points at 2.5 s (10), 2.9 s (20), 6 s (40) */
	struct proc_trail_point pts[] = {pt(2500, 10), pt(2900, 20), pt(6000, 40)};
	struct plot p;
	plot_build(&p, pts, 3, PLOT_FDS, 0, 10000, 10, 2, 1.0);
	ck_assert_uint_eq(p.npoints, 3);
	ck_assert_double_eq(p.last, 40);
	ck_assert_double_eq(p.min, 10);
	ck_assert_double_eq(p.max, 40);
	/* empty before the first point; then the last value of each column, held */
	ck_assert_int_eq(p.height[0], -1);
	ck_assert_int_eq(p.height[1], -1);
	ck_assert_int_eq(p.height[2], 1 + (int)lround((20.0 - 10) / 30 * 15)); /* 20 in 10..40 */
	ck_assert_int_eq(p.height[3], p.height[2]);
	ck_assert_int_eq(p.height[5], p.height[2]);
	ck_assert_int_eq(p.height[6], 16); /* the top */
	ck_assert_int_eq(p.height[9], 16);
	/* cells: row 0 is the top */
	ck_assert_int_eq(plot_cell(&p, 9, 0), 8);
	ck_assert_int_eq(plot_cell(&p, 9, 1), 8);
	ck_assert_int_eq(plot_cell(&p, 2, 1), p.height[2]); /* under a cell: the bottom row */
	ck_assert_int_eq(plot_cell(&p, 2, 0), 0);
	ck_assert_int_eq(plot_cell(&p, 0, 1), 0);
	ck_assert_int_eq(plot_cell(&p, 99, 1), 0);
	/* points outside the time axis do not count */
	plot_build(&p, pts, 3, PLOT_FDS, 3000, 5000, 4, 1, 1.0);
	ck_assert_uint_eq(p.npoints, 0);
	ck_assert(isnan(p.last));
	ck_assert_int_eq(p.height[0], -1);
}
END_TEST

START_TEST(plot_flat_series_stays_flat)
{
	/* RSS of 800M moving by 100K: the axis spans 5% of the top (40M), so it looks flat */
	struct proc_trail_point pts[20];
	for (int i = 0; i < 20; i++)
		pts[i] = (struct proc_trail_point){i * 1000, (800LL << 20) + (i % 2) * 102400, 3, 1};
	struct plot p;
	plot_build(&p, pts, 20, PLOT_RSS, 0, 19000, 20, 4, 1 << 20);
	ck_assert_double_eq_tol(p.hi - p.lo, (double)((800LL << 20) + 102400) * PLOT_MIN_SPAN, 1);
	for (int c = 1; c < 20; c++)
		ck_assert_int_le(abs(p.height[c] - p.height[c - 1]), 1);
	ck_assert_int_ge(p.height[5], 12); /* around the middle of 4 rows (32 eighths) */
	ck_assert_int_le(p.height[5], 20);
	/* a count of 3 the whole time: `unit` (1) of axis around it, the line in the middle */
	plot_build(&p, pts, 20, PLOT_FDS, 0, 19000, 20, 4, 1.0);
	ck_assert_double_eq(p.lo, 2.5);
	ck_assert_double_eq(p.hi, 3.5);
	ck_assert_int_eq(p.height[5], 1 + (int)lround(0.5 * 31));
	/* near 0, the axis starts at 0 (a count is never negative) */
	for (int i = 0; i < 20; i++)
		pts[i].fds = 0;
	plot_build(&p, pts, 20, PLOT_FDS, 0, 19000, 20, 4, 1.0);
	ck_assert_double_eq(p.lo, 0);
	ck_assert_double_eq(p.hi, 1);
	ck_assert_int_eq(p.height[5], 1);
	/* unknown values are not points */
	pts[3].threads = VAL_UNKNOWN;
	plot_build(&p, pts, 20, PLOT_THREADS, 0, 19000, 20, 1, 1.0);
	ck_assert_uint_eq(p.npoints, 19);
	/* a leak from 0: the lowest value still shows (an eighth) */
	for (int i = 0; i < 20; i++)
		pts[i].fds = i;
	plot_build(&p, pts, 20, PLOT_FDS, 0, 19000, 20, 2, 1.0);
	ck_assert_int_eq(p.height[0], 1);
	ck_assert_int_eq(p.height[19], 16);
	/* no columns, no time: nothing drawn, nothing broken */
	plot_build(&p, pts, 20, PLOT_FDS, 0, 19000, 0, 2, 1.0);
	plot_build(&p, pts, 20, PLOT_FDS, 5000, 5000, 10, 2, 1.0);
	ck_assert_int_eq(p.height[0], -1);
}
END_TEST

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	Suite *s = suite_create("tui_detail");
	TCase *tc = tcase_create("detail");
	tcase_add_test(tc, enter_opens_the_view_and_asks_for_a_refresh);
	tcase_add_test(tc, killed_rows_enter_their_episode_f5_their_detail);
	tcase_add_test(tc, kernel_threads_have_no_detail);
	tcase_add_test(tc, history_mode_opens_no_detail);
	tcase_add_test(tc, adj_keys_act_on_the_process_shown);
	tcase_add_test(tc, every_detail_key_is_bound_and_in_the_help);
	tcase_add_test(tc, plot_columns_hold_the_last_value);
	tcase_add_test(tc, plot_flat_series_stays_flat);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
