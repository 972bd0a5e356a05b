/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/tui/check_tui_kills.c — the OOM kills on the screen without a terminal, on the
 * fixed snapshots (fixture.c): the OOM pane's list (its selection follows the kill, kills
 * told apart by the reader's id), the kills by unit and one unit's kills with their keys,
 * a user-space killer's victim opening its kill, and the fields as the screen spells them. */
#include "config.h"

#include <check.h>
#include <curses.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tests/tui/fixture.h"
#include "tui/input.h"
#include "tui/keymap.h"
#include "tui/model/evfmt.h"
#include "tui/model/evview.h"
#include "tui/model/unitview.h"
#include "tui/reaction.h"
#include "tui/state.h"
#include "tests/unit/ck_run.h"

/* The OOM pane's selection stays on the same kill when a newer one arrives or an older
 * one leaves the kernel log buffer. */
START_TEST(evview_follows_the_kill)
{
	const struct snapshot *fx = fixture_snapshot();
	struct oom_event ev[3];
	ck_assert_uint_eq(fx->nevents, 2);
	memcpy(ev, fx->events, 2 * sizeof(ev[0]));
	struct snapshot s = *fx;
	s.events = ev;
	s.nevents = 2;
	struct evview v;
	evview_init(&v);
	evview_update(&v, &s);
	ck_assert_uint_eq(v.list.n, 2);
	ck_assert_int_eq(evview_at(&v, &s, 0)->victim_pid, 4100); /* newest first */
	ck_assert_ptr_null(evview_at(&v, &s, 2));
	evview_move(&v, &s, 1);
	ck_assert_int_eq(evview_at(&v, &s, v.list.sel)->victim_pid, 3999);
	/* a newer kill arrives: the selection stays on 3999, now one row further down */
	ev[2] = ev[1];
	ev[2].victim_pid = 5000;
	ev[2].boot_s = 1030000.0;
	s.nevents = 3;
	evview_update(&v, &s);
	ck_assert_uint_eq(v.list.sel, 2);
	ck_assert_int_eq(evview_at(&v, &s, v.list.sel)->victim_pid, 3999);
	ck_assert_int_eq(evview_find(&s, &(struct evkey){0, 4100, 1029300.0}), 1);
	ck_assert_int_eq(evview_find(&s, &(struct evkey){0, 4100, 1.0}), -1);
	/* 3999 leaves the buffer: the selection stays on the last row */
	memmove(&ev[0], &ev[1], 2 * sizeof(ev[0]));
	s.nevents = 2;
	evview_update(&v, &s);
	ck_assert_uint_eq(v.list.sel, 1);
	ck_assert_int_eq(evview_at(&v, &s, v.list.sel)->victim_pid, 4100);
}
END_TEST

/* --- kills of every killer (the journal) --- */

/* Keys as the loop hands them over, then a refresh's review (the state follows). */
static void press(struct tui *t, const int *keys, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(keymap_lookup(keymap_context(t), keys[i]), "key %d unbound", keys[i]);
		unsigned r = input_key(t, keys[i], keys[i]);
		if (r & R_REVIEW)
			tui_state_review(t);
		tui_state_relayout(t, t->cols, t->lines);
	}
}

/* The OOM pane's F5 / r: the kills by unit, Enter a unit's kills, Enter a kill's episode;
 * Esc back one step at a time. The lists stay on their unit and kill across a refresh
 * that brings a newer kill. */
START_TEST(units_view_opens_returns_and_follows)
{
	struct tui t;
	ck_assert_int_eq(tui_state_init(&t, NULL, true), 0);
	t.cols = 80, t.lines = 24;
	tui_state_set_snapshot(&t, fixture_journal_snapshot());
	const struct snapshot *s = t.snap;
	press(&t, (const int[]){'\t'}, 1);
	ck_assert_int_eq(t.focus, PANE_EVENTS);
	/* no kills: the key says so and stays */
	struct snapshot none = *s;
	none.nevents = 0;
	tui_state_set_snapshot(&t, &none);
	press(&t, (const int[]){'r'}, 1);
	ck_assert_int_eq(t.mode, TM_MAIN);
	tui_state_set_snapshot(&t, s);
	/* on the unit of the selected kill (the newest: earlyoom's victim, no unit) */
	press(&t, (const int[]){KEY_FN(KEY_F(5))}, 1);
	ck_assert_int_eq(t.mode, TM_UNITS);
	const struct unit_rhythm *g = unitview_at(&t.uv, t.uv.list.sel);
	ck_assert_str_eq(g->name, "cluster");
	ck_assert(!g->is_unit);
	ck_assert_uint_eq(t.uv.list.n, 6);
	ck_assert_uint_eq(t.uv.kills, 11);
	press(&t, (const int[]){KEY_FN(KEY_HOME)}, 1);
	g = unitview_at(&t.uv, t.uv.list.sel);
	ck_assert_str_eq(g->name, "photo.service");
	ck_assert_uint_eq(g->r.kills, 6);
	ck_assert_double_eq_tol(g->r.interval_s, 15000, 1e-6); /* 4h10m */
	ck_assert_double_eq_tol(g->r.spread_s, 1200, 1e-6);    /* 20m */
	/* its kills, newest first; the second newest opened */
	press(&t, (const int[]){'\n', KEY_FN(KEY_DOWN)}, 2);
	ck_assert_int_eq(t.mode, TM_UNIT_KILLS);
	ck_assert_uint_eq(t.ukills.list.n, 6);
	const struct oom_event *e = evview_at(&t.ukills, s, t.ukills.list.sel);
	ck_assert_int_eq(e->victim_pid, 6105);
	/* a refresh brings a newer kill of photo.service: the selection stays on 6105, the
	 * units list on photo.service */
	static struct oom_event more[16];
	memcpy(more, s->events, s->nevents * sizeof(more[0]));
	more[s->nevents] = s->events[7];
	more[s->nevents].id = 99;
	more[s->nevents].victim_pid = 6107;
	more[s->nevents].time_unix_s = s->time_unix_s;
	struct snapshot next = *s;
	next.events = more;
	next.nevents = s->nevents + 1;
	tui_state_set_snapshot(&t, &next);
	ck_assert_uint_eq(t.ukills.list.n, 7);
	ck_assert_int_eq(evview_at(&t.ukills, &next, t.ukills.list.sel)->victim_pid, 6105);
	ck_assert_str_eq(unitview_at(&t.uv, t.uv.list.sel)->name, "photo.service");
	ck_assert_uint_eq(unitview_at(&t.uv, t.uv.list.sel)->r.kills, 7);
	/* Enter: its episode; Esc: back to the unit's kills, the units, the main screen */
	press(&t, (const int[]){'\n'}, 1);
	ck_assert_int_eq(t.mode, TM_EPISODE);
	ck_assert_int_eq(next.events[t.episode.index].victim_pid, 6105);
	tui_state_set_snapshot(&t, s); /* the episode finds its kill again by its id */
	ck_assert_int_eq(s->events[t.episode.index].victim_pid, 6105);
	press(&t, (const int[]){KEY_ESCAPE}, 1);
	ck_assert_int_eq(t.mode, TM_UNIT_KILLS);
	press(&t, (const int[]){KEY_ESCAPE}, 1);
	ck_assert_int_eq(t.mode, TM_UNITS);
	press(&t, (const int[]){'r'}, 1);
	ck_assert_int_eq(t.mode, TM_MAIN);
	ck_assert_int_eq(t.focus, PANE_EVENTS);
	/* an episode opened from the OOM pane goes back there */
	press(&t, (const int[]){'\n', KEY_ESCAPE}, 2);
	ck_assert_int_eq(t.mode, TM_MAIN);
	tui_state_free(&t);
}
END_TEST

/* A user-space killer's victim that oomtop saw alive: its ghost row is K (the collector
 * links it, as core/klog/oom_event.h's oom_event_names_victim says) and Enter opens the
 * episode of earlyoom's kill, with earlyoom's own lines. */
START_TEST(user_space_victim_opens_its_kill)
{
	struct tui t;
	ck_assert_int_eq(tui_state_init(&t, NULL, true), 0);
	t.cols = 120, t.lines = 40;
	tui_state_set_snapshot(&t, fixture_journal_snapshot());
	ck_assert_int_eq(t.focus, PANE_PROCS);
	ck_assert(procview_select_pid(&t.pv, 29410));
	const struct proc_row *p = procview_selected(&t.pv);
	ck_assert_int_eq(p->state, PROC_OOM_KILLED);
	const struct oom_event *e = &t.snap->events[p->oom_event];
	ck_assert(oom_event_names_victim(e, p->pid, p->comm, p->start_time_unix_s));
	press(&t, (const int[]){'\n'}, 1);
	ck_assert_int_eq(t.mode, TM_EPISODE);
	e = &t.snap->events[t.episode.index];
	ck_assert_int_eq(e->source, OOM_EVENT_SOURCE_EARLYOOM);
	ck_assert_int_eq(e->victim_pid, 29410);
	ck_assert_uint_eq(e->nraw_lines, 4);
	press(&t, (const int[]){KEY_ESCAPE}, 1);
	ck_assert_int_eq(t.mode, TM_MAIN);
	ck_assert_int_eq(t.focus, PANE_PROCS);
	tui_state_free(&t);
}
END_TEST

/* Kills told apart by the reader's id: PID 1's messages alone make rows with no pid, at
 * one moment (a unit and its slice); the selection stays on the one chosen. */
START_TEST(evview_tells_pidless_kills_apart)
{
	const struct snapshot *fx = fixture_journal_snapshot();
	struct oom_event ev[2];
	memset(ev, 0, sizeof(ev));
	ev[0].id = 41, ev[1].id = 42;
	ev[0].unit = "user@1021.service", ev[1].unit = "system-postgresql.slice";
	ev[0].boot_s = ev[1].boot_s = NAN;
	ev[0].time_unix_s = ev[1].time_unix_s = fx->time_unix_s - 60;
	struct snapshot s = *fx;
	s.events = ev;
	s.nevents = 2;
	struct evview v;
	evview_init(&v);
	evview_update(&v, &s);
	evview_move(&v, &s, 1);
	ck_assert_str_eq(evview_at(&v, &s, v.list.sel)->unit, "user@1021.service");
	struct oom_event swapped[2] = {ev[1], ev[0]};
	s.events = swapped;
	evview_update(&v, &s);
	ck_assert_uint_eq(v.list.sel, 0);
	ck_assert_str_eq(evview_at(&v, &s, v.list.sel)->unit, "user@1021.service");
	struct evkey k = evview_key(&ev[1]);
	ck_assert_int_eq(evview_find(&s, &k), 0);
	/* one group's kills only */
	ck_assert_int_eq(evview_only(&v, "system-postgresql.slice", true), 0);
	evview_update(&v, &s);
	ck_assert_uint_eq(v.list.n, 1);
	ck_assert_int_eq(evview_index(&v, &s, 0), 0);
	ck_assert_int_eq(evview_only(&v, "system-postgresql.slice", false), 0); /* not a process */
	evview_update(&v, &s);
	ck_assert_uint_eq(v.list.n, 0);
	ck_assert_ptr_null(evview_at(&v, &s, 0));
	evview_free(&v);
}
END_TEST

START_TEST(event_fields_for_the_screen)
{
	char b[128];
	const char *ell = "\u2026";
	/* a name a little too long loses its end, a long one its middle (its type kept) */
	ck_assert_str_eq(evfmt_fit(b, sizeof(b), "nas-agent.service", 16, ell), "nas-agent.servi\u2026");
	ck_assert_str_eq(evfmt_fit(b, sizeof(b), "nas-agent.service", 17, ell), "nas-agent.service");
	ck_assert_str_eq(evfmt_fit(b, sizeof(b),
	                           "cri-containerd-9192cb33411ff69d015a3577db136757f5b145064a1703efea3d0e12e8a64987.scope",
	                           24, ell),
	                 "cri-containerd-91\u2026.scope");
	ck_assert_str_eq(evfmt_fit(b, sizeof(b), "kworker/27:0-events", 12, "~"), "kworker/~nts");
	ck_assert_str_eq(evfmt_fit(b, sizeof(b), "x.service", 2, ell), "x.service"); /* too narrow: left */
	/* times: this year's short, another year's with its date */
	struct oom_event e;
	oom_event_init(&e);
	e.time_unix_s = 1700000000.0; /* 2023-11-14 22:13:20 UTC */
	ck_assert_str_eq(evfmt_time(b, sizeof(b), &e, 1700000000.0 + 86400, false), "Nov 14 22:13:20");
	ck_assert_str_eq(evfmt_time(b, sizeof(b), &e, 1700000000.0 + 86400 * 60, false), "2023-11-14 22:13");
	ck_assert_str_eq(evfmt_time(b, sizeof(b), &e, 1700000000.0 + 86400 * 60, true), "2023-11-14 22:13:20");
	/* killers, and a kill of a whole cgroup */
	ck_assert_str_eq(evfmt_killer(&e), "kernel");
	e.source = OOM_EVENT_SOURCE_SYSTEMD_OOMD;
	ck_assert_str_eq(evfmt_killer(&e), "oomd");
	ck_assert_str_eq(evfmt_scope(&e), "-");
	ck_assert(!evfmt_cgroup_kill(&e));
	e.cgroup = "/user.slice/app.scope";
	e.victim_pid = 0;
	ck_assert(evfmt_cgroup_kill(&e));
	ck_assert_str_eq(evfmt_cgroup(&e), "/user.slice/app.scope");
	e.earlier_boot = true;
	memcpy(e.boot_id, "8324e1c3c0b1a29f8e7d6c5b4a392817", 33);
	e.reason = "memory pressure 77.97% > 50.00% for 20s";
	ck_assert_str_eq(evfmt_describe(b, sizeof(b), &e),
	                 "systemd-oomd kill, boot 8324e1c3 (earlier), cgroup /user.slice/app.scope, "
	                 "memory pressure 77.97% > 50.00% for 20s");
}
END_TEST

int main(void)
{
	setenv("TZ", "UTC", 1); /* the times of kills */
	tzset();
	setlocale(LC_ALL, "C.UTF-8");
	Suite *s = suite_create("tui_kills");
	TCase *tc = tcase_create("kills");
	tcase_add_test(tc, evview_follows_the_kill);
	tcase_add_test(tc, evview_tells_pidless_kills_apart);
	tcase_add_test(tc, units_view_opens_returns_and_follows);
	tcase_add_test(tc, user_space_victim_opens_its_kill);
	tcase_add_test(tc, event_fields_for_the_screen);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
