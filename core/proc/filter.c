/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/filter.h"

#include <string.h>

#include "core/cgroup/path.h"

bool proc_filter_matches(const struct proc_row *p, const struct proc_filter *f)
{
	if (p->kernel_thread && !f->kernel_threads)
		return false;
	if (p->state != PROC_RUNNING && !f->ghosts)
		return false;
	if (f->npids) {
		bool hit = false;
		for (size_t i = 0; i < f->npids && !hit; i++)
			hit = f->pids[i] == p->pid;
		if (!hit)
			return false;
	}
	if (f->by_uid && p->uid != f->uid)
		return false;
	if (f->cgroup && !cgroup_path_within(p->cgroup, f->cgroup))
		return false;
	if (f->text && f->text[0]) {
		const char *fields[] = {p->comm, p->cmdline, p->user, p->cgroup};
		bool hit = false;
		for (size_t i = 0; i < 4 && !hit; i++)
			hit = fields[i] && strcasestr(fields[i], f->text);
		if (!hit)
			return false;
	}
	return true;
}
