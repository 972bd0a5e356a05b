/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/e2e/reuser.c — a pid used by two processes one after the other, for
 * tests/e2e/pid_reuse.sh.
 *
 *   reuser
 *
 * Forks the old process: named "reuser", 48 MiB touched, oom_score_adj 500, 64 more open
 * fds. Prints "ready PID" once it is set up. On SIGUSR1 kills it, reaps it and at once
 * makes the new process with the same pid (clone3 with set_tid: needs CAP_SYS_ADMIN):
 * named "reuser" too (so only its start time and values tell them apart), small, its
 * adj and fds its parent's. Prints "reused PID", or "noreuse ERRNO-TEXT" when the kernel
 * would not give the pid. Both die with this process (PR_SET_PDEATHSIG), which runs until
 * killed. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define OLD_BYTES (48u << 20)
#define OLD_EXTRA_FDS 64

static volatile sig_atomic_t swap_now;

static void on_usr1(int sig)
{
	(void)sig;
	swap_now = 1;
}

static void be_child(void)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	prctl(PR_SET_NAME, "reuser");
	signal(SIGUSR1, SIG_DFL);
}

static void old_process(int ready_fd)
{
	be_child();
	char *mem = malloc(OLD_BYTES);
	if (!mem)
		_exit(1);
	memset(mem, 1, OLD_BYTES);
	int adj = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
	if (adj < 0 || write(adj, "500", 3) != 3)
		_exit(1);
	close(adj);
	for (int i = 0; i < OLD_EXTRA_FDS; i++)
		if (open("/dev/null", O_RDONLY) < 0)
			_exit(1);
	if (write(ready_fd, "x", 1) != 1)
		_exit(1);
	close(ready_fd);
	for (;;)
		pause();
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	int p[2];
	if (pipe(p) != 0)
		return 1;
	pid_t old = fork();
	if (old < 0)
		return 1;
	if (old == 0) {
		close(p[0]);
		old_process(p[1]);
	}
	close(p[1]);
	char c;
	if (read(p[0], &c, 1) != 1)
		return 1;
	printf("ready %d\n", (int)old);
	while (!swap_now)
		pause();
	kill(old, SIGKILL);
	waitpid(old, NULL, 0);
	struct clone_args args;
	memset(&args, 0, sizeof(args));
	args.exit_signal = SIGCHLD;
	args.set_tid = (uint64_t)(uintptr_t)&old;
	args.set_tid_size = 1;
	long nw = syscall(SYS_clone3, &args, sizeof(args));
	if (nw == 0) {
		be_child();
		for (;;)
			pause();
	}
	if (nw < 0) {
		printf("noreuse %s\n", strerror(errno));
	} else {
		printf("reused %ld\n", nw);
	}
	for (;;)
		pause();
}
