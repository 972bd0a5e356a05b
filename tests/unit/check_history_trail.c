/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/trail: a recording as the detail view's trail (core/proc/detail.h
 * struct proc_trail_source), on an in-memory SQLite written by the recorder from snapshots
 * made by hand (tests/lib/fxrec.h): the values of one process at each recorded sample of a
 * span, carried over from the last change; nothing of another incarnation, another boot,
 * or before the process began; at most `max` points, the newest kept. */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "core/history/store.h"
#include "core/history/trail.h"
#include "core/history/writer.h"
#include "core/model.h"
#include "tests/lib/fxrec.h"
#include "tests/unit/ck_run.h"

#define MiB (INT64_C(1) << 20)
#define T0 1750000000
#define N 20 /* samples, every 10 s */

static const struct history_boot boot_a = {"boot-a", T0 - 5000};
static const struct history_boot boot_b = {"boot-b", T0 + 100000};

/* Sample i: pid 100 leaks 1 MiB per sample and opens a socket every other one; pid 300
 * (start 300) lives for samples 0..5, then pid 300 is another process (start 900) from
 * sample 8. */
static struct history_store *recorded(void)
{
	struct history_store *st;
	char err[256];
	ck_assert_msg(history_store_open_memory(&st, err, sizeof(err)) == 0, "%s", err);
	struct history_writer *w = history_writer_new(st, &boot_a, 10, "fixture", err, sizeof(err));
	ck_assert_msg(w != NULL, "%s", err);
	for (int i = 0; i < N; i++) {
		struct fxrec f;
		fxrec_init(&f, T0 + 10.0 * i);
		fxrec_cgroup(&f, "/", 1000 * MiB, VAL_UNKNOWN);
		struct proc_row *r = fxrec_proc(&f, 100, 100, "leaker", "/", 50 * MiB + MiB * i);
		r->fds = 12 + i / 2;
		if (i <= 5)
			fxrec_proc(&f, 300, 300, "old", "/", 30 * MiB);
		if (i >= 8)
			fxrec_proc(&f, 300, 900, "new", "/", 90 * MiB);
		ck_assert_msg(history_writer_add(w, &f.snap, err, sizeof(err)) >= 0, "%s", err);
	}
	ck_assert_msg(history_writer_commit(w, err, sizeof(err)) == 0, "%s", err);
	history_writer_free(w);
	return st;
}

START_TEST(trail_of_a_recorded_process)
{
	struct history_store *st = recorded();
	struct history_trail *h;
	ck_assert_int_eq(history_trail_open(st, &boot_a, &h), 0);
	const struct proc_trail_source *src = history_trail_source(h);
	struct proc_trail_point pts[64];
	/* the last minute of the recording: samples 13..19 */
	int64_t to = (T0 + 10 * (N - 1)) * INT64_C(1000), from = to - 60000;
	size_t n = src->fill(src->ctx, 100, 100, from, to, pts, 64);
	ck_assert_uint_eq(n, 7);
	for (size_t i = 0; i < n; i++) {
		int s = 13 + (int)i;
		ck_assert_int_eq(pts[i].t_ms, (T0 + 10 * s) * INT64_C(1000));
		ck_assert_int_eq(pts[i].rss_bytes, 50 * MiB + MiB * s);
		ck_assert_int_eq(pts[i].fds, 12 + s / 2); /* stored every other sample, carried over */
		ck_assert_int_eq(pts[i].threads, 2);
	}
	/* at most max points: evenly spaced, the newest kept */
	n = src->fill(src->ctx, 100, 100, from, to, pts, 3);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(pts[0].t_ms, (T0 + 130) * INT64_C(1000));
	ck_assert_int_eq(pts[1].t_ms, (T0 + 160) * INT64_C(1000));
	ck_assert_int_eq(pts[2].t_ms, (T0 + 190) * INT64_C(1000));
	n = src->fill(src->ctx, 100, 100, from, to, pts, 1);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(pts[0].t_ms, (T0 + 190) * INT64_C(1000));
	/* pid 300 of start 300 lived for samples 0..5; of start 900 from sample 8 */
	n = src->fill(src->ctx, 300, 300, (T0 - 100) * INT64_C(1000), to, pts, 64);
	ck_assert_uint_eq(n, 6);
	ck_assert_int_eq(pts[5].t_ms, (T0 + 50) * INT64_C(1000));
	n = src->fill(src->ctx, 300, 900, (T0 - 100) * INT64_C(1000), to, pts, 64);
	ck_assert_uint_eq(n, 12);
	ck_assert_int_eq(pts[0].t_ms, (T0 + 80) * INT64_C(1000));
	ck_assert_int_eq(pts[0].rss_bytes, 90 * MiB);
	/* never recorded, another start time */
	ck_assert_uint_eq(src->fill(src->ctx, 4242, 1, from, to, pts, 64), 0);
	ck_assert_uint_eq(src->fill(src->ctx, 100, 101, from, to, pts, 64), 0);
	/* a span before the recording: nothing */
	ck_assert_uint_eq(src->fill(src->ctx, 100, 100, (T0 - 1000) * INT64_C(1000), (T0 - 1) * INT64_C(1000), pts, 64),
			  0);
	history_trail_free(h);
	/* another boot: nothing of this one */
	ck_assert_int_eq(history_trail_open(st, &boot_b, &h), 0);
	src = history_trail_source(h);
	ck_assert_uint_eq(src->fill(src->ctx, 100, 100, from, to, pts, 64), 0);
	history_trail_free(h);
	history_store_close(st);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("history_trail");
	TCase *tc = tcase_create("trail");
	tcase_add_test(tc, trail_of_a_recorded_process);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
