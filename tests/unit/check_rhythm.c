/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests of the rhythm of a unit's kills (core/estimate/rhythm.c), kills grouped by unit
 * (core/estimate/unit_rhythm.c) and the text and JSON lines (core/output/rhythm.c): the figures with 1, 2, 3 and many kills, episodes of kills
 * at once, a missed kill that the median shrugs off, untimed kills, the order of units. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/strbuf.h"
#include "core/estimate/rhythm.h"
#include "core/estimate/unit_rhythm.h"
#include "core/output/rhythm.h"
#include "tests/unit/ck_run.h"

#define H 3600.0
#define T0 1700000000.0

static struct rhythm *one(const struct rhythm_kill *k, size_t n)
{
	struct rhythm *r;
	ck_assert_int_eq(rhythm_compute(k, n, &r), 1);
	return r;
}

START_TEST(one_kill_says_no_rhythm)
{
	struct rhythm_kill k[] = {{"photo.service", T0}};
	struct rhythm *r = one(k, 1);
	ck_assert_uint_eq(r->kills, 1);
	ck_assert_uint_eq(r->episodes, 1);
	ck_assert(isnan(r->interval_s) && isnan(r->spread_s) && isnan(r->next_unix_s));
	struct strbuf sb;
	sb_init(&sb);
	output_rhythm_text(r, "photo.service", T0 + 60, &sb);
	ck_assert_ptr_nonnull(strstr(sb.buf, "photo.service: 1 kill, "));
	ck_assert_ptr_null(strstr(sb.buf, "every"));
	sb_reset(&sb);
	output_rhythm_json(r, "photo.service", NULL, T0 + 60, &sb);
	ck_assert_ptr_nonnull(strstr(sb.buf, "\"interval\": null, \"spread\": null, \"next\": null, \"overdue\": null"));
	sb_free(&sb);
	free(r);
}
END_TEST

START_TEST(two_kills_give_an_interval_and_next_but_no_spread)
{
	struct rhythm_kill k[] = {{"photo.service", T0 + 4 * H}, {"photo.service", T0}};
	struct rhythm *r = one(k, 2);
	ck_assert_double_eq_tol(r->interval_s, 4 * H, 1e-6);
	ck_assert(isnan(r->spread_s));
	ck_assert_double_eq_tol(r->next_unix_s, T0 + 8 * H, 1e-6);
	struct strbuf sb;
	sb_init(&sb);
	output_rhythm_text(r, "photo.service", T0 + 5 * H, &sb);
	ck_assert_ptr_nonnull(strstr(sb.buf, "2 kills in 4h00m, every 4h00m (one interval), last "));
	ck_assert_ptr_null(strstr(sb.buf, "overdue"));
	sb_free(&sb);
	free(r);
}
END_TEST

/* the founding story: six kills in a day, every 4h10m give or take, one of them missed */
START_TEST(median_and_mad_shrug_off_a_missed_kill)
{
	double at[] = {0, 4 * H + 600, 8 * H + 1200, 12 * H + 2700, /* one missed: */ 21 * H, 25 * H + 900};
	struct rhythm_kill k[6];
	for (int i = 0; i < 6; i++)
		k[i] = (struct rhythm_kill){"photo.service", T0 + at[i]};
	struct rhythm *r = one(k, 6);
	ck_assert_uint_eq(r->kills, 6);
	ck_assert_uint_eq(r->episodes, 6);
	/* intervals 4h10m 4h10m 4h25m 8h15m 4h15m: median 4h15m (the mean would be 5h05m) */
	ck_assert_double_eq_tol(r->interval_s, 4 * H + 900, 1e-6);
	/* deviations 5m 5m 10m 4h 0: median 5m */
	ck_assert_double_eq_tol(r->spread_s, 300, 1e-6);
	ck_assert_double_eq_tol(r->next_unix_s, T0 + 25 * H + 900 + 4 * H + 900, 1e-6);
	struct strbuf sb;
	sb_init(&sb);
	output_rhythm_text(r, "photo.service", T0 + 26 * H, &sb);
	ck_assert_ptr_nonnull(strstr(sb.buf, "photo.service: 6 kills in 1d01h, every 4h15m ± 5m, last "));
	ck_assert_ptr_nonnull(strstr(sb.buf, ", next ≈ "));
	sb_reset(&sb);
	output_rhythm_text(r, "photo.service", T0 + 40 * H, &sb);
	ck_assert_ptr_nonnull(strstr(sb.buf, "(overdue)"));
	sb_reset(&sb);
	output_rhythm_json(r, "photo.service", NULL, T0 + 40 * H, &sb);
	ck_assert_ptr_nonnull(strstr(sb.buf, "{\"schema\": 2, \"unit\": \"photo.service\", \"process\": null, "
					     "\"kills\": 6, \"episodes\": 6, "));
	ck_assert_ptr_nonnull(strstr(sb.buf, "\"interval\": 15300, \"spread\": 300, "));
	ck_assert_ptr_nonnull(strstr(sb.buf, "\"overdue\": true}"));
	sb_free(&sb);
	free(r);
}
END_TEST

/* memory.oom.group kills a container's processes at once: one episode, no interval */
START_TEST(kills_at_once_are_one_episode)
{
	struct rhythm_kill k[] = {{"c.scope", T0}, {"c.scope", T0 + 0.01}, {"c.scope", T0 + 0.02},
				  {"c.scope", T0 + 2 * H}, {"c.scope", T0 + 2 * H + 0.5}, {"c.scope", NAN}};
	struct rhythm *r = one(k, 6);
	ck_assert_uint_eq(r->kills, 6);
	ck_assert_uint_eq(r->episodes, 2);
	ck_assert_double_eq_tol(r->interval_s, 2 * H, 1e-6);
	ck_assert_double_eq_tol(r->last_unix_s, T0 + 2 * H + 0.5, 1e-6);
	ck_assert_double_eq_tol(r->next_unix_s, T0 + 4 * H, 1e-6);
	free(r);
	struct rhythm_kill once[] = {{"c.scope", T0}, {"c.scope", T0 + 0.01}};
	r = one(once, 2);
	struct strbuf sb;
	sb_init(&sb);
	output_rhythm_text(r, "c.scope", T0, &sb);
	ck_assert_ptr_nonnull(strstr(sb.buf, "c.scope: 2 kills at once, "));
	sb_free(&sb);
	free(r);
}
END_TEST

START_TEST(units_are_ordered_by_kills_and_nulls_left_out)
{
	struct rhythm_kill k[] = {{"b.service", T0}, {NULL, T0}, {"a.service", T0 + 1},
				  {"b.service", T0 + H}, {"c.service", T0 + 5}};
	struct rhythm *r;
	ck_assert_int_eq(rhythm_compute(k, 5, &r), 3);
	ck_assert_str_eq(r[0].key, "b.service");
	ck_assert_str_eq(r[1].key, "c.service"); /* same count: the latest last kill first */
	ck_assert_str_eq(r[2].key, "a.service");
	free(r);
	ck_assert_int_eq(rhythm_compute(NULL, 0, &r), 0);
	ck_assert_ptr_null(r);
}
END_TEST

/* Kills grouped as --by-unit and the screen group them: by unit, else by the victim's name
 * (a unit and a process of one name stay apart), else one group of unnamed victims. */
START_TEST(kills_are_grouped_by_unit_else_by_victim)
{
	struct oom_event ev[6];
	for (int i = 0; i < 6; i++) {
		oom_event_init(&ev[i]);
		ev[i].time_unix_s = T0 + i * H;
	}
	ev[0].unit = "photo.service", ev[2].unit = "photo.service", ev[4].unit = "photo.service";
	ev[1].victim_comm = "photo.service"; /* a process that calls itself so: not the unit */
	ev[3].victim_comm = "cluster";
	struct unit_rhythms g;
	ck_assert_int_eq(unit_rhythm_group(ev, 6, &g), 0);
	ck_assert_uint_eq(g.n, 4);
	ck_assert_str_eq(g.v[0].name, "photo.service");
	ck_assert(g.v[0].is_unit);
	ck_assert_uint_eq(g.v[0].r.kills, 3);
	ck_assert_double_eq_tol(g.v[0].r.interval_s, 2 * H, 1e-6);
	ck_assert(unit_rhythm_has(&g.v[0], &ev[2]));
	ck_assert(!unit_rhythm_has(&g.v[0], &ev[1]));
	size_t named = 0;
	for (size_t i = 1; i < g.n; i++) {
		ck_assert(!g.v[i].is_unit);
		ck_assert_uint_eq(g.v[i].r.kills, 1);
		if (strcmp(g.v[i].name, UNIT_RHYTHM_UNNAMED) == 0)
			ck_assert(unit_rhythm_has(&g.v[i], &ev[5]));
		else
			named++;
	}
	ck_assert_uint_eq(named, 2);
	bool unit;
	ck_assert_str_eq(unit_rhythm_name_of(&ev[3], &unit), "cluster");
	ck_assert(!unit);
	unit_rhythm_free(&g);
	ck_assert_int_eq(unit_rhythm_group(ev, 0, &g), 0);
	ck_assert_uint_eq(g.n, 0);
	unit_rhythm_free(&g);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("rhythm");
	TCase *tc = tcase_create("rhythm");
	tcase_add_test(tc, one_kill_says_no_rhythm);
	tcase_add_test(tc, two_kills_give_an_interval_and_next_but_no_spread);
	tcase_add_test(tc, median_and_mad_shrug_off_a_missed_kill);
	tcase_add_test(tc, kills_at_once_are_one_episode);
	tcase_add_test(tc, units_are_ordered_by_kills_and_nulls_left_out);
	tcase_add_test(tc, kills_are_grouped_by_unit_else_by_victim);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
