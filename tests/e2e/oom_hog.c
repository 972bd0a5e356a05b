/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/e2e/oom_hog.c — allocates and touches memory until the kernel OOM-kills it.
 *
 *   oom_hog [-n COMM] [-a OOM_SCORE_ADJ] [-d DELAY_MS] [-s STEP_KB]
 *
 * -n sets the kernel comm (prctl PR_SET_NAME, ≤ 15 bytes) so tests can use names with
 * spaces, parentheses, commas and colons; -a writes /proc/self/oom_score_adj; -d waits
 * before allocating (so a test can start a follower first). Prints its pid on stdout first.
 * Exits 0 only if it reached a 4 GiB safety cap without being killed (the test fails then).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *name = NULL;
	long adj = 0, delay_ms = 0, step_kb = 1024;
	int have_adj = 0, c;
	while ((c = getopt(argc, argv, "n:a:d:s:")) != -1) {
		switch (c) {
		case 'n': name = optarg; break;
		case 'a': adj = strtol(optarg, NULL, 10); have_adj = 1; break;
		case 'd': delay_ms = strtol(optarg, NULL, 10); break;
		case 's': step_kb = strtol(optarg, NULL, 10); break;
		default:
			fprintf(stderr, "usage: oom_hog [-n COMM] [-a ADJ] [-d MS] [-s KB]\n");
			return 2;
		}
	}
	if (name && prctl(PR_SET_NAME, name, 0, 0, 0) != 0)
		perror("prctl");
	if (have_adj) {
		FILE *f = fopen("/proc/self/oom_score_adj", "w");
		if (!f || fprintf(f, "%ld\n", adj) < 0 || fclose(f) != 0)
			perror("oom_score_adj");
	}
	printf("%d\n", (int)getpid());
	fflush(stdout);
	if (delay_ms > 0) {
		struct timespec ts = {delay_ms / 1000, (delay_ms % 1000) * 1000000L};
		nanosleep(&ts, NULL);
	}
	size_t step = (size_t)(step_kb > 0 ? step_kb : 1024) * 1024, total = 0;
	while (total < ((size_t)4 << 30)) {
		char *p = malloc(step);
		if (!p)
			continue;
		memset(p, 0x5a, step);
		total += step;
	}
	return 0;
}
