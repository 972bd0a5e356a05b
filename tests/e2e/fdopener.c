/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/e2e/fdopener.c — a process that leaks file descriptors at a known rate, for the
 * leak-rate end-to-end test.
 *
 *   fdopener [-r FDS_PER_S] [-t LIFETIME_S]
 *
 * Opens /dev/null steadily (checked every 10 ms) so its open fd count grows by
 * rate * elapsed, never closing them.  Raises its soft RLIMIT_NOFILE as far as the hard
 * limit allows; at the limit it stops opening and says so on stderr.  Exits by itself after
 * LIFETIME_S (default 120).  Exit 2 on a bad argument. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "tests/e2e/helper.h"

int main(int argc, char **argv)
{
	double rate_per_s = 0, lifetime_s = 120;
	int opt;
	while ((opt = getopt(argc, argv, "r:t:")) != -1) {
		double *dst = opt == 'r' ? &rate_per_s : opt == 't' ? &lifetime_s : NULL;
		if (!dst || !helper_parse_nonneg(optarg, dst)) {
			fprintf(stderr, "usage: fdopener [-r FDS_PER_S] [-t LIFETIME_S]\n");
			return 2;
		}
	}

	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
		rlim_t need = (rlim_t)(rate_per_s * lifetime_s) + 64;
		if (rl.rlim_cur < need) {
			rl.rlim_cur =
			    rl.rlim_max == RLIM_INFINITY || rl.rlim_max > need ? need : rl.rlim_max;
			setrlimit(RLIMIT_NOFILE, &rl);
		}
	}

	double start_s = helper_clock_s(CLOCK_MONOTONIC);
	long opened = 0;
	bool full = false;
	for (;;) {
		double el_s = helper_clock_s(CLOCK_MONOTONIC) - start_s;
		if (el_s >= lifetime_s)
			break;
		long want = (long)(rate_per_s * el_s);
		while (!full && opened < want) {
			if (open("/dev/null", O_RDONLY) < 0) {
				fprintf(stderr, "fdopener: stopped at %ld fds: %s\n", opened,
				        strerror(errno));
				full = true;
				break;
			}
			opened++;
		}
		struct timespec tick = {0, 10 * 1000 * 1000};
		nanosleep(&tick, NULL);
	}
	return 0;
}
