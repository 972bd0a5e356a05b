/* core/identity_feed: identities read on a second thread arrive complete, in order, with
 * the pins promised and no more; vanished pids are skipped; nothing leaks when the
 * consumer stops early. Real processes: children of this test, and pids that do not
 * exist. */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/proc/identity_feed.h"
#include "core/proc/identity_libproc2.h"
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
			/* the pin is this process's statm: readable, and ours to close */
			char buf[128];
			ck_assert_int_gt(pread(pin, buf, sizeof(buf), 0), 0);
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

	/* a pin proves the identity: once the process is gone, its pread fails */
	identity_feed_begin(f, pids, 1, 1);
	id = identity_feed_next(f, &pin);
	ck_assert_ptr_nonnull(id);
	ck_assert_int_ge(pin, 0);
	identity_feed_end(f);
	identity_feed_free(f);
	reap_children();
	char buf[128];
	ck_assert_int_lt(pread(pin, buf, sizeof(buf), 0), 0);
	close(pin);
	proc_identity_free(r);
	close(proc_fd);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("identity_feed");
	TCase *tc = tcase_create("identity_feed");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, delivers_every_live_pid_in_order_with_the_pins_promised);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
