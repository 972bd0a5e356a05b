/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/collector: one refresh end to end on a fixture /proc and a copy of the cgroup v2
 * fixture tree, with a clock the test moves (tests/lib/fxcollector.h): the
 * system values from meminfo, vmstat and pressure; each process's cgroup and the number
 * of processes in each cgroup and its ancestors; slopes after several refreshes with
 * changing values. OOM kills are not followed, except from a sample journal file: kills of
 * earlier boots never link to this boot's ghosts. */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/collector.h"
#include "core/klog/journal_source.h"
#include "core/klog/oom_event.h"
#include "core/estimate/leak_past.h"
#include "core/model.h"
#include "tests/lib/fxcollector.h"
#include "tests/lib/fxproc.h"
#include "tests/lib/fxtree.h"
#include "tests/unit/ck_run.h"

#define KiB INT64_C(1024)
#define MiB (INT64_C(1) << 20)

#define NAS "/system.slice/nas-agent.service"
#define JOB "/system.slice/limited.slice/worker.service/job"
#define POD "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1b2c3d4e_5f60_4a7b_8c9d_0e1f2a3b4c5d.slice"
#define SCOPE POD "/cri-containerd-9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4.scope"

static void write_events(struct fxcollector *f, const char *cg, int high, int max, int oom_kill)
{
	char rel[PATH_MAX], text[256];
	snprintf(rel, sizeof(rel), "%s/memory.events", cg);
	snprintf(text, sizeof(text), "low 0\nhigh %d\nmax %d\noom %d\noom_kill %d\noom_group_kill 0\n", high, max,
		 oom_kill, oom_kill);
	fxtree_write(f->cgroot, rel, text);
}

START_TEST(system_values_from_meminfo_vmstat_and_pressure)
{
	struct fxcollector f;
	fxcollector_open(&f, "collector");
	struct fxproc p = fxproc_default(100, "agent");
	fxproc_write(f.root, &p);
	fxcollector_start(&f, NULL);
	const struct snapshot *s = fxcollector_refresh_at(&f, 0);
	ck_assert_uint_eq(s->seq, 1);
	ck_assert_double_eq(s->time_unix_s, FXCOLLECTOR_T0_UNIX_S);
	ck_assert_int_eq(s->t_mono_ms, 100000);
	ck_assert_double_eq(s->interval_s, 5);
	ck_assert_double_eq(s->window_s, 30);
	ck_assert_double_eq_tol(s->uptime_s, 10000.5, 1e-9);
	ck_assert_int_eq(s->sys.mem_total_bytes, (INT64_C(16) << 20) * KiB);
	ck_assert_int_eq(s->sys.mem_available_bytes, (INT64_C(6) << 20) * KiB);
	ck_assert(!s->sys.mem_available_estimated);
	ck_assert_int_eq(s->sys.swap_total_bytes, (INT64_C(2) << 20) * KiB);
	ck_assert_int_eq(s->sys.swap_free_bytes, (INT64_C(3) << 19) * KiB);
	ck_assert_int_eq(s->sys.oom_kills, 3);
	ck_assert_double_eq_tol(s->sys.psi_some_avg10, 1.25, 1e-9);
	ck_assert_double_eq_tol(s->sys.psi_full_avg10, 0.5, 1e-9);
	ck_assert_int_eq(s->sys.psi_some_total_us, 123456); /* total=, for the _seconds_total counters */
	ck_assert_int_eq(s->sys.psi_full_total_us, 45678);
	ck_assert(isnan(s->sys.last_oom_kill_unix_s)); /* none seen move */
	ck_assert(isnan(s->sys.available.per_s));      /* one sample */
	ck_assert_int_eq(s->cgroup_version, 2);
	ck_assert_str_eq(s->cgroup_mount, f.cgroot);
	ck_assert_uint_eq(s->nprocs, 1);

	/* the kill counter moves: the kill is dated by the refresh that saw it */
	f.sys.oom_kills = 4;
	f.sys.mem_available_kib = 5 << 20;
	fxproc_write_system(f.root, &f.sys);
	s = fxcollector_refresh_at(&f, 5);
	ck_assert_uint_eq(s->seq, 2);
	ck_assert_int_eq(s->sys.oom_kills, 4);
	ck_assert_double_eq(s->sys.last_oom_kill_unix_s, FXCOLLECTOR_T0_UNIX_S + 5);
	ck_assert_int_eq(s->sys.mem_available_bytes, (INT64_C(5) << 20) * KiB);
	s = fxcollector_refresh_at(&f, 10);
	ck_assert_double_eq(s->sys.last_oom_kill_unix_s, FXCOLLECTOR_T0_UNIX_S + 5);
	fxcollector_close(&f);
}
END_TEST

START_TEST(each_process_in_its_cgroup_counted_up_to_the_root)
{
	struct fxcollector f;
	fxcollector_open(&f, "collector");
	struct {
		pid_t pid;
		const char *cgroup;
	} procs[] = {
		{100, NAS}, {101, JOB}, {102, SCOPE}, {103, NAS}, {104, "/gone.slice/x.service"}, {105, NAS},
	};
	for (size_t i = 0; i < sizeof(procs) / sizeof(procs[0]); i++) {
		struct fxproc p = fxproc_default(procs[i].pid, "member");
		p.cgroup = procs[i].cgroup;
		fxproc_write(f.root, &p);
	}
	struct fxproc kt = fxproc_default(2, "kthreadd");
	kt.kernel_thread = true;
	kt.ppid = 0;
	fxproc_write(f.root, &kt);
	fxcollector_start(&f, NULL);
	const struct snapshot *s = fxcollector_refresh_at(&f, 0);

	ck_assert_uint_eq(s->nprocs, 7);
	ck_assert_uint_eq(s->nkernel_threads, 1);
	for (size_t i = 0; i < sizeof(procs) / sizeof(procs[0]); i++) {
		const struct proc_row *r = fxcollector_proc(s, procs[i].pid);
		if (procs[i].pid == 104)
			ck_assert_ptr_null(r->cgroup); /* not a row of this snapshot */
		else
			ck_assert_str_eq(r->cgroup, procs[i].cgroup);
	}
	ck_assert_str_eq(fxcollector_proc(s, 2)->cgroup, "/");
	struct {
		const char *path;
		int64_t n;
	} counts[] = {
		{"/", 5},
		{"/system.slice", 4},
		{NAS, 3},
		{"/system.slice/limited.slice", 1},
		{"/system.slice/limited.slice/worker.service", 1},
		{JOB, 1},
		{"/kubepods.slice", 1},
		{"/kubepods.slice/kubepods-burstable.slice", 1},
		{POD, 1},
		{SCOPE, 1},
		{"/machine.slice", 0},
		{"/user.slice", 0},
	};
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
		ck_assert_msg(fxcollector_cgroup(s, counts[i].path)->nprocs == counts[i].n, "%s: %lld processes, want %lld",
			      counts[i].path, (long long)fxcollector_cgroup(s, counts[i].path)->nprocs, (long long)counts[i].n);

	/* one exits: a ghost row, no longer counted */
	fxproc_remove(f.root, 105);
	s = fxcollector_refresh_at(&f, 5);
	ck_assert_uint_eq(s->nprocs, 7);
	ck_assert_int_eq(fxcollector_proc(s, 105)->state, PROC_EXITED);
	ck_assert_str_eq(fxcollector_proc(s, 105)->cgroup, NAS);
	ck_assert_int_eq(fxcollector_cgroup(s, NAS)->nprocs, 2);
	ck_assert_int_eq(fxcollector_cgroup(s, "/system.slice")->nprocs, 3);
	ck_assert_int_eq(fxcollector_cgroup(s, "/")->nprocs, 4);
	fxcollector_close(&f);
}
END_TEST

START_TEST(slopes_after_several_refreshes)
{
	struct fxcollector f;
	fxcollector_open(&f, "collector");
	struct fxproc p = fxproc_default(100, "leaker");
	p.cgroup = NAS;
	fxproc_write(f.root, &p);
	fxcollector_start(&f, NULL);
	/* every 5 s: MemAvailable -10 MiB, the process +1 MiB, its cgroup +2 MiB */
	const int64_t usage0 = 215040000, limit = 536870912;
	const struct snapshot *s = NULL;
	for (int i = 0; i <= 6; i++) {
		f.sys.mem_available_kib = (6 << 20) - 10240 * i;
		fxproc_write_system(f.root, &f.sys);
		p.rss_kib = 10240 + 1024 * i;
		p.anon_kib = p.rss_kib - 2048;
		fxproc_write(f.root, &p);
		fxcollector_write_value(&f, NAS, "memory.current", usage0 + 2 * MiB * i);
		s = fxcollector_refresh_at(&f, 5.0 * i);
		if (i < 4) { /* not yet enough: LEAK_MIN_SAMPLES over half the window */
			ck_assert(isnan(s->sys.available.per_s));
			ck_assert(isnan(fxcollector_proc(s, 100)->rss_slope.per_s));
			ck_assert(isnan(fxcollector_cgroup(s, NAS)->usage_slope.per_s));
		}
	}
	double avail_slope = -10.0 * MiB / 5.0;
	ck_assert_double_eq_tol(s->sys.available.per_s, avail_slope, 1e-3);
	ck_assert_double_eq_tol(s->sys.available.fit, 1.0, 1e-6);
	double avail = (double)((INT64_C(6) << 20) - 10240 * 6) * KiB;
	ck_assert_double_eq_tol(s->sys.eta_exhaustion_s, avail / -avail_slope, 1e-3);

	const struct proc_row *r = fxcollector_proc(s, 100);
	ck_assert_int_eq(r->rss_bytes, (10240 + 6144) * KiB);
	ck_assert_double_eq_tol(r->rss_slope.per_s, 1.0 * MiB / 5.0, 1e-3);
	ck_assert_double_eq_tol(r->fd_slope.per_s, 0.0, 1e-9);
	ck_assert_double_eq_tol(r->thread_slope.per_s, 0.0, 1e-9);

	const struct cgroup_row *c = fxcollector_cgroup(s, NAS);
	ck_assert_int_eq(c->usage_bytes, usage0 + 12 * MiB);
	ck_assert_double_eq_tol(c->usage_slope.per_s, 2.0 * MiB / 5.0, 1e-3);
	ck_assert_int_eq(c->effective_limit_bytes, limit);
	/* the fixture's memory.stat: 17203200 bytes of inactive file cache, unchanged */
	ck_assert_int_eq(c->file_inactive_bytes, 17203200);
	ck_assert_int_eq(c->working_set_bytes, c->usage_bytes - 17203200);
	ck_assert_double_eq_tol(c->working_set_slope.per_s, 2.0 * MiB / 5.0, 1e-3);
	ck_assert_str_eq(s->cgroups[c->limited_by].path, NAS);
	ck_assert_double_eq_tol(c->eta_to_limit_s, (double)(limit - c->working_set_bytes) / (2.0 * MiB / 5.0), 1e-3);
	fxcollector_close(&f);
}
END_TEST

#define LIMITED "/system.slice/limited.slice"
#define WORKER LIMITED "/worker.service"

/* The job has no limit; worker.service has 4 GiB, limited.slice 1 GiB. The slice fills at
 * 10 MiB per 5 s (its other children too), the job at 2 MiB: the job runs into the
 * slice's limit at the slice's time, not at its own usage against the slice's limit. */
START_TEST(a_child_without_a_limit_gets_its_ancestors_eta)
{
	struct fxcollector f;
	fxcollector_open(&f, "collector");
	fxcollector_start(&f, NULL);
	const struct snapshot *s = NULL;
	for (int i = 0; i <= 6; i++) {
		fxcollector_write_value(&f, LIMITED, "memory.current", 500000000 + 10 * MiB * i);
		fxcollector_write_value(&f, WORKER, "memory.current", 400000000 + 2 * MiB * i);
		fxcollector_write_value(&f, JOB, "memory.current", 300000000 + 2 * MiB * i);
		s = fxcollector_refresh_at(&f, 5.0 * i);
	}
	const struct cgroup_row *slice = fxcollector_cgroup(s, LIMITED), *job = fxcollector_cgroup(s, JOB);
	double slice_eta = (1073741824.0 - (double)slice->working_set_bytes) / (10.0 * MiB / 5.0);
	ck_assert_double_eq_tol(slice->eta_to_limit_s, slice_eta, 1e-3);
	ck_assert_str_eq(s->cgroups[slice->limited_by].path, LIMITED);
	ck_assert_int_eq(job->effective_limit_bytes, 1073741824);
	ck_assert_str_eq(s->cgroups[job->limited_by].path, LIMITED);
	ck_assert_double_eq_tol(job->eta_to_limit_s, slice_eta, 1e-3);
	ck_assert_double_eq_tol(job->working_set_slope.per_s, 2.0 * MiB / 5.0, 1e-3);
	/* the worker's own 4 GiB limit is further away than the slice's */
	ck_assert_str_eq(s->cgroups[fxcollector_cgroup(s, WORKER)->limited_by].path, LIMITED);

	/* its own limit, when it comes sooner, wins */
	fxcollector_write_value(&f, JOB, "memory.max", 300000000 + 20 * MiB);
	s = fxcollector_refresh_at(&f, 35);
	job = fxcollector_cgroup(s, JOB);
	ck_assert_str_eq(s->cgroups[job->limited_by].path, JOB);
	ck_assert_double_eq_tol(job->eta_to_limit_s,
				(300000000.0 + 20 * MiB - (double)job->working_set_bytes) / job->working_set_slope.per_s,
				1e-3);
	fxcollector_close(&f);
}
END_TEST

/* Page cache filling a cgroup up to its limit is not pressure: usage grows, the working
 * set does not, and there is no ETA. */
START_TEST(a_cgroup_full_of_cache_has_no_eta)
{
	struct fxcollector f;
	fxcollector_open(&f, "collector");
	fxcollector_start(&f, NULL);
	const struct snapshot *s = NULL;
	int64_t anon = 150 * MiB;
	for (int i = 0; i <= 6; i++) {
		int64_t cache = 20 * MiB + 50 * MiB * i; /* read, once: inactive */
		fxcollector_write_value(&f, NAS, "memory.current", anon + cache);
		fxcollector_write_stat(&f, NAS, anon, cache, cache);
		s = fxcollector_refresh_at(&f, 5.0 * i);
	}
	const struct cgroup_row *c = fxcollector_cgroup(s, NAS);
	ck_assert_double_eq_tol(c->usage_slope.per_s, 10.0 * MiB, 1e-3);
	ck_assert_int_eq(c->working_set_bytes, anon);
	ck_assert_double_eq_tol(c->working_set_slope.per_s, 0.0, 1e-3);
	ck_assert(isnan(c->eta_to_limit_s));
	ck_assert_str_eq(s->cgroups[c->limited_by].path, NAS); /* the limit it has, no ETA to it */
	fxcollector_close(&f);
}
END_TEST

/* An OOM kill ends the growth it measured: the series of the cgroup whose oom_kill count
 * rose, and its ancestors', start afresh; a sibling's do not. */
START_TEST(an_oom_kill_restarts_the_series_up_to_the_root)
{
	struct fxcollector f;
	fxcollector_open(&f, "collector");
	fxcollector_start(&f, NULL);
	const struct snapshot *s = NULL;
	for (int i = 0; i <= 6; i++) {
		fxcollector_write_value(&f, NAS, "memory.current", 215040000 + 4 * MiB * i);
		fxcollector_write_value(&f, "/system.slice", "memory.current", 1073741824 + 4 * MiB * i);
		fxcollector_write_value(&f, LIMITED, "memory.current", 500000000 + 1 * MiB * i);
		s = fxcollector_refresh_at(&f, 5.0 * i);
	}
	ck_assert(!isnan(fxcollector_cgroup(s, NAS)->working_set_slope.per_s));
	ck_assert(!isnan(fxcollector_cgroup(s, NAS)->eta_to_limit_s));
	ck_assert(!isnan(fxcollector_cgroup(s, "/system.slice")->usage_slope.per_s));
	/* the kill: usage falls, the counter rises from 2 to 3 */
	write_events(&f, NAS, 0, 5, 3);
	fxcollector_write_value(&f, NAS, "memory.current", 50000000);
	fxcollector_write_value(&f, "/system.slice", "memory.current", 1073741824 - 150 * MiB);
	fxcollector_write_value(&f, LIMITED, "memory.current", 500000000 + 7 * MiB);
	s = fxcollector_refresh_at(&f, 35);
	const struct cgroup_row *nas = fxcollector_cgroup(s, NAS);
	ck_assert_int_eq(nas->oom_kills, 3);
	ck_assert(isnan(nas->working_set_slope.per_s));
	ck_assert(isnan(nas->usage_slope.per_s));
	ck_assert(isnan(nas->eta_to_limit_s)); /* no ETA from the dead process's growth */
	ck_assert(isnan(fxcollector_cgroup(s, "/system.slice")->usage_slope.per_s));
	ck_assert(isnan(fxcollector_cgroup(s, "/")->usage_slope.per_s));
	ck_assert_double_eq_tol(fxcollector_cgroup(s, LIMITED)->usage_slope.per_s, 1.0 * MiB / 5.0, 1e-3);
	fxcollector_close(&f);
}
END_TEST

/* memory.high: a cgroup whose `high` count rises, or that sits at high, is throttled. */
START_TEST(over_memory_high_is_throttled)
{
	struct fxcollector f;
	fxcollector_open(&f, "collector");
	fxcollector_start(&f, NULL);
	const struct snapshot *s = fxcollector_refresh_at(&f, 0);
	const struct cgroup_row *c = fxcollector_cgroup(s, NAS);
	ck_assert_int_eq(c->high_bytes, 402653184);
	ck_assert_int_eq(c->high_events, 0);
	ck_assert(!c->throttled);
	write_events(&f, NAS, 7, 0, 2);
	s = fxcollector_refresh_at(&f, 5);
	c = fxcollector_cgroup(s, NAS);
	ck_assert_int_eq(c->high_events, 7);
	ck_assert(c->throttled);
	s = fxcollector_refresh_at(&f, 10); /* the count stands still, usage below high */
	ck_assert(!fxcollector_cgroup(s, NAS)->throttled);
	fxcollector_write_value(&f, NAS, "memory.current", 402653184 + MiB);
	s = fxcollector_refresh_at(&f, 15);
	ck_assert(fxcollector_cgroup(s, NAS)->throttled);
	ck_assert(!fxcollector_cgroup(s, LIMITED)->throttled); /* no high: never */
	ck_assert_double_eq_tol(fxcollector_cgroup(s, NAS)->psi_full_avg10, 0.5, 1e-9);
	ck_assert_int_eq(fxcollector_cgroup(s, NAS)->psi_some_total_us, 123456);
	ck_assert_int_eq(fxcollector_cgroup(s, NAS)->psi_full_total_us, 65432);
	fxcollector_close(&f);
}
END_TEST

/* ZFS: the ARC above c_min counts as available (arcstats as OpenZFS 2.1 writes it). */
START_TEST(zfs_arc_above_its_floor_is_available)
{
	struct fxcollector f;
	fxcollector_open(&f, "collector");
	fxtree_write(f.root, "spl/kstat/zfs/arcstats",
		     "13 1 0x01 123 33456 6386386484 1234567890123\n"
		     "name                            type data\n"
		     "hits                            4    1079349\n"
		     "c                               4    4127195136\n"
		     "c_min                           4    1073741824\n"
		     "c_max                           4    8254390272\n"
		     "size                            4    4294967296\n");
	fxcollector_start(&f, NULL);
	const struct snapshot *s = fxcollector_refresh_at(&f, 0);
	ck_assert_int_eq(s->sys.zfs_arc_size_bytes, 4294967296);
	ck_assert_int_eq(s->sys.zfs_arc_reclaimable_bytes, 4294967296 - 1073741824);
	ck_assert_int_eq(s->sys.mem_available_bytes, (INT64_C(6) << 20) * KiB);
	ck_assert_int_eq(s->sys.available_bytes, (INT64_C(6) << 20) * KiB + 3 * 1073741824LL);
	fxcollector_close(&f);

	fxcollector_open(&f, "collector"); /* without ZFS */
	fxcollector_start(&f, NULL);
	s = fxcollector_refresh_at(&f, 0);
	ck_assert(!val_known(s->sys.zfs_arc_size_bytes));
	ck_assert_int_eq(s->sys.available_bytes, s->sys.mem_available_bytes);
	fxcollector_close(&f);
}
END_TEST

/* Kills read from journal files: earlier boots' kills come in, never link to a ghost of
 * this boot that happens to have the same pid and name, and do not count as this boot's
 * last kill. */
START_TEST(journal_kills_of_earlier_boots_stay_apart)
{
	if (!journal_source_built())
		return; /* nothing to read journals with: the CLI says so (tests/e2e/journal_files.sh) */
	struct fxcollector f;
	fxcollector_open(&f, "collector");
	struct fxproc p = fxproc_default(29410, "cluster"); /* earlyoom's victim in p4, boot 63180a60 */
	p.cgroup = NAS;
	fxproc_write(f.root, &p);
	fxcollector_start(&f, FIXTURES "/journal/p4-earlyoom.journal");
	const struct snapshot *s = NULL;
	for (int i = 0; i < 5; i++)
		s = fxcollector_refresh_at(&f, i);
	ck_assert_uint_eq(s->nevents, 9);
	ck_assert_ptr_null(s->events_unavailable);
	for (size_t i = 0; i < s->nevents; i++) {
		ck_assert(s->events[i].earlier_boot);
		ck_assert_int_eq(s->events[i].source, OOM_EVENT_SOURCE_EARLYOOM);
	}
	ck_assert_int_eq(s->events[7].victim_pid, 29410);
	fxproc_remove(f.root, 29410);
	s = fxcollector_refresh_at(&f, 6);
	ck_assert_int_eq(fxcollector_proc(s, 29410)->state, PROC_EXITED); /* not OOM_KILLED */
	ck_assert(isnan(s->sys.last_oom_kill_unix_s));
	fxcollector_close(&f);
}
END_TEST

/* A recorded past for the test below: series on the wall clock, as core/history/replay.c
 * gives them. */
struct fake_past {
	struct leak_series rss, usage, working_set, avail, one, none;
	int releases;
};

static bool past_proc(void *ctx, pid_t pid, uint64_t start_ticks, struct leak_series *out)
{
	struct fake_past *fp = ctx;
	if (pid != 100 || start_ticks != 1100) /* 101's recorded past is another process's */
		return false;
	out[LEAK_PAST_RSS] = fp->rss;
	out[LEAK_PAST_FDS] = fp->none;
	out[LEAK_PAST_THREADS] = fp->one;
	return true;
}

static bool past_cgroup(void *ctx, const char *path, struct leak_series *out)
{
	if (strcmp(path, NAS) != 0)
		return false;
	out[LEAK_PAST_USAGE] = ((struct fake_past *)ctx)->usage;
	out[LEAK_PAST_WORKING_SET] = ((struct fake_past *)ctx)->working_set;
	return true;
}

static bool past_system(void *ctx, struct leak_series *out)
{
	*out = ((struct fake_past *)ctx)->avail;
	return true;
}

static void past_release(void *ctx)
{
	((struct fake_past *)ctx)->releases++;
}

START_TEST(recorded_past_gives_slopes_at_the_first_refresh)
{
	struct fxcollector f;
	fxcollector_open(&f, "collector");
	/* recorded every 5 s for 35 s before now: the process +1 MiB, its cgroup +2 MiB (its
	 * working set too: the fixture's inactive file stays), MemAvailable -10 MiB per
	 * sample, ending where the live values are now */
	const int64_t usage0 = 215040000, inactive_file = 17203200;
	struct fake_past fp;
	memset(&fp, 0, sizeof(fp));
	for (int i = -7; i < 0; i++) {
		int64_t t_ms = (int64_t)(FXCOLLECTOR_T0_UNIX_S * 1000) + 5000 * i;
		leak_push(&fp.rss, t_ms, (double)(10240 + 1024 * (7 + i)) * KiB, 30);
		leak_push(&fp.usage, t_ms, (double)(usage0 + 2 * MiB * (7 + i)), 30);
		leak_push(&fp.working_set, t_ms, (double)(usage0 - inactive_file + 2 * MiB * (7 + i)), 30);
		leak_push(&fp.avail, t_ms, (double)((INT64_C(6) << 20) - 10240 * (7 + i)) * KiB, 30);
		leak_push(&fp.one, t_ms, 1, 30); /* one thread all along */
	}
	struct leak_past past = {past_proc, past_cgroup, past_system, past_release, &fp};
	struct fxproc p = fxproc_default(100, "leaker");
	p.cgroup = NAS;
	p.rss_kib = 10240 + 1024 * 7;
	fxproc_write(f.root, &p);
	struct fxproc q = fxproc_default(101, "newcomer");
	fxproc_write(f.root, &q);
	f.sys.mem_available_kib = (6 << 20) - 10240 * 7;
	fxproc_write_system(f.root, &f.sys);
	fxcollector_write_value(&f, NAS, "memory.current", usage0 + 14 * MiB);

	struct collector_config cfg;
	collector_config_defaults(&cfg);
	cfg.proc_root = f.root;
	cfg.cgroup_root = f.cgroot;
	cfg.cgroup_version = 2;
	cfg.window_s = 30;
	cfg.follow_kmsg = false;
	cfg.identity = f.ids;
	cfg.clock = &f.clock;
	cfg.past = &past;
	cfg.one_shot = true; /* -n 1 with a history: the one refresh has the rates */
	char err[256];
	f.c = collector_new(&cfg, err, sizeof(err));
	ck_assert_msg(f.c != NULL, "collector_new: %s", err);
	const struct snapshot *s = fxcollector_refresh_at(&f, 0);
	ck_assert_uint_eq(s->seq, 1);
	ck_assert_double_eq_tol(fxcollector_proc(s, 100)->rss_slope.per_s, 1.0 * MiB / 5.0, 1e-3);
	ck_assert_double_eq_tol(fxcollector_proc(s, 100)->thread_slope.per_s, 0.0, 1e-9);
	ck_assert(isnan(fxcollector_proc(s, 100)->fd_slope.per_s)); /* no fds recorded: one sample */
	ck_assert(isnan(fxcollector_proc(s, 101)->rss_slope.per_s));
	const struct cgroup_row *nas = fxcollector_cgroup(s, NAS);
	ck_assert_double_eq_tol(nas->usage_slope.per_s, 2.0 * MiB / 5.0, 1e-3);
	ck_assert_double_eq_tol(nas->working_set_slope.per_s, 2.0 * MiB / 5.0, 1e-3);
	ck_assert_int_eq(nas->working_set_bytes, usage0 - inactive_file + 14 * MiB);
	ck_assert_str_eq(s->cgroups[nas->limited_by].path, NAS);
	ck_assert_double_eq_tol(nas->eta_to_limit_s,
				(536870912.0 - (double)nas->working_set_bytes) / (2.0 * MiB / 5.0), 1e-3);
	ck_assert_double_eq_tol(s->sys.available.per_s, -10.0 * MiB / 5.0, 1e-3);
	ck_assert_int_eq(fp.releases, 1); /* let go after the first refresh */
	s = fxcollector_refresh_at(&f, 5);
	ck_assert_int_eq(fp.releases, 1);
	fxcollector_close(&f);

	/* released exactly once also when no refresh ever came */
	fxcollector_open(&f, "collector");
	fxproc_write(f.root, &p);
	cfg.proc_root = f.root;
	cfg.cgroup_root = f.cgroot;
	cfg.identity = f.ids;
	fp.releases = 0;
	f.c = collector_new(&cfg, err, sizeof(err));
	ck_assert_msg(f.c != NULL, "collector_new: %s", err);
	fxcollector_close(&f);
	ck_assert_int_eq(fp.releases, 1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("collector");
	TCase *tc = tcase_create("collector");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, system_values_from_meminfo_vmstat_and_pressure);
	tcase_add_test(tc, each_process_in_its_cgroup_counted_up_to_the_root);
	tcase_add_test(tc, slopes_after_several_refreshes);
	tcase_add_test(tc, a_child_without_a_limit_gets_its_ancestors_eta);
	tcase_add_test(tc, a_cgroup_full_of_cache_has_no_eta);
	tcase_add_test(tc, an_oom_kill_restarts_the_series_up_to_the_root);
	tcase_add_test(tc, over_memory_high_is_throttled);
	tcase_add_test(tc, zfs_arc_above_its_floor_is_available);
	tcase_add_test(tc, journal_kills_of_earlier_boots_stay_apart);
	tcase_add_test(tc, recorded_past_gives_slopes_at_the_first_refresh);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
