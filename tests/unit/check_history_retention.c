/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/retention: two days recorded every 10 s on an in-memory SQLite, then
 * downsampled, pruned, and cut to a size cap. Whatever is kept must read exactly as it
 * was recorded: at every kept moment each process and cgroup has the values the
 * recording had then (values are stored when they changed, so dropping the wrong row
 * would shift a value in time), and a process or cgroup that was gone stays gone. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <string.h>

#include "core/history/boot.h"
#include "core/history/moment.h"
#include "core/history/retention.h"
#include "core/history/store.h"
#include "core/history/timeline.h"
#include "core/history/writer.h"
#include "tests/lib/fxrec.h"
#include "tests/unit/ck_run.h"

#define MiB (INT64_C(1) << 20)
#define DAY 86400
#define T0 1750003200 /* a multiple of 600: buckets start at sample times */
#define STEP 10
#define NSAMPLES (2 * DAY / STEP)

static const struct history_boot boot = {"boot-r", T0 - 5000};

/* The recording at sample i: pid 100 leaks 4 KiB per sample; pid 200 changes every
 * 35 s (not a multiple of the step); pid 300 never changes; pid 400 lives for the first
 * half day; cgroup /a grows, /c is there in every other two-hour stretch. */
static int64_t rss_100(int i)
{
	return 10 * MiB + 4096 * (int64_t)i;
}
static int64_t rss_200(int i)
{
	return 20 * MiB + 4096 * ((int64_t)i * STEP / 35);
}
static bool alive_400(int i)
{
	return i * STEP < DAY / 2;
}
static bool has_c(int i)
{
	return (i * STEP / 7200) % 2 == 0;
}

static void scenario(struct fxrec *f, int i)
{
	fxrec_init(f, (double)T0 + (double)i * STEP);
	fxrec_cgroup(f, "/", 1000 * MiB, VAL_UNKNOWN);
	fxrec_cgroup(f, "/a", 100 * MiB + 4096 * (int64_t)i, VAL_UNKNOWN);
	if (has_c(i))
		fxrec_cgroup(f, "/c", 3 * MiB, VAL_UNKNOWN);
	fxrec_proc(f, 100, 100, "leaker", "/a", rss_100(i));
	fxrec_proc(f, 200, 200, "wobbly", "/", rss_200(i));
	fxrec_proc(f, 300, 300, "idle", "/", 7 * MiB);
	if (alive_400(i))
		fxrec_proc(f, 400, 400, "short", "/", 9 * MiB);
}

static struct history_store *two_days(void)
{
	struct history_store *st;
	char err[256];
	ck_assert_msg(history_store_open_memory(&st, err, sizeof(err)) == 0, "%s", err);
	struct history_writer *w = history_writer_new(st, &boot, STEP, "fixture", err, sizeof(err));
	ck_assert_msg(w != NULL, "%s", err);
	for (int i = 0; i < NSAMPLES; i++) {
		struct fxrec f;
		scenario(&f, i);
		ck_assert_msg(history_writer_add(w, &f.snap, err, sizeof(err)) >= 0, "%s", err);
	}
	ck_assert_msg(history_writer_commit(w, err, sizeof(err)) == 0, "%s", err);
	history_writer_free(w);
	return st;
}

static int64_t count(struct history_store *st, const char *sql, int64_t arg)
{
	sqlite3_stmt *s = history_store_prepare(st, sql);
	ck_assert_ptr_nonnull(s);
	sqlite3_bind_int64(s, 1, arg);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* The moment t reads as the recording had it; returns how many moments were checked. */
static void check_moment(struct history_store *st, int64_t t)
{
	int i = (int)((t - T0) / STEP);
	ck_assert_int_eq((t - T0) % STEP, 0);
	struct history_moment m;
	ck_assert_int_eq(history_moment_load(st, t, 300, &m), 0);
	const struct snapshot *s = &m.snap;
	ck_assert_msg(fxrec_find_proc(s, 100) && fxrec_find_proc(s, 100)->rss_bytes == rss_100(i),
	              "leaker at sample %d", i);
	ck_assert_msg(fxrec_find_proc(s, 200) && fxrec_find_proc(s, 200)->rss_bytes == rss_200(i),
	              "wobbly at sample %d", i);
	ck_assert_msg(fxrec_find_proc(s, 300) && fxrec_find_proc(s, 300)->rss_bytes == 7 * MiB,
	              "idle at sample %d", i);
	ck_assert_msg((fxrec_find_proc(s, 400) != NULL) == alive_400(i), "short-lived at sample %d", i);
	ck_assert_msg(fxrec_find_cgroup(s, "/a") &&
	                  fxrec_find_cgroup(s, "/a")->usage_bytes == 100 * MiB + 4096 * (int64_t)i,
	              "/a at sample %d", i);
	ck_assert_msg((fxrec_find_cgroup(s, "/c") != NULL) == has_c(i), "/c at sample %d", i);
	history_moment_free(&m);
}

/* Every kept moment from `from` on, by stepping the timeline. */
static int check_all(struct history_store *st, int64_t from)
{
	int n = 0;
	int64_t t;
	for (int rc = history_timeline_nearest(st, (double)from, &t); rc == 0;
	     rc = history_timeline_step(st, t, 1, &t)) {
		check_moment(st, t);
		n++;
	}
	return n;
}

START_TEST(downsampled_moments_read_as_recorded)
{
	struct history_store *st = two_days();
	struct history_retention r;
	history_retention_defaults(&r);
	int64_t now = T0 + 2 * DAY;
	char err[256];
	ck_assert_msg(history_retention_run(st, &r, now, err, sizeof(err)) == 0, "%s", err);
	/* older than a day: one sample a minute (the last of each minute); newer: all */
	int64_t cut = (now - DAY) / 60 * 60;
	ck_assert_int_eq(count(st, "SELECT count(*) FROM sample WHERE t < ?", cut),
	                 (cut - T0) / 60);
	ck_assert_int_eq(count(st, "SELECT count(*) FROM sample WHERE t % 60 != 50 AND t < ?", cut),
	                 0);
	ck_assert_int_eq(count(st, "SELECT count(*) FROM sample WHERE t >= ?", cut),
	                 (T0 + 2 * DAY - cut) / STEP);
	/* the leaker keeps a row per kept sample, the idle process its one row */
	ck_assert_int_eq(count(st,
	                       "SELECT count(*) FROM proc_value v JOIN proc p ON p.id = v.proc"
	                       " WHERE p.pid = 300 AND ? > 0",
	                       1),
	                 1);
	ck_assert_int_eq(count(st,
	                       "SELECT count(*) FROM proc_value v JOIN proc p ON p.id = v.proc"
	                       " WHERE p.pid = 100 AND v.t < ?",
	                       cut),
	                 (cut - T0) / 60);
	/* every kept moment, old and new, reads exactly as recorded */
	int n = check_all(st, T0);
	ck_assert_int_eq(n, count(st, "SELECT count(*) FROM sample WHERE ? > 0", 1));
	/* a second run does nothing more */
	int64_t samples = count(st, "SELECT count(*) FROM sample WHERE ? > 0", 1);
	ck_assert_int_eq(history_retention_run(st, &r, now, err, sizeof(err)), 0);
	ck_assert_int_eq(count(st, "SELECT count(*) FROM sample WHERE ? > 0", 1), samples);

	/* a week on, the older part goes to ten-minute buckets */
	r.mid_s = DAY + DAY / 2;
	ck_assert_msg(history_retention_run(st, &r, now, err, sizeof(err)) == 0, "%s", err);
	int64_t cut10 = (now - r.mid_s) / 600 * 600;
	ck_assert_int_eq(count(st, "SELECT count(*) FROM sample WHERE t < ?", cut10),
	                 (cut10 - T0) / 600);
	check_all(st, T0);
	history_store_close(st);
}
END_TEST

START_TEST(pruning_keeps_what_the_first_kept_moment_needs)
{
	struct history_store *st = two_days();
	struct history_retention r;
	history_retention_defaults(&r);
	r.full_s = 3 * DAY; /* no downsampling: only the age limit */
	r.mid_s = 3 * DAY;
	r.keep_s = DAY;
	int64_t now = T0 + 2 * DAY;
	char err[256];
	ck_assert_msg(history_retention_run(st, &r, now, err, sizeof(err)) == 0, "%s", err);
	int64_t first, last;
	ck_assert_int_eq(history_timeline_range(st, &first, &last), 0);
	ck_assert_int_eq(first, now - DAY);
	ck_assert_int_eq(last, T0 + 2 * DAY - STEP);
	/* the process gone half a day in is gone from the store, not only from the moments */
	ck_assert_int_eq(count(st, "SELECT count(*) FROM proc WHERE pid = ?", 400), 0);
	/* the idle one's row from the first sample is still there: it is its value now */
	ck_assert_int_eq(count(st,
	                       "SELECT count(*) FROM proc_value v JOIN proc p ON p.id = v.proc"
	                       " WHERE p.pid = ?",
	                       300),
	                 1);
	check_moment(st, first);
	check_moment(st, first + STEP);
	check_moment(st, last);
	history_store_close(st);
}
END_TEST

START_TEST(the_size_cap_prunes_the_oldest)
{
	struct history_store *st = two_days();
	int64_t before = history_store_used_bytes(st);
	struct history_retention r;
	history_retention_defaults(&r);
	r.full_s = r.mid_s = 3 * DAY; /* the cap alone */
	r.max_bytes = before / 3;
	int64_t now = T0 + 2 * DAY;
	char err[256];
	ck_assert_msg(history_retention_run(st, &r, now, err, sizeof(err)) == 0, "%s", err);
	int64_t after = history_store_used_bytes(st);
	ck_assert_msg(after <= r.max_bytes, "%lld bytes in use, the cap is %lld", (long long)after,
	              (long long)r.max_bytes);
	ck_assert_msg(after > r.max_bytes / 2, "pruned too much: %lld of %lld", (long long)after,
	              (long long)r.max_bytes);
	int64_t first, last;
	ck_assert_int_eq(history_timeline_range(st, &first, &last), 0);
	ck_assert_int_eq(last, T0 + 2 * DAY - STEP); /* the newest stays */
	ck_assert(first > T0);
	check_moment(st, first);
	check_moment(st, last);
	history_store_close(st);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("history_retention");
	TCase *tc = tcase_create("retention");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, downsampled_moments_read_as_recorded);
	tcase_add_test(tc, pruning_keeps_what_the_first_kept_moment_needs);
	tcase_add_test(tc, the_size_cap_prunes_the_oldest);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
