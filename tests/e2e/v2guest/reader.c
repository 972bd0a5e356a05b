/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/e2e/v2guest/reader.c — a file server's reading, for tests/e2e/v2_guest.sh: fills
 * its cgroup with page cache and nothing else.
 *
 *   reader FILE MIB_PER_S
 *
 * Reads FILE from start to end and round again, forever, 64 KiB at a time at MIB_PER_S
 * (checked every 10 ms): a steady stream through the page cache with a small buffer, so
 * the cgroup's usage is cache and its working set stays small and flat. Exit 2 on a bad
 * argument, 1 when FILE cannot be read or is under 64 KiB. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define CHUNK (64 * 1024)

static double mono_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	double rate = argc == 3 ? atof(argv[2]) : 0;
	if (!(rate > 0)) {
		fprintf(stderr, "usage: reader FILE MIB_PER_S\n");
		return 2;
	}
	int fd = open(argv[1], O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || st.st_size < CHUNK) {
		fprintf(stderr, "reader: %s: cannot read it, or it is smaller than 64 KiB\n",
		        argv[1]);
		return 1;
	}
	static char buf[CHUNK];
	double start = mono_s(), done = 0;
	for (;;) {
		double due = rate * 1024 * 1024 * (mono_s() - start);
		while (done + CHUNK <= due) {
			ssize_t n = read(fd, buf, sizeof(buf));
			if (n < 0) {
				perror("reader: read");
				return 1;
			}
			if (n == 0 && lseek(fd, 0, SEEK_SET) != 0) {
				perror("reader: lseek");
				return 1;
			}
			done += (double)n;
		}
		struct timespec tick = {0, 10 * 1000 * 1000};
		nanosleep(&tick, NULL);
	}
}
