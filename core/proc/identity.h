/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/identity.h — who a process is, read once when it is first seen: pid, ppid,
 * effective uid and user name, comm, cmdline, start time, kernel-thread flag. (The cgroup
 * is not identity: processes migrate, so the sampler looks it up each refresh, in the
 * cgroup.procs files or /proc/PID/cgroup: core/proc/sampler.h.)
 *
 * An interface: a reader is a struct of operations, so the process table reads the
 * live /proc with libproc2 (core/proc/identity_libproc2.h, the default), a one-shot run
 * reads it itself (core/proc/identity_procfs.h), and the unit tests read a fixture /proc
 * tree (tests/lib/fxident.h).
 *
 * Threads: a reader is used by one thread at a time, not necessarily the one that made
 * it (the process table reads through it on the identity feed's thread). */
#ifndef OOMTOP_PROC_IDENTITY_H
#define OOMTOP_PROC_IDENTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct proc_identity {
	pid_t pid, ppid;
	uid_t uid;
	const char *user;    /* user name, or the uid as digits */
	const char *comm;
	const char *cmdline; /* args joined by spaces; "" when the process has none */
	uint64_t start_ticks;
	bool kernel_thread;
};
/* The strings above are valid only during the callback. */
typedef void (*proc_identity_cb)(void *ctx, const struct proc_identity *id);

struct proc_identity_reader;

struct proc_identity_ops {
	/* Read the identity of each pid in pids[0..n) and call cb for those
	 * that still exist (a pid that vanished or cannot be read is skipped: normal), in
	 * the order of pids. pins (may be NULL): pins[i] is an O_PATH fd of /proc/pids[i]
	 * opened before this call, or -1; a reader may read through it. Returns the number
	 * found, or -errno when the reader fails as a whole. */
	int (*read)(struct proc_identity_reader *r, const pid_t *pids, const int *pins, size_t n,
		    proc_identity_cb cb, void *ctx);
	/* Frees the reader. */
	void (*free)(struct proc_identity_reader *r);
};

/* A reader: an implementation's state begins with this. */
struct proc_identity_reader {
	const struct proc_identity_ops *ops;
};

/* r->ops->read: see proc_identity_ops. */
static inline int proc_identity_read(struct proc_identity_reader *r, const pid_t *pids, const int *pins, size_t n,
				     proc_identity_cb cb, void *ctx)
{
	return r->ops->read(r, pids, pins, n, cb, ctx);
}

/* r->ops->free; NULL is fine. */
static inline void proc_identity_free(struct proc_identity_reader *r)
{
	if (r)
		r->ops->free(r);
}

#endif
