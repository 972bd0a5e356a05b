/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tests/lib/fxrec.h"

#include <math.h>
#include <string.h>

void fxrec_init(struct fxrec *f, double t_unix_s)
{
	memset(f, 0, sizeof(*f));
	struct snapshot *s = &f->snap;
	s->time_unix_s = t_unix_s;
	s->uptime_s = 1000;
	s->interval_s = 10;
	s->window_s = 300;
	s->hostname = "fixture";
	s->procs = f->ptrs;
	s->cgroups = f->cgroups;
	s->events_replay_done_bytes = s->events_replay_total_bytes = VAL_UNKNOWN;
	struct sys_mem *m = &s->sys;
	m->mem_total_bytes = INT64_C(8) << 30;
	m->mem_available_bytes = INT64_C(4) << 30;
	m->swap_total_bytes = 0;
	m->swap_free_bytes = 0;
	m->psi_some_avg10 = 0;
	m->psi_full_avg10 = 0;
	m->oom_kills = 0;
	m->psi_some_total_us = m->psi_full_total_us = VAL_UNKNOWN;
	m->zfs_arc_size_bytes = m->zfs_arc_reclaimable_bytes = VAL_UNKNOWN;
	m->available_bytes = m->mem_available_bytes;
	m->last_oom_kill_unix_s = NAN;
	m->available = (struct slope){NAN, NAN};
	m->eta_exhaustion_s = NAN;
}

struct proc_row *fxrec_proc(struct fxrec *f, pid_t pid, uint64_t start_ticks, const char *comm,
                             const char *cgroup, int64_t rss_bytes)
{
	struct snapshot *s = &f->snap;
	if (s->nprocs >= FXREC_MAX_PROCS)
		return NULL;
	struct proc_row *r = &f->rows[s->nprocs];
	memset(r, 0, sizeof(*r));
	r->pid = pid;
	r->ppid = 1;
	r->uid = 1000;
	r->user = "user";
	r->comm = comm;
	r->cmdline = "comm --serve";
	r->cgroup = cgroup;
	r->start_ticks = start_ticks;
	r->start_time_unix_s = 1700000000.0 + (double)start_ticks / 100.0;
	r->rss_bytes = rss_bytes;
	r->rss_anon_bytes = rss_bytes;
	r->rss_file_bytes = 0;
	r->rss_shmem_bytes = 0;
	r->swap_bytes = 0;
	r->pgtables_bytes = 65536;
	r->oom_score = 100;
	r->oom_score_adj = 0;
	r->threads = 2;
	r->fds = 12;
	r->rss_slope = r->fd_slope = r->thread_slope = (struct slope){NAN, NAN};
	r->state = PROC_RUNNING;
	r->exited_unix_s = NAN;
	r->oom_event = -1;
	r->fd_limit = 1024;
	r->fd_eta_s = NAN;
	f->ptrs[s->nprocs++] = r;
	return r;
}

struct cgroup_row *fxrec_cgroup(struct fxrec *f, const char *path, int64_t usage_bytes,
                                 int64_t limit_bytes)
{
	struct snapshot *s = &f->snap;
	if (s->ncgroups >= FXREC_MAX_CGROUPS)
		return NULL;
	struct cgroup_row *c = &f->cgroups[s->ncgroups++];
	memset(c, 0, sizeof(*c));
	c->path = path;
	const char *slash = strrchr(path, '/');
	c->name = slash && slash[1] ? slash + 1 : path;
	c->version = 2;
	c->parent = -1;
	c->usage_bytes = usage_bytes;
	c->working_set_bytes = usage_bytes;
	c->anon_bytes = usage_bytes;
	c->file_bytes = c->file_inactive_bytes = c->shmem_bytes = 0;
	c->kernel_bytes = c->sock_bytes = VAL_UNKNOWN;
	c->limit_bytes = limit_bytes;
	c->high_bytes = VAL_UNKNOWN;
	c->effective_limit_bytes = limit_bytes;
	c->swap_bytes = 0;
	c->oom_kills = 0;
	c->high_events = c->max_events = 0;
	c->psi_some_avg10 = c->psi_full_avg10 = NAN;
	c->psi_some_total_us = c->psi_full_total_us = VAL_UNKNOWN;
	c->nprocs = 0;
	c->usage_slope = c->working_set_slope = (struct slope){NAN, NAN};
	c->limited_by = -1;
	c->eta_to_limit_s = NAN;
	return c;
}

const struct proc_row *fxrec_find_proc(const struct snapshot *s, pid_t pid)
{
	for (size_t i = 0; i < s->nprocs; i++)
		if (s->procs[i]->pid == pid)
			return s->procs[i];
	return NULL;
}

const struct cgroup_row *fxrec_find_cgroup(const struct snapshot *s, const char *path)
{
	for (size_t i = 0; i < s->ncgroups; i++)
		if (strcmp(s->cgroups[i].path, path) == 0)
			return &s->cgroups[i];
	return NULL;
}
