/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/tui/check_tui_travel.c — history mode without a terminal: a recording of the
 * fixture machine (fxhistory.h, written through core/history's writer into a temporary
 * file) stepped through with the keys of the key table: a moment back and forward, a
 * minute, a typed time, the ends of the recording (and a gap in it), back to live; the
 * kills of the moment shown, a refresh while it is shown; oom_score_adj refused there;
 * "the minutes before" a kill from the OOM pane and from its episode; and every history
 * key without a recording, or with one that cannot be read. */
#include "config.h"

#include <check.h>
#include <curses.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/history/travel.h"
#include "tests/tui/fixture.h"
#include "tests/tui/fxhistory.h"
#include "tui/actions.h"
#include "tui/input.h"
#include "tui/keymap.h"
#include "tui/reaction.h"
#include "tui/state.h"
#include "tests/unit/ck_run.h"

#define NOW FXHISTORY_NOW
#define WHY "no recorded history (--no-history)"

static const char *db;
static struct history_travel *rec;

static void setup(void)
{
	char err[600];
	db = fxhistory_make();
	ck_assert_msg(history_travel_open(&rec, db, err, sizeof(err)) == 0, "%s", err);
}

static void teardown(void)
{
	history_travel_close(rec);
	fxhistory_remove(db);
}

/* The screen's state on the live snapshot, with the recording h (NULL: none). */
static void start(struct tui *t, const struct snapshot *live, struct history_travel *h)
{
	ck_assert_int_eq(tui_state_init(t, NULL, true), 0);
	t->cols = 120, t->lines = 40;
	travel_attach(&t->travel, h, WHY);
	tui_state_live_snapshot(t, live);
}

/* A key as the loop hands it over, 5 s after the last (its message replaces the last). */
static void key(struct tui *t, int k)
{
	t->now_ms += 5000;
	ck_assert_msg(t->mode == TM_INPUT || keymap_lookup(keymap_context(t), k), "key %s unbound",
	              keymap_key_name(k));
	unsigned r = input_key(t, k, k);
	if (r & R_REVIEW)
		tui_state_review(t);
	tui_state_relayout(t, t->cols, t->lines);
}

static void type(struct tui *t, const char *s)
{
	for (; *s; s++)
		key(t, (unsigned char)*s);
}

/* The moment shown: history mode on, the panes' snapshot is that moment. */
static void shows(const struct tui *t, int64_t moment)
{
	ck_assert_msg(t->travel.on, "live, not the moment %lld (status: %s)",
	              (long long)(moment - NOW), t->status);
	ck_assert_msg(t->travel.moment == moment, "the moment NOW%+lld, not NOW%+lld (status: %s)",
	              (long long)(t->travel.moment - NOW), (long long)(moment - NOW), t->status);
	ck_assert_ptr_eq(t->snap, &t->travel.shown);
	ck_assert_double_eq(t->snap->time_unix_s, (double)moment);
}

static void says(const struct tui *t, const char *what)
{
	ck_assert_msg(strstr(t->status, what) != NULL, "status '%s' does not say '%s'", t->status,
	              what);
}

static const struct proc_row *row_of(const struct snapshot *s, pid_t pid)
{
	for (size_t i = 0; i < s->nprocs; i++)
		if (s->procs[i]->pid == pid)
			return s->procs[i];
	return NULL;
}

START_TEST(steps_through_the_recording)
{
	struct tui t;
	const struct snapshot *live = fixture_snapshot();
	start(&t, live, rec);
	ck_assert(!t.travel.on);
	ck_assert_ptr_eq(t.snap, live);
	/* , from live: the newest moment, with the values and the slopes of then */
	key(&t, ',');
	shows(&t, FXHISTORY_B1);
	const struct proc_row *agent = row_of(t.snap, 4242);
	ck_assert_ptr_nonnull(agent);
	ck_assert_int_eq(agent->rss_bytes, fxhistory_agent_rss(FXHISTORY_B1));
	ck_assert_msg(fabs(agent->rss_slope.per_s / FXHISTORY_MIB_PER_S - 1) < 0.05,
	              "slope %g B/s, leak %g B/s", agent->rss_slope.per_s, FXHISTORY_MIB_PER_S);
	ck_assert_ptr_null(row_of(t.snap, 5000)); /* the live ghost is not in the past */
	ck_assert_uint_gt(t.pv.list.n, 0);        /* the panes list the moment */
	ck_assert_uint_gt(t.cv.list.n, 0);
	/* a moment back, forward, and no further than the newest */
	key(&t, ',');
	shows(&t, FXHISTORY_B1 - 10);
	ck_assert_int_eq(row_of(t.snap, 4242)->rss_bytes, fxhistory_agent_rss(FXHISTORY_B1 - 10));
	key(&t, '.');
	shows(&t, FXHISTORY_B1);
	key(&t, '.');
	shows(&t, FXHISTORY_B1);
	says(&t, "newest");
	/* a minute back and forward */
	key(&t, 'b');
	shows(&t, FXHISTORY_B1 - 60);
	key(&t, 'f');
	shows(&t, FXHISTORY_B1);
	/* a typed time: nothing recorded at -10m, the nearest moment is before the gap */
	key(&t, 'g');
	ck_assert_int_eq(t.mode, TM_INPUT);
	type(&t, "-10m");
	key(&t, '\n');
	ck_assert_int_eq(t.mode, TM_MAIN);
	shows(&t, FXHISTORY_A1);
	says(&t, "nothing recorded at -10m: the nearest moment is 1m50s before");
	/* across the gap: a minute on is the first moment after it, a moment back the last before
	 */
	key(&t, 'f');
	shows(&t, FXHISTORY_B0);
	key(&t, ',');
	shows(&t, FXHISTORY_A1);
	key(&t, 'b');
	shows(&t, FXHISTORY_A1 - 60);
	/* the oldest end: less than a minute left goes to the oldest, then no further */
	char at[32];
	snprintf(at, sizeof(at), "@%lld", (long long)FXHISTORY_A0 + 30);
	key(&t, 'g');
	type(&t, at);
	key(&t, '\n');
	shows(&t, FXHISTORY_A0 + 30);
	key(&t, 'b');
	shows(&t, FXHISTORY_A0);
	key(&t, ',');
	shows(&t, FXHISTORY_A0);
	says(&t, "oldest");
	key(&t, 'b');
	shows(&t, FXHISTORY_A0);
	says(&t, "oldest");
	/* the newest end, a minute forward from 30 s before it */
	snprintf(at, sizeof(at), "@%lld", (long long)FXHISTORY_B1 - 30);
	key(&t, 'g');
	type(&t, at);
	key(&t, '\n');
	key(&t, 'f');
	shows(&t, FXHISTORY_B1);
	key(&t, 'f');
	shows(&t, FXHISTORY_B1);
	says(&t, "newest");
	/* what is not a time is said, and nothing moves */
	key(&t, 'g');
	type(&t, "yesterday");
	key(&t, '\n');
	shows(&t, FXHISTORY_B1);
	says(&t, "'yesterday' is not a time");
	/* back to live, at once: the live snapshot again */
	key(&t, 'L');
	ck_assert(!t.travel.on);
	ck_assert_ptr_eq(t.snap, live);
	says(&t, "live again");
	key(&t, 'L');
	says(&t, "live already");
	key(&t, '.');
	ck_assert(!t.travel.on);
	says(&t, "live already");
	tui_state_free(&t);
}
END_TEST

/* The fixture's kills and the agent's, at NOW - 95 (after the moment NOW - 100, before the
 * one at NOW - 90), oldest first as the collector lists them. */
static struct oom_event kills[4];
static struct snapshot with_kills(void)
{
	struct snapshot s = *fixture_snapshot();
	ck_assert_uint_eq(s.nevents, 2);
	memcpy(kills, s.events, 2 * sizeof(kills[0]));
	kills[2] = kills[1];
	kills[2].id = 77;
	kills[2].victim_pid = 4242;
	kills[2].victim_comm = "leaky";
	kills[2].time_unix_s = (double)NOW - 95;
	kills[2].boot_s += 7405;
	s.events = kills;
	s.nevents = 3;
	return s;
}

START_TEST(the_moment_has_the_kills_of_then_and_refreshes_go_on)
{
	struct tui t;
	static struct snapshot live, later;
	live = with_kills();
	start(&t, &live, rec);
	key(&t, 'g');
	type(&t, "-100s");
	key(&t, '\n');
	shows(&t, NOW - 100);
	ck_assert_uint_eq(t.snap->nevents, 2); /* the agent's kill comes 5 s later */
	ck_assert_uint_eq(t.ev.list.n, 2);
	key(&t, '.');
	shows(&t, NOW - 90);
	ck_assert_uint_eq(t.snap->nevents, 3);
	ck_assert_int_eq(t.snap->events[2].victim_pid, 4242);
	/* a refresh while the moment is shown: it stays, its age and its kills follow */
	later = live;
	later.time_unix_s = (double)NOW + 5;
	later.events = kills + 1; /* the oldest kill left the kernel's buffer */
	later.nevents = 2;
	tui_state_live_snapshot(&t, &later);
	shows(&t, NOW - 90);
	ck_assert_double_eq(t.travel.now_unix_s, (double)NOW + 5);
	ck_assert_uint_eq(t.snap->nevents, 2);
	ck_assert_int_eq(t.snap->events[0].victim_pid, 4100);
	/* back to live: the newest refresh, at once */
	key(&t, 'L');
	ck_assert_ptr_eq(t.snap, &later);
	tui_state_free(&t);
}
END_TEST

START_TEST(history_refuses_writes)
{
	struct tui t;
	start(&t, fixture_snapshot(), rec);
	key(&t, ',');
	shows(&t, FXHISTORY_B1);
	static const int writes[] = {']', '[', KEY_FN(KEY_F(7)), KEY_FN(KEY_F(8)), 'a', 'p',
	                             'z', ' '};
	for (size_t i = 0; i < sizeof(writes) / sizeof(writes[0]); i++) {
		key(&t, writes[i]);
		ck_assert_int_eq(t.mode, TM_MAIN);
		ck_assert_int_eq(t.status_level, STATUS_ERROR);
		says(&t, "oom_score_adj is changed only live (L returns to live)");
		ck_assert_uint_eq(t.adj.tags.n, 0);
		ck_assert_uint_eq(t.adj.plan.n, 0);
	}
	shows(&t, FXHISTORY_B1);
	ck_assert(actions_live_only(A_ADJ_UP) && actions_live_only(A_TAG) &&
	          actions_live_only(A_CONFIRM_YES));
	ck_assert(!actions_live_only(A_TRAVEL_PREV) && !actions_live_only(A_UNTAG_ALL));
	/* the key bar leaves them out there, and shows the way back to live */
	size_t f8 = keymap_len, live_key = keymap_len;
	for (size_t i = 0; i < keymap_len; i++) {
		if (keymap[i].ctx == KC_PROCS && keymap[i].key == KEY_FN(KEY_F(8)))
			f8 = i;
		if (keymap[i].action == A_TRAVEL_LIVE)
			live_key = i;
	}
	ck_assert(!keymap_in_bar_when(KC_PROCS, f8, KB_IN_HISTORY | KB_WITH_HISTORY));
	ck_assert(keymap_in_bar_when(KC_PROCS, f8, KB_LIVE | KB_WITH_HISTORY));
	ck_assert(keymap_in_bar_when(KC_PROCS, live_key, KB_IN_HISTORY | KB_WITH_HISTORY));
	ck_assert(!keymap_in_bar_when(KC_PROCS, live_key, KB_LIVE | KB_WITH_HISTORY));
	/* live, the same key opens the dialog (nothing is written until Enter) */
	key(&t, 'L');
	key(&t, KEY_FN(KEY_DOWN)); /* the agent (the first row is a ghost) */
	key(&t, 'a');
	ck_assert_int_eq(t.mode, TM_INPUT);
	ck_assert_int_eq(t.prompt.kind, INPUT_ADJ);
	key(&t, KEY_ESCAPE);
	tui_state_free(&t);
}
END_TEST

START_TEST(the_minutes_before_a_kill)
{
	struct tui t;
	static struct snapshot live;
	live = with_kills();
	kills[3] = kills[2]; /* and one 20 s after the recorder came back */
	kills[3].id = 78;
	kills[3].victim_pid = 4243;
	kills[3].victim_comm = "nas-helper";
	kills[3].time_unix_s = (double)FXHISTORY_B0 + 20;
	kills[2].boot_s -= 1; /* oldest first */
	live.nevents = 4;
	struct oom_event k = kills[2];
	kills[2] = kills[3], kills[3] = k;
	start(&t, &live, rec);
	key(&t, '\t');
	ck_assert_int_eq(t.focus, PANE_EVENTS);
	/* the agent's kill (the newest, selected): the moment nearest to a minute before it (of
	 * NOW - 160 and NOW - 150, the earlier) */
	key(&t, 'B');
	shows(&t, NOW - 160);
	ck_assert_int_eq(t.mode, TM_MAIN);
	says(&t, "history: 1m05s before the kill of 4242 (leaky) at 2023-11-14 22:11:45");
	ck_assert_int_eq(row_of(t.snap, 4242)->rss_bytes, fxhistory_agent_rss(NOW - 160));
	/* the helper's, 20 s after the gap: the moment after the gap, not the one before it */
	key(&t, 'L');
	key(&t, KEY_FN(KEY_DOWN));
	key(&t, 'B');
	shows(&t, FXHISTORY_B0);
	says(&t, "20s before the kill of 4243 (nas-helper)");
	/* memhog's, before the recording began */
	key(&t, 'L');
	key(&t, KEY_FN(KEY_DOWN));
	key(&t, 'B');
	ck_assert(!t.travel.on);
	says(&t, "nothing recorded before the kill of 4100 (memhog)");
	says(&t, "the recording starts");
	/* from the episode: the panes as they were */
	key(&t, KEY_FN(KEY_HOME));
	key(&t, '\n');
	ck_assert_int_eq(t.mode, TM_EPISODE);
	key(&t, 'B');
	ck_assert_int_eq(t.mode, TM_MAIN);
	shows(&t, NOW - 160);
	/* a kill of unknown time */
	key(&t, 'L');
	kills[3].time_unix_s = NAN;
	tui_state_live_snapshot(&t, &live);
	key(&t, KEY_FN(KEY_HOME));
	key(&t, 'B');
	ck_assert(!t.travel.on);
	says(&t, "unknown");
	tui_state_free(&t);
}
END_TEST

/* --no-history, none recorded: every history key says why, nothing moves. */
START_TEST(without_a_recording_every_key_says_why)
{
	struct tui t;
	static struct snapshot live;
	live = with_kills();
	start(&t, &live, NULL);
	static const int keys[] = {',', '.', 'b', 'f', 'g', 'L'};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		t.status[0] = '\0';
		key(&t, keys[i]);
		ck_assert_int_eq(t.mode, TM_MAIN);
		ck_assert(!t.travel.on);
		ck_assert_ptr_eq(t.snap, &live);
		ck_assert_str_eq(t.status, WHY);
	}
	key(&t, '\t');
	key(&t, 'B');
	ck_assert_str_eq(t.status, WHY);
	key(&t, '\n');
	ck_assert_int_eq(t.mode, TM_EPISODE);
	key(&t, 'B');
	ck_assert_str_eq(t.status, WHY);
	ck_assert_int_eq(t.mode, TM_EPISODE);
	ck_assert(!t.travel.on);
	/* the bar offers none of them */
	for (size_t i = 0; i < keymap_len; i++)
		if (keymap[i].action == A_TRAVEL_BEFORE_KILL)
			ck_assert(!keymap_in_bar_when(keymap[i].ctx, i, KB_LIVE));
	tui_state_free(&t);
}
END_TEST

/* What is not a recording is refused with the reason and the path. */
START_TEST(a_recording_that_cannot_be_read)
{
	char dir[] = "/tmp/oomtop-travel.XXXXXX", path[64], err[600];
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/notes.db", dir);
	struct history_travel *h = NULL;
	ck_assert_int_eq(history_travel_open(&h, path, err, sizeof(err)), -ENOENT);
	ck_assert_ptr_null(h);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("notes, not a database\n", f);
	fclose(f);
	ck_assert_int_lt(history_travel_open(&h, path, err, sizeof(err)), 0);
	ck_assert_ptr_null(h);
	ck_assert_msg(strstr(err, path) != NULL, "'%s' does not name the path", err);
	unlink(path);
	rmdir(dir);
}
END_TEST

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	Suite *s = suite_create("tui travel");
	TCase *tc = tcase_create("history mode");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, steps_through_the_recording);
	tcase_add_test(tc, the_moment_has_the_kills_of_then_and_refreshes_go_on);
	tcase_add_test(tc, history_refuses_writes);
	tcase_add_test(tc, the_minutes_before_a_kill);
	tcase_add_test(tc, without_a_recording_every_key_says_why);
	tcase_add_test(tc, a_recording_that_cannot_be_read);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
