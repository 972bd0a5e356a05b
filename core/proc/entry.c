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
