/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxsnap.c — see fxsnap.h. */
#include "config.h"
#include "tests/lib/fxsnap.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>



struct proc_row procs[64];
struct proc_row *proc_ptrs[64]; /* snapshot.procs: proc_ptrs[i] = &procs[i] */
struct cgroup_row cgroups[5];
struct snapshot snap;
const struct proc_row *rows[64];
size_t nrows;
bool render_detail;

struct proc_row blank(pid_t pid)
{
	struct proc_row r;
	memset(&r, 0, sizeof(r));
	r.pid = pid;
	r.rss_bytes = r.rss_anon_bytes = r.rss_file_bytes = r.rss_shmem_bytes = VAL_UNKNOWN;
	r.swap_bytes = r.pgtables_bytes = r.oom_score = r.oom_score_adj = VAL_UNKNOWN;
	r.threads = r.fds = VAL_UNKNOWN;
	r.rss_slope = r.fd_slope = r.thread_slope = (struct slope){NAN, NAN};
	r.start_time_unix_s = NAN;
	r.exited_unix_s = NAN;
	r.oom_event = -1;
	r.fd_limit = VAL_UNKNOWN;
	r.fd_eta_s = NAN;
	return r;
}

void build_snapshot(void)
{
	memset(&snap, 0, sizeof(snap));
	render_detail = false;
	snap.time_unix_s = 1700000000.25;
	snap.t_mono_ms = 123456;
	snap.uptime_s = 86400 * 3 + 125;
	snap.interval_s = 1;
	snap.window_s = 300;
	snap.hostname = "nas\x1b[2J";
	snap.seq = 7;
	struct sys_mem *m = &snap.sys;
	m->mem_total_bytes = INT64_C(8) << 30;
	m->mem_available_bytes = INT64_C(3) << 30;
	m->mem_available_estimated = false;
	m->swap_total_bytes = 0; /* known zero: must stay 0 */
	m->swap_free_bytes = 0;
	m->psi_some_avg10 = NAN;
	m->psi_full_avg10 = NAN;
	m->psi_some_total_us = m->psi_full_total_us = VAL_UNKNOWN;
	m->oom_kills = VAL_UNKNOWN;
	m->last_oom_kill_unix_s = NAN;
	m->available = (struct slope){NAN, NAN};
	m->eta_exhaustion_s = NAN;
	m->next_victim_pid = 0;
	m->zfs_arc_size_bytes = m->zfs_arc_reclaimable_bytes = VAL_UNKNOWN;

	cgroups[0] = (struct cgroup_row){.path = "/", .name = "/", .version = 2, .depth = 0, .parent = -1,
					 .usage_bytes = VAL_UNKNOWN, .limit_bytes = VAL_UNKNOWN, .high_bytes = VAL_UNKNOWN,
					 .effective_limit_bytes = VAL_UNKNOWN, .swap_bytes = VAL_UNKNOWN,
					 .oom_kills = VAL_UNKNOWN, .psi_some_avg10 = 0.5, .nprocs = 3,
					 .usage_slope = {NAN, NAN}, .eta_to_limit_s = NAN};
	cgroups[1] = (struct cgroup_row){.path = "/system.slice", .name = "system.slice", .version = 2, .depth = 1,
					 .parent = 0, .usage_bytes = INT64_C(1) << 30, .limit_bytes = VAL_UNKNOWN,
					 .high_bytes = VAL_UNKNOWN, .effective_limit_bytes = VAL_UNKNOWN, .swap_bytes = 0,
					 .oom_kills = 0, .psi_some_avg10 = NAN, .nprocs = 2, .usage_slope = {NAN, NAN},
					 .eta_to_limit_s = NAN};
	cgroups[2] = (struct cgroup_row){.path = "/system.slice/nas-agent.service", .name = "nas-agent.service",
					 .version = 2, .depth = 2, .parent = 1, .usage_bytes = 215040000,
					 .limit_bytes = 536870912, .high_bytes = 402653184,
					 .effective_limit_bytes = 536870912, .swap_bytes = 4096, .oom_kills = 2,
					 .psi_some_avg10 = 1.5, .nprocs = 1, .usage_slope = {58254.2, 0.98},
					 .eta_to_limit_s = 5520, .next_victim_pid = 1001};
	cgroups[3] = (struct cgroup_row){.path = "/system.slice/we\"ird\\\n\x1b.service",
					 .name = "we\"ird\\\n\x1b.service", .version = 2, .depth = 2, .parent = 1,
					 .usage_bytes = 0, .limit_bytes = VAL_UNKNOWN, .high_bytes = VAL_UNKNOWN,
					 .effective_limit_bytes = VAL_UNKNOWN, .swap_bytes = VAL_UNKNOWN,
					 .oom_kills = VAL_UNKNOWN, .psi_some_avg10 = NAN, .nprocs = 0,
					 .usage_slope = {NAN, NAN}, .eta_to_limit_s = NAN};
	cgroups[4] = cgroups[3];
	cgroups[4].path = "/system.slice/\x1b\x1b\x1b\x1bünïcödé.service";
	cgroups[4].name = "\x1b\x1b\x1b\x1bünïcödé.service";
	for (int i = 0; i < 5; i++) { /* the breakdown: unknown but for nas-agent */
		struct cgroup_row *c = &cgroups[i];
		c->working_set_bytes = c->anon_bytes = c->file_bytes = c->file_inactive_bytes = VAL_UNKNOWN;
		c->shmem_bytes = c->kernel_bytes = c->sock_bytes = c->high_events = c->max_events = VAL_UNKNOWN;
		c->psi_full_avg10 = NAN;
		c->psi_some_total_us = c->psi_full_total_us = VAL_UNKNOWN;
		c->working_set_slope = (struct slope){NAN, NAN};
		c->limited_by = -1;
	}
	/* nas-agent: 205M used, 10 MiB of it inactive cache: a 195M working set (38% of 512M),
	 * growing 200M/h; its own limit is the one it runs into */
	cgroups[2].file_inactive_bytes = 10 * 1048576;
	cgroups[2].working_set_bytes = 215040000 - 10 * 1048576;
	cgroups[2].anon_bytes = 190 * 1048576;
	cgroups[2].file_bytes = 15 * 1048576;
	cgroups[2].shmem_bytes = 0;
	cgroups[2].kernel_bytes = 2 * 1048576;
	cgroups[2].sock_bytes = 4096;
	cgroups[2].high_events = 3;
	cgroups[2].max_events = 0;
	cgroups[2].working_set_slope = (struct slope){58254.2, 0.98};
	cgroups[2].limited_by = 2;
	cgroups[2].psi_some_total_us = INT64_C(98765432109); /* 27 h 26 min stalled: 98765.432109 s */
	cgroups[2].psi_full_total_us = 4000007;
	snap.cgroups = cgroups;
	snap.ncgroups = 5;
	snap.cgroup_version = 2;
	snap.cgroup_mount = "/sys/fs/cgroup";

	/* 1001: everything known, fds 0 */
	struct proc_row *p = &procs[0];
	*p = blank(1001);
	p->ppid = 1;
	p->uid = 1000;
	p->user = "alice";
	p->comm = "nas-agent";
	p->cmdline = "/usr/bin/nas-agent --serve";
	p->cgroup = "/system.slice/nas-agent.service";
	p->start_ticks = 6800288;
	p->start_time_unix_s = 1699990000.5;
	p->rss_bytes = 215040000;
	p->rss_anon_bytes = 200000000;
	p->rss_file_bytes = 15040000;
	p->rss_shmem_bytes = 0;
	p->swap_bytes = 0;
	p->pgtables_bytes = 532480;
	p->oom_score = 667;
	p->oom_score_adj = -1000;
	p->threads = 12;
	p->fds = 0;
	p->rss_slope = (struct slope){58254.2, 0.97};
	p->fd_slope = (struct slope){0.5, 0.9};
	p->thread_slope = (struct slope){0, 1};
	p->fd_limit = 1024;
	p->fd_eta_s = 2048;
	p->next_victim = true;
	/* 1002: nothing known (another user's process, hidepid, …) */
	p = &procs[1];
	*p = blank(1002);
	p->ppid = 1;
	p->uid = 4242;
	p->user = NULL;
	p->comm = "mystery";
	p->cmdline = "";
	p->cgroup = NULL;
	/* 1003: an exited ghost with a hostile name and no cmdline */
	p = &procs[2];
	*p = blank(1003);
	p->ppid = 1001;
	p->uid = 1000;
	p->user = "bob\x1b[0m";
	p->comm = EVIL_COMM;
	p->cmdline = "";
	p->cgroup = "/system.slice/we\"ird\\\n\x1b.service";
	p->state = PROC_EXITED;
	p->exited_unix_s = 1699999990;
	p->rss_bytes = 4096;
	/* 1004: OOM-killed ghost with a hostile command line */
	p = &procs[3];
	*p = blank(1004);
	p->ppid = 1;
	p->uid = 0;
	p->user = "root";
	p->comm = "sh";
	p->cmdline = EVIL_CMD;
	p->cgroup = "/system.slice";
	p->state = PROC_OOM_KILLED;
	p->rss_bytes = 1 << 20;
	p->rss_slope = (struct slope){-100, 0.5};
	/* 1005: a long UTF-8 user name and cgroup that the text columns must cut cleanly */
	p = &procs[4];
	*p = blank(1005);
	p->uid = 1001;
	p->user = "ünïcödé_üser_name";
	p->comm = "ü";
	p->cmdline = "/opt/ünïcödé/bin/tool";
	p->cgroup = "/system.slice/\x1b\x1b\x1b\x1bünïcödé.service";
	p->rss_bytes = 12345;
	for (size_t i = 0; i < 64; i++)
		proc_ptrs[i] = &procs[i];
	snap.procs = proc_ptrs;
	snap.nprocs = 5;
	snap.nkernel_threads = 0;
	snap.notes[0] = "hidepid: 3 processes hidden\x1b[5m";
	snap.nnotes = 1;
	for (size_t i = 0; i < snap.nprocs; i++)
		rows[i] = &procs[i];
	nrows = snap.nprocs;
}

void add_detail(void)
{
	static struct proc_detail d[2];
	static const struct proc_detail *ptrs[2];
	for (int i = 0; i < 2; i++) {
		memset(&d[i], 0, sizeof(d[i]));
		d[i].row = procs[i == 0 ? 0 : 3];
		d[i].exited_unix_s = NAN;
		d[i].pss_bytes = 180 << 20;
		d[i].pss_anon_bytes = 170 << 20;
		d[i].pss_file_bytes = 10 << 20;
		d[i].pss_shmem_bytes = 0;
		d[i].swap_pss_bytes = 0;
		d[i].smaps_rss_bytes = d[i].smaps_swap_bytes = VAL_UNKNOWN;
		int64_t kinds[FD_KIND_COUNT] = {790, 4, 10, 6, 2};
		for (int k = 0; k < FD_KIND_COUNT; k++) {
			d[i].fd_kinds[k] = kinds[k];
			d[i].fd_kind_slope[k] = (struct slope){k == FD_KIND_SOCKET ? 0.5 : 0.0, 0.9};
		}
		for (int a = 0; a < FD_ANON_COUNT; a++)
			d[i].fd_anon[a] = a == FD_ANON_EVENTPOLL ? 6 : 0;
		d[i].sampled = true;
		d[i].fds_listed = 812;
		d[i].links_read = 512;
		d[i].fd_limit_hard = 4096;
		ptrs[i] = &d[i];
	}
	d[1].exited = true;
	d[1].exited_unix_s = 1699999999;
	procs[0].fds = 812;
	snap.details = ptrs;
	snap.ndetails = 2;
}

char *render(void (*fn)(struct strbuf *, const struct output_view *), size_t *len)
{
	struct output_view v = {&snap, rows, nrows, render_detail};
	struct strbuf sb;
	sb_init(&sb);
	fn(&sb, &v);
	ck_assert(!sb.oom);
	ck_assert_ptr_nonnull(sb.buf);
	ck_assert_uint_eq(strlen(sb.buf), sb.len);
	*len = sb.len;
	return sb.buf;
}

