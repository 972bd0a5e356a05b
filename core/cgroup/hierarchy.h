/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/cgroup/hierarchy.h — where the memory controller lives: cgroup v1 `memory`
 * hierarchy, or cgroup v2 with `memory` in the root's cgroup.controllers; on hybrid
 * machines whichever hierarchy holds the controller.
 *
 * libcgroup names the mount (its logger is replaced first: the default one writes to
 * stdout and would corrupt the screen); /proc/self/mountinfo gives the mount root, which
 * in a container without a cgroup namespace is the container's own cgroup. When libcgroup
 * cannot initialise (no /proc/cgroups, odd mounts), mountinfo alone decides. */
#ifndef OOMTOP_CGROUP_HIERARCHY_H
#define OOMTOP_CGROUP_HIERARCHY_H

#include <limits.h>
#include <stddef.h>

struct cgroup_hierarchy {
	int version;              /* 1 or 2; 0 when no memory controller was found */
	char mount[PATH_MAX];     /* e.g. /sys/fs/cgroup/memory */
	char mount_root[PATH_MAX]; /* "/" unless the mount shows a sub-tree */
	char why[256];            /* with version 0: the reason, for the operator */
};

/* proc_root is "/proc" (mountinfo is read from <proc_root>/self/mountinfo).
 * Always fills *out; returns 0 when found, -ENOENT when not (out->why says why). */
int cgroup_hierarchy_discover(const char *proc_root, struct cgroup_hierarchy *out);

#endif
