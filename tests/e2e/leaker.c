/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/e2e/leaker.c — a process whose RSS grows at a known rate, optionally under a
 * garbage collector's sawtooth, for the leak-rate end-to-end test.
 *
 *   leaker [-r MIB_PER_S] [-H SAW_MIB -P SAW_PERIOD_S] [-N RENAME_EVERY_S] [-t LIFETIME_S]
 *
 * -N renames the process (prctl PR_SET_NAME: "leaker-1", "leaker-2", ...) every
 * RENAME_EVERY_S seconds, as thread pools and some daemons do: still one process.
 * The leak touches fresh anonymous pages steadily (checked every 10 ms), so VmRSS grows by
 * rate * elapsed.  The sawtooth is a second region filled linearly from 0 to SAW_MIB over
 * each period, then handed back with MADV_DONTNEED (RSS drops at once), like a heap that
 * grows until the collector runs.  Exits by itself after LIFETIME_S (default 120) so a
 * killed test leaves nothing behind.  Exit 2 on a bad argument, 1 when memory can't be
 * mapped. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include "tests/e2e/helper.h"

#define MIB (1024.0 * 1024.0)

/* Touch every page of [base + from, base + to). */
static void touch(unsigned char *base, size_t from, size_t to, size_t page)
{
	for (size_t off = from - from % page; off < to; off += page)
		base[off] = 1;
}

int main(int argc, char **argv)
{
	double rate_mib_s = 0, saw_mib = 0, saw_period_s = 0, lifetime_s = 120, rename_s = 0;
	int opt;
	while ((opt = getopt(argc, argv, "r:H:P:N:t:")) != -1) {
		double *dst = opt == 'r'   ? &rate_mib_s
		              : opt == 'H' ? &saw_mib
		              : opt == 'P' ? &saw_period_s
		              : opt == 'N' ? &rename_s
		              : opt == 't' ? &lifetime_s
		                           : NULL;
		if (!dst || !helper_parse_nonneg(optarg, dst)) {
			fprintf(stderr, "usage: leaker [-r MIB_PER_S] [-H SAW_MIB -P SAW_PERIOD_S] "
			                "[-N RENAME_EVERY_S] [-t LIFETIME_S]\n");
			return 2;
		}
	}
	if ((saw_mib > 0) != (saw_period_s > 0)) {
		fprintf(stderr, "leaker: -H and -P go together\n");
		return 2;
	}

	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t leak_len = (size_t)(rate_mib_s * MIB * lifetime_s) + page;
	size_t saw_len = (size_t)(saw_mib * MIB) + page;
	unsigned char *leak = mmap(NULL, leak_len, PROT_READ | PROT_WRITE,
	                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	unsigned char *saw = mmap(NULL, saw_len, PROT_READ | PROT_WRITE,
	                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (leak == MAP_FAILED || saw == MAP_FAILED) {
		perror("leaker: mmap");
		return 1;
	}

	double start_s = helper_clock_s(CLOCK_MONOTONIC);
	size_t leaked = 0, sawed = 0;
	long saw_cycle = 0, renames = 0;
	for (;;) {
		double el_s = helper_clock_s(CLOCK_MONOTONIC) - start_s;
		if (el_s >= lifetime_s)
			break;
		if (rename_s > 0 && (long)floor(el_s / rename_s) > renames) {
			char name[16];
			renames = (long)floor(el_s / rename_s);
			snprintf(name, sizeof(name), "leaker-%ld", renames);
			prctl(PR_SET_NAME, name, 0, 0, 0);
		}
		size_t want = (size_t)(rate_mib_s * MIB * el_s);
		if (want > leak_len)
			want = leak_len;
		if (want > leaked) {
			touch(leak, leaked, want, page);
			leaked = want;
		}
		if (saw_mib > 0) {
			long cycle = (long)floor(el_s / saw_period_s);
			if (cycle != saw_cycle) { /* the collector runs */
				madvise(saw, saw_len, MADV_DONTNEED);
				sawed = 0;
				saw_cycle = cycle;
			}
			double phase = el_s / saw_period_s - (double)cycle;
			size_t saw_want = (size_t)(saw_mib * MIB * phase);
			if (saw_want > sawed) {
				touch(saw, sawed, saw_want, page);
				sawed = saw_want;
			}
		}
		struct timespec tick = {0, 10 * 1000 * 1000};
		nanosleep(&tick, NULL);
	}
	return 0;
}
