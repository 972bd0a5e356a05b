/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/e2e/shifter.c — a process that changes what status shows without changing statm,
 * and then changes statm, on request (tests/e2e/statm_gate.sh).
 *
 *   shifter
 *
 * Prints "ready PID" once set up. On SIGUSR1 starts 4 more threads on stacks it allocated
 * and touched at start, after starting and stopping them there until that leaves statm
 * alone, so that the code they run is resident (so no mmap and no new resident page: statm stays the same while
 * status's Threads: goes from 1 to 5) and prints "threads 5"; on SIGUSR2 allocates and
 * touches 16 MiB (statm's size and resident grow) and prints "grown". Runs until killed.
 * The threads never call malloc (a new arena would be an mmap). */
#include "config.h"

#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define NTHREADS 4
#define STACK_BYTES (256 * 1024)

static void read_statm(char *buf, size_t cap)
{
	buf[0] = '\0';
	int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	ssize_t n = read(fd, buf, cap - 1);
	buf[n > 0 ? n : 0] = '\0';
	close(fd);
}

static sem_t started;

static void *sleeper(void *arg)
{
	(void)arg;
	sem_post(&started);
	for (;;)
		pause();
	return NULL;
}

int main(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	if (pthread_sigmask(SIG_BLOCK, &set, NULL) != 0)
		return 2;
	char *stacks = mmap(NULL, (size_t)NTHREADS * STACK_BYTES, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (stacks == MAP_FAILED) {
		perror("shifter: mmap");
		return 2;
	}
	memset(stacks, 0x5a, (size_t)NTHREADS * STACK_BYTES); /* resident now, not later */
	pthread_attr_t attrs[NTHREADS];
	for (int i = 0; i < NTHREADS; i++) {
		if (pthread_attr_init(&attrs[i]) != 0 ||
		    pthread_attr_setstack(&attrs[i], stacks + (size_t)i * STACK_BYTES, STACK_BYTES) != 0) {
			fprintf(stderr, "shifter: cannot set a thread stack\n");
			return 2;
		}
	}
	sem_init(&started, 0, 0);
	/* start and stop the threads until doing so leaves statm alone (at most 10 times),
	 * so that the code they run is resident before SIGUSR1 */
	for (int attempt = 0; attempt < 10; attempt++) {
		char before[128], after[128];
		read_statm(before, sizeof(before));
		pthread_t th[NTHREADS];
		for (int i = 0; i < NTHREADS; i++) {
			if (pthread_create(&th[i], &attrs[i], sleeper, NULL) != 0) {
				fprintf(stderr, "shifter: cannot start a thread\n");
				return 2;
			}
		}
		for (int i = 0; i < NTHREADS; i++)
			sem_wait(&started); /* each one ran up to its pause() */
		for (int i = 0; i < NTHREADS; i++) {
			pthread_cancel(th[i]);
			pthread_join(th[i], NULL);
		}
		read_statm(after, sizeof(after));
		if (strcmp(before, after) == 0)
			break;
	}
	/* and keep it resident: a reclaimer (kswapd, DAMON) unmapping an idle page would move
	 * statm when it faults back in (best effort: needs CAP_IPC_LOCK or RLIMIT_MEMLOCK) */
	mlockall(MCL_CURRENT);
	printf("ready %ld\n", (long)getpid());
	fflush(stdout);
	for (;;) {
		int sig;
		if (sigwait(&set, &sig) != 0)
			return 2;
		if (sig == SIGUSR1) {
			for (int i = 0; i < NTHREADS; i++) {
				pthread_t th;
				if (pthread_create(&th, &attrs[i], sleeper, NULL) != 0) {
					fprintf(stderr, "shifter: pthread_create failed\n");
					return 2;
				}
			}
			printf("threads %d\n", NTHREADS + 1);
		} else {
			char *p = malloc(16 * 1024 * 1024);
			if (!p)
				return 3;
			memset(p, 0x5a, 16 * 1024 * 1024);
			printf("grown\n");
		}
		fflush(stdout);
	}
}
