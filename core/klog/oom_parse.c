/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/oom_parse.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/scan.h"
#include "core/base/util.h"
#include "core/klog/kmsg_text.h"
#include "core/klog/oom_derive.h"
#include "core/klog/oom_table.h"

#define STR_MAX 4096         /* longest comm / path / gfp string kept */

struct pending_kill { /* "Kill process N (comm) score S or sacrifice child" */
	bool set;
	pid_t pid;
	char *comm;
	bool memcg;
	double boot_s, time_unix_s;
};

struct oom_parser {
	struct oom_parser_sink sink;
	bool killed_line_only; /* a "Kill process" line alone is no kill (the journal's rule) */

	/* the current episode */
	bool open;     /* an episode is collecting lines */
	bool headed;   /* it began with "invoked oom-killer" */
	bool killed;   /* it has produced an event */
	bool expect_cpu;
	char *group_memcg; /* memory.oom.group sweep under way */
	char *invoker_comm, *gfp_mask;
	pid_t invoker_pid;
	int64_t order;
	char *constraint, *oom_memcg, *task_memcg, *summary_task;
	pid_t summary_pid;
	int64_t summary_uid;
	double summary_boot_s, summary_time_unix_s;

	struct oom_table table; /* the task table the kernel dumped (core/klog/oom_table.h) */

	char **raw;
	size_t nraw, raw_cap, raw_bytes;

	struct pending_kill pend;
};

/* ---- helpers ----------------------------------------------------------------------------- */

static char *dupn(const char *s, size_t n)
{
	if (n > STR_MAX)
		n = STR_MAX;
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static void set_str(char **dst, const char *s, size_t n)
{
	free(*dst);
	*dst = dupn(s, n);
}

/* Last occurrence of needle in [s, s+len). */
static const char *rfind(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	if (n == 0 || len < n)
		return NULL;
	for (size_t i = len - n + 1; i-- > 0;)
		if (memcmp(s + i, needle, n) == 0)
			return s + i;
	return NULL;
}

static bool parse_i64_at(const char *s, int64_t *out)
{
	const char *p = s;
	return util_parse_i64(&p, out);
}

/* "key:NNNkB" after `from`: the number, or VAL_UNKNOWN. */
static int64_t kb_field(const char *from, const char *key)
{
	const char *k = strstr(from, key);
	int64_t v;
	if (!k || !parse_i64_at(k + strlen(key), &v))
		return VAL_UNKNOWN;
	return v;
}

/* ---- episode state ---------------------------------------------------------------------- */

static void clear_pending(struct oom_parser *p)
{
	free(p->pend.comm);
	memset(&p->pend, 0, sizeof(p->pend));
}

static void episode_reset(struct oom_parser *p)
{
	oom_table_clear(&p->table);
	for (size_t i = 0; i < p->nraw; i++)
		free(p->raw[i]);
	p->nraw = 0;
	p->raw_bytes = 0;
	char **strs[] = {&p->group_memcg, &p->invoker_comm, &p->gfp_mask, &p->constraint,
			 &p->oom_memcg, &p->task_memcg, &p->summary_task};
	for (size_t i = 0; i < ARRAY_SIZE(strs); i++) {
		free(*strs[i]);
		*strs[i] = NULL;
	}
	p->open = p->headed = p->killed = p->expect_cpu = false;
	p->invoker_pid = 0;
	p->order = VAL_UNKNOWN;
	p->summary_pid = 0;
	p->summary_uid = VAL_UNKNOWN;
	p->summary_boot_s = p->summary_time_unix_s = NAN;
}

static void raw_add(struct oom_parser *p, const char *text, size_t len, bool force)
{
	if (!force && (p->nraw >= OOM_EVENT_RAW_LINES_MAX || p->raw_bytes >= OOM_EVENT_RAW_BYTES_MAX))
		return;
	if (p->nraw >= OOM_EVENT_RAW_LINES_MAX + 64) /* kill lines past the cap: still bounded */
		return;
	if (!util_grow((void **)&p->raw, &p->raw_cap, p->nraw + 1, sizeof(*p->raw)))
		return;
	char *s = dupn(text, len);
	if (!s)
		return;
	p->raw[p->nraw++] = s;
	p->raw_bytes += len + 1;
}

/* ---- events ----------------------------------------------------------------------------- */

struct kill_info {
	pid_t pid;
	const char *comm;
	size_t comm_len;
	bool memcg; /* announced as "Memory cgroup out of memory" */
	int64_t total_vm_kb, anon_rss_kb, file_rss_kb, shmem_rss_kb, pgtables_kb, uid, adj;
	double boot_s, time_unix_s;
};

static void emit_event(struct oom_parser *p, const struct kill_info *k)
{
	struct oom_event ev;
	oom_event_init(&ev);
	ev.boot_s = k->boot_s;
	ev.time_unix_s = k->time_unix_s;
	ev.victim_pid = k->pid;
	ev.victim_comm = dupn(k->comm, k->comm_len);
	ev.total_vm_kb = k->total_vm_kb;
	ev.anon_rss_kb = k->anon_rss_kb;
	ev.file_rss_kb = k->file_rss_kb;
	ev.shmem_rss_kb = k->shmem_rss_kb;
	ev.pgtables_kb = k->pgtables_kb;
	ev.victim_uid = k->uid;
	ev.oom_score_adj = k->adj;

	if (p->constraint)
		ev.constraint = strdup(p->constraint);
	else if (k->memcg)
		ev.constraint = strdup("CONSTRAINT_MEMCG");
	if (p->oom_memcg)
		ev.oom_memcg = strdup(p->oom_memcg);
	const char *tm = p->group_memcg ? p->group_memcg : p->task_memcg;
	if (tm)
		ev.task_memcg = strdup(tm);
	if (p->headed) {
		if (p->invoker_comm)
			ev.invoker_comm = strdup(p->invoker_comm);
		ev.invoker_pid = p->invoker_pid;
		if (p->gfp_mask)
			ev.gfp_mask = strdup(p->gfp_mask);
		ev.order = p->order;
	}

	const struct oom_table_key *row = oom_table_find(&p->table, k->pid);
	if (p->table.ntasks || row) {
		struct oom_derive_sizes sz = {
			row ? row->total_vm_pages : VAL_UNKNOWN, row ? row->rss_pages : VAL_UNKNOWN,
			k->total_vm_kb, k->anon_rss_kb, k->file_rss_kb, k->shmem_rss_kb};
		ev.page_bytes = oom_derive_page_bytes(&sz);
	}
	if (!val_known(ev.victim_uid)) {
		if (p->summary_pid == k->pid && val_known(p->summary_uid))
			ev.victim_uid = p->summary_uid;
		else if (row)
			ev.victim_uid = row->uid;
	}
	if (!val_known(ev.oom_score_adj) && row)
		ev.oom_score_adj = row->adj;
	if (!val_known(ev.pgtables_kb) && row && val_known(row->pgtables_bytes))
		ev.pgtables_kb = row->pgtables_bytes / 1024;
	else if (!val_known(ev.pgtables_kb) && row && val_known(row->pgtables_pages))
		ev.pgtables_kb = row->pgtables_pages * (ev.page_bytes / 1024);
	oom_derive_kernel_scope(&ev, p->constraint, k->memcg || p->oom_memcg);

	oom_table_copy_to(&p->table, &ev);
	if (p->nraw) {
		ev.raw_lines = calloc(p->nraw, sizeof(*ev.raw_lines));
		if (ev.raw_lines) {
			for (size_t i = 0; i < p->nraw; i++)
				ev.raw_lines[i] = strdup(p->raw[i]);
			ev.nraw_lines = p->nraw;
		}
	}
	p->killed = true;
	if (p->sink.event)
		p->sink.event(p->sink.ctx, &ev);
	else
		oom_event_free(&ev);
}

static void kill_info_init(struct kill_info *k)
{
	memset(k, 0, sizeof(*k));
	k->total_vm_kb = k->anon_rss_kb = k->file_rss_kb = k->shmem_rss_kb = VAL_UNKNOWN;
	k->pgtables_kb = k->uid = k->adj = VAL_UNKNOWN;
}

/* A "Kill process" line never followed by its "Killed process": an event with what it says. */
static void flush_pending(struct oom_parser *p)
{
	if (!p->pend.set)
		return;
	if (p->killed_line_only) {
		clear_pending(p);
		return;
	}
	struct kill_info k;
	kill_info_init(&k);
	k.pid = p->pend.pid;
	k.comm = p->pend.comm ? p->pend.comm : "";
	k.comm_len = strlen(k.comm);
	k.memcg = p->pend.memcg;
	k.boot_s = p->pend.boot_s;
	k.time_unix_s = p->pend.time_unix_s;
	emit_event(p, &k);
	clear_pending(p);
}

/* An episode whose oom-kill: line named the victim ended without its "Killed process"
 * line: the log lost it (a wrapped ring, a cut file, printk dropping lines) — the kernel
 * prints the summary right before the kill. An event with what the summary says (pid,
 * name, uid, the cgroups), rather than none. Not from the journal (its rule: a kill is a
 * "Killed process" line), and not for a victim the summary did not name. */
static void flush_summary_kill(struct oom_parser *p)
{
	if (!p->open || p->killed || p->summary_pid <= 0 || !p->summary_task || p->killed_line_only)
		return;
	struct kill_info k;
	kill_info_init(&k);
	k.pid = p->summary_pid;
	k.comm = p->summary_task;
	k.comm_len = strlen(p->summary_task);
	k.uid = p->summary_uid;
	k.boot_s = p->summary_boot_s;
	k.time_unix_s = p->summary_time_unix_s;
	emit_event(p, &k);
}

/* A kill arrives: does it belong to the open episode, or is it a rate-limited one? */
static void ensure_episode_for_kill(struct oom_parser *p)
{
	if (p->open && (!p->killed || p->group_memcg))
		return;
	episode_reset(p);
	p->open = true;
}

/* ---- line kinds --------------------------------------------------------------------------- */

/* Samples:
 *   yum-cron invoked oom-killer: gfp_mask=0x201da, order=0, oom_score_adj=0              (3.10)
 *   gunpowder-memho invoked oom-killer: gfp_mask=0x24000c0(GFP_KERNEL), order=0, ...     (4.8)
 *   x invoked oom-killer: gfp_mask=0x14200ca(GFP_HIGHUSER_MOVABLE), nodemask=(null),  order=0
 *   python3 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0      (6.18)
 */
static bool line_invoked(struct oom_parser *p, const char *t, const struct kmsg_line *l)
{
	const char *m = strstr(t, " invoked oom-killer: gfp_mask=");
	if (!m || m == t)
		return false;
	flush_pending(p);
	flush_summary_kill(p);
	episode_reset(p);
	p->open = p->headed = p->expect_cpu = true;
	p->invoker_comm = dupn(t, (size_t)(m - t));
	const char *g = m + strlen(" invoked oom-killer: gfp_mask=");
	const char *e = g;
	int depth = 0;
	while (*e && !(*e == ',' && depth == 0)) {
		if (*e == '(')
			depth++;
		else if (*e == ')' && depth > 0)
			depth--;
		e++;
	}
	p->gfp_mask = dupn(g, (size_t)(e - g));
	const char *o = strstr(e, "order=");
	int64_t v;
	if (o && parse_i64_at(o + 6, &v))
		p->order = v;
	(void)l;
	return true;
}

/* CPU: 1 UID: 0 PID: 2473 Comm: python3 Not tainted 6.18.44 #1     (6.11+ has UID)
 * CPU: 0 PID: 30520 Comm: yum-cron Not tainted 3.10.0-514.6.1.el7.x86_64 #1
 * Pid: 2105, comm: java Not tainted 2.6.32-...                     (older) */
static bool line_cpu(struct oom_parser *p, const char *t)
{
	const char *k = NULL;
	if (scan_starts(t, "CPU: "))
		k = strstr(t, " PID: ");
	else if (scan_starts(t, "Pid: "))
		k = t - 1;
	if (!k)
		return false;
	if (p->open && p->expect_cpu) {
		int64_t v;
		if (parse_i64_at(k + 6, &v) && v > 0 && v <= INT32_MAX)
			p->invoker_pid = (pid_t)v;
		p->expect_cpu = false;
	}
	return true;
}

/* Task in /mem2 killed as a result of limit of /mem2                          (≤ 4.20)
 * Memory limit reached of cgroup /docker/abc                                  (no victim) */
static bool line_memcg_header(struct oom_parser *p, const char *t)
{
	static const char lim[] = " killed as a result of limit of ";
	if (scan_starts(t, "Task in ")) {
		const char *m = strstr(t + 7, lim);
		if (!m || m < t + 8) /* "Task in killed as ...": no path */
			return false;
		if (p->open) {
			set_str(&p->task_memcg, t + 8, (size_t)(m - t - 8));
			set_str(&p->oom_memcg, m + strlen(lim), strlen(m + strlen(lim)));
		}
		return true;
	}
	if (scan_starts(t, "Memory limit reached of cgroup ")) {
		if (p->open)
			set_str(&p->oom_memcg, t + 31, strlen(t + 31));
		return true;
	}
	return false;
}

/* [ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name          (3.x)
 * [  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents
 *   oom_score_adj name                                                              (6.8+) */
static bool line_table_header(struct oom_parser *p, const char *t)
{
	if (!oom_table_is_header(t))
		return false;
	if (!p->open || (p->killed && !p->group_memcg)) /* header line lost: headless episode */
		ensure_episode_for_kill(p);
	oom_table_start(&p->table, t);
	return true;
}

static bool line_table_row(struct oom_parser *p, const char *t)
{
	return p->open && oom_table_row(&p->table, t);
}

/* oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,
 *   oom_memcg=/a/probe,task_memcg=/a/probe,task=python3,pid=2473,uid=0               (5.0+)
 * oom-kill:constraint=CONSTRAINT_NONE,...,global_oom,task_memcg=/x,task=Web Content,pid=1,uid=0
 * The comm may hold ',' and '=': task= is found after task_memcg=, pid= from the right. */
static bool line_summary(struct oom_parser *p, const char *t, const struct kmsg_line *l)
{
	if (!scan_starts(t, "oom-kill:"))
		return false;
	if (!p->open || p->killed)
		ensure_episode_for_kill(p);
	else
		flush_summary_kill(p); /* a second summary: the first one's kill line was lost */
	p->summary_boot_s = l->boot_s;
	p->summary_time_unix_s = l->time_unix_s;
	const char *c = strstr(t, "constraint=");
	if (c) {
		c += 11;
		set_str(&p->constraint, c, strcspn(c, ","));
	}
	const char *tm = strstr(t, ",task_memcg=");
	const char *om = strstr(t, ",oom_memcg=");
	if (om && tm && om < tm)
		set_str(&p->oom_memcg, om + 11, (size_t)(tm - om - 11));
	if (tm) {
		const char *v = tm + 12;
		const char *task = strstr(v, ",task=");
		if (task) {
			set_str(&p->task_memcg, v, (size_t)(task - v));
			const char *name = task + 6;
			const char *pid = rfind(name, strlen(name), ",pid=");
			if (pid) {
				set_str(&p->summary_task, name, (size_t)(pid - name));
				int64_t v64;
				if (parse_i64_at(pid + 5, &v64) && v64 > 0 && v64 <= INT32_MAX)
					p->summary_pid = (pid_t)v64;
				const char *uid = strstr(pid, ",uid=");
				if (uid && parse_i64_at(uid + 5, &v64))
					p->summary_uid = v64;
			}
		} else {
			set_str(&p->task_memcg, v, strcspn(v, ","));
		}
	}
	return true;
}

/* Tasks in /kubepods.slice/.../cri-containerd-9192...scope are going to be killed due to
 * memory.oom.group set                                                              (4.19+) */
static bool line_group(struct oom_parser *p, const char *t)
{
	static const char tail[] = " are going to be killed due to memory.oom.group set";
	if (!scan_starts(t, "Tasks in "))
		return false;
	const char *m = rfind(t, strlen(t), tail);
	if (!m || m < t + 9) /* "Tasks in are going ...": no path */
		return false;
	if (p->open)
		set_str(&p->group_memcg, t + 9, (size_t)(m - t - 9));
	return true;
}

/* The announcement prefixes the kernel puts before "Kill process" / "Killed process". */
static const char *kill_prefix(const char *t, bool *memcg)
{
	static const struct {
		const char *s;
		bool memcg;
	} prefixes[] = {
		{"Memory cgroup out of memory: ", true},
		{"Out of memory (oom_kill_allocating_task): ", false},
		{"Out of memory: ", false},
	};
	*memcg = false;
	for (size_t i = 0; i < ARRAY_SIZE(prefixes); i++) {
		if (scan_starts(t, prefixes[i].s)) {
			*memcg = prefixes[i].memcg;
			return t + strlen(prefixes[i].s);
		}
	}
	return t;
}

/* Out of memory: Kill process 30520 (yum-cron) score 178 or sacrifice child           (≤ 5.0)
 * Memory cgroup out of memory: Kill process 13536 (memorymonster) score 996 or sacrifice child */
static bool line_kill_process(struct oom_parser *p, const char *t, const struct kmsg_line *l)
{
	bool memcg;
	const char *s = kill_prefix(t, &memcg);
	if (!scan_starts(s, "Kill process "))
		return false;
	const char *q = s + 13;
	int64_t pid;
	if (!util_parse_i64(&q, &pid) || !scan_starts(q, " (") || pid <= 0 || pid > INT32_MAX)
		return false;
	const char *cs = q + 2;
	const char *ce = rfind(cs, strlen(cs), ") score ");
	if (!ce || !strstr(ce, " or sacrifice child"))
		return true; /* "sharing same memory" and other variants: not a victim line */
	flush_pending(p);
	ensure_episode_for_kill(p);
	raw_add(p, t, strlen(t), true);
	p->pend.set = true;
	p->pend.pid = (pid_t)pid;
	p->pend.comm = dupn(cs, (size_t)(ce - cs));
	p->pend.memcg = memcg;
	p->pend.boot_s = l->boot_s;
	p->pend.time_unix_s = l->time_unix_s;
	return true;
}

/* Killed process 30520 (yum-cron) total-vm:1017388kB, anon-rss:185028kB, file-rss:368kB,
 *   shmem-rss:0kB                                                                  (3.10 el7)
 * Memory cgroup out of memory: Killed process 2473 (python3) total-vm:42264kB,
 *   anon-rss:32380kB, file-rss:6624kB, shmem-rss:0kB, UID:0 pgtables:124kB oom_score_adj:0 (5.4+)
 * Killed process 1234 (java), UID 1000, total-vm:...                        (some RHEL 7)
 * Killed process 1234, UID 1000, (java) total-vm:...                          (RHEL 6) */
static bool line_killed(struct oom_parser *p, const char *t, const struct kmsg_line *l)
{
	bool memcg;
	const char *s = kill_prefix(t, &memcg);
	if (!scan_starts(s, "Killed process "))
		return false;
	const char *q = s + 15;
	int64_t pid;
	if (!util_parse_i64(&q, &pid) || pid <= 0 || pid > INT32_MAX)
		return false;
	struct kill_info k;
	kill_info_init(&k);
	k.pid = (pid_t)pid;
	const char *cs, *ce, *tail;
	if (scan_starts(q, ", UID ")) { /* RHEL 6 */
		const char *u = q + 6;
		util_parse_i64(&u, &k.uid);
		cs = strstr(q, ", (");
		if (!cs)
			return false;
		cs += 3;
		ce = rfind(cs, strlen(cs), ") total-vm:");
	} else if (scan_starts(q, " (")) {
		cs = q + 2;
		ce = rfind(cs, strlen(cs), ") total-vm:");
		if (!ce) {
			ce = rfind(cs, strlen(cs), "), UID ");
			if (ce) {
				const char *u = ce + 7;
				util_parse_i64(&u, &k.uid);
			}
		}
	} else {
		return false;
	}
	if (!ce || !strstr(ce, "total-vm:"))
		return false;
	tail = ce;
	k.comm = cs;
	k.comm_len = (size_t)(ce - cs);
	k.memcg = memcg;
	k.total_vm_kb = kb_field(tail, "total-vm:");
	k.anon_rss_kb = kb_field(tail, "anon-rss:");
	k.file_rss_kb = kb_field(tail, "file-rss:");
	k.shmem_rss_kb = kb_field(tail, "shmem-rss:");
	k.pgtables_kb = kb_field(tail, " pgtables:");
	k.adj = kb_field(tail, " oom_score_adj:");
	int64_t uid = kb_field(tail, " UID:");
	if (val_known(uid))
		k.uid = uid;
	k.boot_s = l->boot_s;
	k.time_unix_s = l->time_unix_s;

	if (p->pend.set) { /* the pair's second line: the killed pid is the victim */
		k.memcg = k.memcg || p->pend.memcg;
		clear_pending(p);
	} else {
		ensure_episode_for_kill(p);
	}
	raw_add(p, t, strlen(t), true);
	emit_event(p, &k);
	return true;
}

/* oom_reaper: reaped process 1381 (gunpowder-memho), now anon-rss:0kB, file-rss:0kB,
 *   shmem-rss:0kB                                                                    (4.6+)
 * oom_reaper: unable to reap pid:1381 (gunpowder-memho) */
static bool line_reaper(struct oom_parser *p, const char *t, const struct kmsg_line *l)
{
	if (!scan_starts(t, "oom_reaper: "))
		return false;
	struct oom_event_reap r = {.anon_rss_kb = VAL_UNKNOWN, .file_rss_kb = VAL_UNKNOWN,
			     .shmem_rss_kb = VAL_UNKNOWN, .boot_s = l->boot_s};
	const char *q;
	int64_t pid;
	if (scan_starts(t, "oom_reaper: reaped process ")) {
		q = t + 27;
		r.reaped = 1;
		const char *now = rfind(t, strlen(t), "), now ");
		if (now) {
			r.anon_rss_kb = kb_field(now, "anon-rss:");
			r.file_rss_kb = kb_field(now, "file-rss:");
			r.shmem_rss_kb = kb_field(now, "shmem-rss:");
		}
	} else if (scan_starts(t, "oom_reaper: unable to reap pid:")) {
		q = t + 31;
		r.reaped = 0;
	} else {
		return true;
	}
	if (!util_parse_i64(&q, &pid) || pid <= 0 || pid > INT32_MAX)
		return true;
	r.pid = (pid_t)pid;
	flush_pending(p);
	if (p->sink.reap)
		p->sink.reap(p->sink.ctx, &r);
	return true;
}

/* ---- feeding -------------------------------------------------------------------------- */

struct oom_parser *oom_parser_new(const struct oom_parser_sink *sink)
{
	struct oom_parser *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	if (sink)
		p->sink = *sink;
	episode_reset(p);
	return p;
}

void oom_parser_feed(struct oom_parser *p, const struct kmsg_line *l)
{
	if (!l || !l->text || l->origin == KMSG_LINE_ORIGIN_OTHER)
		return;
	const char *t = l->text;
	/* "** 3 printk messages dropped ** " glued in front (printk before 5.10) */
	if (scan_starts(t, "** ")) {
		const char *d = strstr(t, " printk messages dropped **");
		if (d)
			t = d + strlen(" printk messages dropped **");
		while (*t == ' ')
			t++;
	}
	size_t len = strlen(t);

	if (line_invoked(p, t, l)) {
		raw_add(p, t, len, true);
		return;
	}
	bool row = line_table_row(p, t);
	if (!row)
		oom_table_end_rows(&p->table);
	if (row) {
		raw_add(p, t, len, false);
		return;
	}
	/* kill lines: the handlers pick the episode and record the line before the event */
	if (line_kill_process(p, t, l) || line_killed(p, t, l))
		return;
	if (line_summary(p, t, l) || line_group(p, t) || line_reaper(p, t, l)) {
		if (p->open)
			raw_add(p, t, len, true);
		return;
	}
	if (line_table_header(p, t) || line_cpu(p, t) || line_memcg_header(p, t)) {
		if (p->open)
			raw_add(p, t, len, false);
		return;
	}
	if (scan_starts(t, "Out of memory and no killable processes")) {
		flush_pending(p);
		episode_reset(p);
		return;
	}
	if (p->open && !p->killed)
		raw_add(p, t, len, false);
}

void oom_parser_flush(struct oom_parser *p)
{
	flush_pending(p);
	flush_summary_kill(p);
}

void oom_parser_killed_line_only(struct oom_parser *p) { p->killed_line_only = true; }

void oom_parser_free(struct oom_parser *p)
{
	if (!p)
		return;
	clear_pending(p);
	episode_reset(p);
	oom_table_free(&p->table);
	free(p->raw);
	free(p);
}

static void feed_line(void *ctx, const struct kmsg_line *l) { oom_parser_feed(ctx, l); }

void oom_parse_buffer(struct oom_parser *p, const char *buf, size_t len, time_t year_anchor)
{
	struct kmsg_text_state st;
	kmsg_text_state_init(&st, year_anchor);
	const char *q = buf, *end = buf + len;
	while (q < end) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		size_t l = nl ? (size_t)(nl - q) : (size_t)(end - q);
		kmsg_text_line_parse(&st, q, l, feed_line, p);
		q += l + (nl ? 1 : 0);
	}
	kmsg_text_flush(&st, feed_line, p);
	kmsg_text_state_free(&st);
	oom_parser_flush(p);
}
