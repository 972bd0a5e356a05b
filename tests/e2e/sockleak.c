/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/e2e/sockleak.c — a process that leaks sockets at a known rate toward its fd limit,
 * as an HTTP client that never closes its responses does: the detail tests' leaker.
 *
 *   sockleak [-r SOCKETS_PER_S] [-t LIFETIME_S] [-o FILE]
 *
 * Opens a UNIX datagram socket steadily (checked every 10 ms) so its socket count grows by
 * rate * elapsed, never closing one; its soft RLIMIT_NOFILE is what it was started with
 * (prlimit --nofile=1500 ...). When socket() fails with EMFILE it writes the wall-clock
 * time of that moment (Unix seconds, to the millisecond), the sockets opened and the error
 * to FILE (opened at start: one fd of its own) — the truth an fd ETA is measured against —
 * and stops opening. Prints "ready PID" on stdout once started. Exits
 * by itself after LIFETIME_S (default 120). Exit 2 on a bad argument. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "tests/e2e/helper.h"

int main(int argc, char **argv)
{
	double rate_per_s = 10, lifetime_s = 120;
	const char *out = NULL;
	int opt;
	while ((opt = getopt(argc, argv, "r:t:o:")) != -1) {
		if (opt == 'o') {
			out = optarg;
			continue;
		}
		double *dst = opt == 'r' ? &rate_per_s : opt == 't' ? &lifetime_s : NULL;
		if (!dst || !helper_parse_nonneg(optarg, dst)) {
			fprintf(stderr, "usage: sockleak [-r SOCKETS_PER_S] [-t LIFETIME_S] [-o FILE]\n");
			return 2;
		}
	}
	/* opened now: at the limit there is no fd left to open it with */
	FILE *outf = out ? fopen(out, "w") : NULL;
	if (out && !outf) {
		fprintf(stderr, "sockleak: cannot write %s: %s\n", out, strerror(errno));
		return 2;
	}
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	double start_s = helper_clock_s(CLOCK_MONOTONIC);
	long opened = 0;
	bool full = false;
	for (;;) {
		double el_s = helper_clock_s(CLOCK_MONOTONIC) - start_s;
		if (el_s >= lifetime_s)
			break;
		long want = (long)(rate_per_s * el_s);
		while (!full && opened < want) {
			if (socket(AF_UNIX, SOCK_DGRAM, 0) >= 0) {
				opened++;
				continue;
			}
			int e = errno;
			double now = helper_clock_s(CLOCK_REALTIME);
			fprintf(stderr, "sockleak: stopped at %ld sockets: %s\n", opened, strerror(e));
			if (outf) {
				fprintf(outf, "%.3f %ld %s\n", now, opened, e == EMFILE ? "EMFILE" : strerror(e));
				fclose(outf);
				outf = NULL;
			}
			full = true;
		}
		struct timespec tick = {0, 10 * 1000 * 1000};
		nanosleep(&tick, NULL);
	}
	return 0;
}
