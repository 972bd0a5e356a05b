/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxptab.h — the process table (core/proc/table.h) on a fixture /proc tree
 * (tests/lib/fxproc.h), for the table and sampler tests: identities read by the fixture
 * reader (tests/lib/fxident.h) on the identity feed's thread as libproc2's are, or by the
 * one-shot's own reader (core/proc/identity_procfs.h); a test clock; the kernel's
 * features given, not detected. Failures are Check assertions. */
#ifndef OOMTOP_TESTS_FXPTAB_H
#define OOMTOP_TESTS_FXPTAB_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/proc/table.h"
#include "tests/lib/fxproc.h"

#define FXPTAB_KIB INT64_C(1024)
#define FXPTAB_T0_UNIX_S 1700000000.0    /* the wall clock at the first refresh (at_s 0) */
#define FXPTAB_BTIME_UNIX_S 1699990000.0 /* the fixture's boot time */
#define FXPTAB_TTL_S 60.0                /* ghosts */
#define FXPTAB_WINDOW_S 30.0             /* leak rates */
#define FXPTAB_UNCAPPED PROC_TABLE_HELD_UNCAPPED

struct fxptab {
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
 * FXPTAB_UNCAPPED), the fd count by fd/'s st_size or its entries, one-shot or not, the
 * procfs identity reader or the fixture's. */
void fxptab_open_with(struct fxptab *f, uint64_t held_kmem, bool fd_count_by_size, bool one_shot, bool procfs);
/* The same with the fixture reader, not one-shot. */
void fxptab_open(struct fxptab *f, uint64_t held_kmem, bool fd_count_by_size);
/* Frees the table and removes the tree. */
void fxptab_close(struct fxptab *f);

/* One refresh at FXPTAB_T0_UNIX_S + at_s, after the totals, as the collector does; the
 * next one, one second later. */
void fxptab_refresh_at(struct fxptab *f, double at_s);
void fxptab_refresh(struct fxptab *f);

/* The live entry of pid, or NULL; its ghost (at most one), or NULL; how many ghosts. */
struct proc_entry *fxptab_live(struct fxptab *f, pid_t pid);
struct proc_entry *fxptab_ghost(struct fxptab *f, pid_t pid);
size_t fxptab_nghosts(struct fxptab *f);

/* How many descriptors the held files take. */
uint64_t fxptab_held_fds(struct fxptab *f);

/* The files of the fixture tree this process has open, and those of pid (names joined by
 * spaces, in the order of the held policy's levels; "dir" for PID itself) into names. */
size_t fxptab_open_files(struct fxptab *f, pid_t pid, char *names, size_t cap);

/* pid 300, "agent", with a value in every field, and the row it must give; pid 2,
 * kthreadd, a kernel thread. */
struct fxproc fxptab_agent(void);
void fxptab_assert_agent_row(const struct proc_row *r);
struct fxproc fxptab_kthreadd(void);

#endif
