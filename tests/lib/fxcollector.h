/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxcollector.h — a collector (core/collector.h) on a fixture /proc
 * (tests/lib/fxproc.h, identities read by tests/lib/fxident.h) and a copy of the cgroup v2
 * fixture tree (tests/fixtures/cgroup/v2), with a clock the test moves: a refresh at_s
 * seconds after the first reads monotonic 100000 + at_s * 1000 ms and wall clock
 * FXCOLLECTOR_T0_UNIX_S + at_s. For the collector's own tests and for those of what
 * consumes its snapshots (the history recorder).
 *
 * Call order: fxcollector_open, write the fixture processes (fxproc_write(f.root, ...)),
 * fxcollector_start (or collector_new with fxcollector_config), refreshes,
 * fxcollector_close. Failures are Check failures. */
#ifndef OOMTOP_TESTS_FXCOLLECTOR_H
#define OOMTOP_TESTS_FXCOLLECTOR_H

#include <limits.h>
#include <stdint.h>

#include "core/collector.h"
#include "core/model.h"
#include "core/proc/identity.h"
#include "tests/lib/fxproc.h"

#define FXCOLLECTOR_T0_UNIX_S 1700000000.0

struct fxcollector_clock {
	int64_t mono_ms;
	double unix_s;
};

struct fxcollector {
	char root[PATH_MAX];   /* the fixture /proc */
	char cgroot[PATH_MAX]; /* the fixture cgroup v2 mount */
	char top[PATH_MAX];
	struct fxproc_system sys; /* as written: change and fxproc_write_system again */
	struct fxcollector_clock now;
	struct collector_clock clock;
	struct proc_identity_reader *ids;
	struct collector *c;
};

/* The fixture trees (under a directory named after name) and the system files: 16 GiB,
 * 6 GiB available, 3 kills since boot, some pressure; booted 10000 s before T0. */
void fxcollector_open(struct fxcollector *f, const char *name);

/* Defaults pointed at the fixture: cgroup v2 at cgroot, window 30 s, interval 5 s, the
 * fixture's identities and clock; no kernel log, or the journal file journal (not NULL). */
void fxcollector_config(struct fxcollector *f, struct collector_config *cfg, const char *journal);

/* The collector, once the fixture processes are written (fxcollector_config's settings). */
void fxcollector_start(struct fxcollector *f, const char *journal);

/* A refresh at_s seconds after the first; its snapshot. */
const struct snapshot *fxcollector_refresh_at(struct fxcollector *f, double at_s);

/* Writes v (a decimal line) to the file of cgroup cg (a path like "/system.slice/x"). */
void fxcollector_write_value(struct fxcollector *f, const char *cg, const char *file, int64_t v);

/* A v2 memory.stat with the lines the collector reads: anon, file, inactive_file; kernel
 * 4096, sock 0, shmem 0. (The fixture tree's files hold a whole 6.1 memory.stat.) */
void fxcollector_write_stat(struct fxcollector *f, const char *cg, int64_t anon, int64_t file,
                            int64_t inactive_file);

/* The row of pid or of the cgroup path in s; a Check failure when it is not there. */
const struct proc_row *fxcollector_proc(const struct snapshot *s, pid_t pid);
const struct cgroup_row *fxcollector_cgroup(const struct snapshot *s, const char *path);

/* Frees the collector, the identities and the trees. */
void fxcollector_close(struct fxcollector *f);

#endif
