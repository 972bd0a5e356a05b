/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The costly per-process readers of the detail view and --detail, and the fd limit every
 * process gets: /proc/PID/limits (core/proc/limits.c) and smaps_rollup / smaps
 * (core/proc/smaps.c) on real files (tests/fixtures/{limits,smaps}/, expected.tsv beside
 * them), the fd-kind classifier and the bounded reader of fd/ on a real child with known
 * fds (core/proc/fdkinds.c), and the fd ETA (core/estimate/fd_eta.c). */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/base/util.h"
#include "core/estimate/fd_eta.h"
#include "core/model.h"
#include "core/proc/detail.h"
#include "core/proc/fdkinds.h"
#include "core/proc/limits.h"
#include "core/proc/smaps.h"
#include "core/proc/stat.h"
#include "tests/lib/fxtable.h"
#include "tests/unit/ck_run.h"

#define LIMITS_DIR FIXTURES "/limits"
#define SMAPS_DIR FIXTURES "/smaps"
#define T0 1700000000.0


/* Each row of dir/expected.tsv (after its header) to check(cols, ncols); every fixture
 * file has a row. */
static void each_row(const char *dir, int want_cols, void (*check)(char **cols))
{
	char *table = fxtable_slurp(dir, "expected.tsv");
	int rows = 0;
	char *save = NULL;
	bool header = true;
	for (char *line = strtok_r(table, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (header) {
			header = false;
			continue;
		}
		char *cols[16];
		int n = fxtable_split(line, cols, 16);
		ck_assert_msg(n == want_cols, "%s/expected.tsv: %d columns in a row for %s", dir, n, cols[0]);
		check(cols);
		rows++;
	}
	free(table);
	ck_assert_int_eq(rows, fxtable_count(dir));
}

/* --- /proc/PID/limits --- */

static void check_limits_row(char **cols)
{
	char *buf = fxtable_slurp(LIMITS_DIR, cols[0]);
	struct proc_limits l;
	ck_assert_msg(proc_limits_parse(buf, &l) == 0, "%s not parsed", cols[0]);
	ck_assert_msg(l.nofile_soft == fxtable_cell(cols[1]), "%s: soft %lld", cols[0], (long long)l.nofile_soft);
	ck_assert_msg(l.nofile_hard == fxtable_cell(cols[2]), "%s: hard %lld", cols[0], (long long)l.nofile_hard);
	ck_assert_int_eq(proc_limits_fd_limit(&l), fxtable_cell(cols[1]));
	free(buf);
}

START_TEST(limits_real_files)
{
	each_row(LIMITS_DIR, 3, check_limits_row);
}
END_TEST

START_TEST(limits_unlimited_and_malformed)
{
	struct proc_limits l;
	/* an unlimited soft limit is no limit to run into: the row's fd_limit is unknown */
	ck_assert_int_eq(proc_limits_parse("Max open files            unlimited            unlimited            files\n", &l), 0);
	ck_assert(l.nofile_soft == PROC_LIMITS_UNLIMITED && l.nofile_hard == PROC_LIMITS_UNLIMITED);
	ck_assert(!val_known(proc_limits_fd_limit(&l)));
	/* the last line, without its newline */
	ck_assert_int_eq(proc_limits_parse("Max processes  5  5  processes\nMax open files 7 9", &l), 0);
	ck_assert_int_eq(l.nofile_soft, 7);
	ck_assert_int_eq(l.nofile_hard, 9);
	static const char *const bad[] = {
		"",
		"Limit                     Soft Limit           Hard Limit           Units\n",
		"Max open files            1024\n",                 /* the hard value missing */
		"Max open files            12ab                 4096                 files\n",
		"Max open filesystems      1024                 4096                 files\n",
		"Max open files            -1                   4096                 files\n",
		"Max open files\n",
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		ck_assert_msg(proc_limits_parse(bad[i], &l) == -EINVAL, "accepted: %s", bad[i]);
		ck_assert(!val_known(l.nofile_soft) && !val_known(l.nofile_hard));
	}
	/* past INT64_MAX (the locked-memory line of procfs-26231 has one): unknown, not wrapped */
	ck_assert_int_eq(proc_limits_parse("Max open files 18446744073708503040 18446744073708503040 files\n", &l), 0);
	ck_assert(!val_known(l.nofile_soft) && !val_known(l.nofile_hard));
}
END_TEST

START_TEST(limits_read_this_process)
{
	int proc_fd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ck_assert_int_ge(proc_fd, 0);
	char buf[4096];
	ck_assert_int_gt(util_read_file("/proc/self/limits", buf, sizeof(buf)), 0);
	struct proc_limits want, got;
	ck_assert_int_eq(proc_limits_parse(buf, &want), 0);
	ck_assert_int_eq(proc_limits_read(proc_fd, getpid(), &got), 0);
	ck_assert_int_eq(got.nofile_soft, want.nofile_soft);
	ck_assert_int_eq(got.nofile_hard, want.nofile_hard);
	/* a pid that is not there: an error, the values unknown */
	ck_assert_int_lt(proc_limits_read(proc_fd, 0x3fffffff, &got), 0);
	ck_assert(!val_known(got.nofile_soft));
	close(proc_fd);
}
END_TEST

START_TEST(limits_due_rarely_but_near_the_limit_always)
{
	/* never read (or unreadable): every refresh */
	ck_assert(proc_limits_due(10, VAL_UNKNOWN, 7, 1234));
	/* far from the limit: once in PROC_LIMITS_EVERY refreshes, staggered by pid */
	int hits = 0, hits_other = 0;
	unsigned long first = 0, first_other = 0;
	for (unsigned long seq = 1; seq <= PROC_LIMITS_EVERY; seq++) {
		if (proc_limits_due(10, 1024, seq, 1234) && hits++ == 0)
			first = seq;
		if (proc_limits_due(10, 1024, seq, 1235) && hits_other++ == 0)
			first_other = seq;
	}
	ck_assert_int_eq(hits, 1);
	ck_assert_int_eq(hits_other, 1);
	ck_assert_uint_ne(first, first_other);
	/* unknown fds: as far */
	hits = 0;
	for (unsigned long seq = 1; seq <= PROC_LIMITS_EVERY; seq++)
		hits += proc_limits_due(VAL_UNKNOWN, 1024, seq, 99);
	ck_assert_int_eq(hits, 1);
	/* at 3/4 of the limit and beyond: every refresh */
	for (unsigned long seq = 1; seq <= 50; seq++) {
		ck_assert(proc_limits_due(768, 1024, seq, 1234));
		ck_assert(proc_limits_due(1500, 1024, seq, 1234));
	}
	ck_assert(!proc_limits_due(767, 1024, first + 1, 1234));
}
END_TEST

/* --- smaps_rollup, smaps --- */

static void check_smaps_row(char **cols)
{
	char *buf = fxtable_slurp(SMAPS_DIR, cols[0]);
	struct proc_smaps m;
	ck_assert_msg(proc_smaps_parse(buf, &m) == 0, "%s not parsed", cols[0]);
	int64_t got[] = {m.rss_bytes,       m.pss_bytes,  m.pss_anon_bytes, m.pss_file_bytes,
			 m.pss_shmem_bytes, m.swap_bytes, m.swap_pss_bytes};
	static const char *const names[] = {"rss", "pss", "pss_anon", "pss_file", "pss_shmem", "swap", "swap_pss"};
	for (int i = 0; i < 7; i++)
		ck_assert_msg(got[i] == fxtable_cell(cols[1 + i]), "%s: %s is %lld, want %s", cols[0], names[i],
			      (long long)got[i], cols[1 + i]);
	free(buf);
}

START_TEST(smaps_real_files)
{
	each_row(SMAPS_DIR, 8, check_smaps_row);
}
END_TEST

/* The summed smaps of a process against its rollup of the same moment: Rss the same, Pss
 * lower by less than a kB per mapping (each mapping's Pss is printed rounded down). */
START_TEST(smaps_summed_matches_the_rollup)
{
	char *full = fxtable_slurp(SMAPS_DIR, "k6.18-local-sleep.smaps");
	char *roll = fxtable_slurp(SMAPS_DIR, "k6.18-local-sleep.smaps_rollup");
	struct proc_smaps a, b;
	ck_assert_int_eq(proc_smaps_parse(full, &a), 0);
	ck_assert_int_eq(proc_smaps_parse(roll, &b), 0);
	int mappings = 0;
	for (const char *p = full; (p = strstr(p, "\nVmFlags:")); p++)
		mappings++;
	ck_assert_int_gt(mappings, 10);
	ck_assert_int_eq(a.rss_bytes, b.rss_bytes);
	ck_assert_int_le(a.pss_bytes, b.pss_bytes);
	ck_assert_int_lt(b.pss_bytes - a.pss_bytes, mappings * 1024);
	ck_assert(!val_known(a.pss_anon_bytes)); /* smaps has no Pss_Anon */
	free(full);
	free(roll);
}
END_TEST

START_TEST(smaps_keys_exact_and_garbage)
{
	struct proc_smaps m;
	/* "Pss_Anon:" and "Pss_Dirty:" are not "Pss:"; "SwapPss:" is not "Swap:" */
	ck_assert_int_eq(proc_smaps_parse("Pss_Anon: 5 kB\nPss_Dirty: 7 kB\nPss: 11 kB\nSwapPss: 2 kB\n", &m), 0);
	ck_assert_int_eq(m.pss_bytes, 11 * 1024);
	ck_assert_int_eq(m.pss_anon_bytes, 5 * 1024);
	ck_assert_int_eq(m.swap_pss_bytes, 2 * 1024);
	ck_assert(!val_known(m.swap_bytes) && !val_known(m.rss_bytes));
	/* no Pss: not a rollup */
	ck_assert_int_eq(proc_smaps_parse("Rss: 4 kB\n", &m), -EINVAL);
	ck_assert_int_eq(proc_smaps_parse("", &m), -EINVAL);
	ck_assert_int_eq(proc_smaps_parse("Pss:\nPss: kB\n", &m), -EINVAL);
	/* absurd sizes: unknown (one line), saturated (a sum), never negative */
	ck_assert_int_eq(proc_smaps_parse("Pss: 99999999999999999999 kB\nPss: 1 kB\n", &m), 0);
	ck_assert_int_eq(m.pss_bytes, 1024);
	ck_assert_int_eq(proc_smaps_parse("Pss: 9007199254740991 kB\nPss: 9007199254740991 kB\nPss: 9007199254740991 kB\n", &m), 0);
	ck_assert_int_gt(m.pss_bytes, 0);
}
END_TEST

START_TEST(smaps_read_this_process)
{
	int proc_fd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ck_assert_int_ge(proc_fd, 0);
	struct proc_smaps m;
	int rc = proc_smaps_read(proc_fd, getpid(), &m);
	ck_assert_msg(rc == 0, "smaps of this process: %s", strerror(-rc));
	ck_assert_int_gt(m.pss_bytes, 0);
	ck_assert_int_ge(m.rss_bytes, m.pss_bytes);
	ck_assert_int_lt(proc_smaps_read(proc_fd, 0x3fffffff, &m), 0);
	ck_assert(!val_known(m.pss_bytes));
	close(proc_fd);
}
END_TEST

/* --- fd kinds --- */

START_TEST(fdkinds_classify)
{
	static const struct {
		const char *link;
		unsigned mode;
		enum fd_kind kind;
		enum fd_anon anon;
	} cases[] = {
		{"socket:[81723]", 0, FD_KIND_SOCKET, FD_ANON_OTHER},
		{"pipe:[4412]", 0, FD_KIND_PIPE, FD_ANON_OTHER},
		{"anon_inode:[eventfd]", 0, FD_KIND_ANON_INODE, FD_ANON_EVENTFD},
		{"anon_inode:[eventpoll]", 0, FD_KIND_ANON_INODE, FD_ANON_EVENTPOLL},
		{"anon_inode:[timerfd]", 0, FD_KIND_ANON_INODE, FD_ANON_TIMERFD},
		{"anon_inode:[signalfd]", 0, FD_KIND_ANON_INODE, FD_ANON_SIGNALFD},
		{"anon_inode:inotify", 0, FD_KIND_ANON_INODE, FD_ANON_INOTIFY},
		{"anon_inode:[pidfd]", 0, FD_KIND_ANON_INODE, FD_ANON_PIDFD},
		{"anon_inode:[io_uring]", 0, FD_KIND_ANON_INODE, FD_ANON_IO_URING},
		{"anon_inode:bpf-map", 0, FD_KIND_ANON_INODE, FD_ANON_OTHER},
		{"anon_inode:[eventfdX]", 0, FD_KIND_ANON_INODE, FD_ANON_OTHER},
		{"anon_inode:", 0, FD_KIND_ANON_INODE, FD_ANON_OTHER},
		{"/var/log/app.log", S_IFREG, FD_KIND_FILE, FD_ANON_OTHER},
		{"/memfd:buf (deleted)", S_IFREG, FD_KIND_FILE, FD_ANON_OTHER},
		{"/dev/null", S_IFCHR, FD_KIND_OTHER, FD_ANON_OTHER},
		{"/srv/share", S_IFDIR, FD_KIND_OTHER, FD_ANON_OTHER},
		{"/run/app.fifo", S_IFIFO, FD_KIND_PIPE, FD_ANON_OTHER},
		{"/dev/sda1", S_IFBLK, FD_KIND_OTHER, FD_ANON_OTHER},
		/* the target's type unknown (statx failed): by the name */
		{"/dev/pts/0", 0, FD_KIND_OTHER, FD_ANON_OTHER},
		{"/dev/shm/sem.x", 0, FD_KIND_FILE, FD_ANON_OTHER},
		{"/home/a/notes.txt", 0, FD_KIND_FILE, FD_ANON_OTHER},
		{"net:[4026531840]", 0, FD_KIND_OTHER, FD_ANON_OTHER},
		{"socket:", 0, FD_KIND_OTHER, FD_ANON_OTHER},
		{"", 0, FD_KIND_OTHER, FD_ANON_OTHER},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		enum fd_anon a = FD_ANON_COUNT;
		enum fd_kind k = proc_fdkinds_classify(cases[i].link, cases[i].mode, &a);
		ck_assert_msg(k == cases[i].kind, "%s: kind %s", cases[i].link, proc_fdkinds_name(k));
		ck_assert_msg(a == cases[i].anon, "%s: anon %s", cases[i].link, proc_fdkinds_anon_name(a));
	}
	ck_assert_int_eq(proc_fdkinds_classify("pipe:[1]", 0, NULL), FD_KIND_PIPE);
	ck_assert_str_eq(proc_fdkinds_name(FD_KIND_ANON_INODE), "anon_inode");
	ck_assert_str_eq(proc_fdkinds_anon_name(FD_ANON_EVENTPOLL), "epoll");
}
END_TEST

START_TEST(fdkinds_pick_spreads_and_scale)
{
	for (size_t i = 0; i < 7; i++)
		ck_assert_uint_eq(proc_fdkinds_pick(7, 10, i), i);
	size_t n = 20000, k = 1024, prev = 0;
	for (size_t i = 0; i < k; i++) {
		size_t p = proc_fdkinds_pick(n, k, i);
		ck_assert_uint_lt(p, n);
		if (i)
			ck_assert_uint_gt(p, prev);
		prev = p;
	}
	ck_assert_uint_eq(proc_fdkinds_pick(n, k, 0), 0);
	ck_assert_uint_eq(proc_fdkinds_pick(n, k, k - 1), n - 1);
	ck_assert_uint_eq(proc_fdkinds_pick(5, 1, 0), 0);
	ck_assert_int_eq(proc_fdkinds_scale(512, 20000, 1024), 10000);
	ck_assert_int_eq(proc_fdkinds_scale(3, 10, 3), 10);
	ck_assert_int_eq(proc_fdkinds_scale(1, 3, 2), 2); /* 1.5 rounds up */
	ck_assert_int_eq(proc_fdkinds_scale(0, 3, 2), 0);
	ck_assert_int_eq(proc_fdkinds_scale(5, 3, 0), 0);
}
END_TEST

/* A child with known fds: 0-2 on /dev/null, a socket pair, a socket, two pipes and the end
 * of the pipe it says it is ready on,
 * an eventfd, an epoll, a timerfd, a regular file, a directory; then `extra` more sockets.
 * It waits until killed. */
static pid_t known_child(int extra, int *nfds)
{
	int ready[2];
	ck_assert_int_eq(pipe(ready), 0);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		for (int fd = 0; fd < 3; fd++)
			dup2(null, fd);
		for (int fd = 3; fd < 1024; fd++)
			if (fd != ready[1])
				close(fd);
		int sv[2];
		socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
		socket(AF_INET, SOCK_STREAM, 0);
		int p1[2], p2[2];
		if (pipe(p1) || pipe(p2))
			_exit(1);
		eventfd(0, 0);
		epoll_create1(0);
		timerfd_create(CLOCK_MONOTONIC, 0);
		open("/proc/self/exe", O_RDONLY); /* a regular file */
		open("/", O_RDONLY | O_DIRECTORY);
		for (int i = 0; i < extra; i++)
			socket(AF_UNIX, SOCK_DGRAM, 0);
		/* ready[1] stays open (closing it after the write would race the listing) */
		if (write(ready[1], "r", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(ready[1]);
	char c;
	ck_assert_int_eq(read(ready[0], &c, 1), 1);
	close(ready[0]);
	*nfds = 3 + 3 + 5 + 3 + 2 + extra;
	return pid;
}

static void end_child(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

START_TEST(fdkinds_read_every_fd)
{
	int n;
	pid_t pid = known_child(0, &n);
	int proc_fd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct proc_fdkinds_scratch sc = {0};
	struct proc_fdkinds k;
	int rc = proc_fdkinds_read(proc_fd, pid, 1024, &sc, &k);
	ck_assert_msg(rc == 0, "fd/ of a child: %s", strerror(-rc));
	ck_assert_int_eq(k.listed, n);
	ck_assert_int_eq(k.links, n);
	ck_assert(!k.sampled);
	ck_assert_int_eq(k.count[FD_KIND_SOCKET], 3);
	ck_assert_int_eq(k.count[FD_KIND_PIPE], 5);
	ck_assert_int_eq(k.count[FD_KIND_ANON_INODE], 3);
	ck_assert_int_eq(k.count[FD_KIND_FILE], 1);
	ck_assert_int_eq(k.count[FD_KIND_OTHER], 4); /* /dev/null three times, / */
	ck_assert_int_eq(k.anon[FD_ANON_EVENTFD], 1);
	ck_assert_int_eq(k.anon[FD_ANON_EVENTPOLL], 1);
	ck_assert_int_eq(k.anon[FD_ANON_TIMERFD], 1);
	ck_assert_int_eq(k.anon[FD_ANON_OTHER], 0);
	ck_assert_int_eq(k.stats, 5); /* the paths only */
	end_child(pid);
	/* gone: an error, and nothing known */
	ck_assert_int_lt(proc_fdkinds_read(proc_fd, pid, 1024, &sc, &k), 0);
	ck_assert(!val_known(k.count[FD_KIND_SOCKET]) && !val_known(k.listed));
	proc_fdkinds_scratch_free(&sc);
	close(proc_fd);
}
END_TEST

/* More fds than links read: a bounded number of readlinks, spread over every fd, counts
 * scaled to the listing and marked sampled. */
START_TEST(fdkinds_sampled_many)
{
	int n;
	pid_t pid = known_child(600, &n);
	int proc_fd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct proc_fdkinds_scratch sc = {0};
	struct proc_fdkinds k;
	ck_assert_int_eq(proc_fdkinds_read(proc_fd, pid, 100, &sc, &k), 0);
	ck_assert_int_eq(k.listed, n);
	ck_assert_int_eq(k.links, 100);
	ck_assert(k.sampled);
	int64_t sum = 0;
	for (int c = 0; c < FD_KIND_COUNT; c++)
		sum += k.count[c];
	ck_assert_int_le(labs((long)(sum - n)), 3); /* rounding */
	/* 603 sockets of 616: the sample says so within a few percent */
	ck_assert_int_ge(k.count[FD_KIND_SOCKET], 603 * 95 / 100);
	ck_assert_int_le(k.count[FD_KIND_SOCKET], n);
	end_child(pid);
	proc_fdkinds_scratch_free(&sc);
	close(proc_fd);
}
END_TEST


/* --- the details of a few processes (core/proc/detail.c) on real children --- */

/* A snapshot holding rows for the given children, as the collector would after sampling. */
struct dsnap {
	struct snapshot s;
	struct proc_row rows[4];
	struct proc_row *ptrs[4];
};

static uint64_t start_ticks_of(pid_t pid)
{
	char path[64], buf[1024];
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	ck_assert_int_gt(util_read_file(path, buf, sizeof(buf)), 0);
	struct proc_stat st;
	ck_assert_int_eq(proc_stat_parse(buf, &st), 0);
	return st.start_ticks;
}

static void dsnap_init(struct dsnap *d, const pid_t *pids, int n)
{
	memset(d, 0, sizeof(*d));
	for (int i = 0; i < n; i++) {
		struct proc_row *r = &d->rows[i];
		r->pid = pids[i];
		r->ppid = getpid();
		r->user = "root";
		r->comm = "child";
		r->cmdline = "check_detail child";
		r->cgroup = "/";
		r->start_ticks = start_ticks_of(pids[i]);
		r->rss_bytes = (int64_t)(i + 1) << 20;
		r->fds = 10 + i;
		r->threads = 1;
		r->state = PROC_RUNNING;
		r->exited_unix_s = NAN;
		r->oom_event = -1;
		r->fd_limit = 1024;
		r->fd_eta_s = NAN;
		d->ptrs[i] = r;
	}
	d->s.procs = d->ptrs;
	d->s.nprocs = (size_t)n;
	d->s.t_mono_ms = 500000;
	d->s.time_unix_s = T0;
}

static void dsnap_at(struct dsnap *d, double at_s)
{
	d->s.t_mono_ms = 500000 + (int64_t)(at_s * 1000);
	d->s.time_unix_s = T0 + at_s;
}

START_TEST(details_of_the_watched_process_and_its_exit)
{
	int n;
	pid_t pid = known_child(0, &n);
	struct dsnap d;
	dsnap_init(&d, &pid, 1);
	struct proc_details *ds = proc_details_new("/proc");
	ck_assert_ptr_nonnull(ds);
	/* nothing asked: nothing read */
	proc_details_refresh(ds, &d.s, 60);
	ck_assert_uint_eq(d.s.ndetails, 0);
	ck_assert_int_eq(proc_details_watch(ds, pid, d.rows[0].start_ticks), 0);
	proc_details_refresh(ds, &d.s, 60);
	ck_assert_uint_eq(d.s.ndetails, 1);
	const struct proc_detail *p = proc_details_find(&d.s, pid, d.rows[0].start_ticks);
	ck_assert_ptr_nonnull(p);
	ck_assert(!p->exited);
	ck_assert_int_eq(p->fd_kinds[FD_KIND_SOCKET], 3);
	ck_assert_int_eq(p->fd_kinds[FD_KIND_PIPE], 5);
	ck_assert_int_eq(p->fds_listed, n);
	ck_assert_int_eq(p->links_read, n);
	ck_assert_int_gt(p->pss_bytes, 0);
	ck_assert(val_known(p->fd_limit_hard));
	ck_assert_str_eq(p->row.cmdline, "check_detail child");
	ck_assert_ptr_ne(p->row.cmdline, d.rows[0].cmdline); /* its own copy */
	ck_assert_uint_eq(p->ntrail, 1);
	ck_assert_int_eq(p->trail[0].t_ms, 500000);
	ck_assert_int_eq(p->trail[0].rss_bytes, 1 << 20);
	/* a trail point per refresh, no closer than window / PROC_TRAIL_MAX (60 s: 117 ms) */
	dsnap_at(&d, 0.05);
	proc_details_refresh(ds, &d.s, 60);
	ck_assert_uint_eq(proc_details_find(&d.s, pid, d.rows[0].start_ticks)->ntrail, 1);
	for (int i = 1; i <= 80; i++) {
		d.rows[0].fds = 10 + i;
		dsnap_at(&d, i);
		proc_details_refresh(ds, &d.s, 60);
	}
	p = proc_details_find(&d.s, pid, d.rows[0].start_ticks);
	/* none older than the window: the points of 20..80 s */
	ck_assert_uint_eq(p->ntrail, 61);
	ck_assert_int_eq(p->trail[0].t_ms, 500000 + 20000);
	ck_assert_int_eq(p->trail[p->ntrail - 1].fds, 90);
	/* the kinds' slopes: nothing grows */
	ck_assert_double_eq_tol(p->fd_kind_slope[FD_KIND_SOCKET].per_s, 0.0, 1e-9);

	/* it exits: the ghost row first, then no row at all; the detail stays, marked */
	end_child(pid);
	d.rows[0].state = PROC_EXITED;
	d.rows[0].exited_unix_s = T0 + 81;
	dsnap_at(&d, 81);
	proc_details_refresh(ds, &d.s, 60);
	p = proc_details_find(&d.s, pid, d.rows[0].start_ticks);
	ck_assert_ptr_nonnull(p);
	ck_assert(p->exited);
	ck_assert_double_eq(p->exited_unix_s, T0 + 81);
	ck_assert_int_eq(p->row.state, PROC_EXITED);
	ck_assert_int_eq(p->fd_kinds[FD_KIND_SOCKET], 3); /* the last values */
	ck_assert_uint_eq(p->ntrail, 61);
	uint64_t st = d.rows[0].start_ticks;
	d.s.nprocs = 0;
	dsnap_at(&d, 200);
	proc_details_refresh(ds, &d.s, 60);
	p = proc_details_find(&d.s, pid, st);
	ck_assert_ptr_nonnull(p);
	ck_assert(p->exited);
	ck_assert_str_eq(p->row.comm, "child");
	ck_assert_int_eq(p->row.fds, 90);
	ck_assert_uint_eq(p->ntrail, 61);
	/* no longer watched: gone */
	proc_details_watch(ds, 0, 0);
	proc_details_refresh(ds, &d.s, 60);
	ck_assert_uint_eq(d.s.ndetails, 0);
	proc_details_free(ds);
}
END_TEST

START_TEST(details_not_read_for_another_incarnation)
{
	/* the row says another start time than the process under that pid has (the pid was
	 * reused since the row was sampled): nothing of the new process is taken */
	int n;
	pid_t pid = known_child(0, &n);
	struct dsnap d;
	dsnap_init(&d, &pid, 1);
	d.rows[0].start_ticks += 1;
	struct proc_details *ds = proc_details_new("/proc");
	proc_details_watch(ds, pid, d.rows[0].start_ticks);
	proc_details_refresh(ds, &d.s, 60);
	const struct proc_detail *p = proc_details_find(&d.s, pid, d.rows[0].start_ticks);
	ck_assert_ptr_nonnull(p);
	ck_assert(!val_known(p->pss_bytes));
	ck_assert(!val_known(p->fd_kinds[FD_KIND_SOCKET]));
	proc_details_free(ds);
	end_child(pid);
}
END_TEST

START_TEST(details_of_the_top_rows_by_the_sort)
{
	pid_t pids[3];
	int n;
	for (int i = 0; i < 3; i++)
		pids[i] = known_child(i, &n);
	struct dsnap d;
	dsnap_init(&d, pids, 3); /* RSS 1, 2, 3 MiB */
	struct proc_details *ds = proc_details_new("/proc");
	/* by RSS, the two largest: the 2nd and 3rd child */
	proc_details_top(ds, NULL, SORT_RSS, false, 2);
	proc_details_refresh(ds, &d.s, 60);
	ck_assert_uint_eq(d.s.ndetails, 2);
	ck_assert_ptr_null(proc_details_find(&d.s, pids[0], d.rows[0].start_ticks));
	const struct proc_detail *p = proc_details_find(&d.s, pids[2], d.rows[2].start_ticks);
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->fd_kinds[FD_KIND_SOCKET], 5);
	ck_assert_uint_eq(p->ntrail, 0); /* a trail for the watched process only */
	/* a filter (-p): only the one it names */
	struct proc_filter f = {.pids = &pids[0], .npids = 1};
	proc_details_top(ds, &f, SORT_RSS, false, 1);
	proc_details_refresh(ds, &d.s, 60);
	ck_assert_uint_eq(d.s.ndetails, 1);
	ck_assert_ptr_nonnull(proc_details_find(&d.s, pids[0], d.rows[0].start_ticks));
	/* exited ones are not read (and so not listed) */
	d.rows[0].state = PROC_EXITED;
	proc_details_refresh(ds, &d.s, 60);
	ck_assert_uint_eq(d.s.ndetails, 0);
	proc_details_free(ds);
	for (int i = 0; i < 3; i++)
		end_child(pids[i]);
}
END_TEST

/* A recording gives the trail its first points, moved to the snapshot's clock. */
static pid_t seen_pid;
static int64_t seen_from, seen_to;
static size_t fake_fill(void *ctx, pid_t pid, uint64_t start_ticks, int64_t from_unix_ms, int64_t to_unix_ms,
			struct proc_trail_point *out, size_t max)
{
	(void)ctx;
	(void)start_ticks;
	seen_pid = pid;
	seen_from = from_unix_ms;
	seen_to = to_unix_ms;
	ck_assert_uint_ge(max, 3);
	for (int i = 0; i < 3; i++)
		out[i] = (struct proc_trail_point){(int64_t)(T0 * 1000) - 30000 + 10000 * i, 100 + i, 5 + i, 1};
	return 3;
}

START_TEST(details_trail_starts_from_a_recording)
{
	int n;
	pid_t pid = known_child(0, &n);
	struct dsnap d;
	dsnap_init(&d, &pid, 1);
	struct proc_details *ds = proc_details_new("/proc");
	struct proc_trail_source src = {fake_fill, NULL};
	proc_details_trail_source(ds, &src);
	proc_details_watch(ds, pid, d.rows[0].start_ticks);
	proc_details_refresh(ds, &d.s, 60);
	const struct proc_detail *p = proc_details_find(&d.s, pid, d.rows[0].start_ticks);
	ck_assert_int_eq(seen_pid, pid);
	ck_assert_int_eq(seen_from, (int64_t)(T0 * 1000) - 60000);
	ck_assert_int_eq(seen_to, (int64_t)(T0 * 1000) - 1);
	ck_assert_uint_eq(p->ntrail, 4);
	ck_assert_int_eq(p->trail[0].t_ms, 500000 - 30000);
	ck_assert_int_eq(p->trail[2].t_ms, 500000 - 10000);
	ck_assert_int_eq(p->trail[2].fds, 7);
	ck_assert_int_eq(p->trail[3].t_ms, 500000); /* the live sample */
	proc_details_free(ds);
	end_child(pid);
}
END_TEST

/* --- the fd ETA --- */

START_TEST(fd_eta_evidence)
{
	struct slope steady = {5.0, 0.99};
	/* 5 fds/s from 100 to 1500: 280 s */
	ck_assert_double_eq_tol(fd_eta_s(100, 1500, steady, 60), 280.0, 1e-9);
	/* at or over the limit: now, whatever the slope */
	ck_assert_double_eq(fd_eta_s(1500, 1500, (struct slope){NAN, NAN}, 60), 0.0);
	ck_assert_double_eq(fd_eta_s(2000, 1500, (struct slope){-1, 1}, 60), 0.0);
	/* unknown counts, no limit */
	ck_assert(isnan(fd_eta_s(VAL_UNKNOWN, 1500, steady, 60)));
	ck_assert(isnan(fd_eta_s(100, VAL_UNKNOWN, steady, 60)));
	ck_assert(isnan(fd_eta_s(100, 0, steady, 60)));
	/* flat, shrinking, unknown slopes */
	ck_assert(isnan(fd_eta_s(100, 1500, (struct slope){0, 1}, 60)));
	ck_assert(isnan(fd_eta_s(100, 1500, (struct slope){-2, 1}, 60)));
	ck_assert(isnan(fd_eta_s(100, 1500, (struct slope){NAN, NAN}, 60)));
	/* noise: a poor fit */
	ck_assert(isnan(fd_eta_s(100, 1500, (struct slope){5.0, 0.3}, 60)));
	/* too little growth over the window: under 1% of the limit (15 fds of 1500) ... */
	ck_assert(isnan(fd_eta_s(100, 1500, (struct slope){0.2, 1}, 60)));   /* 12 fds */
	ck_assert(!isnan(fd_eta_s(100, 1500, (struct slope){0.3, 1}, 60)));  /* 18 fds */
	/* ... and under FD_ETA_MIN_GROWTH_FDS for a small limit */
	ck_assert(isnan(fd_eta_s(10, 100, (struct slope){0.1, 1}, 60)));     /* 6 fds */
	ck_assert(!isnan(fd_eta_s(10, 100, (struct slope){0.15, 1}, 60)));   /* 9 fds */
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("detail");
	TCase *tc = tcase_create("limits");
	tcase_add_test(tc, limits_real_files);
	tcase_add_test(tc, limits_unlimited_and_malformed);
	tcase_add_test(tc, limits_read_this_process);
	tcase_add_test(tc, limits_due_rarely_but_near_the_limit_always);
	suite_add_tcase(s, tc);
	tc = tcase_create("smaps");
	tcase_add_test(tc, smaps_real_files);
	tcase_add_test(tc, smaps_summed_matches_the_rollup);
	tcase_add_test(tc, smaps_keys_exact_and_garbage);
	tcase_add_test(tc, smaps_read_this_process);
	suite_add_tcase(s, tc);
	tc = tcase_create("fdkinds");
	tcase_add_test(tc, fdkinds_classify);
	tcase_add_test(tc, fdkinds_pick_spreads_and_scale);
	tcase_add_test(tc, fdkinds_read_every_fd);
	tcase_add_test(tc, fdkinds_sampled_many);
	suite_add_tcase(s, tc);
	tc = tcase_create("details");
	tcase_add_test(tc, details_of_the_watched_process_and_its_exit);
	tcase_add_test(tc, details_not_read_for_another_incarnation);
	tcase_add_test(tc, details_of_the_top_rows_by_the_sort);
	tcase_add_test(tc, details_trail_starts_from_a_recording);
	suite_add_tcase(s, tc);
	tc = tcase_create("fd_eta");
	tcase_add_test(tc, fd_eta_evidence);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return ck_run(suite());
}
