/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/collector.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/estimate/badness.h"
#include "core/estimate/cgroup_eta.h"
#include "core/cgroup/hierarchy.h"
#include "core/cgroup/path.h"
#include "core/cgroup/procs.h"
#include "core/cgroup/tree.h"
#include "core/cgroup/value.h"
#include "core/estimate/leak.h"
#include "core/estimate/leak_past.h"
#include "core/cgroup/mountinfo.h"
#include "core/klog/oom_event.h"
#include "core/klog/oom_log.h"
#include "core/proc/cgroup.h"
#include "core/proc/detail.h"
#include "core/proc/held.h"
#include "core/proc/table.h"
#include "core/sys/loadavg.h"
#include "core/sys/sysmem.h"
#include "core/base/util.h"

struct collector {
	struct collector_config cfg;
	char *proc_root;
	struct cgroup_hierarchy hier;
	struct sysmem_reader *sys;
	struct proc_table *procs;
	struct proc_details *details; /* the costly fields of the few processes asked for */
	struct cgroup_tree *cgroups;
	struct cgroup_procs *members;      /* who is in which cgroup, from their cgroup.procs */
	const char **member_paths;         /* the tree's paths that was read from */
	size_t cap_member_paths;
	char hostname[256];
	struct snapshot snap;
	size_t cap_procs, cap_cgroups;
	char notes[SNAPSHOT_MAX_NOTES][400];
	struct leak_series available_hist; /* MemAvailable (+ what the ZFS ARC gives back) */
	struct oom_log *oom_log;           /* NULL when the kernel log cannot be read */
	char oom_log_why[400];             /* ... and why, shown as a note */
	char extra_note[256];              /* cfg.extra_note, copied */
	int hidepid;                       /* enum mountinfo_hidepid of proc_root, -1 unknown */
	int64_t prev_oom_kills;
	double last_oom_kill_unix_s;
	uint64_t kills_seen;               /* oom_log_total() at the last refresh */
	double start_boot_s;               /* uptime at the first refresh: older kills are history */
	const struct leak_past *past; /* cfg.past until the first refresh is done */
	int64_t past_shift_ms;        /* wall-clock ms to monotonic ms, at the first refresh */
};

void collector_config_defaults(struct collector_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->proc_root = "/proc";
	cfg->interval_s = 1.0;
	cfg->window_s = 300.0;
	cfg->ghost_ttl_s = 60.0;
	cfg->held_kmem_bytes = PROC_HELD_KMEM_DEFAULT_BYTES;
	cfg->follow_kmsg = true;
}

/* The tightest memory limit on oomtop's own cgroup path, VAL_UNKNOWN for none. */
static int64_t own_effective_limit(const struct collector *c)
{
	if (!c->hier.version)
		return VAL_UNKNOWN;
	char path[PATH_MAX + 64], raw[PATH_MAX], rel[PATH_MAX], buf[4096];
	snprintf(path, sizeof(path), "%s/self/cgroup", c->proc_root);
	if (util_read_file(path, buf, sizeof(buf)) <= 0 || proc_cgroup_parse(buf, c->hier.version, raw, sizeof(raw)) != 0)
		return VAL_UNKNOWN;
	cgroup_path_relative(&c->hier, raw, rel, sizeof(rel));
	int64_t best = VAL_UNKNOWN;
	const char *file = c->hier.version == 1 ? "memory.limit_in_bytes" : "memory.max";
	for (;;) {
		snprintf(path, sizeof(path), "%s%s/%s", c->hier.mount, strcmp(rel, "/") == 0 ? "" : rel, file);
		if (util_read_file(path, buf, sizeof(buf)) > 0) {
			int64_t l = cgroup_value_parse_limit(buf);
			if (val_known(l) && (!val_known(best) || l < best))
				best = l;
		}
		char *slash = strrchr(rel, '/');
		if (!slash || strcmp(rel, "/") == 0)
			break;
		if (slash == rel)
			strcpy(rel, "/");
		else
			*slash = '\0';
	}
	return best;
}

/* hidepid of the proc mount at proc_root (a fixture directory is no mount: -1). */
static int read_hidepid(const char *proc_root)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/self/mountinfo", proc_root);
	char *buf = util_slurp(path, NULL);
	if (!buf)
		return -1;
	int h = mountinfo_proc_hidepid(buf, proc_root);
	free(buf);
	return h;
}

struct collector *collector_new(const struct collector_config *cfg, char *err, size_t errlen)
{
	struct collector *c = calloc(1, sizeof(*c));
	if (!c) {
		snprintf(err, errlen, "out of memory");
		if (cfg->past && cfg->past->release)
			cfg->past->release(cfg->past->ctx);
		return NULL;
	}
	c->cfg = *cfg;
	c->past = cfg->past;
	c->cfg.past = NULL;
	c->proc_root = strdup(cfg->proc_root);
	if (!c->proc_root) {
		snprintf(err, errlen, "out of memory");
		collector_free(c);
		return NULL;
	}
	c->cfg.proc_root = c->proc_root;
	if (cfg->extra_note)
		snprintf(c->extra_note, sizeof(c->extra_note), "%s", cfg->extra_note);
	c->cfg.extra_note = NULL;
	c->hidepid = read_hidepid(c->proc_root);
	c->prev_oom_kills = VAL_UNKNOWN;
	c->last_oom_kill_unix_s = NAN;
	c->start_boot_s = NAN;

	if (cfg->cgroup_root) {
		c->hier.version = cfg->cgroup_version;
		snprintf(c->hier.mount, sizeof(c->hier.mount), "%s", cfg->cgroup_root);
		strcpy(c->hier.mount_root, "/");
	} else {
		cgroup_hierarchy_discover(c->proc_root, &c->hier);
	}
	if (c->hier.version) {
		c->cgroups = cgroup_tree_new(c->hier.mount, c->hier.version);
		c->members = cgroup_procs_new();
	}

	struct proc_table_config pc = {
		.proc_root = c->proc_root,
		.hier = c->hier.version ? &c->hier : NULL,
		.ghost_ttl_s = cfg->ghost_ttl_s,
		.window_s = cfg->window_s,
		.held_kmem_bytes = cfg->held_kmem_bytes,
		/* a recorded past makes the one refresh one with rates: series kept */
		.one_shot = cfg->one_shot && !cfg->past,
		.identity = cfg->identity,
	};
	/* Held files pin kernel memory charged to oomtop's own cgroup: in a small cgroup that
	 * would make oomtop the next OOM victim. Spend at most 1/16 of its limit on them; the
	 * processes beyond are read by path (slower, nothing pinned). */
	int64_t own_limit = cfg->proc_root && strcmp(cfg->proc_root, "/proc") == 0 ? own_effective_limit(c) : VAL_UNKNOWN;
	if (val_known(own_limit) && (uint64_t)own_limit / 16 < pc.held_kmem_bytes)
		pc.held_kmem_bytes = (uint64_t)own_limit / 16;
	c->procs = proc_table_new(&pc, err, errlen);
	c->sys = sysmem_open(c->proc_root);
	c->details = c->procs ? proc_details_new(c->proc_root) : NULL;
	if (c->procs && !c->details)
		snprintf(err, errlen, "out of memory");
	if (!c->procs || !c->sys || !c->details) {
		collector_free(c);
		return NULL;
	}
	proc_table_set_past(c->procs, c->past);
	struct oom_source_config oc = {.kmsg_path = cfg->kmsg_path, .journal = cfg->journal,
				       .journal_path = cfg->journal_path, .live = true};
	if (cfg->follow_kmsg && oom_log_open(&c->oom_log, &oc, c->oom_log_why, sizeof(c->oom_log_why)) != 0)
		c->oom_log = NULL;
	if (gethostname(c->hostname, sizeof(c->hostname) - 1) != 0)
		strcpy(c->hostname, "?");
	return c;
}

static void __attribute__((format(printf, 2, 3))) add_note(struct collector *c, const char *fmt, ...)
{
	struct snapshot *s = &c->snap;
	if (s->nnotes >= SNAPSHOT_MAX_NOTES)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->notes[s->nnotes], sizeof(c->notes[0]), fmt, ap);
	va_end(ap);
	s->notes[s->nnotes] = c->notes[s->nnotes];
	s->nnotes++;
}

static struct slope push_and_estimate(struct leak_series *h, int64_t t_ms, int64_t value, double window_s)
{
	if (val_known(value))
		leak_push(h, t_ms, (double)value, window_s);
	return leak_estimate(h, t_ms, window_s);
}

/* The recorded series of what the first refresh meets (cfg.past), on the monotonic clock:
 * a cgroup's usage and working set. Leaves them alone when there is no past, nothing
 * recorded, or they hold samples already. */
static void seed_cgroup(struct collector *c, struct cgroup_tree_entry *e)
{
	struct leak_series h[LEAK_PAST_CGROUP_SERIES] = {0};
	if (!c->past || !c->past->cgroup || e->usage_hist.nsamples || e->working_set_hist.nsamples ||
	    !c->past->cgroup(c->past->ctx, e->row.path, h))
		return;
	for (int k = 0; k < LEAK_PAST_CGROUP_SERIES; k++)
		leak_shift(&h[k], c->past_shift_ms);
	e->usage_hist = h[LEAK_PAST_USAGE];
	e->working_set_hist = h[LEAK_PAST_WORKING_SET];
}

static void seed_system(struct collector *c, struct leak_series *s)
{
	if (c->past && c->past->system && s->nsamples == 0 && c->past->system(c->past->ctx, s))
		leak_shift(s, c->past_shift_ms);
}

/* After the first refresh the past has done its work: let its owner free it. */
static void release_past(struct collector *c)
{
	if (!c->past)
		return;
	if (c->procs)
		proc_table_set_past(c->procs, NULL);
	if (c->past->release)
		c->past->release(c->past->ctx);
	c->past = NULL;
}

static const char *member_cgroup(void *ctx, pid_t pid)
{
	return cgroup_procs_find(ctx, pid);
}

/* Which process is in which cgroup, for the process table's refresh that follows: one
 * cgroup.procs per cgroup instead of one /proc/PID/cgroup per process. */
static void read_members(struct collector *c, const struct cgroup_tree_entry *ents, size_t n)
{
	if (!c->members || !util_grow((void **)&c->member_paths, &c->cap_member_paths, n, sizeof(*c->member_paths)))
		return;
	for (size_t i = 0; i < n; i++)
		c->member_paths[i] = ents[i].row.path;
	if (cgroup_procs_read(c->members, c->hier.mount, c->member_paths, n) == 0)
		proc_table_set_cgroup_lookup(c->procs, member_cgroup, c->members);
}

/* For a failure that is ours, not the machine's: the descriptor limit, which a tiny
 * `ulimit -n` makes the first thing to run out. */
static const char *starved_hint(int e)
{
	static char hint[96];
	struct rlimit rl;
	if ((e != EMFILE && e != ENFILE) || getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return "";
	snprintf(hint, sizeof(hint), " (ulimit -n is %llu: raise it)", (unsigned long long)rl.rlim_cur);
	return hint;
}

static void collect_cgroups(struct collector *c, int64_t t_ms)
{
	/* until the tree is read again, the processes read their cgroups themselves */
	proc_table_set_cgroup_lookup(c->procs, NULL, NULL);
	struct snapshot *s = &c->snap;
	s->ncgroups = 0;
	if (!c->cgroups)
		return;
	int rc = cgroup_tree_refresh(c->cgroups, t_ms);
	if (rc != 0) {
		add_note(c, "cannot read the memory cgroup hierarchy at %s: %s%s", c->hier.mount, strerror(-rc),
			 starved_hint(-rc));
		return;
	}
	if (cgroup_tree_unread(c->cgroups))
		add_note(c, "%zu memory cgroup subtrees not read: too many open files or out of memory%s",
			 cgroup_tree_unread(c->cgroups), starved_hint(EMFILE));
	size_t n;
	struct cgroup_tree_entry *ents = cgroup_tree_entries(c->cgroups, &n);
	if (!util_grow((void **)&s->cgroups, &c->cap_cgroups, n, sizeof(*s->cgroups)))
		return;
	double w = c->cfg.window_s;
	for (size_t i = 0; i < n; i++) {
		struct cgroup_tree_entry *e = &ents[i];
		seed_cgroup(c, e);
		s->cgroups[i] = e->row;
		s->cgroups[i].usage_slope = push_and_estimate(&e->usage_hist, t_ms, e->row.usage_bytes, w);
		s->cgroups[i].working_set_slope =
			push_and_estimate(&e->working_set_hist, t_ms, e->row.working_set_bytes, w);
		s->cgroups[i].nprocs = 0;
		s->cgroups[i].next_victim_pid = 0;
	}
	s->ncgroups = n;
	read_members(c, ents, n);
	cgroup_tree_effective_limits(s->cgroups, n);
	cgroup_eta_compute(s->cgroups, n, w);
	if (c->hier.version == 1 && s->seq == 1)
		add_note(c, "%s", "cgroup v1 has no per-cgroup memory pressure (PSI): only the system's is shown");
}

/* Count each live user-space process in its cgroup and every ancestor. A process whose
 * cgroup is not a row of this snapshot (outside our cgroup namespace: "/../x") gets a
 * NULL cgroup: the JSON contract says a process's cgroup is a path in the same snapshot. */
static void count_cgroup_procs(struct collector *c)
{
	struct snapshot *s = &c->snap;
	for (size_t i = 0; i < s->nprocs; i++) {
		struct proc_row *p = s->procs[i];
		if (!p->cgroup)
			continue;
		int k = cgroup_tree_find(c->cgroups, p->cgroup);
		if (k < 0) {
			p->cgroup = NULL;
			continue;
		}
		if (p->state != PROC_RUNNING || p->kernel_thread)
			continue;
		for (; k >= 0; k = s->cgroups[k].parent)
			s->cgroups[k].nprocs++;
	}
}

static void collect_procs(struct collector *c, int64_t t_ms, double now)
{
	struct snapshot *s = &c->snap;
	s->nprocs = s->nkernel_threads = 0;
	int rc = proc_table_refresh(c->procs, t_ms, now);
	if (rc != 0) {
		add_note(c, "cannot list processes in %s: %s%s", c->proc_root, strerror(-rc), starved_hint(-rc));
		return;
	}
	if (proc_table_unread(c->procs))
		add_note(c, "%zu processes not read this refresh: too many open files or out of memory "
			 "(the others keep their last values)%s", proc_table_unread(c->procs), starved_hint(EMFILE));
	size_t nl, ng;
	struct proc_entry **live = proc_table_live(c->procs, &nl);
	struct proc_entry **ghosts = proc_table_ghosts(c->procs, &ng);
	if (!util_grow((void **)&s->procs, &c->cap_procs, nl + ng, sizeof(*s->procs)))
		return;
	/* what this snapshot derives on the rows is computed again: the victim marks, the
	 * kill links, the cgroup (NULL when not a row of this snapshot, see below) */
	for (size_t i = 0; i < nl + ng; i++) {
		struct proc_entry *e = i < nl ? live[i] : ghosts[i - nl];
		e->row.next_victim = false;
		e->row.oom_event = -1;
		e->row.cgroup = e->cgroup;
		s->nkernel_threads += e->row.kernel_thread;
		s->procs[s->nprocs++] = &e->row;
	}
}

/* What this user cannot see, said once per snapshot instead of as errors on rows:
 * hidepid (with an estimate of how many tasks it hides) and other users' fd counts. */
static void note_privileges(struct collector *c)
{
	struct snapshot *s = &c->snap;
	uid_t me = geteuid();
	s->nhidden = 0;
	size_t fds_unknown = 0;
	int64_t visible_tasks = 0;
	for (size_t i = 0; i < s->nprocs; i++) {
		const struct proc_row *p = s->procs[i];
		if (p->state != PROC_RUNNING)
			continue;
		visible_tasks += val_known(p->threads) && p->threads > 0 ? p->threads : 1;
		if (!p->kernel_thread && !val_known(p->fds) && p->uid != me)
			fds_unknown++;
	}
	if (c->hidepid == MOUNTINFO_HIDEPID_INVISIBLE || c->hidepid == MOUNTINFO_HIDEPID_PTRACEABLE) {
		char path[4096], buf[256];
		snprintf(path, sizeof(path), "%s/loadavg", c->proc_root);
		int64_t total = util_read_file(path, buf, sizeof(buf)) > 0 ? loadavg_parse_tasks(buf) : VAL_UNKNOWN;
		const char *mode = c->hidepid == MOUNTINFO_HIDEPID_INVISIBLE ? "invisible" : "ptraceable";
		if (val_known(total) && total > visible_tasks) {
			s->nhidden = (size_t)(total - visible_tasks);
			add_note(c, "%s is mounted hidepid=%s: about %zu tasks (threads) of other users are hidden "
				    "(approximate: /proc/loadavg's total minus the visible ones)",
				 c->proc_root, mode, s->nhidden);
		} else if (!val_known(total)) {
			add_note(c, "%s is mounted hidepid=%s: other users' processes are hidden", c->proc_root, mode);
		}
	} else if (c->hidepid == MOUNTINFO_HIDEPID_NOACCESS && me != 0) {
		add_note(c, "%s is mounted hidepid=noaccess: other users' processes are listed without their values",
			 c->proc_root);
	}
	if (fds_unknown && me != 0)
		add_note(c, "open fds unknown for %zu processes of other users (their /proc/PID/fd needs root)",
			 fds_unknown);
}

/* A ghost whose pid and comm match a kill of this boot that happened after it started was
 * OOM-killed — by the kernel or by a user-space killer that named its victim (earlyoom,
 * nohang); so was a ghost of a cgroup systemd-oomd killed whole (it names no pid), found
 * gone right after the kill. */
static void link_victims(struct collector *c)
{
	struct snapshot *s = &c->snap;
	for (size_t i = 0; i < s->nprocs; i++) {
		struct proc_row *p = s->procs[i];
		if (p->state == PROC_RUNNING)
			continue;
		for (size_t k = s->nevents; k-- > 0;) {
			const struct oom_event *ev = &s->events[k];
			/* the victim by its pid, or a process of a cgroup killed whole, found gone
			 * by the refresh after the kill */
			if (!oom_event_names_victim(ev, p->pid, p->comm, p->start_time_unix_s) &&
			    !oom_event_names_member(ev, p->cgroup, p->exited_unix_s, c->cfg.interval_s + 2.0))
				continue;
			p->state = PROC_OOM_KILLED;
			p->oom_event = (int)k;
			proc_table_mark_oom_killed(c->procs, p->pid, p->start_ticks);
			break;
		}
	}
}

/* A kill that happened while we watch is a discontinuity: the growth before it is the
 * dead process's. The series of the victim's cgroup, of the cgroup whose limit was hit,
 * and of their ancestors start afresh; after a global kill the system's too. (A cgroup's
 * own oom_kill counter rising does the same in cgroup_tree_refresh; the system's kill
 * counter rising without a kernel-log event to say where counts as global.) */
static bool kill_is_global(const struct oom_event *ev)
{
	if (ev->constraint)
		return strcmp(ev->constraint, "CONSTRAINT_NONE") == 0;
	return !ev->oom_memcg;
}

static bool restart_after_kills(struct collector *c, const struct oom_event *evs, size_t n, uint64_t total)
{
	uint64_t fresh = total - c->kills_seen;
	c->kills_seen = total;
	bool global = false;
	for (size_t k = fresh < n ? n - (size_t)fresh : 0; k < n; k++) {
		const struct oom_event *ev = &evs[k];
		if (ev->earlier_boot || isnan(ev->boot_s) || isnan(c->start_boot_s) || ev->boot_s < c->start_boot_s)
			continue; /* before we started, or from a saved log: history, not now */
		if (ev->source == OOM_EVENT_SOURCE_KERNEL && kill_is_global(ev))
			global = true;
		/* the kernel's victim cgroup and the one whose limit was hit; what a user-space
		 * killer acted on */
		const char *paths[3] = {ev->task_memcg, ev->oom_memcg, ev->cgroup};
		for (int j = 0; j < 3 && c->cgroups; j++)
			if (paths[j])
				cgroup_tree_restart_series(c->cgroups, cgroup_tree_find(c->cgroups, paths[j]));
	}
	if (global)
		leak_reset(&c->available_hist);
	return fresh > 0;
}

/* Reads the kernel log's new records (never blocks) before anything is sampled, so a kill
 * restarts the series it ended before the next sample is pushed. Returns whether the log
 * told of a new kill. */
static bool poll_events(struct collector *c)
{
	struct snapshot *s = &c->snap;
	s->events = NULL;
	s->nevents = 0;
	s->events_unavailable = NULL;
	s->events_replay_done_bytes = s->events_replay_total_bytes = VAL_UNKNOWN;
	if (!c->oom_log) {
		if (c->cfg.follow_kmsg && c->oom_log_why[0]) {
			s->events_unavailable = c->oom_log_why;
			add_note(c, "%s", c->oom_log_why);
		}
		return false;
	}
	int rc = oom_log_poll(c->oom_log);
	if (rc < 0)
		add_note(c, "%s: %s", oom_log_source(c->oom_log) == OOM_SOURCE_JOURNAL ? "journal" : "kernel log",
			 strerror(-rc));
	/* the journal is there but ours to read it is not: what the kernel log cannot show */
	if (oom_log_journal_why(c->oom_log)[0])
		add_note(c, "kills from the kernel log only (this boot, no systemd-oomd, earlyoom or nohang): %s",
			 oom_log_journal_why(c->oom_log));
	s->events = oom_log_events(c->oom_log, &s->nevents);
	int64_t done, total;
	if (oom_log_replaying(c->oom_log, &done, &total)) {
		s->events_replay_done_bytes = done;
		s->events_replay_total_bytes = total;
	}
	bool told = restart_after_kills(c, s->events, s->nevents, oom_log_total(c->oom_log));
	/* the last of this boot's kernel kills: what /proc/vmstat's oom_kill counts */
	for (size_t k = s->nevents; k-- > 0;) {
		const struct oom_event *ev = &s->events[k];
		if (ev->earlier_boot || ev->source != OOM_EVENT_SOURCE_KERNEL)
			continue;
		double t = ev->time_unix_s;
		if (!isnan(t) && (isnan(c->last_oom_kill_unix_s) || t > c->last_oom_kill_unix_s))
			c->last_oom_kill_unix_s = t;
		break;
	}
	return told;
}

/* Whether some cgroup's own oom_kill count rose at this refresh. */
static bool cgroup_kill_seen(const struct collector *c)
{
	if (!c->cgroups)
		return false;
	size_t n;
	const struct cgroup_tree_entry *e = cgroup_tree_entries(c->cgroups, &n);
	for (size_t i = 0; i < n; i++)
		if (e[i].oom_kill_seen)
			return true;
	return false;
}

int collector_refresh(struct collector *c)
{
	struct snapshot *s = &c->snap;
	const struct collector_clock *clk = c->cfg.clock;
	int64_t t_ms = clk ? clk->mono_ms(clk->ctx) : util_mono_ms();
	double now = clk ? clk->unix_s(clk->ctx) : util_now_unix_s();
	s->nnotes = 0;
	s->seq++;
	c->past_shift_ms = leak_past_shift_ms(t_ms, now);
	if (c->extra_note[0])
		add_note(c, "%s", c->extra_note);
	s->t_mono_ms = t_ms;
	s->time_unix_s = now;
	s->interval_s = c->cfg.interval_s;
	s->window_s = c->cfg.window_s;
	s->hostname = c->hostname;
	s->cgroup_version = c->hier.version;
	s->cgroup_mount = c->hier.version ? c->hier.mount : NULL;
	if (!c->hier.version && c->hier.why[0])
		add_note(c, "%s", c->hier.why);

	struct sys_mem *m = &s->sys;
	int rc = sysmem_read(c->sys, m, &s->uptime_s);
	if (rc != 0)
		add_note(c, "cannot read %s/meminfo", c->proc_root);
	if (m->mem_available_estimated)
		add_note(c, "%s", "MemAvailable estimated (kernel older than 3.14)");
	bool counter_rose = false;
	if (val_known(m->oom_kills)) {
		counter_rose = val_known(c->prev_oom_kills) && m->oom_kills > c->prev_oom_kills;
		if (counter_rose)
			c->last_oom_kill_unix_s = now;
		c->prev_oom_kills = m->oom_kills;
	}
	if (isnan(c->start_boot_s))
		c->start_boot_s = s->uptime_s;
	bool told = poll_events(c);
	m->last_oom_kill_unix_s = c->last_oom_kill_unix_s;

	collect_cgroups(c, t_ms);
	/* the kill counter moved and neither the log nor a cgroup's counter says where: global */
	if (counter_rose && !told && !cgroup_kill_seen(c))
		leak_reset(&c->available_hist);
	m->available = (struct slope){NAN, NAN};
	m->eta_exhaustion_s = NAN;
	if (val_known(m->available_bytes)) {
		seed_system(c, &c->available_hist);
		leak_push(&c->available_hist, t_ms, (double)m->available_bytes, c->cfg.window_s);
		m->available = leak_estimate(&c->available_hist, t_ms, c->cfg.window_s);
		m->eta_exhaustion_s = leak_eta_down_s((double)m->available_bytes, 0.0, m->available);
	}
	m->next_victim_pid = 0;

	proc_table_set_totals(c->procs, m->mem_total_bytes, m->swap_total_bytes);
	collect_procs(c, t_ms, now);
	if (c->cgroups)
		count_cgroup_procs(c);
	link_victims(c);
	note_privileges(c);
	/* The kernel chooses among every process: when hidepid hides some from us, the one
	 * we would name is only the worst of those we see (often oomtop itself). Say nothing
	 * rather than something wrong. */
	bool hidden = s->nhidden > 0 || ((c->hidepid == MOUNTINFO_HIDEPID_INVISIBLE ||
	                                  c->hidepid == MOUNTINFO_HIDEPID_PTRACEABLE) && geteuid() != 0);
	if (hidden)
		add_note(c, "%s", "next OOM victims not named: hidepid hides processes the kernel would weigh");
	else if (badness_mark_victims(s) != 0)
		add_note(c, "%s", "next OOM victims not computed: out of memory");
	proc_details_refresh(c->details, s, c->cfg.window_s);
	release_past(c);
	return 0;
}

const struct snapshot *collector_snapshot(const struct collector *c)
{
	return &c->snap;
}

int collector_event_fd(const struct collector *c)
{
	return c->oom_log ? oom_log_fd(c->oom_log) : -1;
}

int collector_wake(struct collector *c)
{
	return c->oom_log ? oom_log_wake(c->oom_log) : 0;
}

int collector_watch(struct collector *c, pid_t pid, uint64_t start_ticks)
{
	return proc_details_watch(c->details, pid, start_ticks);
}

void collector_detail_top(struct collector *c, const struct proc_filter *filter, enum sort_key sort, bool reverse,
			  size_t top)
{
	proc_details_top(c->details, filter, sort, reverse, top);
}

void collector_trail_source(struct collector *c, const struct proc_trail_source *src)
{
	proc_details_trail_source(c->details, src);
}

void collector_free(struct collector *c)
{
	if (!c)
		return;
	release_past(c);
	proc_details_free(c->details);
	oom_log_close(c->oom_log);
	proc_table_free(c->procs);
	cgroup_procs_free(c->members);
	free(c->member_paths);
	cgroup_tree_free(c->cgroups);
	sysmem_close(c->sys);
	free(c->snap.procs);
	free(c->snap.cgroups);
	free(c->proc_root);
	free(c);
}
