/* probe_proc — a process with known properties, for end-to-end tests.
 *
 *   probe_proc [--rss MiB] [--fds N] [--threads N] [--adj V] [--leak MiB/s]
 *              [--saw MiB --saw-period S] [--fd-rate N/s]
 *
 * Touches --rss MiB of anonymous memory, opens --fds extra descriptors (on /dev/null),
 * runs --threads extra threads that sleep, writes --adj to its own oom_score_adj; then
 * prints "ready <pid>" on stdout and keeps running until killed. With --leak it then
 * allocates and touches MiB/s more, forever (in 10 steps a second); with --saw it also
 * allocates and frees a block of that height every period (a GC-like sawtooth);
 * with --fd-rate it opens that many more fds each second.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
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

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	double rss = 0, leak = 0, saw = 0, saw_period = 2, fd_rate = 0;
	long fds = 0, threads = 0, adj = 0;
	int set_adj = 0;
	for (int i = 1; i + 1 < argc; i += 2) {
		const char *k = argv[i], *v = argv[i + 1];
		if (!strcmp(k, "--rss")) rss = atof(v);
		else if (!strcmp(k, "--fds")) fds = atol(v);
		else if (!strcmp(k, "--threads")) threads = atol(v);
		else if (!strcmp(k, "--adj")) { adj = atol(v); set_adj = 1; }
		else if (!strcmp(k, "--leak")) leak = atof(v);
		else if (!strcmp(k, "--saw")) saw = atof(v);
		else if (!strcmp(k, "--saw-period")) saw_period = atof(v);
		else if (!strcmp(k, "--fd-rate")) fd_rate = atof(v);
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

	double t0 = now_s(), leaked = 0, fds_opened = 0;
	void *saw_block = NULL;
	double saw_started = t0;
	for (;;) {
		struct timespec tick = {0, 100 * 1000 * 1000};
		nanosleep(&tick, NULL);
		double t = now_s() - t0;
		if (leak > 0) {
			double want = leak * t;
			if (want > leaked + 0.01) {
				touch((size_t)((want - leaked) * MiB));
				leaked = want;
			}
		}
		if (saw > 0) {
			/* grow linearly through the period, then drop it all: a GC sawtooth */
			double phase = (now_s() - saw_started) / saw_period;
			if (phase >= 1.0) {
				if (saw_block)
					munmap(saw_block, (size_t)(saw * MiB));
				saw_block = NULL;
				saw_started = now_s();
			} else if (!saw_block) {
				saw_block = mmap(NULL, (size_t)(saw * MiB), PROT_READ | PROT_WRITE,
						 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
				if (saw_block == MAP_FAILED)
					saw_block = NULL;
			}
			if (saw_block) {
				size_t upto = (size_t)(phase * saw * MiB);
				for (size_t i = 0; i < upto; i += 4096)
					((char *)saw_block)[i] = 1;
			}
		}
		if (fd_rate > 0) {
			double want = fd_rate * t;
			while (fds_opened + 1 <= want) {
				if (open("/dev/null", O_RDONLY) < 0)
					break;
				fds_opened++;
			}
		}
	}
}
