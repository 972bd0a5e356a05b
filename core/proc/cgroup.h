/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/cgroup.h — /proc/PID/cgroup, parsed without I/O: where a process sits in the
 * memory cgroup hierarchy. */
#ifndef OOMTOP_PROC_CGROUP_H
#define OOMTOP_PROC_CGROUP_H

#include <stddef.h>

/* version 1: the line whose controller list holds "memory"; version 2: the "0::" line.
 * Writes the path (e.g. "/system.slice/foo.service") into out. Returns 0, or -ENOENT when
 * there is no such line, -ENAMETOOLONG when it does not fit. */
int proc_cgroup_parse(const char *buf, int version, char *out, size_t cap);

#endif
