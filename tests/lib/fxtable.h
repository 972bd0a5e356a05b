/* tests/lib/fxtable.h — the process table (core/proc/table.h) on a fixture /proc tree
 * (tests/lib/fxproc.h), for the table and sampler tests: identities read by the fixture
 * reader (tests/lib/fxident.h) on the identity feed's thread as libproc2's are, or by the
 * one-shot's own reader (core/proc/identity_procfs.h); a test clock; the kernel's
 * features given, not detected. Failures are Check assertions. */
#ifndef OOMTOP_TESTS_FXTABLE_H
#define OOMTOP_TESTS_FXTABLE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/proc/table.h"
#include "tests/lib/fxproc.h"

#define FXTABLE_KIB INT64_C(1024)
#define FXTABLE_T0_UNIX_S 1700000000.0    /* the wall clock at the first refresh (at_s 0) */
#define FXTABLE_BTIME_UNIX_S 1699990000.0 /* the fixture's boot time */
#define FXTABLE_TTL_S 60.0                /* ghosts */
#define FXTABLE_WINDOW_S 30.0             /* leak rates */
#define FXTABLE_UNCAPPED PROC_TABLE_HELD_UNCAPPED

struct fxtable {
	char root[PATH_MAX];
	char real_root[PATH_MAX];
	struct proc_identity_reader *ids;
	int root_fd; /* the procfs reader's <proc_root>, or -1 */
	struct proc_table *t;
	struct cgroup_hierarchy hier;
	struct proc_sampler_kernel k;
	double now_s; /* seconds since T0 of the last refresh */
	int64_t mem_total_bytes;
};

/* A fresh fixture tree and a table on it: held files within held_kmem bytes (or
 * FXTABLE_UNCAPPED), the fd count by fd/'s st_size or its entries, one-shot or not, the
 * procfs identity reader or the fixture's. */
void fxtable_open_with(struct fxtable *f, uint64_t held_kmem, bool fd_count_by_size, bool one_shot, bool procfs);
/* The same with the fixture reader, not one-shot. */
void fxtable_open(struct fxtable *f, uint64_t held_kmem, bool fd_count_by_size);
/* Frees the table and removes the tree. */
void fxtable_close(struct fxtable *f);

/* One refresh at FXTABLE_T0_UNIX_S + at_s, after the totals, as the collector does; the
 * next one, one second later. */
void fxtable_refresh_at(struct fxtable *f, double at_s);
void fxtable_refresh(struct fxtable *f);

/* The live entry of pid, or NULL; its ghost (at most one), or NULL; how many ghosts. */
struct proc_entry *fxtable_live(struct fxtable *f, pid_t pid);
struct proc_entry *fxtable_ghost(struct fxtable *f, pid_t pid);
size_t fxtable_nghosts(struct fxtable *f);

/* How many descriptors the held files take. */
uint64_t fxtable_held_fds(struct fxtable *f);

/* The files of the fixture tree this process has open, and those of pid (names joined by
 * spaces, in the order of the held policy's levels; "dir" for PID itself) into names. */
size_t fxtable_open_files(struct fxtable *f, pid_t pid, char *names, size_t cap);

/* pid 300, "agent", with a value in every field, and the row it must give; pid 2,
 * kthreadd, a kernel thread. */
struct fxproc fxtable_agent(void);
void fxtable_assert_agent_row(const struct proc_row *r);
struct fxproc fxtable_kthreadd(void);

#endif
