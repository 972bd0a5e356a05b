/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxrec.h — snapshots made by hand, for tests of what consumes them (the
 * history writer): a time, system values, processes and cgroups with plain values.
 * Strings point at literals or the caller's storage. And finding rows in a snapshot. */
#ifndef OOMTOP_TESTS_FXREC_H
#define OOMTOP_TESTS_FXREC_H

#include <stdint.h>
#include <sys/types.h>

#include "core/model.h"

#define FXREC_MAX_PROCS 64
#define FXREC_MAX_CGROUPS 16

struct fxrec {
	struct snapshot snap;
	struct proc_row rows[FXREC_MAX_PROCS];
	struct proc_row *ptrs[FXREC_MAX_PROCS];
	struct cgroup_row cgroups[FXREC_MAX_CGROUPS];
};

/* An empty snapshot at t_unix_s: 8 GiB of memory, 4 GiB available (available_bytes too:
 * no ZFS), no swap, 0 kills. */
void fxrec_init(struct fxrec *f, double t_unix_s);

/* Add a running user-space process: start_ticks given, uid 1000 "user", comm and
 * cmdline "comm --serve", in cgroup (may be NULL), rss as given (anon = rss, file and
 * shmem 0), 12 fds, 2 threads, oom_score 100, adj 0, no swap, 64 KiB page tables. */
struct proc_row *fxrec_proc(struct fxrec *f, pid_t pid, uint64_t start_ticks, const char *comm,
                             const char *cgroup, int64_t rss_bytes);

/* Add a cgroup (v2) with usage and limit (VAL_UNKNOWN: none), no page cache: its working
 * set and anon are its usage, file 0; kernel and sock unknown. Parent and depth are not
 * computed: the writer reads paths only. */
struct cgroup_row *fxrec_cgroup(struct fxrec *f, const char *path, int64_t usage_bytes,
                                 int64_t limit_bytes);

/* The row of pid, or of the cgroup path, in any snapshot; NULL when it is not there. */
const struct proc_row *fxrec_find_proc(const struct snapshot *s, pid_t pid);
const struct cgroup_row *fxrec_find_cgroup(const struct snapshot *s, const char *path);

#endif
