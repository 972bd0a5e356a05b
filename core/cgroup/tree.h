/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/cgroup/tree.h — every memory cgroup under a hierarchy mount, with its values.
 *
 * Each refresh walks the tree (cgroups come and go) and reads a few files per cgroup with
 * plain reads (libcgroup's getters read every file of every controller and cannot parse
 * "max"), parsed by value.h and stat.h:
 *   v2: memory.current memory.max memory.high memory.swap.current memory.events memory.pressure
 *   v1: memory.usage_in_bytes memory.limit_in_bytes memory.memsw.usage_in_bytes memory.oom_control
 * and the breakdown: v2 memory.stat; v1 memory.stat, memory.kmem.usage_in_bytes,
 * memory.kmem.tcp.usage_in_bytes. memory.stat is the costly one (~12 µs, ~70 lines on v1):
 * a cgroup with a limit of its own reads it every refresh (its working set is what its ETA
 * is computed from, and pages move between the active and inactive lists without usage
 * moving: a cgroup re-reading its cache); any other is read again only when usage moved
 * by more than CGROUP_TREE_STAT_MOVE_BYTES since the last read, and every
 * CGROUP_TREE_STAT_EVERY refreshes (staggered); in between its working set follows usage
 * with the last inactive-file figure.
 * Rows come in tree order (parents before children, siblings by name). The mount is a
 * runtime value: tests point it at fixture trees.
 */
#ifndef OOMTOP_CGROUP_TREE_H
#define OOMTOP_CGROUP_TREE_H

#include "core/estimate/leak.h"
#include "core/model.h"

/* Fill effective_limit_bytes of every row: the smallest limit on the path to the root.
 * Rows must be in tree order with valid `parent` indices. */
void cgroup_tree_effective_limits(struct cgroup_row *rows, size_t n);

#define CGROUP_TREE_STAT_EVERY 10
#define CGROUP_TREE_STAT_MOVE_BYTES (64 * 1024)

/* A cgroup row plus what persists across refreshes for the same path. */
struct cgroup_tree_entry {
	struct cgroup_row row;
	struct leak_series usage_hist, working_set_hist;
	int64_t stat_usage_bytes;   /* usage when memory.stat was last read (VAL_UNKNOWN: never) */
	unsigned stat_age;          /* refreshes since that read */
	bool oom_kill_seen;         /* its oom_kill count rose at this refresh */
};

struct cgroup_tree;

/* mount: the hierarchy's mount point; version 1 or 2. NULL when out of memory. */
struct cgroup_tree *cgroup_tree_new(const char *mount, int version);

/* Walk and read. t_ms is the monotonic time of this refresh (for histories).
 * Returns 0, or -errno when the mount itself cannot be opened. */
int cgroup_tree_refresh(struct cgroup_tree *t, int64_t t_ms);

/* Directories the last refresh could not open for want of file descriptors or memory
 * (EMFILE, ENFILE, ENOMEM: a tiny ulimit -n), each a subtree missing from the rows. */
size_t cgroup_tree_unread(const struct cgroup_tree *t);

/* The entries of the last refresh, in tree order; valid until the next refresh. */
struct cgroup_tree_entry *cgroup_tree_entries(struct cgroup_tree *t, size_t *n);

/* An OOM kill is a discontinuity: the leak series (usage, working set) of entry i and of
 * every ancestor start afresh. The tree does it itself when a cgroup's oom_kill count
 * rises; the collector calls it for kills it learns of from the kernel log. */
void cgroup_tree_restart_series(struct cgroup_tree *t, int i);

/* Index of the entry with this exact path in the last refresh, or -1. O(log n). */
int cgroup_tree_find(const struct cgroup_tree *t, const char *path);

void cgroup_tree_free(struct cgroup_tree *t);

#endif
