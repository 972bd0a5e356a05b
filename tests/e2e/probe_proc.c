/* probe_proc — a process with known properties, for end-to-end tests.
 *
 *   probe_proc [--rss MiB] [--fds N] [--threads N] [--adj V]
 *
 * Touches --rss MiB of anonymous memory, opens --fds extra descriptors (on /dev/null),
 * runs --threads extra threads that sleep, writes --adj to its own oom_score_adj; then
 * prints "ready <pid>" on stdout and sleeps until killed. (Processes that change over
 * time are leaker.c and fdopener.c.)
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MiB (1024.0 * 1024.0)

static void *sleeper(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

static void *touch(size_t bytes)
{
	if (!bytes)
		return NULL;
	char *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		perror("probe_proc: mmap");
		exit(1);
	}
	for (size_t i = 0; i < bytes; i += 4096)
		p[i] = 1;
	return p;
}

int main(int argc, char **argv)
{
	double rss = 0;
	long fds = 0, threads = 0, adj = 0;
	int set_adj = 0;
	for (int i = 1; i + 1 < argc; i += 2) {
		const char *k = argv[i], *v = argv[i + 1];
		if (!strcmp(k, "--rss")) rss = atof(v);
		else if (!strcmp(k, "--fds")) fds = atol(v);
		else if (!strcmp(k, "--threads")) threads = atol(v);
		else if (!strcmp(k, "--adj")) { adj = atol(v); set_adj = 1; }
		else { fprintf(stderr, "probe_proc: unknown option %s\n", k); return 2; }
	}
	if (set_adj) {
		FILE *f = fopen("/proc/self/oom_score_adj", "w");
		if (!f || fprintf(f, "%ld\n", adj) < 0 || fclose(f) != 0) {
			perror("probe_proc: oom_score_adj");
			return 1;
		}
	}
	touch((size_t)(rss * MiB));
	for (long i = 0; i < fds; i++)
		if (open("/dev/null", O_RDONLY) < 0) {
			perror("probe_proc: open");
			return 1;
		}
	for (long i = 0; i < threads; i++) {
		pthread_t t;
		if (pthread_create(&t, NULL, sleeper, NULL) != 0) {
			fprintf(stderr, "probe_proc: pthread_create failed\n");
			return 1;
		}
	}
	printf("ready %d\n", (int)getpid());
	fflush(stdout);

	for (;;)
		pause();
}
