/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/cgroup/path.h — cgroup paths as strings: whether one lies within a subtree, and a
 * process's path (from /proc/PID/cgroup) made relative to the hierarchy's mount. Pure. */
#ifndef OOMTOP_CGROUP_PATH_H
#define OOMTOP_CGROUP_PATH_H

#include <stdbool.h>
#include <stddef.h>

#include "core/cgroup/hierarchy.h"

/* True when `path` is `subtree` or below it: "/a" holds "/a" and "/a/b", not "/ab".
 * NULL either way → false. */
bool cgroup_path_within(const char *path, const char *subtree);

/* Turn a path from /proc/PID/cgroup into a path relative to the mount (what the
 * cgroup rows use): strips mount_root when the path starts with it. Writes into out. */
void cgroup_path_relative(const struct cgroup_hierarchy *h, const char *proc_path, char *out,
			  size_t cap);

#endif
