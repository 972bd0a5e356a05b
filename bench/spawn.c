/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bench/spawn.c — N idle processes for the benchmark, cleaned up by pid.
 *
 *   spawn [-f EVERY:FDS] [-t EVERY:THREADS] N
 *
 * Forks N children that sleep in pause(). Every EVERY-th child also holds FDS more open
 * descriptors (-f, default 20:300: 5% hold 300 fds) or runs THREADS more threads (-t,
 * default 20:4). Prints "ready N" on stdout once every child is set up, then waits until
 * its standard input closes or it gets SIGINT/SIGTERM/SIGHUP, and then kills each child
 * by pid (SIGKILL) and reaps it. Children also die with their parent (PR_SET_PDEATHSIG),
 * so a spawn that is itself killed leaves nothing behind. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void *sleeper(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

static void child(pid_t parent, int ready_fd, long fds, long threads)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(0);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	if (fds > 0) {
		int base = open("/dev/null", O_RDONLY);
		for (long i = 1; base >= 0 && i < fds; i++)
			if (dup(base) < 0)
				break;
	}
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (long i = 0; i < threads; i++) {
		pthread_t t;
		if (pthread_create(&t, &attr, sleeper, NULL) != 0)
			break;
	}
	char c = 'r';
	if (write(ready_fd, &c, 1) != 1)
		_exit(1);
	close(ready_fd);
	for (;;)
		pause();
}

static int parse_pair(const char *s, long *every, long *n)
{
	char *end;
	*every = strtol(s, &end, 10);
	if (*end != ':' || *every < 0)
		return -1;
	*n = strtol(end + 1, &end, 10);
	return *end || *n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	long fd_every = 20, fd_n = 300, th_every = 20, th_n = 4;
	int opt;
	while ((opt = getopt(argc, argv, "f:t:")) != -1) {
		if ((opt == 'f' && parse_pair(optarg, &fd_every, &fd_n) != 0) ||
		    (opt == 't' && parse_pair(optarg, &th_every, &th_n) != 0) || (opt != 'f' && opt != 't')) {
			fprintf(stderr, "usage: spawn [-f EVERY:FDS] [-t EVERY:THREADS] N\n");
			return 2;
		}
	}
	if (optind + 1 != argc) {
		fprintf(stderr, "usage: spawn [-f EVERY:FDS] [-t EVERY:THREADS] N\n");
		return 2;
	}
	long n = atol(argv[optind]);
	struct rlimit rl;
	if (fd_n > 0 && getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (rlim_t)fd_n + 16) {
		rl.rlim_cur = rl.rlim_max < (rlim_t)fd_n + 16 ? rl.rlim_max : (rlim_t)fd_n + 16;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	pid_t *pids = calloc((size_t)(n > 0 ? n : 1), sizeof(*pids));
	int p[2];
	if (!pids || pipe(p) != 0) {
		perror("spawn");
		return 1;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	pid_t self = getpid();
	long made = 0;
	for (; made < n && !stop; made++) {
		long k = made + 1;
		long fds = fd_every && k % fd_every == 0 ? fd_n : 0;
		long thr = th_every && k % th_every == th_every / 2 ? th_n : 0;
		pid_t c = fork();
		if (c < 0) {
			fprintf(stderr, "spawn: fork after %ld children: %s\n", made, strerror(errno));
			break;
		}
		if (c == 0) {
			close(p[0]);
			child(self, p[1], fds, thr);
		}
		pids[made] = c;
	}
	close(p[1]);
	long ready = 0;
	char buf[4096];
	while (ready < made && !stop) {
		ssize_t r = read(p[0], buf, sizeof(buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		ready += r;
	}
	close(p[0]);
	if (!stop) {
		printf("ready %ld\n", ready);
		fflush(stdout);
	}
	while (!stop) {
		struct pollfd pf = {0, POLLIN, 0};
		int r = poll(&pf, 1, -1);
		if (r > 0 && (pf.revents & (POLLHUP | POLLERR | POLLNVAL)))
			break;
		if (r > 0 && (pf.revents & POLLIN) && read(0, buf, sizeof(buf)) <= 0)
			break;
	}
	for (long i = 0; i < made; i++)
		kill(pids[i], SIGKILL);
	for (long i = 0; i < made; i++)
		while (waitpid(pids[i], NULL, 0) < 0 && errno == EINTR)
			;
	free(pids);
	return 0;
}
