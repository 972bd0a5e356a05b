/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/cgroup/stat.h — a memory cgroup's memory.stat, parsed without I/O, into the
 * breakdown oomtop shows: anon, file (page cache, shmem included), inactive file, shmem,
 * kernel, sock. Values are bytes for the cgroup and everything below it (v2 memory.stat is
 * hierarchical; on v1 the total_* keys are read, the unprefixed ones are this cgroup's own).
 *
 * The working set is usage - inactive file (clamped at 0): the kubelet's definition, and
 * what the kernel cannot simply drop before it OOM-kills. Inactive file pages are the
 * first the kernel reclaims; active file pages may be reclaimed too, so the working set
 * errs on the side of pressure.
 */
#ifndef OOMTOP_CGROUP_STAT_H
#define OOMTOP_CGROUP_STAT_H

#include <stdint.h>

struct cgroup_stat {
	int64_t anon_bytes;          /* v2 anon, v1 total_rss */
	int64_t file_bytes;          /* v2 file, v1 total_cache */
	int64_t file_inactive_bytes; /* v2 inactive_file, v1 total_inactive_file */
	int64_t shmem_bytes;         /* v2 shmem, v1 total_shmem */
	int64_t kernel_bytes;        /* v2 kernel, or the sum of its parts; v1: unknown here */
	int64_t sock_bytes;          /* v2 sock; v1: unknown here */
};

/* version 1 or 2. Fields the file does not have are VAL_UNKNOWN. Returns 0, or -EINVAL
 * when the buffer holds none of the keys (not a memory.stat). */
int cgroup_stat_parse(const char *buf, int version, struct cgroup_stat *out);

/* usage - inactive file, at least 0; VAL_UNKNOWN when either is unknown. */
int64_t cgroup_stat_working_set(int64_t usage_bytes, int64_t file_inactive_bytes);

#endif
