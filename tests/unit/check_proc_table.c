/* core/proc/table (with the sampler and ghosts under it) on fixture /proc trees
 * (tests/lib/fxproc.h), identities read by the fixture reader (tests/lib/fxident.h) on
 * the identity feed's thread, as libproc2's are: a new process appears with the
 * fixture's values; one whose directory goes becomes a ghost with its last values and
 * expires after the TTL; ghosts are bounded, OOM-killed ones dropped last; pid reuse and
 * exec give a new row and a ghost; the held files stay within the budget, their levels
 * following the process count; status and oom_score are re-read only when due.
 *
 * Held files and pid reuse: with the real /proc, a held statm of a process that exited
 * fails to read (ESRCH), and that is how the table tells a reused pid from the same
 * process while it holds statm (check_identity_feed shows such a pin failing once its
 * process is reaped). A fixture file still reads after its process "exits", so the pid
 * reuse test runs with a held-file budget of 0: everything is read by path and the start
 * time in stat is checked at every refresh, as the table does for a process it holds
 * nothing of. A separate test shows the held path: with statm held, stat is not read.
 * The other tests run with the budget uncapped unless they say otherwise: fixture files
 * are rewritten in place, so a held file reads the new text, as a held /proc file does.
 *
 * The kernel features are given (core/proc/sampler.h), not detected: the fd count is
 * fd/'s entries unless a test says otherwise (a fixture directory's st_size is not its
 * entry count), oom_score is re-read by its inputs (6.1+). */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
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
#include "tests/lib/fxtree.h"
#include "tests/unit/ck_run.h"

#define KiB INT64_C(1024)
#define T0_UNIX_S 1700000000.0
#define BTIME_UNIX_S 1699990000.0
#define TTL_S 60.0
#define WINDOW_S 30.0
#define NO_CAP PROC_TABLE_HELD_UNCAPPED

/* ---------------------------------------------------------------- the fixture */

struct fx {
	char root[PATH_MAX];
	char real_root[PATH_MAX];
	struct proc_identity_reader *ids;
	struct proc_table *t;
	struct cgroup_hierarchy hier;
	struct proc_sampler_kernel k;
	double now_s; /* seconds since T0 of the last refresh */
	int64_t mem_total_bytes;
};

static void fx_open(struct fx *f, size_t max_held, bool fd_count_by_size)
{
	memset(f, 0, sizeof(*f));
	fxtree_make(f->root, sizeof(f->root), "proctable");
	ck_assert_ptr_nonnull(realpath(f->root, f->real_root));
	struct fxproc_system sys = {.btime_unix_s = BTIME_UNIX_S, .mem_total_kib = 8 << 20, .mem_available_kib = 4 << 20};
	fxproc_write_system(f->root, &sys);
	f->ids = fxident_new(f->root);
	ck_assert_ptr_nonnull(f->ids);
	f->hier.version = 2;
	strcpy(f->hier.mount, "/sys/fs/cgroup");
	strcpy(f->hier.mount_root, "/");
	f->k.fd_count_by_size = fd_count_by_size;
	f->k.score_by_inputs = true;
	f->mem_total_bytes = INT64_C(8) << 30;
	struct proc_table_config cfg = {
		.proc_root = f->root,
		.hier = &f->hier,
		.ghost_ttl_s = TTL_S,
		.window_s = WINDOW_S,
		.max_held_files = max_held,
		.kernel = &f->k,
		.identity = f->ids,
	};
	char err[256];
	f->t = proc_table_new(&cfg, err, sizeof(err));
	ck_assert_msg(f->t != NULL, "proc_table_new: %s", err);
	f->now_s = -1;
}

static void fx_close(struct fx *f)
{
	proc_table_free(f->t);
	proc_identity_free(f->ids);
	fxtree_remove(f->root);
}

/* One refresh at T0 + at_s, after the totals, as the collector does. */
static void refresh_at(struct fx *f, double at_s)
{
	f->now_s = at_s;
	proc_table_set_totals(f->t, f->mem_total_bytes, 0);
	ck_assert_int_eq(proc_table_refresh(f->t, (int64_t)(at_s * 1000), T0_UNIX_S + at_s), 0);
}

/* The next refresh, one second later. */
static void refresh(struct fx *f)
{
	refresh_at(f, f->now_s + 1);
}

static struct proc_entry *live(struct fx *f, pid_t pid)
{
	size_t n;
	struct proc_entry **v = proc_table_live(f->t, &n);
	for (size_t i = 0; i < n; i++)
		if (v[i]->row.pid == pid)
			return v[i];
	return NULL;
}

static struct proc_entry *ghost(struct fx *f, pid_t pid)
{
	size_t n;
	struct proc_entry **v = proc_table_ghosts(f->t, &n);
	struct proc_entry *found = NULL;
	for (size_t i = 0; i < n; i++)
		if (v[i]->row.pid == pid) {
			ck_assert_msg(!found, "two ghosts of pid %d", (int)pid);
			found = v[i];
		}
	return found;
}

static size_t nghosts(struct fx *f)
{
	size_t n;
	proc_table_ghosts(f->t, &n);
	return n;
}

/* The files of the fixture tree this process has open, and those of pid (names joined
 * by spaces, in the order of the held policy's levels) into names. */
static size_t open_fixture_files(struct fx *f, pid_t pid, char *names, size_t cap)
{
	static const char *const order[] = {"statm", "oom_score_adj", "fd", "status", "oom_score"};
	bool has[5] = {false};
	size_t n = 0;
	DIR *d = opendir("/proc/self/fd");
	ck_assert_ptr_nonnull(d);
	struct dirent *de;
	char prefix[PATH_MAX + 32];
	snprintf(prefix, sizeof(prefix), "%s/%d/", f->real_root, (int)pid);
	size_t rootlen = strlen(f->real_root);
	while ((de = readdir(d))) {
		char link[PATH_MAX + 64], target[PATH_MAX];
		snprintf(link, sizeof(link), "/proc/self/fd/%s", de->d_name);
		ssize_t l = readlink(link, target, sizeof(target) - 1);
		if (l <= 0)
			continue;
		target[l] = '\0';
		if (strncmp(target, f->real_root, rootlen) != 0 || target[rootlen] != '/')
			continue;
		if (strchr(target + rootlen + 1, '/') == NULL)
			continue; /* the table's own fd of the root and the like */
		n++;
		if (strncmp(target, prefix, strlen(prefix)) == 0)
			for (int i = 0; i < 5; i++)
				if (strcmp(target + strlen(prefix), order[i]) == 0)
					has[i] = true;
	}
	closedir(d);
	if (names) {
		names[0] = '\0';
		for (int i = 0; i < 5; i++)
			if (has[i])
				snprintf(names + strlen(names), cap - strlen(names), "%s%s", names[0] ? " " : "", order[i]);
	}
	return n;
}

/* ---------------------------------------------------------------- new processes */

static struct fxproc agent(void)
{
	struct fxproc p = fxproc_default(300, "agent");
	p.cmdline = "/usr/bin/agent --serve x";
	p.ppid = 1;
	p.start_ticks = 5000;
	p.rss_kib = 20480;
	p.anon_kib = 16384;
	p.file_kib = 3072;
	p.shmem_kib = 1024;
	p.swap_kib = 512;
	p.pte_kib = 128;
	p.threads = 7;
	p.fds = 9;
	p.oom_score = 345;
	p.oom_score_adj = -100;
	p.cgroup = "/system.slice/agent.service";
	return p;
}

static void assert_agent_row(const struct proc_row *r)
{
	ck_assert_int_eq(r->pid, 300);
	ck_assert_int_eq(r->ppid, 1);
	ck_assert_int_eq(r->uid, 0);
	ck_assert_str_eq(r->user, "root");
	ck_assert_str_eq(r->comm, "agent");
	ck_assert_str_eq(r->cmdline, "/usr/bin/agent --serve x");
	ck_assert_uint_eq(r->start_ticks, 5000);
	ck_assert_double_eq_tol(r->start_time_unix_s, BTIME_UNIX_S + 5000.0 / (double)sysconf(_SC_CLK_TCK), 1e-6);
	ck_assert(!r->kernel_thread);
	ck_assert_int_eq(r->rss_bytes, 20480 * KiB);
	ck_assert_int_eq(r->rss_anon_bytes, 16384 * KiB);
	ck_assert_int_eq(r->rss_file_bytes, 3072 * KiB);
	ck_assert_int_eq(r->rss_shmem_bytes, 1024 * KiB);
	ck_assert_int_eq(r->swap_bytes, 512 * KiB);
	ck_assert_int_eq(r->pgtables_bytes, 128 * KiB);
	ck_assert_int_eq(r->threads, 7);
	ck_assert_int_eq(r->oom_score, 345);
	ck_assert_int_eq(r->oom_score_adj, -100);
	ck_assert_ptr_nonnull(r->cgroup);
	ck_assert_str_eq(r->cgroup, "/system.slice/agent.service");
	ck_assert_int_eq(r->state, PROC_RUNNING);
	ck_assert(isnan(r->exited_unix_s));
}

START_TEST(new_process_appears_with_the_fixture_values)
{
	size_t budgets[] = {NO_CAP, 0};
	for (size_t b = 0; b < 2; b++) {
		struct fx f;
		fx_open(&f, budgets[b], false);
		struct fxproc p = agent();
		fxproc_write(f.root, &p);
		struct fxproc kt = fxproc_default(2, "kthreadd");
		kt.kernel_thread = true;
		kt.ppid = 0;
		kt.cmdline = "";
		fxproc_write(f.root, &kt);
		refresh_at(&f, 0);

		struct proc_entry *e = live(&f, 300);
		ck_assert_ptr_nonnull(e);
		assert_agent_row(&e->row);
		ck_assert_int_eq(e->row.fds, 9); /* fd/'s entries */
		struct proc_entry *k = live(&f, 2);
		ck_assert_ptr_nonnull(k);
		ck_assert(k->row.kernel_thread);
		ck_assert_str_eq(k->row.comm, "kthreadd");
		ck_assert_str_eq(k->row.cmdline, "");
		ck_assert_int_eq(k->held_level, 0); /* kernel threads hold nothing */
		size_t n;
		proc_table_live(f.t, &n);
		ck_assert_uint_eq(n, 2);
		ck_assert_uint_eq(nghosts(&f), 0);
		ck_assert_uint_eq(fxident_delivered(f.ids), 2);

		/* known processes are not read again; a new one is */
		refresh(&f);
		ck_assert_uint_eq(fxident_delivered(f.ids), 2);
		struct fxproc q = fxproc_default(301, "late");
		fxproc_write(f.root, &q);
		refresh(&f);
		ck_assert_uint_eq(fxident_delivered(f.ids), 3);
		ck_assert_ptr_nonnull(live(&f, 301));
		ck_assert_int_eq(live(&f, 301)->row.rss_bytes, 10240 * KiB);
		fx_close(&f);
	}
}
END_TEST

START_TEST(fd_count_from_st_size_of_fd)
{
	/* from 6.2 the st_size of /proc/PID/fd is the count; a fixture directory's st_size is
	 * the filesystem's, so a regular file of that size stands in for it */
	size_t budgets[] = {NO_CAP, 0};
	for (size_t b = 0; b < 2; b++) {
		struct fx f;
		fx_open(&f, budgets[b], true);
		struct fxproc p = agent();
		static const char *const files[] = {"stat", "status", "statm", "cmdline", "oom_score", "oom_score_adj",
						    "cgroup"};
		for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
			fxproc_write_file(f.root, &p, files[i]);
		fxtree_write(f.root, "300/fd", "0123456789012345678901234567890123456"); /* 37 */
		refresh_at(&f, 0);
		struct proc_entry *e = live(&f, 300);
		ck_assert_ptr_nonnull(e);
		assert_agent_row(&e->row);
		ck_assert_int_eq(e->row.fds, 37);
		/* cheap: re-read at every refresh */
		fxtree_write(f.root, "300/fd", "0123456789012345678901234567890123456789"); /* 40 */
		refresh(&f);
		ck_assert_int_eq(live(&f, 300)->row.fds, 40);
		fx_close(&f);
	}
}
END_TEST

START_TEST(fd_entries_are_counted_every_fifth_refresh)
{
	/* before 6.2: fd/'s entries counted every PROC_SAMPLER_FD_COUNT_EVERY refreshes, when
	 * (seq + pid) % 5 == 0: for pid 300 at refreshes 5, 10... */
	ck_assert_int_eq(PROC_SAMPLER_FD_COUNT_EVERY, 5);
	struct fx f;
	fx_open(&f, NO_CAP, false);
	struct fxproc p = agent();
	fxproc_write(f.root, &p);
	refresh_at(&f, 0); /* seq 1: unknown, so counted */
	ck_assert_int_eq(live(&f, 300)->row.fds, 9);
	p.fds = 12;
	fxproc_write_file(f.root, &p, "fd");
	for (int seq = 2; seq <= 4; seq++) {
		refresh(&f);
		ck_assert_msg(live(&f, 300)->row.fds == 9, "fd/ counted at refresh %d", seq);
	}
	refresh(&f); /* seq 5 */
	ck_assert_int_eq(live(&f, 300)->row.fds, 12);
	fx_close(&f);
}
END_TEST

/* The fd limit (core/proc/limits.h): read at the first sample, not again while the count
 * is far from it, at every refresh from 3/4 of it; the ETA from the fd slope. */
START_TEST(fd_limit_read_first_then_near_it_and_eta)
{
	struct fx f;
	fx_open(&f, NO_CAP, true);
	struct fxproc p = agent();
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
	refresh_at(&f, 0);
	ck_assert_int_eq(live(&f, 300)->row.fd_limit, 200);
	ck_assert(isnan(live(&f, 300)->row.fd_eta_s)); /* no slope yet */
	/* raised (prlimit --pid): not seen while the count is far from the old limit */
	p.nofile_soft = 300;
	fxproc_write_file(f.root, &p, "limits");
	for (int i = 1; i <= 25; i++) {
		memset(size, 'x', sizeof(size));
		size[20 + 5 * i] = '\0';
		fxtree_write(f.root, "300/fd", size);
		refresh(&f);
		ck_assert_msg(live(&f, 300)->row.fd_limit == 200, "re-read at %d fds", 20 + 5 * i);
	}
	ck_assert_int_eq(live(&f, 300)->row.fds, 145);
	/* 150 = 3/4 of 200: read again, at every refresh from now on */
	memset(size, 'x', sizeof(size));
	size[150] = '\0';
	fxtree_write(f.root, "300/fd", size);
	refresh(&f);
	const struct proc_row *r = &live(&f, 300)->row;
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
	refresh(&f);
	r = &live(&f, 300)->row;
	ck_assert(!val_known(r->fd_limit));
	ck_assert(isnan(r->fd_eta_s));
	fx_close(&f);
}
END_TEST

/* ---------------------------------------------------------------- exits and ghosts */

START_TEST(exited_process_becomes_a_ghost_with_its_last_values_then_expires)
{
	struct fx f;
	fx_open(&f, NO_CAP, false);
	struct fxproc p = agent();
	fxproc_write(f.root, &p);
	refresh_at(&f, 0);
	ck_assert_uint_gt(proc_table_held(f.t, NULL), 0);
	p.rss_kib = 30000;
	p.anon_kib = 25000;
	p.threads = 8;
	fxproc_write(f.root, &p);
	refresh_at(&f, 1);
	ck_assert_int_eq(live(&f, 300)->row.rss_bytes, 30000 * KiB);

	fxproc_remove(f.root, 300);
	refresh_at(&f, 2);
	ck_assert_ptr_null(live(&f, 300));
	struct proc_entry *g = ghost(&f, 300);
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(g->row.state, PROC_EXITED);
	ck_assert_double_eq(g->row.exited_unix_s, T0_UNIX_S + 2);
	ck_assert_int_eq(g->row.rss_bytes, 30000 * KiB); /* its last values */
	ck_assert_int_eq(g->row.rss_anon_bytes, 25000 * KiB);
	ck_assert_int_eq(g->row.threads, 8);
	ck_assert_int_eq(g->row.oom_score, 345);
	ck_assert_str_eq(g->row.comm, "agent");
	ck_assert_str_eq(g->row.cgroup, "/system.slice/agent.service");
	/* its held files were closed */
	ck_assert_uint_eq(proc_table_held(f.t, NULL), 0);
	ck_assert_uint_eq(open_fixture_files(&f, 300, NULL, 0), 0);

	refresh_at(&f, 2 + TTL_S); /* exactly the TTL: kept */
	ck_assert_ptr_nonnull(ghost(&f, 300));
	refresh_at(&f, 2 + TTL_S + 0.5);
	ck_assert_ptr_null(ghost(&f, 300));
	ck_assert_uint_eq(nghosts(&f), 0);
	fx_close(&f);
}
END_TEST

START_TEST(ghosts_are_bounded_and_oom_killed_ones_dropped_last)
{
	struct fx f;
	fx_open(&f, 0, false); /* 300 processes: nothing to learn from held files here */
	enum { FIRST = 1000, N = 300, KILLED = 5, EARLY = 10 };
	for (pid_t pid = FIRST; pid < FIRST + N; pid++) {
		struct fxproc p = fxproc_default(pid, "churn");
		fxproc_write(f.root, &p);
	}
	refresh_at(&f, 0);
	size_t n;
	proc_table_live(f.t, &n);
	ck_assert_uint_eq(n, N);

	/* the first ten exit; five of them were OOM-killed */
	for (pid_t pid = FIRST; pid < FIRST + EARLY; pid++)
		fxproc_remove(f.root, pid);
	refresh_at(&f, 1);
	ck_assert_uint_eq(nghosts(&f), EARLY);
	for (pid_t pid = FIRST; pid < FIRST + KILLED; pid++)
		proc_table_mark_oom_killed(f.t, pid, 1000 + (uint64_t)pid);
	proc_table_mark_oom_killed(f.t, FIRST + KILLED, 1); /* another start time: not this one */

	/* then every other: 300 ghosts for 256 places */
	for (pid_t pid = FIRST + EARLY; pid < FIRST + N; pid++)
		fxproc_remove(f.root, pid);
	refresh_at(&f, 2);
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
	fx_close(&f);
}
END_TEST

/* ---------------------------------------------------------------- identity */

START_TEST(pid_reuse_gives_a_new_row_and_a_ghost_of_the_old)
{
	/* budget 0: read by path, the start time checked (see the top of this file) */
	struct fx f;
	fx_open(&f, 0, false);
	struct fxproc p = fxproc_default(500, "worker");
	p.start_ticks = 7000;
	for (int i = 0; i <= 6; i++) { /* growing 1 MiB every 5 s: a slope */
		p.rss_kib = 10240 + 1024 * i;
		p.anon_kib = p.rss_kib - 2048;
		fxproc_write(f.root, &p);
		refresh_at(&f, 5.0 * i);
	}
	struct proc_entry *old = live(&f, 500);
	ck_assert_ptr_nonnull(old);
	ck_assert_double_eq_tol(old->row.rss_slope.per_s, 1024.0 * KiB / 5.0, 1.0);

	/* the same program started again under the same pid: only the start time tells */
	struct fxproc q = fxproc_default(500, "worker");
	q.cmdline = "worker --again";
	q.start_ticks = 9000;
	q.rss_kib = 5000;
	fxproc_write(f.root, &q);
	refresh_at(&f, 35);
	struct proc_entry *e = live(&f, 500);
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(e->row.start_ticks, 9000);
	ck_assert_str_eq(e->row.cmdline, "worker --again");
	ck_assert_int_eq(e->row.rss_bytes, 5000 * KiB);
	ck_assert(isnan(e->row.rss_slope.per_s)); /* a new series */
	struct proc_entry *g = ghost(&f, 500);
	ck_assert_ptr_nonnull(g);
	ck_assert_uint_eq(g->row.start_ticks, 7000);
	ck_assert_str_eq(g->row.cmdline, "worker");
	ck_assert_int_eq(g->row.rss_bytes, (10240 + 6144) * KiB);
	ck_assert_int_eq(g->row.state, PROC_EXITED);
	ck_assert(!isnan(g->row.rss_slope.per_s)); /* keeps what it had */
	fx_close(&f);
}
END_TEST

START_TEST(held_statm_is_the_pin_stat_is_not_read)
{
	/* The held path: with statm held the identity is proved by the held file (with the
	 * real /proc its read fails once the process is gone), so stat is not read by path
	 * at each refresh. A fixture cannot fail that read; what shows here is that the table
	 * does not look at the start time while it holds statm. */
	struct fx f;
	fx_open(&f, NO_CAP, false);
	struct fxproc p = fxproc_default(500, "worker");
	p.start_ticks = 7000;
	fxproc_write(f.root, &p);
	refresh_at(&f, 0);
	ck_assert_int_ge(live(&f, 500)->held_fds[PROC_HELD_STATM], 0);
	p.start_ticks = 9000;
	fxproc_write_file(f.root, &p, "stat");
	for (int i = 0; i < 3; i++)
		refresh(&f);
	ck_assert_uint_eq(live(&f, 500)->row.start_ticks, 7000);
	ck_assert_uint_eq(nghosts(&f), 0);
	fx_close(&f);
}
END_TEST

/* Today an exec (status Name: changed) ends the old image as a ghost and the next sample
 * meets the new one as a new row, same pid and start time. Issue 19 will keep one row
 * per (pid, start time) and restart its series: change this function then. */
static void expect_exec_outcome(struct fx *f, pid_t pid, uint64_t start_ticks)
{
	struct proc_entry *e = live(f, pid);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->row.comm, "python3");
	ck_assert_str_eq(e->row.cmdline, "python3 app.py");
	ck_assert_uint_eq(e->row.start_ticks, start_ticks);
	ck_assert_int_eq(e->row.rss_bytes, 40000 * KiB);
	struct proc_entry *g = ghost(f, pid);
	ck_assert_ptr_nonnull(g);
	ck_assert_str_eq(g->row.comm, "sh");
	ck_assert_uint_eq(g->row.start_ticks, start_ticks);
	ck_assert_int_eq(g->row.state, PROC_EXITED);
}

START_TEST(exec_ends_the_old_image_as_a_ghost_and_adopts_the_new)
{
	size_t budgets[] = {NO_CAP, 0};
	for (size_t b = 0; b < 2; b++) {
		struct fx f;
		fx_open(&f, budgets[b], false);
		struct fxproc p = fxproc_default(600, "sh");
		p.cmdline = "sh -c exec";
		fxproc_write(f.root, &p);
		refresh_at(&f, 0);
		refresh(&f);
		ck_assert_str_eq(live(&f, 600)->row.comm, "sh");
		/* exec: a new image (statm moves with the new mm), same pid and start time */
		p.comm = "python3";
		p.cmdline = "python3 app.py";
		p.rss_kib = 40000;
		fxproc_write(f.root, &p);
		refresh(&f);
		expect_exec_outcome(&f, 600, p.start_ticks);
		fx_close(&f);
	}
}
END_TEST

/* ---------------------------------------------------------------- held files */

static void assert_held(struct fx *f, size_t budget)
{
	size_t b;
	size_t held = proc_table_held(f->t, &b);
	ck_assert_uint_eq(b, budget);
	ck_assert_msg(held <= budget, "%zu held for a budget of %zu", held, budget);
	ck_assert_uint_eq(open_fixture_files(f, 0, NULL, 0), held); /* what it says is what is open */
}

/* pid holds the first `level` files of statm, oom_score_adj, fd/, status */
static void assert_level(struct fx *f, pid_t pid, int level)
{
	static const char *const prefix[] = {"", "statm", "statm oom_score_adj", "statm oom_score_adj fd",
					     "statm oom_score_adj fd status"};
	struct proc_entry *e = live(f, pid);
	ck_assert_ptr_nonnull(e);
	char names[128];
	open_fixture_files(f, pid, names, sizeof(names));
	ck_assert_msg(e->held_level == level && strcmp(names, prefix[level]) == 0,
		      "pid %d: level %d holding [%s], want %d", (int)pid, e->held_level, names, level);
}

START_TEST(held_files_stay_within_the_budget_levels_follow_the_count)
{
	/* 6.2+: statm, oom_score_adj, fd/ (O_PATH), status; a budget of 10 files */
	struct fx f;
	fx_open(&f, 10, true);
	struct fxproc kt = fxproc_default(2, "kthreadd");
	kt.kernel_thread = true;
	fxproc_write(f.root, &kt);
	for (pid_t pid = 700; pid < 703; pid++) {
		struct fxproc p = fxproc_default(pid, "held");
		fxproc_write(f.root, &p);
	}
	refresh_at(&f, 0); /* 3 processes: 10 / 3, the last one more */
	assert_held(&f, 10);
	assert_level(&f, 700, 3);
	assert_level(&f, 701, 3);
	assert_level(&f, 702, 4);
	ck_assert_uint_eq(proc_table_held(f.t, NULL), 10);
	ck_assert_int_eq(live(&f, 2)->held_level, 0);

	for (pid_t pid = 703; pid < 708; pid++) {
		struct fxproc p = fxproc_default(pid, "held");
		fxproc_write(f.root, &p);
	}
	refresh(&f); /* 8: one each, the last two two */
	assert_held(&f, 10);
	for (pid_t pid = 700; pid < 706; pid++)
		assert_level(&f, pid, 1);
	assert_level(&f, 706, 2);
	assert_level(&f, 707, 2);
	ck_assert_uint_eq(proc_table_held(f.t, NULL), 10);

	for (pid_t pid = 700; pid < 706; pid++)
		fxproc_remove(f.root, pid);
	refresh(&f); /* 2: all four files each */
	assert_held(&f, 10);
	assert_level(&f, 706, 4);
	assert_level(&f, 707, 4);
	ck_assert_uint_eq(proc_table_held(f.t, NULL), 8);
	refresh(&f); /* stays */
	assert_held(&f, 10);
	ck_assert_uint_eq(proc_table_held(f.t, NULL), 8);
	fx_close(&f);

	/* a budget of 0: nothing held */
	fx_open(&f, 0, true);
	struct fxproc p = fxproc_default(700, "held");
	fxproc_write(f.root, &p);
	refresh_at(&f, 0);
	assert_held(&f, 0);
	assert_level(&f, 700, 0);
	ck_assert_int_eq(live(&f, 700)->row.rss_bytes, 10240 * KiB);
	fx_close(&f);
}
END_TEST

/* ---------------------------------------------------------------- what is re-read when */

START_TEST(status_is_reread_when_statm_moved_and_every_tenth_refresh)
{
	/* pid 101: the periodic re-read falls on refreshes where (seq + 101) %
	 * PROC_SAMPLER_STATUS_EVERY == PROC_SAMPLER_STATUS_EVERY / 4, i.e. 1, 11, 21... */
	ck_assert_int_eq(PROC_SAMPLER_STATUS_EVERY, 10);
	struct fx f;
	fx_open(&f, NO_CAP, false);
	struct fxproc p = fxproc_default(101, "gated");
	fxproc_write(f.root, &p);
	refresh_at(&f, 0); /* seq 1 */
	ck_assert_int_ge(live(&f, 101)->held_fds[PROC_HELD_STATM], 0);
	ck_assert_int_eq(live(&f, 101)->row.threads, 1);

	/* threads start on cached stacks: status moves, statm does not */
	p.threads = 5;
	fxproc_write_file(f.root, &p, "status");
	for (int seq = 2; seq <= 10; seq++) {
		refresh(&f);
		ck_assert_msg(live(&f, 101)->row.threads == 1, "status re-read at refresh %d", seq);
	}
	refresh(&f); /* seq 11: the periodic re-read */
	ck_assert_int_eq(live(&f, 101)->row.threads, 5);

	/* memory moves: statm with it, and status is read at once */
	p.threads = 9;
	p.rss_kib += 4096;
	p.anon_kib += 4096;
	fxproc_write(f.root, &p);
	refresh(&f); /* seq 12 */
	ck_assert_int_eq(live(&f, 101)->row.threads, 9);
	ck_assert_int_eq(live(&f, 101)->row.rss_bytes, p.rss_kib * KiB);
	fx_close(&f);

	/* without statm held, status is read at every refresh */
	fx_open(&f, 0, false);
	p = fxproc_default(101, "gated");
	fxproc_write(f.root, &p);
	refresh_at(&f, 0);
	p.threads = 5;
	fxproc_write_file(f.root, &p, "status");
	refresh(&f);
	ck_assert_int_eq(live(&f, 101)->row.threads, 5);
	fx_close(&f);
}
END_TEST

START_TEST(oom_score_is_reread_when_its_inputs_move)
{
	/* pid 105: the periodic re-read falls on refreshes where (seq + 105) % 10 == 5: 10,
	 * 20...; the one of status on 7, 17... (which re-reads the score only if an input
	 * moved) */
	ck_assert_int_eq(PROC_SAMPLER_SCORE_EVERY, 10);
	struct fx f;
	fx_open(&f, NO_CAP, false);
	struct fxproc p = fxproc_default(105, "scored");
	fxproc_write(f.root, &p);
	refresh_at(&f, 0); /* seq 1: read */
	ck_assert_int_eq(live(&f, 105)->row.oom_score, 10);

	p.oom_score = 20; /* nothing it depends on moved */
	fxproc_write_file(f.root, &p, "oom_score");
	for (int seq = 2; seq <= 9; seq++) {
		refresh(&f);
		ck_assert_msg(live(&f, 105)->row.oom_score == 10, "oom_score re-read at refresh %d", seq);
	}
	refresh(&f); /* seq 10 */
	ck_assert_int_eq(live(&f, 105)->row.oom_score, 20);

	p.oom_score = 30; /* oom_score_adj moved */
	p.oom_score_adj = 100;
	fxproc_write_file(f.root, &p, "oom_score");
	fxproc_write_file(f.root, &p, "oom_score_adj");
	refresh(&f); /* 11 */
	ck_assert_int_eq(live(&f, 105)->row.oom_score_adj, 100);
	ck_assert_int_eq(live(&f, 105)->row.oom_score, 30);

	p.oom_score = 40; /* MemTotal moved */
	fxproc_write_file(f.root, &p, "oom_score");
	f.mem_total_bytes += INT64_C(1) << 30;
	refresh(&f); /* 12 */
	ck_assert_int_eq(live(&f, 105)->row.oom_score, 40);

	p.oom_score = 50; /* RSS moved */
	p.rss_kib += 1024;
	p.anon_kib += 1024;
	fxproc_write(f.root, &p);
	refresh(&f); /* 13 */
	ck_assert_int_eq(live(&f, 105)->row.oom_score, 50);

	p.oom_score = 60; /* nothing moved again */
	fxproc_write_file(f.root, &p, "oom_score");
	refresh(&f); /* 14 */
	ck_assert_int_eq(live(&f, 105)->row.oom_score, 50);
	fx_close(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("proc_table");
	TCase *tc = tcase_create("table");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, new_process_appears_with_the_fixture_values);
	tcase_add_test(tc, fd_count_from_st_size_of_fd);
	tcase_add_test(tc, fd_entries_are_counted_every_fifth_refresh);
	tcase_add_test(tc, fd_limit_read_first_then_near_it_and_eta);
	tcase_add_test(tc, exited_process_becomes_a_ghost_with_its_last_values_then_expires);
	tcase_add_test(tc, ghosts_are_bounded_and_oom_killed_ones_dropped_last);
	tcase_add_test(tc, pid_reuse_gives_a_new_row_and_a_ghost_of_the_old);
	tcase_add_test(tc, held_statm_is_the_pin_stat_is_not_read);
	tcase_add_test(tc, exec_ends_the_old_image_as_a_ghost_and_adopts_the_new);
	tcase_add_test(tc, held_files_stay_within_the_budget_levels_follow_the_count);
	tcase_add_test(tc, status_is_reread_when_statm_moved_and_every_tenth_refresh);
	tcase_add_test(tc, oom_score_is_reread_when_its_inputs_move);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
