/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/fdkinds.h — what a process's fds are: the readlink of each /proc/PID/fd/N
 * ("socket:[81723]", "pipe:[4412]", "anon_inode:[eventfd]", "/var/log/app.log"), sorted
 * into the kinds of enum fd_kind (core/model.h). A pure classifier and a reader.
 *
 * Cost is bounded: the reader lists fd/ (getdents: cheap, but one entry per fd) and reads
 * at most `max_links` links per call. A process with more fds is sampled: the links read
 * are spread evenly over the listing (every n/k-th fd number, so the newest fds, where a
 * leak grows, are in it in proportion), and the counts are scaled to the listing and
 * marked `sampled`. A link that names a path is stat'ed (statx with AT_STATX_DONT_SYNC: the
 * cached type, never a network round trip) to tell a regular file from a device, a
 * directory or a named pipe. Needs ptrace read access to the process (root, or its user).
 * For the detail view and --detail only (core/proc/detail.h). */
#ifndef OOMTOP_PROC_FDKINDS_H
#define OOMTOP_PROC_FDKINDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/model.h"

/* JSON's spelling: "socket", "pipe", "file", "anon_inode", "other". */
const char *proc_fdkinds_name(enum fd_kind k);
/* The view's: "eventfd", "epoll", "timerfd", "signalfd", "inotify", "pidfd", "io_uring", "other". */
const char *proc_fdkinds_anon_name(enum fd_anon a);

/* The kind of an fd from its link text and, for a path, the st_mode of what it opens
 * (S_IFMT bits; 0 when unknown: then "/dev/..." is other, any other path a file). *anon
 * (may be NULL) gets what an anon_inode is (FD_ANON_OTHER for the other kinds). */
enum fd_kind proc_fdkinds_classify(const char *link, unsigned mode, enum fd_anon *anon);

/* The index in a listing of n fds of the i-th of k links read (i < k): every fd when
 * n <= k, else spread evenly, the first and the last among them. */
size_t proc_fdkinds_pick(size_t n, size_t k, size_t i);

/* A count seen in k of n fds, scaled to n (rounded). */
int64_t proc_fdkinds_scale(int64_t count, size_t n, size_t k);

struct proc_fdkinds {
	int64_t count[FD_KIND_COUNT]; /* scaled when sampled; VAL_UNKNOWN when not read */
	int64_t anon[FD_ANON_COUNT];
	int64_t listed;   /* fds in the listing */
	int64_t links;    /* readlinks done */
	int64_t stats;    /* statx done (paths) */
	bool sampled;
};

/* The fd numbers of a listing, kept between calls (the caller zero-initialises it and
 * frees it with proc_fdkinds_scratch_free). */
struct proc_fdkinds_scratch {
	int *fds;
	size_t cap;
};
void proc_fdkinds_scratch_free(struct proc_fdkinds_scratch *s);

/* Lists <proc_fd>/PID/fd and classifies at most max_links (> 0) of its fds. Returns 0, or
 * -errno (EACCES: not ours, or the links not readable though the listing is; ENOENT/ESRCH:
 * gone; ENOMEM), the counts then unknown (out->links says how many readlinks were tried).
 * An fd closed between the listing and its readlink is not counted. */
int proc_fdkinds_read(int proc_fd, pid_t pid, size_t max_links, struct proc_fdkinds_scratch *scratch,
		      struct proc_fdkinds *out);

#endif
