/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/sampler through the process table on fixture /proc trees
 * (tests/lib/fxptab.h): what is read when. The fd count from fd/'s st_size at every
 * refresh (6.2+), else its entries every fifth; with the pin held, files are read through
 * it and the start time is not; the cgroup from the collector's lookup, else from
 * /proc/PID/cgroup every tenth refresh; status when statm moved and every tenth refresh,
 * held or by path; statm every fourth refresh for an idle process, until it or the fd
 * count moves; oom_score when its inputs move. */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/proc/table.h"
#include "tests/lib/fxproc.h"
#include "tests/lib/fxptab.h"
#include "tests/lib/fxtree.h"
#include "tests/unit/ck_run.h"

#define KiB FXPTAB_KIB

START_TEST(fd_count_from_st_size_of_fd)
{
	/* from 6.2 the st_size of /proc/PID/fd is the count; a fixture directory's st_size is
	 * the filesystem's, so a regular file of that size stands in for it */
	size_t budgets[] = {FXPTAB_UNCAPPED, 0};
	for (size_t b = 0; b < 2; b++) {
		struct fxptab f;
		fxptab_open(&f, budgets[b], true);
		struct fxproc p = fxptab_agent();
		static const char *const files[] = {"stat", "status", "statm", "cmdline", "oom_score", "oom_score_adj",
						    "cgroup"};
		for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
			fxproc_write_file(f.root, &p, files[i]);
		fxtree_write(f.root, "300/fd", "0123456789012345678901234567890123456"); /* 37 */
		fxptab_refresh_at(&f, 0);
		struct proc_entry *e = fxptab_live(&f, 300);
		ck_assert_ptr_nonnull(e);
		fxptab_assert_agent_row(&e->row);
		ck_assert_int_eq(e->row.fds, 37);
		/* cheap: re-read at every refresh */
		fxtree_write(f.root, "300/fd", "0123456789012345678901234567890123456789"); /* 40 */
		fxptab_refresh(&f);
		ck_assert_int_eq(fxptab_live(&f, 300)->row.fds, 40);
		fxptab_close(&f);
	}
}
END_TEST

START_TEST(fd_entries_are_counted_every_fifth_refresh)
{
	/* before 6.2: fd/'s entries counted every PROC_SAMPLER_FD_COUNT_EVERY refreshes, when
	 * (seq + pid) % 5 == 0: for pid 300 at refreshes 5, 10... */
	ck_assert_int_eq(PROC_SAMPLER_FD_COUNT_EVERY, 5);
	struct fxptab f;
	fxptab_open(&f, FXPTAB_UNCAPPED, false);
	struct fxproc p = fxptab_agent();
	fxproc_write(f.root, &p);
	fxptab_refresh_at(&f, 0); /* seq 1: unknown, so counted */
	ck_assert_int_eq(fxptab_live(&f, 300)->row.fds, 9);
	p.fds = 12;
	fxproc_write_file(f.root, &p, "fd");
	for (int seq = 2; seq <= 4; seq++) {
		fxptab_refresh(&f);
		ck_assert_msg(fxptab_live(&f, 300)->row.fds == 9, "fd/ counted at refresh %d", seq);
	}
	fxptab_refresh(&f); /* seq 5 */
	ck_assert_int_eq(fxptab_live(&f, 300)->row.fds, 12);
	fxptab_close(&f);
}
END_TEST

/* The fd limit (core/proc/limits.h): read at the first sample, not again while the count
 * is far from it, at every refresh from 3/4 of it; the ETA from the fd slope. */
START_TEST(fd_limit_read_first_then_near_it_and_eta)
{
	struct fxptab f;
	fxptab_open(&f, FXPTAB_UNCAPPED, true);
	struct fxproc p = fxptab_agent();
	p.nofile_soft = 200;
	p.nofile_hard = 400;
	static const char *const files[] = {"stat", "status", "statm", "cmdline", "oom_score", "oom_score_adj",
					    "cgroup", "limits"};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		fxproc_write_file(f.root, &p, files[i]);
	char size[512];
	memset(size, 'x', sizeof(size));
	/* 20 fds, +5 a refresh (st_size of fd/ is the count: see fd_count_from_st_size_of_fd) */
	size[20] = '\0';
	fxtree_write(f.root, "300/fd", size);
	fxptab_refresh_at(&f, 0);
	ck_assert_int_eq(fxptab_live(&f, 300)->row.fd_limit, 200);
	ck_assert(isnan(fxptab_live(&f, 300)->row.fd_eta_s)); /* no slope yet */
	/* raised (prlimit --pid): not seen while the count is far from the old limit */
	p.nofile_soft = 300;
	fxproc_write_file(f.root, &p, "limits");
	for (int i = 1; i <= 25; i++) {
		memset(size, 'x', sizeof(size));
		size[20 + 5 * i] = '\0';
		fxtree_write(f.root, "300/fd", size);
		fxptab_refresh(&f);
		ck_assert_msg(fxptab_live(&f, 300)->row.fd_limit == 200, "re-read at %d fds", 20 + 5 * i);
	}
	ck_assert_int_eq(fxptab_live(&f, 300)->row.fds, 145);
	/* 150 = 3/4 of 200: read again, at every refresh from now on */
	memset(size, 'x', sizeof(size));
	size[150] = '\0';
	fxtree_write(f.root, "300/fd", size);
	fxptab_refresh(&f);
	const struct proc_row *r = &fxptab_live(&f, 300)->row;
	ck_assert_int_eq(r->fd_limit, 300);
	ck_assert_double_eq_tol(r->fd_slope.per_s, 5.0, 1e-6);
	ck_assert_double_eq_tol(r->fd_eta_s, (300.0 - 150.0) / 5.0, 1e-3);
	/* 150 of 300 is far again: not read; near it (225) and unreadable: unknown, no ETA */
	memset(size, 'x', sizeof(size));
	size[230] = '\0';
	fxtree_write(f.root, "300/fd", size);
	char path[PATH_MAX + 16];
	snprintf(path, sizeof(path), "%s/300/limits", f.root);
	ck_assert_int_eq(unlink(path), 0);
	fxptab_refresh(&f);
	r = &fxptab_live(&f, 300)->row;
	ck_assert(!val_known(r->fd_limit));
	ck_assert(isnan(r->fd_eta_s));
	fxptab_close(&f);
}
END_TEST

START_TEST(held_dir_is_the_pin_stat_is_not_read)
{
	/* The held path: with /proc/PID held, what is opened through it is the process's (with
	 * the real /proc it fails once the process is reaped), so stat is not read by path at
	 * each refresh. A fixture cannot fail that open; what shows here is that the table
	 * does not look at the start time while it holds the pin, and reads through it. */
	struct fxptab f;
	fxptab_open(&f, FXPTAB_UNCAPPED, false);
	struct fxproc p = fxproc_default(500, "worker");
	p.start_ticks = 7000;
	fxproc_write(f.root, &p);
	fxptab_refresh_at(&f, 0);
	struct proc_entry *e = fxptab_live(&f, 500);
	ck_assert_int_ge(e->held_fds[PROC_HELD_DIR], 0);
	ck_assert_int_eq(e->held_level, 2); /* the pin and oom_score_adj: fd/ saves nothing here */
	char names[128];
	fxptab_open_files(&f, 500, names, sizeof(names));
	ck_assert_str_eq(names, "dir oom_score_adj");
	p.start_ticks = 9000;
	fxproc_write_file(f.root, &p, "stat");
	for (int i = 0; i < 3; i++)
		fxptab_refresh(&f);
	ck_assert_uint_eq(fxptab_live(&f, 500)->row.start_ticks, 7000);
	ck_assert_uint_eq(fxptab_nghosts(&f), 0);
	/* the directory held is the one opened: moved away, its files go with it */
	char from[PATH_MAX + 16], to[PATH_MAX + 16];
	snprintf(from, sizeof(from), "%s/500", f.root);
	snprintf(to, sizeof(to), "%s/old500", f.root);
	ck_assert_int_eq(rename(from, to), 0);
	p.rss_kib = 999;
	p.oom_score_adj = 500;
	fxproc_write(f.root, &p); /* a new 500/ with other values: not read through the pin */
	fxptab_refresh(&f);
	ck_assert_int_eq(fxptab_live(&f, 500)->row.rss_bytes, 10240 * KiB);
	ck_assert_int_eq(fxptab_live(&f, 500)->row.oom_score_adj, 0);
	fxptab_close(&f);
}
END_TEST

static const char *lookup_300(void *ctx, pid_t pid)
{
	(*(int *)ctx)++;
	return pid == 300 ? "/from/cgroup.procs" : NULL;
}

START_TEST(cgroup_from_the_lookup_else_from_proc_pid_cgroup)
{
	/* the collector's lookup (cgroup.procs of the tree) answers every refresh; a process
	 * it does not know reads its own /proc/PID/cgroup, every 10th refresh */
	struct fxptab f;
	fxptab_open(&f, FXPTAB_UNCAPPED, false);
	struct fxproc p = fxptab_agent();
	fxproc_write(f.root, &p);
	struct fxproc q = fxproc_default(301, "other");
	q.cgroup = "/user.slice";
	fxproc_write(f.root, &q);
	int asked = 0;
	proc_table_set_cgroup_lookup(f.t, lookup_300, &asked);
	fxptab_refresh_at(&f, 0);
	ck_assert_str_eq(fxptab_live(&f, 300)->row.cgroup, "/from/cgroup.procs");
	ck_assert_str_eq(fxptab_live(&f, 301)->row.cgroup, "/user.slice");
	ck_assert_int_ge(asked, 2);
	/* without the lookup, 300 reads its own file when due */
	proc_table_set_cgroup_lookup(f.t, NULL, NULL);
	for (int i = 0; i < 10; i++)
		fxptab_refresh(&f);
	ck_assert_str_eq(fxptab_live(&f, 300)->row.cgroup, "/system.slice/agent.service");
	fxptab_close(&f);
}
END_TEST

START_TEST(status_is_reread_when_statm_moved_and_every_tenth_refresh)
{
	/* pid 101: the periodic re-read falls on refreshes where (seq + 101) %
	 * PROC_SAMPLER_STATUS_EVERY == PROC_SAMPLER_STATUS_EVERY / 4, i.e. 1, 11, 21... The
	 * same held (the pin) and by path (a budget of 0). */
	ck_assert_int_eq(PROC_SAMPLER_STATUS_EVERY, 10);
	uint64_t budgets[] = {FXPTAB_UNCAPPED, 0};
	for (size_t b = 0; b < 2; b++) {
		struct fxptab f;
		fxptab_open(&f, budgets[b], false);
		struct fxproc p = fxproc_default(101, "gated");
		fxproc_write(f.root, &p);
		fxptab_refresh_at(&f, 0); /* seq 1 */
		ck_assert_int_eq(fxptab_live(&f, 101)->held_fds[PROC_HELD_DIR] >= 0, b == 0);
		ck_assert_int_eq(fxptab_live(&f, 101)->row.threads, 1);

		/* threads start on cached stacks: status moves, statm does not */
		p.threads = 5;
		fxproc_write_file(f.root, &p, "status");
		for (int seq = 2; seq <= 10; seq++) {
			fxptab_refresh(&f);
			ck_assert_msg(fxptab_live(&f, 101)->row.threads == 1, "status re-read at refresh %d", seq);
		}
		fxptab_refresh(&f); /* seq 11: the periodic re-read */
		ck_assert_int_eq(fxptab_live(&f, 101)->row.threads, 5);
		fxptab_close(&f);
	}

	/* memory moves before the process is idle: statm with it, and status is read at once */
	struct fxptab f;
	fxptab_open(&f, FXPTAB_UNCAPPED, false);
	struct fxproc p = fxproc_default(101, "gated");
	fxproc_write(f.root, &p);
	fxptab_refresh_at(&f, 0);
	fxptab_refresh(&f);
	p.threads = 9;
	p.rss_kib += 4096;
	p.anon_kib += 4096;
	fxproc_write(f.root, &p);
	fxptab_refresh(&f); /* seq 3 */
	ck_assert_int_eq(fxptab_live(&f, 101)->row.threads, 9);
	ck_assert_int_eq(fxptab_live(&f, 101)->row.rss_bytes, p.rss_kib * KiB);
	fxptab_close(&f);
}
END_TEST

START_TEST(an_idle_process_has_statm_read_every_fourth_refresh)
{
	/* pid 101: statm unchanged over PROC_SAMPLER_IDLE_AFTER (10) reads, the first
	 * refresh's included: from refresh 12 on it is read when (seq + 101) % 4 == 3, i.e. at
	 * 14, 18...; until it moves, or the fd count does (fd/ counted at 4, 9, 14, 19: seq +
	 * 101 a multiple of 5) */
	ck_assert_int_eq(PROC_SAMPLER_IDLE_AFTER, 10);
	ck_assert_int_eq(PROC_SAMPLER_IDLE_STATM_EVERY, 4);
	struct fxptab f;
	fxptab_open(&f, FXPTAB_UNCAPPED, false);
	struct fxproc p = fxproc_default(101, "idle");
	fxproc_write(f.root, &p);
	fxptab_refresh_at(&f, 0); /* seq 1 */
	for (int seq = 2; seq <= 11; seq++)
		fxptab_refresh(&f);
	ck_assert_uint_eq(fxptab_live(&f, 101)->statm_same, 10);
	/* memory moves at 12: seen at 14, the next read of statm, not before */
	p.rss_kib += 4096;
	p.anon_kib += 4096;
	fxproc_write(f.root, &p);
	fxptab_refresh(&f); /* 12 */
	ck_assert_int_eq(fxptab_live(&f, 101)->row.rss_bytes, 10240 * KiB);
	fxptab_refresh(&f); /* 13 */
	ck_assert_int_eq(fxptab_live(&f, 101)->row.rss_bytes, 10240 * KiB);
	fxptab_refresh(&f); /* 14 */
	ck_assert_int_eq(fxptab_live(&f, 101)->row.rss_bytes, (10240 + 4096) * KiB);
	/* it moved: read every refresh again */
	ck_assert_uint_eq(fxptab_live(&f, 101)->statm_same, 0);
	p.rss_kib += 1024;
	p.anon_kib += 1024;
	fxproc_write(f.root, &p);
	fxptab_refresh(&f); /* 15 */
	ck_assert_int_eq(fxptab_live(&f, 101)->row.rss_bytes, (10240 + 5120) * KiB);

	/* idle again by 25 (10 reads unchanged: 16..25); the fd count moves at 29 (counted
	 * then): statm read at once, though 29 is not one of its refreshes ((29 + 101) % 4 is
	 * 2), and the memory that moved with it seen */
	for (int seq = 16; seq <= 28; seq++)
		fxptab_refresh(&f);
	ck_assert_uint_ge(fxptab_live(&f, 101)->statm_same, PROC_SAMPLER_IDLE_AFTER);
	p.fds = 20;
	p.rss_kib += 1024;
	p.anon_kib += 1024;
	fxproc_write(f.root, &p);
	fxptab_refresh(&f); /* 29 */
	ck_assert_int_eq(fxptab_live(&f, 101)->row.fds, 20);
	ck_assert_int_eq(fxptab_live(&f, 101)->row.rss_bytes, (10240 + 6144) * KiB);
	fxptab_close(&f);
}
END_TEST

START_TEST(oom_score_is_reread_when_its_inputs_move)
{
	/* pid 105: the periodic re-read falls on refreshes where (seq + 105) % 10 == 5: 10,
	 * 20...; the one of status on 7, 17... (which re-reads the score only if an input
	 * moved) */
	ck_assert_int_eq(PROC_SAMPLER_SCORE_EVERY, 10);
	struct fxptab f;
	fxptab_open(&f, FXPTAB_UNCAPPED, false);
	struct fxproc p = fxproc_default(105, "scored");
	fxproc_write(f.root, &p);
	fxptab_refresh_at(&f, 0); /* seq 1: read */
	ck_assert_int_eq(fxptab_live(&f, 105)->row.oom_score, 10);

	p.oom_score = 20; /* nothing it depends on moved */
	fxproc_write_file(f.root, &p, "oom_score");
	for (int seq = 2; seq <= 9; seq++) {
		fxptab_refresh(&f);
		ck_assert_msg(fxptab_live(&f, 105)->row.oom_score == 10, "oom_score re-read at refresh %d", seq);
	}
	fxptab_refresh(&f); /* seq 10 */
	ck_assert_int_eq(fxptab_live(&f, 105)->row.oom_score, 20);

	p.oom_score = 30; /* oom_score_adj moved */
	p.oom_score_adj = 100;
	fxproc_write_file(f.root, &p, "oom_score");
	fxproc_write_file(f.root, &p, "oom_score_adj");
	fxptab_refresh(&f); /* 11 */
	ck_assert_int_eq(fxptab_live(&f, 105)->row.oom_score_adj, 100);
	ck_assert_int_eq(fxptab_live(&f, 105)->row.oom_score, 30);

	p.oom_score = 40; /* MemTotal moved */
	fxproc_write_file(f.root, &p, "oom_score");
	f.mem_total_bytes += INT64_C(1) << 30;
	fxptab_refresh(&f); /* 12 */
	ck_assert_int_eq(fxptab_live(&f, 105)->row.oom_score, 40);

	p.oom_score = 50; /* RSS moved; the process is idle by now (statm unchanged over 10
			   * reads), so its statm is next read at 14 ((seq + 105) % 4 == 3) */
	p.rss_kib += 1024;
	p.anon_kib += 1024;
	fxproc_write(f.root, &p);
	fxptab_refresh(&f); /* 13 */
	ck_assert_int_eq(fxptab_live(&f, 105)->row.oom_score, 40);
	fxptab_refresh(&f); /* 14 */
	ck_assert_int_eq(fxptab_live(&f, 105)->row.oom_score, 50);

	p.oom_score = 60; /* nothing moved again */
	fxproc_write_file(f.root, &p, "oom_score");
	fxptab_refresh(&f); /* 15 */
	ck_assert_int_eq(fxptab_live(&f, 105)->row.oom_score, 50);
	fxptab_close(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("proc_sampler");
	TCase *tc = tcase_create("sampler");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, fd_count_from_st_size_of_fd);
	tcase_add_test(tc, fd_entries_are_counted_every_fifth_refresh);
	tcase_add_test(tc, fd_limit_read_first_then_near_it_and_eta);
	tcase_add_test(tc, held_dir_is_the_pin_stat_is_not_read);
	tcase_add_test(tc, cgroup_from_the_lookup_else_from_proc_pid_cgroup);
	tcase_add_test(tc, status_is_reread_when_statm_moved_and_every_tenth_refresh);
	tcase_add_test(tc, an_idle_process_has_statm_read_every_fourth_refresh);
	tcase_add_test(tc, oom_score_is_reread_when_its_inputs_move);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
