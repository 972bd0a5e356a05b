/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/table (with the sampler and ghosts under it) on fixture /proc trees
 * (tests/lib/fxptab.h): a new process appears with the fixture's values; one whose
 * directory goes becomes a ghost with its last values and expires after the TTL; ghosts
 * are bounded, OOM-killed ones dropped last; pid reuse gives a new row and a
 * ghost, a rename or an exec keeps the one row (an exec restarts its series); the held files stay within the kernel-memory budget, their levels following the
 * process count; a one-shot holds only the pin, reads no statm and keeps no series.
 * What the sampler reads when: check_proc_sampler.c.
 *
 * Held files and pid reuse: with the real /proc, a file opened relative to the held
 * /proc/PID of a process that was reaped fails, even once the pid is someone else's, and
 * that is how the table tells a reused pid from the same process while it holds the pin
 * (check_identity_feed and tests/e2e/pid_reuse.sh show it with real processes). A
 * fixture directory still opens after its process "exits", so the pid reuse test runs
 * with a kernel-memory budget of 0: everything is read by path and the start time in
 * stat is checked last at every refresh, as the table does for a process it holds
 * nothing of. The other tests run with the budget uncapped unless they say otherwise (the
 * descriptors then bind, and the policy's threshold: the pin, oom_score_adj, fd/):
 * fixture files are rewritten in place, so a held file reads the new text, as a held
 * /proc file does.
 *
 * The kernel features are given (core/proc/sampler.h), not detected: the fd count is
 * fd/'s entries unless a test says otherwise (a fixture directory's st_size is not its
 * entry count), oom_score is re-read by its inputs (6.1+). */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/proc/ghosts.h"
#include "core/proc/table.h"
#include "tests/lib/fxident.h"
#include "tests/lib/fxproc.h"
#include "tests/lib/fxptab.h"
#include "tests/lib/fxtree.h"
#include "tests/unit/ck_run.h"

#define KiB FXPTAB_KIB

START_TEST(new_process_appears_with_the_fixture_values)
{
	size_t budgets[] = {FXPTAB_UNCAPPED, 0};
	for (size_t b = 0; b < 2; b++) {
		struct fxptab f;
		fxptab_open(&f, budgets[b], false);
		struct fxproc p = fxptab_agent();
		fxproc_write(f.root, &p);
		struct fxproc kt = fxptab_kthreadd();
		fxproc_write(f.root, &kt);
		fxptab_refresh_at(&f, 0);

		struct proc_entry *e = fxptab_live(&f, 300);
		ck_assert_ptr_nonnull(e);
		fxptab_assert_agent_row(&e->row);
		ck_assert_int_eq(e->row.fds, 9); /* fd/'s entries */
		struct proc_entry *k = fxptab_live(&f, 2);
		ck_assert_ptr_nonnull(k);
		ck_assert(k->row.kernel_thread);
		ck_assert_str_eq(k->row.comm, "kthreadd");
		ck_assert_str_eq(k->row.cmdline, "");
		ck_assert_int_eq(k->held_level, 0); /* kernel threads hold nothing */
		size_t n;
		proc_table_live(f.t, &n);
		ck_assert_uint_eq(n, 2);
		ck_assert_uint_eq(fxptab_nghosts(&f), 0);
		ck_assert_uint_eq(fxident_delivered(f.ids), 2);

		/* known processes are not read again; a new one is */
		fxptab_refresh(&f);
		ck_assert_uint_eq(fxident_delivered(f.ids), 2);
		struct fxproc q = fxproc_default(301, "late");
		fxproc_write(f.root, &q);
		fxptab_refresh(&f);
		ck_assert_uint_eq(fxident_delivered(f.ids), 3);
		ck_assert_ptr_nonnull(fxptab_live(&f, 301));
		ck_assert_int_eq(fxptab_live(&f, 301)->row.rss_bytes, 10240 * KiB);
		fxptab_close(&f);
	}
}
END_TEST

START_TEST(exited_process_becomes_a_ghost_with_its_last_values_then_expires)
{
	struct fxptab f;
	fxptab_open(&f, FXPTAB_UNCAPPED, false);
	struct fxproc p = fxptab_agent();
	fxproc_write(f.root, &p);
	fxptab_refresh_at(&f, 0);
	ck_assert_uint_gt(fxptab_held_fds(&f), 0);
	p.rss_kib = 30000;
	p.anon_kib = 25000;
	p.threads = 8;
	fxproc_write(f.root, &p);
	fxptab_refresh_at(&f, 1);
	ck_assert_int_eq(fxptab_live(&f, 300)->row.rss_bytes, 30000 * KiB);

	fxproc_remove(f.root, 300);
	fxptab_refresh_at(&f, 2);
	ck_assert_ptr_null(fxptab_live(&f, 300));
	struct proc_entry *g = fxptab_ghost(&f, 300);
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(g->row.state, PROC_EXITED);
	ck_assert_double_eq(g->row.exited_unix_s, FXPTAB_T0_UNIX_S + 2);
	ck_assert_int_eq(g->row.rss_bytes, 30000 * KiB); /* its last values */
	ck_assert_int_eq(g->row.rss_anon_bytes, 25000 * KiB);
	ck_assert_int_eq(g->row.threads, 8);
	ck_assert_int_eq(g->row.oom_score, 345);
	ck_assert_str_eq(g->row.comm, "agent");
	ck_assert_str_eq(g->row.cgroup, "/system.slice/agent.service");
	/* its held files were closed */
	ck_assert_uint_eq(fxptab_held_fds(&f), 0);
	ck_assert_uint_eq(fxptab_open_files(&f, 300, NULL, 0), 0);

	fxptab_refresh_at(&f, 2 + FXPTAB_TTL_S); /* exactly the TTL: kept */
	ck_assert_ptr_nonnull(fxptab_ghost(&f, 300));
	fxptab_refresh_at(&f, 2 + FXPTAB_TTL_S + 0.5);
	ck_assert_ptr_null(fxptab_ghost(&f, 300));
	ck_assert_uint_eq(fxptab_nghosts(&f), 0);
	fxptab_close(&f);
}
END_TEST

START_TEST(ghosts_are_bounded_and_oom_killed_ones_dropped_last)
{
	struct fxptab f;
	fxptab_open(&f, 0, false); /* 300 processes: nothing to learn from held files here */
	enum { FIRST = 1000, N = 300, KILLED = 5, EARLY = 10 };
	for (pid_t pid = FIRST; pid < FIRST + N; pid++) {
		struct fxproc p = fxproc_default(pid, "churn");
		fxproc_write(f.root, &p);
	}
	fxptab_refresh_at(&f, 0);
	size_t n;
	proc_table_live(f.t, &n);
	ck_assert_uint_eq(n, N);

	/* the first ten exit; five of them were OOM-killed */
	for (pid_t pid = FIRST; pid < FIRST + EARLY; pid++)
		fxproc_remove(f.root, pid);
	fxptab_refresh_at(&f, 1);
	ck_assert_uint_eq(fxptab_nghosts(&f), EARLY);
	for (pid_t pid = FIRST; pid < FIRST + KILLED; pid++)
		proc_table_mark_oom_killed(f.t, pid, 1000 + (uint64_t)pid);
	proc_table_mark_oom_killed(f.t, FIRST + KILLED, 1); /* another start time: not this one */

	/* then every other: 300 ghosts for 256 places */
	for (pid_t pid = FIRST + EARLY; pid < FIRST + N; pid++)
		fxproc_remove(f.root, pid);
	fxptab_refresh_at(&f, 2);
	proc_table_live(f.t, &n);
	ck_assert_uint_eq(n, 0);
	struct proc_entry **g = proc_table_ghosts(f.t, &n);
	ck_assert_uint_eq(n, PROC_GHOSTS_MAX);
	/* oldest first: the OOM-killed five, then the newest plain exits */
	for (size_t i = 0; i < KILLED; i++) {
		ck_assert_int_eq(g[i]->row.pid, FIRST + (pid_t)i);
		ck_assert_int_eq(g[i]->row.state, PROC_OOM_KILLED);
	}
	for (size_t i = KILLED; i < n; i++) {
		ck_assert_int_eq(g[i]->row.pid, FIRST + N - (pid_t)(n - i));
		ck_assert_int_eq(g[i]->row.state, PROC_EXITED);
	}
	fxptab_close(&f);
}
END_TEST

START_TEST(pid_reuse_gives_a_new_row_and_a_ghost_of_the_old)
{
	/* budget 0: read by path, the start time checked (see the top of this file) */
	struct fxptab f;
	fxptab_open(&f, 0, false);
	struct fxproc p = fxproc_default(500, "worker");
	p.start_ticks = 7000;
	for (int i = 0; i <= 6; i++) { /* growing 1 MiB every 5 s: a slope */
		p.rss_kib = 10240 + 1024 * i;
		p.anon_kib = p.rss_kib - 2048;
		fxproc_write(f.root, &p);
		fxptab_refresh_at(&f, 5.0 * i);
	}
	struct proc_entry *old = fxptab_live(&f, 500);
	ck_assert_ptr_nonnull(old);
	ck_assert_double_eq_tol(old->row.rss_slope.per_s, 1024.0 * KiB / 5.0, 1.0);

	/* the same program started again under the same pid: only the start time tells */
	struct fxproc q = fxproc_default(500, "worker");
	q.cmdline = "worker --again";
	q.start_ticks = 9000;
	q.rss_kib = 5000;
	fxproc_write(f.root, &q);
	fxptab_refresh_at(&f, 35);
	struct proc_entry *e = fxptab_live(&f, 500);
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(e->row.start_ticks, 9000);
	ck_assert_str_eq(e->row.cmdline, "worker --again");
	ck_assert_int_eq(e->row.rss_bytes, 5000 * KiB);
	ck_assert(isnan(e->row.rss_slope.per_s)); /* a new series */
	struct proc_entry *g = fxptab_ghost(&f, 500);
	ck_assert_ptr_nonnull(g);
	ck_assert_uint_eq(g->row.start_ticks, 7000);
	ck_assert_str_eq(g->row.cmdline, "worker");
	ck_assert_int_eq(g->row.rss_bytes, (10240 + 6144) * KiB);
	ck_assert_int_eq(g->row.state, PROC_EXITED);
	ck_assert(!isnan(g->row.rss_slope.per_s)); /* keeps what it had */
	fxptab_close(&f);
}
END_TEST

/* An OOM victim between the reaper and its end: still there, its memory gone (status
 * without Vm lines). It is gone for the table, and its ghost keeps the RSS it died with
 * (the screen showed "-" for a killed process's RSS). */
START_TEST(a_process_whose_memory_is_gone_is_buried_with_its_last_values)
{
	struct fxptab f;
	fxptab_open(&f, FXPTAB_UNCAPPED, false);
	struct fxproc p = fxproc_default(800, "victim");
	p.rss_kib = 90000;
	fxproc_write(f.root, &p);
	fxptab_refresh_at(&f, 0);
	fxptab_refresh_at(&f, 5);
	p.mm_gone = true;
	p.state = 'R';
	fxproc_write(f.root, &p);
	fxptab_refresh_at(&f, 10);
	ck_assert_ptr_null(fxptab_live(&f, 800));
	struct proc_entry *g = fxptab_ghost(&f, 800);
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(g->row.state, PROC_EXITED);
	ck_assert_int_eq(g->row.rss_bytes, 90000 * KiB);
	fxptab_close(&f);
}
END_TEST

/* One row per (pid, start time): an exec (status Name: and the command line change, no
 * executable readable) keeps the row, with the new name and command line, and starts its
 * series again; no ghost of the old image. */
static void expect_exec_outcome(struct fxptab *f, pid_t pid, uint64_t start_ticks)
{
	struct proc_entry *e = fxptab_live(f, pid);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->row.comm, "python3");
	ck_assert_str_eq(e->row.cmdline, "python3 app.py");
	ck_assert_uint_eq(e->row.start_ticks, start_ticks);
	ck_assert_int_eq(e->row.rss_bytes, 40000 * KiB);
	ck_assert(isnan(e->row.rss_slope.per_s)); /* a new series: one sample of the new image */
	ck_assert_ptr_null(fxptab_ghost(f, pid));
}

START_TEST(exec_keeps_one_row_and_restarts_its_series)
{
	size_t budgets[] = {FXPTAB_UNCAPPED, 0};
	for (size_t b = 0; b < 2; b++) {
		struct fxptab f;
		fxptab_open(&f, budgets[b], false);
		struct fxproc p = fxproc_default(600, "sh");
		p.cmdline = "sh -c exec";
		fxproc_write(f.root, &p);
		for (int i = 0; i < 8; i++) {
			p.rss_kib += 1024;
			fxproc_write(f.root, &p);
			fxptab_refresh_at(&f, 5.0 * i);
		}
		ck_assert_str_eq(fxptab_live(&f, 600)->row.comm, "sh");
		ck_assert(!isnan(fxptab_live(&f, 600)->row.rss_slope.per_s));
		/* exec: a new image (statm moves with the new mm), same pid and start time */
		p.comm = "python3";
		p.cmdline = "python3 app.py";
		p.rss_kib = 40000;
		fxproc_write(f.root, &p);
		fxptab_refresh_at(&f, 40);
		expect_exec_outcome(&f, 600, p.start_ticks);
		fxptab_close(&f);
	}
}
END_TEST

/* A process that renames itself (prctl PR_SET_NAME: status Name: changes, the command
 * line and the executable do not) every few refreshes while it leaks: one row all along,
 * under its latest name, and its leak rate is there as if it never renamed (issue 19:
 * it used to end as a ghost at each rename, with no rate ever). */
START_TEST(a_process_that_renames_itself_keeps_its_row_and_rate)
{
	size_t budgets[] = {FXPTAB_UNCAPPED, 0};
	for (size_t b = 0; b < 2; b++) {
		struct fxptab f;
		fxptab_open(&f, budgets[b], false);
		struct fxproc p = fxproc_default(700, "worker");
		p.cmdline = "/usr/bin/worker --serve";
		p.exe = "worker";
		fxproc_write(f.root, &p);
		char name[16];
		for (int i = 0; i < 12; i++) {
			snprintf(name, sizeof(name), "worker-%d", i / 2);
			p.comm = name;
			p.rss_kib += 1024; /* 1 MiB every 5 s */
			fxproc_write(f.root, &p);
			fxptab_refresh_at(&f, 5.0 * i);
		}
		struct proc_entry *e = fxptab_live(&f, 700);
		ck_assert_ptr_nonnull(e);
		ck_assert_str_eq(e->row.comm, "worker-5");
		ck_assert_str_eq(e->row.cmdline, "/usr/bin/worker --serve");
		ck_assert_double_eq_tol(e->row.rss_slope.per_s, 1024.0 * KiB / 5.0, 1.0);
		ck_assert_uint_eq(fxptab_nghosts(&f), 0);

		/* its command line rewritten too (setproctitle), the executable the same: still
		 * a rename when the executable can be read */
		p.comm = "worker: idle";
		p.cmdline = "worker: idle";
		p.rss_kib += 1024;
		fxproc_write(f.root, &p);
		fxptab_refresh_at(&f, 60);
		e = fxptab_live(&f, 700);
		ck_assert_str_eq(e->row.comm, "worker: idle");
		ck_assert_str_eq(e->row.cmdline, "/usr/bin/worker --serve"); /* as first met */
		ck_assert(!isnan(e->row.rss_slope.per_s));

		/* another executable under the same command line (exec -a): an exec */
		p.comm = "python3";
		p.exe = "python3";
		p.cmdline = "/usr/bin/worker --serve";
		p.rss_kib = 40000;
		fxproc_write(f.root, &p);
		fxptab_refresh_at(&f, 65);
		e = fxptab_live(&f, 700);
		ck_assert_str_eq(e->row.comm, "python3");
		ck_assert(isnan(e->row.rss_slope.per_s));
		ck_assert_uint_eq(fxptab_nghosts(&f), 0);
		fxptab_close(&f);
	}
}
END_TEST

#define FILE_B PROC_HELD_FILE_KMEM_BYTES

static void assert_held(struct fxptab *f, uint64_t kmem_budget)
{
	struct proc_held_budget h, b;
	proc_table_held(f->t, &h, &b);
	ck_assert_uint_eq(b.kmem_bytes, kmem_budget);
	ck_assert_msg(h.kmem_bytes <= b.kmem_bytes && h.fds <= b.fds, "%llu bytes, %llu fds held for %llu, %llu",
		      (unsigned long long)h.kmem_bytes, (unsigned long long)h.fds, (unsigned long long)b.kmem_bytes,
		      (unsigned long long)b.fds);
	ck_assert_uint_eq(h.kmem_bytes, h.fds * FILE_B);                    /* no seq_file held */
	ck_assert_uint_eq(fxptab_open_files(f, 0, NULL, 0), h.fds); /* what it says is what is open */
}

/* pid holds the first `level` files of its pin, oom_score_adj, fd/ */
static void assert_level(struct fxptab *f, pid_t pid, int level)
{
	static const char *const prefix[] = {"", "dir", "dir oom_score_adj", "dir oom_score_adj fd"};
	struct proc_entry *e = fxptab_live(f, pid);
	ck_assert_ptr_nonnull(e);
	char names[128];
	fxptab_open_files(f, pid, names, sizeof(names));
	ck_assert_msg(e->held_level == level && strcmp(names, prefix[level]) == 0,
		      "pid %d: level %d holding [%s], want %d", (int)pid, e->held_level, names, level);
}

START_TEST(held_files_stay_within_the_budget_levels_follow_the_count)
{
	/* 6.2+: the pin, oom_score_adj, fd/ (O_PATH), 256 bytes each; a budget of 7 files */
	struct fxptab f;
	fxptab_open(&f, 7 * FILE_B, true);
	struct fxproc kt = fxproc_default(2, "kthreadd");
	kt.kernel_thread = true;
	fxproc_write(f.root, &kt);
	for (pid_t pid = 700; pid < 703; pid++) {
		struct fxproc p = fxproc_default(pid, "held");
		fxproc_write(f.root, &p);
	}
	fxptab_refresh_at(&f, 0); /* 3 processes: 7 / 3, the last one more */
	assert_held(&f, 7 * FILE_B);
	assert_level(&f, 700, 2);
	assert_level(&f, 701, 2);
	assert_level(&f, 702, 3);
	ck_assert_uint_eq(fxptab_held_fds(&f), 7);
	ck_assert_int_eq(fxptab_live(&f, 2)->held_level, 0);

	for (pid_t pid = 703; pid < 708; pid++) {
		struct fxproc p = fxproc_default(pid, "held");
		fxproc_write(f.root, &p);
	}
	fxptab_refresh(&f); /* 8: one each for the last seven, none for the first */
	assert_held(&f, 7 * FILE_B);
	assert_level(&f, 700, 0);
	for (pid_t pid = 701; pid < 708; pid++)
		assert_level(&f, pid, 1);
	ck_assert_uint_eq(fxptab_held_fds(&f), 7);
	/* the one without a pin is read by path and still sampled */
	ck_assert_int_eq(fxptab_live(&f, 700)->row.rss_bytes, 10240 * KiB);

	for (pid_t pid = 700; pid < 706; pid++)
		fxproc_remove(f.root, pid);
	fxptab_refresh(&f); /* 2: all three files each */
	assert_held(&f, 7 * FILE_B);
	assert_level(&f, 706, 3);
	assert_level(&f, 707, 3);
	ck_assert_uint_eq(fxptab_held_fds(&f), 6);
	fxptab_refresh(&f); /* stays */
	assert_held(&f, 7 * FILE_B);
	ck_assert_uint_eq(fxptab_held_fds(&f), 6);
	fxptab_close(&f);

	/* a budget of 0: nothing held */
	fxptab_open(&f, 0, true);
	struct fxproc p = fxproc_default(700, "held");
	fxproc_write(f.root, &p);
	fxptab_refresh_at(&f, 0);
	assert_held(&f, 0);
	assert_level(&f, 700, 0);
	ck_assert_int_eq(fxptab_live(&f, 700)->row.rss_bytes, 10240 * KiB);
	fxptab_close(&f);
}
END_TEST

START_TEST(one_shot_holds_the_pin_reads_no_statm_and_keeps_no_series)
{
	/* -n 1: the identities from the procfs reader through the pins, nothing held but the
	 * pin however large the budget, no statm (it only gates later reads of status), no
	 * leak series */
	struct fxptab f;
	fxptab_open_with(&f, FXPTAB_UNCAPPED, false, true, true);
	struct fxproc p = fxptab_agent();
	fxproc_write(f.root, &p);
	struct fxproc kt = fxptab_kthreadd();
	fxproc_write(f.root, &kt);
	fxptab_refresh_at(&f, 0);
	struct proc_entry *e = fxptab_live(&f, 300);
	ck_assert_ptr_nonnull(e);
	struct proc_row r = e->row;
	r.uid = 0; /* the procfs reader's uid is the owner of 300/: whoever runs the test */
	r.user = "root";
	fxptab_assert_agent_row(&r);
	ck_assert_int_eq(e->row.uid, (int64_t)getuid());
	ck_assert_int_eq(e->row.fds, 9);
	ck_assert_int_eq(e->held_level, 1);
	char names[128];
	fxptab_open_files(&f, 300, names, sizeof(names));
	ck_assert_str_eq(names, "dir");
	ck_assert_uint_eq(e->statm_hash, 0);
	ck_assert_uint_eq(e->rss_hist.nsamples, 0);
	ck_assert(isnan(e->row.rss_slope.per_s));
	struct proc_entry *k = fxptab_live(&f, 2);
	ck_assert_ptr_nonnull(k);
	ck_assert(k->row.kernel_thread);
	ck_assert_int_eq(k->held_level, 0);
	ck_assert_str_eq(k->row.cmdline, "");
	fxptab_close(&f);

	/* with a budget of 0: read by path, the start time checked, the same values */
	fxptab_open_with(&f, 0, false, true, true);
	fxproc_write(f.root, &p);
	fxptab_refresh_at(&f, 0);
	e = fxptab_live(&f, 300);
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->held_level, 0);
	ck_assert_int_eq(e->row.rss_bytes, 20480 * KiB);
	ck_assert_int_eq(e->row.pgtables_bytes, 128 * KiB);
	ck_assert_int_eq(e->row.oom_score, 345);
	ck_assert_str_eq(e->row.cmdline, "/usr/bin/agent --serve x");
	fxptab_close(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("proc_table");
	TCase *tc = tcase_create("table");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, new_process_appears_with_the_fixture_values);
	tcase_add_test(tc, exited_process_becomes_a_ghost_with_its_last_values_then_expires);
	tcase_add_test(tc, ghosts_are_bounded_and_oom_killed_ones_dropped_last);
	tcase_add_test(tc, pid_reuse_gives_a_new_row_and_a_ghost_of_the_old);
	tcase_add_test(tc, exec_keeps_one_row_and_restarts_its_series);
	tcase_add_test(tc, a_process_whose_memory_is_gone_is_buried_with_its_last_values);
	tcase_add_test(tc, a_process_that_renames_itself_keeps_its_row_and_rate);
	tcase_add_test(tc, held_files_stay_within_the_budget_levels_follow_the_count);
	tcase_add_test(tc, one_shot_holds_the_pin_reads_no_statm_and_keeps_no_series);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
