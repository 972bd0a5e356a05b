/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/cgroup/path.h"

#include <stdio.h>
#include <string.h>

bool cgroup_path_within(const char *path, const char *subtree)
{
	if (!path || !subtree)
		return false;
	size_t n = strlen(subtree);
	while (n > 1 && subtree[n - 1] == '/')
		n--;
	if (n == 1 && subtree[0] == '/')
		return path[0] == '/';
	return strncmp(path, subtree, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

void cgroup_path_relative(const struct cgroup_hierarchy *h, const char *proc_path, char *out,
			  size_t cap)
{
	size_t rl = strlen(h->mount_root);
	if (rl > 1 && strncmp(proc_path, h->mount_root, rl) == 0 &&
	    (proc_path[rl] == '/' || proc_path[rl] == '\0'))
		snprintf(out, cap, "%s", proc_path[rl] ? proc_path + rl : "/");
	else
		snprintf(out, cap, "%s", proc_path);
}
