/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/identity_feed: identities read on a second thread arrive complete, in order, with
 * the pins promised and no more; vanished pids are skipped; nothing leaks when the
 * consumer stops early. The pin (an O_PATH /proc/PID) opens nothing once its process is
 * reaped, even when the pid is already another process's. The one-shot reader
 * (core/proc/identity_procfs.h) gives what libproc2 gives, pinned or not. Real
 * processes: children of this test, and pids that do not exist. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/proc/identity_feed.h"
#include "core/proc/identity_libproc2.h"
#include "core/proc/identity_procfs.h"
#include "tests/unit/ck_run.h"

#define NCHILD 80

static pid_t children[NCHILD];

static void spawn_children(void)
{
	for (int i = 0; i < NCHILD; i++) {
		pid_t p = fork();
		ck_assert_int_ge(p, 0);
		if (p == 0) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			prctl(PR_SET_NAME, "feedkid");
			for (;;)
				pause();
		}
		children[i] = p;
	}
	usleep(100 * 1000); /* let them rename themselves */
}

static void reap_children(void)
{
	for (int i = 0; i < NCHILD; i++)
		kill(children[i], SIGKILL);
	for (int i = 0; i < NCHILD; i++)
		waitpid(children[i], NULL, 0);
}

static int cmp_pid(const void *a, const void *b)
{
	pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;
	return (x > y) - (x < y);
}

static int open_fds(void)
{
	int n = 0;
	for (int fd = 0; fd < 4096; fd++)
		n += fcntl(fd, F_GETFD) != -1;
	return n;
}

/* The pid in "stat" opened relative to dirfd, or -errno. */
static int stat_pid_at(int dirfd)
{
	int fd = openat(dirfd, "stat", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	char buf[512];
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	int e = errno;
	close(fd);
	if (n <= 0)
		return n < 0 ? -e : -EIO;
	buf[n] = '\0';
	return atoi(buf);
}

START_TEST(delivers_every_live_pid_in_order_with_the_pins_promised)
{
	spawn_children();
	/* the children, sorted as proc_table passes them, with two pids that do not exist */
	pid_t pids[NCHILD + 2];
	memcpy(pids, children, sizeof(children));
	qsort(pids, NCHILD, sizeof(pid_t), cmp_pid);
	pids[NCHILD] = 0x3ffffff0; /* above any pid_max */
	pids[NCHILD + 1] = 0x3ffffff1;
	int proc_fd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ck_assert_int_ge(proc_fd, 0);
	struct proc_identity_reader *r = proc_identity_libproc2_new();
	ck_assert_ptr_nonnull(r);
	int fds_before = open_fds();

	struct identity_feed *f = identity_feed_new(r, proc_fd);
	ck_assert_ptr_nonnull(f);
	identity_feed_begin(f, pids, NCHILD + 2, 7);
	const struct proc_identity *id;
	int pin, n = 0, pinned = 0;
	pid_t last = 0;
	while ((id = identity_feed_next(f, &pin))) {
		ck_assert_int_lt(n, NCHILD);
		ck_assert_int_eq(id->pid, pids[n]); /* in order, none missing */
		ck_assert_int_gt(id->pid, last);
		last = id->pid;
		ck_assert_int_eq(id->ppid, getpid());
		ck_assert_str_eq(id->comm, "feedkid");
		ck_assert(!id->kernel_thread);
		ck_assert_uint_gt(id->start_ticks, 0);
		if (pin >= 0) {
			/* the pin is this process's /proc/PID, and ours to close */
			ck_assert_int_eq(stat_pid_at(pin), id->pid);
			close(pin);
			pinned++;
		}
		n++;
	}
	ck_assert_int_eq(n, NCHILD); /* the two missing pids skipped */
	ck_assert_int_eq(pinned, 7);
	ck_assert_ptr_null(identity_feed_next(f, &pin)); /* stays at the end */
	ck_assert_int_eq(pin, -1);
	identity_feed_end(f);
	ck_assert_int_eq(open_fds(), fds_before); /* every pin taken was closed by us */

	/* the same feed again (one thread for its life): a consumer that stops early, and
	 * the pins it did not take are closed for it */
	identity_feed_begin(f, pids, NCHILD, NCHILD);
	ck_assert_ptr_nonnull(identity_feed_next(f, &pin));
	ck_assert_int_ge(pin, 0);
	close(pin);
	identity_feed_end(f);
	ck_assert_int_eq(open_fds(), fds_before);

	/* a pin proves the identity: once the process is gone, nothing opens through it */
	identity_feed_begin(f, pids, 1, 1);
	id = identity_feed_next(f, &pin);
	ck_assert_ptr_nonnull(id);
	ck_assert_int_ge(pin, 0);
	identity_feed_end(f);
	identity_feed_free(f);
	reap_children();
	ck_assert_int_lt(stat_pid_at(pin), 0);
	close(pin);
	proc_identity_free(r);
	close(proc_fd);
}
END_TEST

/* A child with exactly this pid (clone3 with set_tid: needs CAP_SYS_ADMIN), which renames
 * itself and waits to be killed; -errno when it cannot be made. */
static pid_t spawn_with_pid(pid_t want, const char *name)
{
	struct clone_args args;
	memset(&args, 0, sizeof(args));
	args.exit_signal = SIGCHLD;
	args.set_tid = (uint64_t)(uintptr_t)&want;
	args.set_tid_size = 1;
	long c = syscall(SYS_clone3, &args, sizeof(args));
	if (c < 0)
		return -errno;
	if (c == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		prctl(PR_SET_NAME, name);
		for (;;)
			pause();
	}
	return (pid_t)c;
}

START_TEST(a_pin_refuses_the_process_that_reused_its_pid)
{
	/* the pin holds the process, not its number: once it is reaped and another process
	 * has its pid, /proc/PID by path is the new one, and through the pin nothing opens */
	pid_t a = fork();
	ck_assert_int_ge(a, 0);
	if (a == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		for (;;)
			pause();
	}
	char path[32];
	snprintf(path, sizeof(path), "/proc/%d", (int)a);
	int pin = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	ck_assert_int_ge(pin, 0);
	ck_assert_int_eq(stat_pid_at(pin), a);
	kill(a, SIGKILL);
	waitpid(a, NULL, 0);
	pid_t b = spawn_with_pid(a, "reused");
	if (b < 0) {
		fprintf(stderr, "check_identity_feed: no process with a chosen pid here (clone3 set_tid: %s): "
				"the reuse itself not shown\n", strerror(-b));
		ck_assert_int_lt(stat_pid_at(pin), 0);
		close(pin);
		return;
	}
	ck_assert_int_eq(b, a);
	usleep(50 * 1000); /* let it rename itself */
	int dir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	ck_assert_int_ge(dir, 0);
	ck_assert_int_eq(stat_pid_at(dir), a); /* by path: the new process */
	char buf[512];
	int fd = openat(dir, "comm", O_RDONLY | O_CLOEXEC);
	ck_assert_int_ge(fd, 0);
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	ck_assert_int_gt(n, 0);
	buf[n] = '\0';
	ck_assert_str_eq(buf, "reused\n");
	/* through the old pin: nothing, whatever the file (ENOENT or ESRCH: 6.18 says ESRCH) */
	static const char *const files[] = {"stat", "statm", "status", "oom_score", "oom_score_adj", "cgroup",
					    "cmdline", "fd"};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		errno = 0;
		fd = openat(pin, files[i], O_RDONLY | O_CLOEXEC);
		ck_assert_msg(fd < 0 && (errno == ENOENT || errno == ESRCH), "%s opened through a stale pin (errno %d)",
			      files[i], errno);
	}
	struct stat st;
	ck_assert_int_ne(fstatat(pin, "fd", &st, 0), 0);
	close(dir);
	close(pin);
	kill(b, SIGKILL);
	waitpid(b, NULL, 0);
}
END_TEST

START_TEST(procfs_reader_reads_what_libproc2_reads)
{
	spawn_children();
	pid_t pids[NCHILD];
	memcpy(pids, children, sizeof(children));
	qsort(pids, NCHILD, sizeof(pid_t), cmp_pid);
	int proc_fd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ck_assert_int_ge(proc_fd, 0);
	struct proc_identity_reader *lp = proc_identity_libproc2_new(), *pf = proc_identity_procfs_new(proc_fd);
	ck_assert_ptr_nonnull(lp);
	ck_assert_ptr_nonnull(pf);
	struct {
		pid_t pid, ppid;
		uid_t uid;
		char user[64], comm[64], cmdline[256];
		uint64_t start_ticks;
	} want[NCHILD];
	struct identity_feed *f = identity_feed_new(lp, proc_fd);
	identity_feed_begin(f, pids, NCHILD, 0);
	const struct proc_identity *id;
	int pin, n = 0;
	while ((id = identity_feed_next(f, &pin))) {
		want[n].pid = id->pid;
		want[n].ppid = id->ppid;
		want[n].uid = id->uid;
		snprintf(want[n].user, sizeof(want[n].user), "%s", id->user);
		snprintf(want[n].comm, sizeof(want[n].comm), "%s", id->comm);
		snprintf(want[n].cmdline, sizeof(want[n].cmdline), "%s", id->cmdline);
		want[n].start_ticks = id->start_ticks;
		n++;
	}
	identity_feed_end(f);
	identity_feed_free(f);
	ck_assert_int_eq(n, NCHILD);

	/* the same through the procfs reader, half of them pinned */
	f = identity_feed_new(pf, proc_fd);
	identity_feed_begin(f, pids, NCHILD, NCHILD / 2);
	n = 0;
	while ((id = identity_feed_next(f, &pin))) {
		ck_assert_int_eq(id->pid, want[n].pid);
		ck_assert_int_eq(id->ppid, want[n].ppid);
		ck_assert_int_eq(id->uid, want[n].uid);
		ck_assert_str_eq(id->user, want[n].user);
		ck_assert_str_eq(id->comm, want[n].comm);
		ck_assert_str_eq(id->cmdline, want[n].cmdline);
		ck_assert_uint_eq(id->start_ticks, want[n].start_ticks);
		ck_assert(!id->kernel_thread);
		ck_assert_int_eq(pin >= 0, n < NCHILD / 2);
		if (pin >= 0)
			close(pin);
		n++;
	}
	ck_assert_int_eq(n, NCHILD);
	identity_feed_end(f);
	identity_feed_free(f);
	reap_children();
	proc_identity_free(lp);
	proc_identity_free(pf);
	close(proc_fd);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("identity_feed");
	TCase *tc = tcase_create("identity_feed");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, delivers_every_live_pid_in_order_with_the_pins_promised);
	tcase_add_test(tc, a_pin_refuses_the_process_that_reused_its_pid);
	tcase_add_test(tc, procfs_reader_reads_what_libproc2_reads);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
