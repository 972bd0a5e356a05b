/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history against the live collector: a real collector (tests/lib/fxcollector.h: a
 * fixture /proc and cgroup v2 tree, a clock the test moves) refreshes while the recorder
 * writes each snapshot into an in-memory history; a recorded moment read back must be
 * what the collector showed at that refresh: the cgroups' working sets and memory.stat
 * breakdown, memory.high and throttling, PSI, their slopes, the ETAs computed on the
 * working set with limited_by, the system's available memory with the ZFS ARC's share
 * and its ETA. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "core/history/boot.h"
#include "core/history/moment.h"
#include "core/history/store.h"
#include "core/history/writer.h"
#include "tests/lib/fxcollector.h"
#include "tests/lib/fxhist.h"
#include "tests/lib/fxtree.h"
#include "tests/unit/ck_run.h"

#define MiB (INT64_C(1) << 20)
#define NAS "/system.slice/nas-agent.service"
#define LIMITED "/system.slice/limited.slice"
#define WORKER LIMITED "/worker.service"
#define JOB WORKER "/job"
#define REFRESHES 7 /* every 5 s: 30 s, the collector's window */

static const struct history_boot boot = {"0123456789abcdef0123456789abcdef", 1699990000};

/* Equal, both unknown, or within a millionth (the moment's series run on the wall clock,
 * the collector's on the monotonic one: the same spacing, another origin). */
static void same_double(double live, double then, const char *what, const char *path)
{
	ck_assert_msg((isnan(live) && isnan(then)) ||
	                  fabs(live - then) <= 1e-6 * fmax(1.0, fabs(live)),
	              "%s of %s: live %.9g, recorded %.9g", what, path, live, then);
}

#define SAME_I64(field)                                                                            \
	ck_assert_msg(l->field == r->field, #field " of %s: live %lld, recorded %lld", l->path,    \
	              (long long)l->field, (long long)r->field)

/* Every cgroup of the moment is the live one, value for value, in the same tree order. */
static void same_cgroups(const struct snapshot *live, const struct snapshot *then)
{
	ck_assert_uint_eq(then->ncgroups, live->ncgroups);
	for (size_t i = 0; i < live->ncgroups; i++) {
		const struct cgroup_row *l = &live->cgroups[i], *r = &then->cgroups[i];
		ck_assert_str_eq(r->path, l->path);
		ck_assert_str_eq(r->name, l->name);
		SAME_I64(parent);
		SAME_I64(depth);
		SAME_I64(usage_bytes);
		SAME_I64(working_set_bytes);
		SAME_I64(anon_bytes);
		SAME_I64(file_bytes);
		SAME_I64(file_inactive_bytes);
		SAME_I64(shmem_bytes);
		SAME_I64(kernel_bytes);
		SAME_I64(sock_bytes);
		SAME_I64(limit_bytes);
		SAME_I64(high_bytes);
		SAME_I64(effective_limit_bytes);
		SAME_I64(swap_bytes);
		SAME_I64(oom_kills);
		SAME_I64(high_events);
		SAME_I64(max_events);
		SAME_I64(throttled);
		SAME_I64(nprocs);
		SAME_I64(limited_by);
		same_double(l->psi_some_avg10, r->psi_some_avg10, "psi_some_avg10", l->path);
		same_double(l->psi_full_avg10, r->psi_full_avg10, "psi_full_avg10", l->path);
		same_double(l->usage_slope.per_s, r->usage_slope.per_s, "usage slope", l->path);
		same_double(l->working_set_slope.per_s, r->working_set_slope.per_s,
		            "working-set slope", l->path);
		same_double(l->working_set_slope.fit, r->working_set_slope.fit, "working-set fit",
		            l->path);
		same_double(l->eta_to_limit_s, r->eta_to_limit_s, "ETA", l->path);
	}
}

/* The slice and its job grow steadily (anon: the working set grows); nas-agent fills
 * with page cache it read once (usage grows, the working set does not); nas-agent is over
 * its memory.high at the end. */
static const struct snapshot *grow(struct fxcollector *f, int i)
{
	fxcollector_write_value(f, LIMITED, "memory.current", 500000000 + 10 * MiB * i);
	fxcollector_write_value(f, WORKER, "memory.current", 400000000 + 2 * MiB * i);
	fxcollector_write_value(f, JOB, "memory.current", 300000000 + 2 * MiB * i);
	int64_t anon = 150 * MiB, cache = 20 * MiB + 50 * MiB * i;
	fxcollector_write_value(f, NAS, "memory.current", anon + cache);
	fxcollector_write_stat(f, NAS, anon, cache, cache);
	f->sys.mem_available_kib -= 10240; /* 10 MiB less per refresh */
	fxproc_write_system(f->root, &f->sys);
	return fxcollector_refresh_at(f, 5.0 * i);
}

START_TEST(a_moment_reads_back_what_the_collector_showed)
{
	struct fxcollector f;
	fxcollector_open(&f, "histlive");
	fxtree_write(f.root, "spl/kstat/zfs/arcstats",
	             "13 1 0x01 123 33456 6386386484 1234567890123\n"
	             "name                            type data\n"
	             "c_min                           4    1073741824\n"
	             "size                            4    4294967296\n");
	struct fxproc p = fxproc_default(100, "agent");
	p.cgroup = NAS;
	fxproc_write(f.root, &p);
	struct fxproc q = fxproc_default(200, "job");
	q.cgroup = JOB;
	fxproc_write(f.root, &q);
	fxcollector_start(&f, NULL);
	struct history_store *st = fxhist_open_memory();
	struct history_writer *w = fxhist_writer(st, &boot, 5);
	const struct snapshot *live = NULL;
	for (int i = 0; i < REFRESHES; i++)
		fxhist_add(w, live = grow(&f, i));
	fxhist_commit(w);

	/* what this test is about: ETAs on the working set, one from an ancestor, none for a
	 * cgroup full of cache, memory.high passed */
	const struct cgroup_row *job = fxcollector_cgroup(live, JOB),
	                        *nas = fxcollector_cgroup(live, NAS);
	ck_assert(isfinite(job->eta_to_limit_s));
	ck_assert_str_eq(live->cgroups[job->limited_by].path, LIMITED);
	ck_assert(isnan(nas->eta_to_limit_s));
	ck_assert(nas->usage_slope.per_s > 9 * MiB);
	ck_assert(nas->throttled);
	ck_assert(isfinite(live->sys.eta_exhaustion_s));
	ck_assert(live->sys.available_bytes > live->sys.mem_available_bytes); /* the ARC's share */

	struct history_moment m;
	int64_t t = (int64_t)FXCOLLECTOR_T0_UNIX_S + 5 * (REFRESHES - 1);
	ck_assert_int_eq(history_moment_load(st, t, live->window_s, &m), 0);
	const struct snapshot *then = &m.snap;
	same_cgroups(live, then);
	ck_assert_int_eq(then->sys.available_bytes, live->sys.available_bytes);
	ck_assert_int_eq(then->sys.zfs_arc_size_bytes, live->sys.zfs_arc_size_bytes);
	ck_assert_int_eq(then->sys.zfs_arc_reclaimable_bytes, live->sys.zfs_arc_reclaimable_bytes);
	same_double(live->sys.available.per_s, then->sys.available.per_s, "available slope",
	            "the system");
	same_double(live->sys.eta_exhaustion_s, then->sys.eta_exhaustion_s, "ETA", "the system");
	ck_assert(!val_known(then->sys.psi_some_total_us));     /* not recorded: unknown, not 0 */
	ck_assert(!val_known(then->events_replay_total_bytes)); /* no saved log being read */
	ck_assert(!val_known(fxcollector_cgroup(then, NAS)->psi_full_total_us));
	history_moment_free(&m);
	history_writer_free(w);
	history_store_close(st);
	fxcollector_close(&f);
}
END_TEST

START_TEST(the_working_set_is_stored_when_it_changed)
{
	struct fxcollector f;
	fxcollector_open(&f, "histlive");
	fxcollector_start(&f, NULL);
	struct history_store *st = fxhist_open_memory();
	struct history_writer *w = fxhist_writer(st, &boot, 5);
	/* three refreshes alike, then usage up 1 MiB while 50 MiB of cache turns inactive (the
	 * collector reads memory.stat again when usage moved) */
	int64_t usage = 300 * MiB;
	for (int i = 0; i < 6; i++) {
		bool later = i >= 3;
		fxcollector_write_value(&f, NAS, "memory.current", usage + (later ? MiB : 0));
		fxcollector_write_stat(&f, NAS, (later ? 201 : 200) * MiB, 100 * MiB,
		                       (later ? 60 : 10) * MiB);
		fxhist_add(w, fxcollector_refresh_at(&f, 5.0 * i));
	}
	fxhist_commit(w);
	/* two rows: the first, and the change */
	ck_assert_int_eq(
	    fxhist_int(st, "SELECT count(*) FROM cgroup_value v JOIN cgroup c ON c.id = v.cgroup"
	                   " WHERE c.path = '" NAS "'"),
	    2);
	ck_assert_int_eq(
	    fxhist_int(
	        st, "SELECT working_set_bytes FROM cgroup_value v JOIN cgroup c ON c.id = v.cgroup"
	            " WHERE c.path = '" NAS "' AND t = 1700000000"),
	    usage - 10 * MiB);
	ck_assert_int_eq(
	    fxhist_int(
	        st,
	        "SELECT file_inactive_bytes FROM cgroup_value v JOIN cgroup c ON c.id = v.cgroup"
	        " WHERE c.path = '" NAS "' AND t = 1700000015"),
	    60 * MiB);
	/* an idle cgroup: one row */
	ck_assert_int_eq(
	    fxhist_int(st, "SELECT count(*) FROM cgroup_value v JOIN cgroup c ON c.id = v.cgroup"
	                   " WHERE c.path = '" LIMITED "'"),
	    1);
	struct history_moment m;
	ck_assert_int_eq(history_moment_load(st, 1700000020, 30, &m),
	                 0); /* carried from its row at 15 */
	const struct cgroup_row *c = fxcollector_cgroup(&m.snap, NAS);
	ck_assert_int_eq(c->working_set_bytes, usage + MiB - 60 * MiB);
	ck_assert_int_eq(c->anon_bytes, 201 * MiB);
	ck_assert_int_eq(c->file_bytes, 100 * MiB);
	ck_assert_int_eq(c->kernel_bytes, 4096);
	ck_assert_int_eq(c->high_bytes, 402653184);
	ck_assert_double_eq_tol(c->psi_full_avg10, 0.5, 1e-9);
	history_moment_free(&m);
	history_writer_free(w);
	history_store_close(st);
	fxcollector_close(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("history_live");
	TCase *tc = tcase_create("history_live");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, a_moment_reads_back_what_the_collector_showed);
	tcase_add_test(tc, the_working_set_is_stored_when_it_changed);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
