/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/entry.h"

#include <stdlib.h>
#include <string.h>

struct proc_entry *proc_entry_new(const struct proc_identity *id, double boot_unix_s, long hz)
{
	struct proc_entry *e = calloc(1, sizeof(*e));
	if (!e)
		return NULL;
	for (int i = 0; i < PROC_HELD_NFILES; i++)
		e->held_fds[i] = -1;
	e->user = strdup(id->user[0] ? id->user : "?");
	e->comm = strdup(id->comm);
	/* bounded memory: a command line can be 2 MiB (and hostile); keep what is shown */
	e->cmdline = strndup(id->cmdline, PROC_ENTRY_CMDLINE_MAX_BYTES);
	if (!e->user || !e->comm || !e->cmdline) {
		proc_entry_free(e);
		return NULL;
	}
	struct proc_row *r = &e->row;
	r->pid = id->pid;
	r->ppid = id->ppid;
	r->uid = id->uid;
	r->user = e->user;
	r->comm = e->comm;
	r->cmdline = e->cmdline;
	r->start_ticks = id->start_ticks;
	r->start_time_unix_s = boot_unix_s + (double)id->start_ticks / (double)hz;
	r->kernel_thread = id->kernel_thread;
	r->rss_bytes = r->rss_anon_bytes = r->rss_file_bytes = r->rss_shmem_bytes = VAL_UNKNOWN;
	r->swap_bytes = r->pgtables_bytes = r->oom_score = r->oom_score_adj = VAL_UNKNOWN;
	r->threads = r->fds = VAL_UNKNOWN;
	r->rss_slope = r->fd_slope = r->thread_slope = (struct slope){NAN, NAN};
	r->state = PROC_RUNNING;
	r->exited_unix_s = NAN;
	r->oom_event = -1;
	r->fd_limit = VAL_UNKNOWN;
	r->fd_eta_s = NAN;
	return e;
}

bool proc_entry_set_comm(struct proc_entry *e, const char *comm)
{
	char *c = strdup(comm);
	if (!c)
		return false;
	free(e->comm);
	e->comm = c;
	e->row.comm = c;
	return true;
}

bool proc_entry_set_cmdline(struct proc_entry *e, const char *cmdline)
{
	char *c = strndup(cmdline, PROC_ENTRY_CMDLINE_MAX_BYTES);
	if (!c)
		return false;
	free(e->cmdline);
	e->cmdline = c;
	e->row.cmdline = c;
	return true;
}

void proc_entry_join_cmdline(char *buf, ssize_t len)
{
	if (len <= 0) {
		buf[0] = '\0';
		return;
	}
	while (len > 0 && buf[len - 1] == '\0')
		len--;
	for (ssize_t k = 0; k < len; k++)
		if (buf[k] == '\0')
			buf[k] = ' ';
	buf[len] = '\0';
}

void proc_entry_free(struct proc_entry *e)
{
	if (!e)
		return;
	free(e->user);
	free(e->comm);
	free(e->cmdline);
	free(e->cgroup);
	free(e);
}
