/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/filter.h — which process rows to show, shared by batch output and the screen
 * so both select processes the same way. Pure: no I/O. */
#ifndef OOMTOP_PROC_FILTER_H
#define OOMTOP_PROC_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "core/model.h"

struct proc_filter {
	const pid_t *pids; /* only these (NULL/0 = all) */
	size_t npids;
	bool by_uid;       /* only this user */
	uid_t uid;
	const char *cgroup; /* only this subtree ("/a" matches "/a" and "/a/b", not "/ab") */
	const char *text;   /* case-insensitive substring of comm, cmdline, user or cgroup */
	bool kernel_threads; /* include kernel threads */
	bool ghosts;         /* include exited processes */
};

/* True when row p passes every condition of f (a zeroed filter keeps live user processes). */
bool proc_filter_matches(const struct proc_row *p, const struct proc_filter *f);

#endif
