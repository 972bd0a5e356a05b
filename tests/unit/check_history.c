/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history: the recorder's writes and reading them back, on an in-memory SQLite.
 * Snapshots are made by hand (tests/lib/fxrec.h): a leaking process, an idle one, a pid
 * that exits and is reused by another process, cgroups that come and go. (The OOM kills:
 * check_history_kills.c.) */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <math.h>
#include <string.h>

#include "core/estimate/leak.h"
#include "core/estimate/leak_past.h"
#include "core/history/boot.h"
#include "core/history/moment.h"
#include "core/history/replay.h"
#include "core/history/store.h"
#include "core/history/timeline.h"
#include "core/history/writer.h"
#include "tests/lib/fxhist.h"
#include "tests/lib/fxrec.h"
#include "tests/unit/ck_run.h"

#define MiB (INT64_C(1) << 20)
#define T0 1750000000
#define N 20 /* samples, every 10 s */

static const struct history_boot boot_a = {"boot-a", T0 - 5000};
static const struct history_boot boot_b = {"boot-b", T0 + 100000};

/* Sample i of the scenario: pid 100 leaks 1 MiB per sample; pid 200 is idle; pid 300
 * (start 300) lives for samples 0..5, then pid 300 is another process (start 900) from
 * sample 8; cgroup /a grows 2 MiB per sample, /b exists for samples 0..9 only. */
static void scenario(struct fxrec *f, int i)
{
	fxrec_init(f, T0 + 10.0 * i);
	f->snap.sys.mem_available_bytes = f->snap.sys.available_bytes =
	    (INT64_C(4) << 30) - 4 * MiB * i;
	fxrec_cgroup(f, "/", 1000 * MiB, VAL_UNKNOWN);
	fxrec_cgroup(f, "/a", 100 * MiB + 2 * MiB * i, 512 * MiB);
	if (i <= 9)
		fxrec_cgroup(f, "/b", 5 * MiB, VAL_UNKNOWN);
	fxrec_proc(f, 100, 100, "leaker", "/a", 50 * MiB + MiB * i);
	fxrec_proc(f, 200, 200, "idle", "/", 7 * MiB);
	if (i <= 5)
		fxrec_proc(f, 300, 300, "old", "/", 30 * MiB);
	if (i >= 8)
		fxrec_proc(f, 300, 900, "new", "/", 90 * MiB + MiB * (i - 8));
}

static struct history_store *recorded(void)
{
	struct history_store *st = fxhist_open_memory();
	struct history_writer *w = fxhist_writer(st, &boot_a, 10);
	for (int i = 0; i < N; i++) {
		struct fxrec f;
		scenario(&f, i);
		fxhist_add(w, &f.snap);
	}
	char err[256];
	ck_assert_msg(history_writer_commit(w, err, sizeof(err)) == 0, "%s", err);
	history_writer_free(w);
	return st;
}

START_TEST(values_are_stored_only_when_they_changed)
{
	struct history_store *st = recorded();
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM sample"), N);
	/* the idle process: one row for 20 samples; the leaker: one per sample */
	ck_assert_int_eq(
	    fxhist_int(
	        st,
	        "SELECT count(*) FROM proc_value v JOIN proc p ON p.id = v.proc WHERE p.pid = 200"),
	    1);
	ck_assert_int_eq(
	    fxhist_int(
	        st,
	        "SELECT count(*) FROM proc_value v JOIN proc p ON p.id = v.proc WHERE p.pid = 100"),
	    N);
	/* a reused pid is another process: two identities, the first one ended */
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM proc WHERE pid = 300"), 2);
	ck_assert_int_eq(
	    fxhist_int(st, "SELECT end_t FROM proc WHERE pid = 300 AND start_ticks = 300"),
	    T0 + 60);
	ck_assert_int_eq(fxhist_int(st,
	                            "SELECT count(*) FROM proc WHERE pid = 300 AND start_ticks = "
	                            "900 AND end_t IS NULL"),
	                 1);
	/* /b: one row, then a gone row when it disappeared; the command line stored once */
	ck_assert_int_eq(
	    fxhist_int(st, "SELECT count(*) FROM cgroup_value v JOIN cgroup c ON c.id = v.cgroup"
	                   " WHERE c.path = '/b'"),
	    2);
	ck_assert_int_eq(fxhist_int(st,
	                            "SELECT t FROM cgroup_value v JOIN cgroup c ON c.id = v.cgroup"
	                            " WHERE c.path = '/b' AND gone = 1"),
	                 T0 + 100);
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM cmdline"), 1);
	history_store_close(st);
}
END_TEST

START_TEST(a_moment_reads_back_values_and_the_slopes_of_then)
{
	struct history_store *st = recorded();
	struct history_moment m;
	ck_assert_int_eq(history_moment_load(st, T0 + 10 * (N - 1), 60, &m), 0);
	const struct snapshot *s = &m.snap;
	ck_assert_double_eq(s->time_unix_s, T0 + 10 * (N - 1));
	ck_assert_str_eq(s->hostname, "fixture");
	ck_assert_double_eq(s->interval_s, 10);
	ck_assert_int_eq(s->sys.mem_available_bytes, (INT64_C(4) << 30) - 4 * MiB * (N - 1));
	ck_assert_double_eq_tol(s->sys.available.per_s, -4.0 * MiB / 10, 1e-3);
	ck_assert_uint_eq(s->nprocs, 3);
	const struct proc_row *leaker = fxrec_find_proc(s, 100), *idle = fxrec_find_proc(s, 200),
	                      *reused = fxrec_find_proc(s, 300);
	ck_assert_ptr_nonnull(leaker);
	ck_assert_ptr_nonnull(idle);
	ck_assert_ptr_nonnull(reused);
	ck_assert_int_eq(leaker->rss_bytes, 50 * MiB + MiB * (N - 1));
	ck_assert_double_eq_tol(leaker->rss_slope.per_s, 1.0 * MiB / 10, 1e-3);
	ck_assert_str_eq(leaker->cgroup, "/a");
	ck_assert_str_eq(leaker->comm, "leaker");
	ck_assert_str_eq(leaker->cmdline, "comm --serve");
	ck_assert_int_eq(idle->rss_bytes, 7 * MiB); /* carried from its one row */
	ck_assert_double_eq_tol(idle->rss_slope.per_s, 0, 1e-9);
	/* the new process under pid 300 has its own past only: 90 MiB + 1 MiB per sample */
	ck_assert_uint_eq(reused->start_ticks, 900);
	ck_assert_int_eq(reused->rss_bytes, 90 * MiB + MiB * (N - 9));
	ck_assert_double_eq_tol(reused->rss_slope.per_s, 1.0 * MiB / 10, 1e-3);
	/* cgroups: in tree order, /b gone, /a counted with its process and its ETA */
	ck_assert_uint_eq(s->ncgroups, 2);
	ck_assert_str_eq(s->cgroups[0].path, "/");
	ck_assert_str_eq(s->cgroups[1].path, "/a");
	ck_assert_int_eq(s->cgroups[1].parent, 0);
	ck_assert_int_eq(s->cgroups[1].nprocs, 1);
	ck_assert_int_eq(s->cgroups[0].nprocs, 3);
	const struct cgroup_row *a = fxrec_find_cgroup(s, "/a");
	ck_assert_double_eq_tol(a->usage_slope.per_s, 2.0 * MiB / 10, 1e-3);
	double left = (double)(512 * MiB - a->usage_bytes);
	ck_assert_double_eq_tol(a->eta_to_limit_s, left / (2.0 * MiB / 10), 1e-3);
	history_moment_free(&m);

	/* an earlier moment: the old pid 300, /b present, the leaker smaller */
	ck_assert_int_eq(history_moment_load(st, T0 + 30, 60, &m), 0);
	s = &m.snap;
	ck_assert_int_eq(fxrec_find_proc(s, 300)->start_ticks, 300);
	ck_assert_int_eq(fxrec_find_proc(s, 300)->rss_bytes, 30 * MiB);
	ck_assert_int_eq(fxrec_find_proc(s, 100)->rss_bytes, 53 * MiB);
	ck_assert_ptr_nonnull(fxrec_find_cgroup(s, "/b"));
	history_moment_free(&m);
	ck_assert_int_eq(history_moment_load(st, T0 + 35, 60, &m), -ENOENT); /* not a moment */
	history_store_close(st);
}
END_TEST

START_TEST(the_timeline_steps_through_recorded_moments)
{
	struct history_store *st = recorded();
	int64_t first, last, t;
	ck_assert_int_eq(history_timeline_range(st, &first, &last), 0);
	ck_assert_int_eq(first, T0);
	ck_assert_int_eq(last, T0 + 10 * (N - 1));
	ck_assert_int_eq(history_timeline_nearest(st, T0 + 44, &t), 0);
	ck_assert_int_eq(t, T0 + 40);
	ck_assert_int_eq(history_timeline_nearest(st, T0 + 46, &t), 0);
	ck_assert_int_eq(t, T0 + 50);
	ck_assert_int_eq(history_timeline_nearest(st, T0 - 1000, &t), 0);
	ck_assert_int_eq(t, T0);
	ck_assert_int_eq(history_timeline_nearest(st, T0 + 99999, &t), 0);
	ck_assert_int_eq(t, last);
	ck_assert_int_eq(history_timeline_step(st, T0 + 40, -1, &t), 0);
	ck_assert_int_eq(t, T0 + 30);
	ck_assert_int_eq(history_timeline_step(st, T0 + 40, 1, &t), 0);
	ck_assert_int_eq(t, T0 + 50);
	ck_assert_int_eq(history_timeline_step(st, first, -1, &t), -ENOENT);
	ck_assert_int_eq(history_timeline_step(st, last, 1, &t), -ENOENT);
	ck_assert_int_eq(history_timeline_at_or_before(st, T0 + 59.5, &t), 0);
	ck_assert_int_eq(t, T0 + 50);
	ck_assert_int_eq(history_timeline_at_or_before(st, T0 - 1, &t), -ENOENT);
	history_store_close(st);
}
END_TEST

START_TEST(the_replay_gives_this_boots_processes_their_series)
{
	struct history_store *st = recorded();
	double now = T0 + 10 * (N - 1) + 5;
	struct history_replay *r;
	ck_assert_int_eq(history_replay_load(st, &boot_a, now, 60, &r), 0);
	ck_assert_uint_eq(history_replay_processes(r), 3);
	ck_assert_uint_eq(history_replay_cgroups(r), 2);
	ck_assert_int_eq(history_replay_moment(r), T0 + 10 * (N - 1));
	const struct leak_past *p = history_replay_past(r);
	struct leak_series h[LEAK_PAST_PROC_SERIES], u, cg[LEAK_PAST_CGROUP_SERIES];
	ck_assert(p->proc(p->ctx, 100, 100, h));
	struct slope sl = leak_estimate(&h[LEAK_PAST_RSS], (int64_t)(now * 1000), 60);
	ck_assert_double_eq_tol(sl.per_s, 1.0 * MiB / 10, 1e-3);
	ck_assert(!p->proc(p->ctx, 300, 300, h)); /* ended: another process has the pid now */
	ck_assert(p->proc(p->ctx, 300, 900, h));
	ck_assert(!p->proc(p->ctx, 100, 101, h)); /* same pid, other start: not ours */
	ck_assert(p->cgroup(p->ctx, "/a", cg));
	ck_assert(!p->cgroup(p->ctx, "/b", cg)); /* gone */
	ck_assert(p->system(p->ctx, &u));
	p->release(p->ctx); /* frees r */

	/* another boot has no processes of this one; a stale recording gives nothing */
	ck_assert_int_eq(history_replay_load(st, &boot_b, now, 60, &r), 0);
	ck_assert_uint_eq(history_replay_processes(r), 0);
	history_replay_free(r);
	ck_assert_int_eq(history_replay_load(st, &boot_a, now + 61, 60, &r), 0);
	ck_assert_uint_eq(history_replay_processes(r), 0);
	ck_assert_uint_eq(history_replay_cgroups(r), 0);
	history_replay_free(r);
	history_store_close(st);
}
END_TEST

START_TEST(a_new_recorder_continues_the_history)
{
	struct history_store *st = recorded();
	/* the same boot, after a pause: the leaker and the idle one alive, unchanged; the new
	 * pid 300 gone while nothing recorded; /a unchanged */
	struct history_writer *w = fxhist_writer(st, &boot_a, 10);
	struct fxrec f;
	fxrec_init(&f, T0 + 1000);
	fxrec_cgroup(&f, "/", 1000 * MiB, VAL_UNKNOWN);
	fxrec_cgroup(&f, "/a", 100 * MiB + 2 * MiB * (N - 1), 512 * MiB);
	fxrec_proc(&f, 100, 100, "leaker", "/a", 50 * MiB + MiB * (N - 1));
	fxrec_proc(&f, 200, 200, "idle", "/", 7 * MiB);
	int64_t rows = fxhist_int(st, "SELECT count(*) FROM proc_value");
	int64_t cgrows = fxhist_int(st, "SELECT count(*) FROM cgroup_value");
	fxhist_add(w, &f.snap);
	char err[256];
	ck_assert_int_eq(history_writer_commit(w, err, sizeof(err)), 0);
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM proc_value"),
	                 rows); /* nothing changed */
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM cgroup_value"), cgrows);
	ck_assert_int_eq(
	    fxhist_int(st, "SELECT end_t FROM proc WHERE pid = 300 AND start_ticks = 900"),
	    T0 + 1000);
	ck_assert_int_eq(
	    fxhist_int(st, "SELECT count(*) FROM proc WHERE pid IN (100, 200) AND end_t IS NULL"),
	    2);
	history_writer_free(w);

	/* after a reboot: the old boot's processes are closed, pid 100 is another process */
	w = fxhist_writer(st, &boot_b, 10);
	fxrec_init(&f, T0 + 200000);
	fxrec_proc(&f, 100, 100, "leaker", "/a", 50 * MiB);
	fxhist_add(w, &f.snap);
	ck_assert_int_eq(history_writer_commit(w, err, sizeof(err)), 0);
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM proc WHERE end_t IS NULL"), 1);
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM proc WHERE pid = 100"), 2);
	history_writer_free(w);
	history_store_close(st);
}
END_TEST

START_TEST(a_second_in_the_same_second_is_one_moment)
{
	struct history_store *st = fxhist_open_memory();
	struct history_writer *w = fxhist_writer(st, &boot_a, 10);
	struct fxrec f;
	fxrec_init(&f, T0 + 0.2);
	fxhist_add(w, &f.snap);
	fxrec_init(&f, T0 + 0.4);
	fxhist_add(w, &f.snap);
	ck_assert_uint_eq(history_writer_pending(w), 1);
	history_writer_free(w); /* not committed: rolled back */
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM sample"), 0);
	history_store_close(st);
}
END_TEST

START_TEST(a_recorder_started_in_the_same_second_skips_it)
{
	struct history_store *st = recorded(); /* its newest moment: T0 + 10 * (N - 1) */
	struct history_writer *w = fxhist_writer(st, &boot_a, 10);
	struct fxrec f;
	char err[256];
	fxrec_init(&f, T0 + 10 * (N - 1));
	ck_assert_int_eq(history_writer_add(w, &f.snap, err, sizeof(err)), 0);
	ck_assert_uint_eq(history_writer_pending(w), 0);
	fxrec_init(&f, T0 + 10 * N);
	ck_assert_int_ge(history_writer_add(w, &f.snap, err, sizeof(err)), 0);
	ck_assert_uint_eq(history_writer_pending(w), 1);
	ck_assert_int_eq(history_writer_commit(w, err, sizeof(err)), 0);
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM sample"), N + 1);
	history_writer_free(w);
	history_store_close(st);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("history");
	TCase *tc = tcase_create("history");
	tcase_add_test(tc, values_are_stored_only_when_they_changed);
	tcase_add_test(tc, a_moment_reads_back_values_and_the_slopes_of_then);
	tcase_add_test(tc, the_timeline_steps_through_recorded_moments);
	tcase_add_test(tc, the_replay_gives_this_boots_processes_their_series);
	tcase_add_test(tc, a_new_recorder_continues_the_history);
	tcase_add_test(tc, a_second_in_the_same_second_is_one_moment);
	tcase_add_test(tc, a_recorder_started_in_the_same_second_skips_it);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
