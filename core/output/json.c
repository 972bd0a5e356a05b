/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/output/json.h"

#include "core/output/json_write.h"
#include "core/proc/detail.h"
#include "core/proc/fdkinds.h"

static const char *state_name(enum proc_state s)
{
	switch (s) {
	case PROC_RUNNING: return "running";
	case PROC_EXITED: return "exited";
	case PROC_OOM_KILLED: return "oom_killed";
	}
	return "running";
}

static void put_key(struct strbuf *sb, const char *quoted, size_t n, bool first)
{
	if (!first)
		sb_putc(sb, ',');
	sb_putn(sb, quoted, n);
}
/* k is a literal: its quoted form and length are known at compile time */
#define key(sb, k, first) put_key((sb), "\"" k "\":", sizeof("\"" k "\":") - 1, (first))

static void pid_or_null(struct strbuf *sb, pid_t pid)
{
	json_write_i64(sb, pid > 0 ? (int64_t)pid : VAL_UNKNOWN);
}

/* --detail: PSS and the fd kinds, null where the detail was not read (not among the
 * processes --detail reads, exited, not ours). */
static void json_detail(struct strbuf *sb, const struct proc_detail *d)
{
	bool live = d && !d->exited;
	key(sb, "pss", false), json_write_i64(sb, live ? d->pss_bytes : VAL_UNKNOWN);
	key(sb, "pss_anon", false), json_write_i64(sb, live ? d->pss_anon_bytes : VAL_UNKNOWN);
	key(sb, "pss_file", false), json_write_i64(sb, live ? d->pss_file_bytes : VAL_UNKNOWN);
	key(sb, "pss_shmem", false), json_write_i64(sb, live ? d->pss_shmem_bytes : VAL_UNKNOWN);
	key(sb, "swap_pss", false), json_write_i64(sb, live ? d->swap_pss_bytes : VAL_UNKNOWN);
	bool kinds = live && val_known(d->fd_kinds[FD_KIND_SOCKET]);
	key(sb, "fd_types", false);
	if (kinds) {
		sb_putc(sb, '{');
		for (int k = 0; k < FD_KIND_COUNT; k++) {
			if (k)
				sb_putc(sb, ',');
			json_write_string(sb, proc_fdkinds_name((enum fd_kind)k));
			sb_putc(sb, ':');
			json_write_i64(sb, d->fd_kinds[k]);
		}
		sb_putc(sb, '}');
	} else {
		sb_puts(sb, "null");
	}
	key(sb, "sampled", false), sb_puts(sb, !kinds ? "null" : d->sampled ? "true" : "false");
}

static void json_proc(struct strbuf *sb, const struct output_view *v, const struct proc_row *p)
{
	sb_putc(sb, '{');
	key(sb, "pid", true), json_write_i64(sb, p->pid);
	key(sb, "ppid", false), json_write_i64(sb, p->ppid);
	key(sb, "uid", false), json_write_i64(sb, p->uid);
	key(sb, "user", false), json_write_string(sb, p->user);
	key(sb, "comm", false), json_write_string(sb, p->comm);
	key(sb, "cmdline", false), json_write_string(sb, p->cmdline);
	key(sb, "cgroup", false), json_write_string(sb, p->cgroup);
	key(sb, "start_time", false), json_write_double(sb, p->start_time_unix_s);
	key(sb, "rss", false), json_write_i64(sb, p->rss_bytes);
	key(sb, "rss_anon", false), json_write_i64(sb, p->rss_anon_bytes);
	key(sb, "rss_file", false), json_write_i64(sb, p->rss_file_bytes);
	key(sb, "rss_shmem", false), json_write_i64(sb, p->rss_shmem_bytes);
	key(sb, "swap", false), json_write_i64(sb, p->swap_bytes);
	key(sb, "oom_score", false), json_write_i64(sb, p->oom_score);
	key(sb, "oom_score_adj", false), json_write_i64(sb, p->oom_score_adj);
	key(sb, "threads", false), json_write_i64(sb, p->threads);
	key(sb, "fds", false), json_write_i64(sb, p->fds);
	key(sb, "fd_limit", false), json_write_i64(sb, p->fd_limit);
	key(sb, "fd_eta", false), json_write_double(sb, p->fd_eta_s);
	key(sb, "rss_slope", false), json_write_double(sb, p->rss_slope.per_s);
	key(sb, "rss_slope_fit", false), json_write_double(sb, p->rss_slope.fit);
	key(sb, "fd_slope", false), json_write_double(sb, p->fd_slope.per_s);
	key(sb, "thread_slope", false), json_write_double(sb, p->thread_slope.per_s);
	key(sb, "state", false), json_write_string(sb, state_name(p->state));
	key(sb, "kernel_thread", false), sb_puts(sb, p->kernel_thread ? "true" : "false");
	key(sb, "next_victim", false), sb_puts(sb, p->next_victim ? "true" : "false");
	if (v->detail)
		json_detail(sb, p->state == PROC_RUNNING ? proc_details_find(v->snap, p->pid, p->start_ticks) : NULL);
	sb_putc(sb, '}');
}

static void json_cgroup(struct strbuf *sb, const struct snapshot *s, const struct cgroup_row *c)
{
	sb_putc(sb, '{');
	key(sb, "path", true), json_write_string(sb, c->path);
	key(sb, "name", false), json_write_string(sb, c->name);
	key(sb, "version", false), json_write_i64(sb, c->version);
	key(sb, "usage", false), json_write_i64(sb, c->usage_bytes);
	key(sb, "limit", false), json_write_i64(sb, c->limit_bytes);
	key(sb, "high", false), json_write_i64(sb, c->high_bytes);
	key(sb, "effective_limit", false), json_write_i64(sb, c->effective_limit_bytes);
	bool lb = c->limited_by >= 0 && (size_t)c->limited_by < s->ncgroups;
	key(sb, "limited_by", false), json_write_string(sb, lb ? s->cgroups[c->limited_by].path : NULL);
	key(sb, "working_set", false), json_write_i64(sb, c->working_set_bytes);
	key(sb, "anon", false), json_write_i64(sb, c->anon_bytes);
	key(sb, "file", false), json_write_i64(sb, c->file_bytes);
	key(sb, "file_inactive", false), json_write_i64(sb, c->file_inactive_bytes);
	key(sb, "shmem", false), json_write_i64(sb, c->shmem_bytes);
	key(sb, "kernel", false), json_write_i64(sb, c->kernel_bytes);
	key(sb, "sock", false), json_write_i64(sb, c->sock_bytes);
	key(sb, "swap", false), json_write_i64(sb, c->swap_bytes);
	key(sb, "oom_kills", false), json_write_i64(sb, c->oom_kills);
	key(sb, "high_events", false), json_write_i64(sb, c->high_events);
	key(sb, "max_events", false), json_write_i64(sb, c->max_events);
	key(sb, "throttled", false), sb_puts(sb, c->throttled ? "true" : "false");
	key(sb, "psi_some_avg10", false), json_write_double(sb, c->psi_some_avg10);
	key(sb, "psi_full_avg10", false), json_write_double(sb, c->psi_full_avg10);
	key(sb, "nprocs", false), json_write_i64(sb, c->nprocs);
	key(sb, "usage_slope", false), json_write_double(sb, c->usage_slope.per_s);
	key(sb, "usage_slope_fit", false), json_write_double(sb, c->usage_slope.fit);
	key(sb, "working_set_slope", false), json_write_double(sb, c->working_set_slope.per_s);
	key(sb, "working_set_slope_fit", false), json_write_double(sb, c->working_set_slope.fit);
	key(sb, "eta_to_limit", false), json_write_double(sb, c->eta_to_limit_s);
	key(sb, "next_victim_pid", false), pid_or_null(sb, c->next_victim_pid);
	sb_putc(sb, '}');
}

void output_json(struct strbuf *sb, const struct output_view *v)
{
	const struct snapshot *s = v->snap;
	const struct sys_mem *m = &s->sys;
	sb_putc(sb, '{');
	key(sb, "schema", true), json_write_i64(sb, OUTPUT_JSON_SCHEMA);
	key(sb, "time", false), json_write_double(sb, s->time_unix_s);
	key(sb, "uptime", false), json_write_double(sb, s->uptime_s);
	key(sb, "system", false);
	sb_putc(sb, '{');
	key(sb, "mem_total", true), json_write_i64(sb, m->mem_total_bytes);
	key(sb, "mem_available", false), json_write_i64(sb, m->mem_available_bytes);
	key(sb, "mem_available_estimated", false), sb_puts(sb, m->mem_available_estimated ? "true" : "false");
	key(sb, "swap_total", false), json_write_i64(sb, m->swap_total_bytes);
	key(sb, "swap_free", false), json_write_i64(sb, m->swap_free_bytes);
	key(sb, "psi_some_avg10", false), json_write_double(sb, m->psi_some_avg10);
	key(sb, "psi_full_avg10", false), json_write_double(sb, m->psi_full_avg10);
	key(sb, "oom_kills", false), json_write_i64(sb, m->oom_kills);
	key(sb, "zfs_arc_size", false), json_write_i64(sb, m->zfs_arc_size_bytes);
	key(sb, "zfs_arc_reclaimable", false), json_write_i64(sb, m->zfs_arc_reclaimable_bytes);
	key(sb, "available_slope", false), json_write_double(sb, m->available.per_s);
	key(sb, "eta_to_exhaustion", false), json_write_double(sb, m->eta_exhaustion_s);
	key(sb, "next_victim_pid", false), pid_or_null(sb, m->next_victim_pid);
	sb_putc(sb, '}');
	key(sb, "cgroups", false);
	sb_putc(sb, '[');
	for (size_t i = 0; i < s->ncgroups; i++) {
		if (i)
			sb_putc(sb, ',');
		json_cgroup(sb, s, &s->cgroups[i]);
	}
	sb_putc(sb, ']');
	key(sb, "processes", false);
	sb_putc(sb, '[');
	for (size_t i = 0; i < v->nrows; i++) {
		if (i)
			sb_putc(sb, ',');
		json_proc(sb, v, v->rows[i]);
	}
	sb_putc(sb, ']');
	key(sb, "notes", false);
	sb_putc(sb, '[');
	for (size_t i = 0; i < s->nnotes; i++) {
		if (i)
			sb_putc(sb, ',');
		json_write_string(sb, s->notes[i]);
	}
	sb_puts(sb, "]}\n");
}
