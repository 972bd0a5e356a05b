/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/cgroup/procs.h — which memory cgroup each process is in, from the cgroup.procs file
 * of every cgroup of the tree: one read per cgroup instead of one /proc/PID/cgroup per
 * process (9 µs each on 6.18 at 2,000 processes, under the kernel's css_set lock; the
 * cgroup.procs of 10,000 processes take ~10 ms in all).
 *
 * A pid listed by no cgroup read (born since, or in a cgroup that is not a row), or by
 * more than one (v1 lets a process's threads sit in several), is not answered: the caller
 * reads /proc/PID/cgroup for it. A pid reused between this read and the caller's is
 * answered with the old process's cgroup until the next read: cgroups are not identity.
 *
 *   cgroup.procs: "1\n212\n8127\n" (v1 and v2: the thread-group ids, any order)
 */
#ifndef OOMTOP_CGROUP_PROCS_H
#define OOMTOP_CGROUP_PROCS_H

#include <stddef.h>
#include <sys/types.h>

/* Calls cb(ctx, pid) for each pid of a cgroup.procs text, in the file's order; a line that
 * is not a pid is skipped. Pure. */
void cgroup_procs_parse(const char *text, void (*cb)(void *ctx, pid_t pid), void *ctx);

struct cgroup_procs;

/* NULL when out of memory. */
struct cgroup_procs *cgroup_procs_new(void);

/* Reads <mount><paths[i]>/cgroup.procs for each of paths[0..n) (each "/" or "/a/b"); the
 * paths must stay valid until the next read. A cgroup whose file cannot be read is
 * skipped. Returns 0, or -ENOMEM (then nothing is answered until the next read). */
int cgroup_procs_read(struct cgroup_procs *m, const char *mount, const char *const *paths, size_t n);

/* The path of pid's cgroup (one of the paths read), or NULL: not answered (see above). */
const char *cgroup_procs_find(const struct cgroup_procs *m, pid_t pid);

/* NULL is fine. */
void cgroup_procs_free(struct cgroup_procs *m);

#endif
