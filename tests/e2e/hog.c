/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/e2e/hog.c — a process of a known size for end-to-end tests.
 *
 *   hog [-a ADJ] [-d] [-f FDS] [-t THREADS] [-g MIB] [-n NAME] MIB [-- ARG...]
 *
 * Sets its own oom_score_adj to ADJ (-a), makes itself non-dumpable (-d), opens FDS more
 * descriptors on /dev/null (-f), starts THREADS more threads that sleep (-t), allocates MIB
 * MiB and touches every page so it is resident, prints "ready PID" on stdout, then sleeps
 * until killed. With -g it then allocates MIB more MiB, one MiB at a time, prints
 * "grown PID" and sleeps (the process that pushes a cgroup over its limit). -n sets its
 * comm with prctl(PR_SET_NAME) (any bytes, 15 at most); ARGs after MIB are ignored: they
 * are there to be shown (hostile command lines, tests/e2e/hostile.sh). */
#include "config.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#define MIB (1024UL * 1024UL)

static void touch(size_t mib)
{
	for (size_t i = 0; i < mib; i++) {
		char *p = malloc(MIB);
		if (!p) {
			fprintf(stderr, "hog: out of memory after %zu MiB\n", i);
			exit(3);
		}
		memset(p, 0x5a, MIB); /* resident, and not all-zero pages */
	}
}

static void *sleeper(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

#define USAGE "usage: hog [-a ADJ] [-d] [-f FDS] [-t THREADS] [-g MIB] [-n NAME] MIB [-- ARG...]\n"

int main(int argc, char **argv)
{
	int opt;
	long grow = 0;
	while ((opt = getopt(argc, argv, "a:df:t:g:n:")) != -1) {
		switch (opt) {
		case 'a': {
			FILE *f = fopen("/proc/self/oom_score_adj", "w");
			if (!f || fprintf(f, "%s\n", optarg) < 0 || fclose(f) != 0) {
				perror("hog: oom_score_adj");
				return 2;
			}
			break;
		}
		case 'd':
			prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
			break;
		case 'f':
			for (long i = atol(optarg); i > 0; i--)
				if (open("/dev/null", O_RDONLY) < 0) {
					perror("hog: open");
					return 2;
				}
			break;
		case 't':
			for (long i = atol(optarg); i > 0; i--) {
				pthread_t t;
				if (pthread_create(&t, NULL, sleeper, NULL) != 0) {
					fprintf(stderr, "hog: pthread_create failed\n");
					return 2;
				}
			}
			break;
		case 'g':
			grow = atol(optarg);
			break;
		case 'n':
			prctl(PR_SET_NAME, optarg, 0, 0, 0);
			break;
		default:
			fprintf(stderr, USAGE);
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, USAGE);
		return 2;
	}
	touch((size_t)atol(argv[optind]));
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	if (grow > 0) {
		touch((size_t)grow);
		printf("grown %d\n", (int)getpid());
		fflush(stdout);
	}
	for (;;)
		pause();
}
