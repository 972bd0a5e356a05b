/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/view/episode.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/fmt.h"
#include "core/base/util.h"
#include "core/klog/oom_event.h"
#include "tui/draw.h"
#include "tui/model/evfmt.h"

struct ep_line {
	char text[512];
	enum theme_style st;
	const char *raw; /* a line from the log, drawn after text */
};

struct ep_lines {
	struct ep_line *v;
	size_t n, cap;
};

static struct ep_line *add(struct ep_lines *L, enum theme_style st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static struct ep_line *add(struct ep_lines *L, enum theme_style st, const char *fmt, ...)
{
	if (!util_grow((void **)&L->v, &L->cap, L->n + 1, sizeof(*L->v)))
		return NULL;
	struct ep_line *l = &L->v[L->n++];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(l->text, sizeof(l->text), fmt, ap);
	va_end(ap);
	l->st = st;
	l->raw = NULL;
	return l;
}

static const struct oom_event_task *sort_tasks_base;
static bool sort_by_pid;

static int cmp_task(const void *a, const void *b)
{
	const struct oom_event_task *x = &sort_tasks_base[*(const size_t *)a];
	const struct oom_event_task *y = &sort_tasks_base[*(const size_t *)b];
	if (!sort_by_pid && x->rss_pages != y->rss_pages)
		return x->rss_pages > y->rss_pages ? -1 : 1;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

static const char *s_or(const char *s, const char *dflt)
{
	return s ? s : dflt;
}

/* Task-table pages in bytes, with the page size the log implies (an arm64 box's 64 KiB
 * pages are not 4 KiB); unknown page size, unknown bytes. */
static char *pages(char *buf, size_t n, int64_t p, int64_t page_bytes)
{
	bool known = val_known(p) && val_known(page_bytes) && page_bytes > 0;
	return fmt_bytes(buf, n, known ? p * page_bytes : VAL_UNKNOWN);
}

static int64_t kb(int64_t v)
{
	return val_known(v) ? v * 1024 : VAL_UNKNOWN;
}

/* Who, when, by whom, in which unit, cgroup and boot. */
static void build_who(const struct tui *t, const struct oom_event *e, struct ep_lines *L)
{
	char a[64], tm[64];
	double now = t->snap ? t->snap->time_unix_s : NAN;
	if (evfmt_cgroup_kill(e))
		add(L, S_TITLE, "Victim        cgroup %s", e->cgroup);
	else
		add(L, S_TITLE, "Victim        %d %s (uid %s)", (int)e->victim_pid, s_or(e->victim_comm, "?"),
		    fmt_count(a, sizeof(a), e->victim_uid));
	evfmt_time(tm, sizeof(tm), e, now, true);
	if (!isnan(e->time_unix_s) && t->snap) {
		fmt_duration(a, sizeof(a), now - e->time_unix_s);
		add(L, S_NORMAL, "When          %s (%s ago)", tm, a);
	} else {
		add(L, S_NORMAL, "When          %s", tm);
	}
	if (e->source != OOM_EVENT_SOURCE_KERNEL) {
		add(L, S_NORMAL, "Killed by     %s (user space)%s%s", oom_event_source_name(e->source),
		    e->reason ? ": " : "", s_or(e->reason, ""));
	}
	if (e->unit)
		add(L, S_NORMAL, "Unit          %s", e->unit);
	if (e->boot_id[0] || e->earlier_boot)
		add(L, e->earlier_boot ? S_DIM : S_NORMAL, "Boot          %s%s", e->boot_id[0] ? e->boot_id : "?",
		    e->earlier_boot ? " (an earlier boot)" : " (this boot)");
}

/* What the kernel's report says: scope, cgroups, sizes, the invoker, the reaper. */
static void build_kernel(const struct oom_event *e, struct ep_lines *L)
{
	char a[32], b[32], c[32], d[32], f[32];
	add(L, S_NORMAL, "Scope         %s (%s)", evfmt_scope(e), s_or(e->constraint, "constraint not logged"));
	add(L, S_NORMAL, "Limit hit in  %s", s_or(e->oom_memcg, "- (system-wide)"));
	add(L, S_NORMAL, "Victim cgroup %s", s_or(e->task_memcg, "-"));
	add(L, S_NORMAL, "At death      total-vm %s  anon %s  file %s  shmem %s  pgtables %s",
	    fmt_bytes(a, sizeof(a), kb(e->total_vm_kb)), fmt_bytes(b, sizeof(b), kb(e->anon_rss_kb)),
	    fmt_bytes(c, sizeof(c), kb(e->file_rss_kb)), fmt_bytes(d, sizeof(d), kb(e->shmem_rss_kb)),
	    fmt_bytes(f, sizeof(f), kb(e->pgtables_kb)));
	add(L, S_NORMAL, "oom_score_adj %s", fmt_count(a, sizeof(a), e->oom_score_adj));
	if (e->invoker_pid)
		add(L, S_NORMAL, "Invoked by    %s (pid %d)  gfp_mask %s  order %s",
		    s_or(e->invoker_comm, "?"), (int)e->invoker_pid, s_or(e->gfp_mask, "-"),
		    fmt_count(b, sizeof(b), e->order));
	else
		add(L, S_NORMAL, "Invoked by    %s  gfp_mask %s  order %s", s_or(e->invoker_comm, "-"),
		    s_or(e->gfp_mask, "-"), fmt_count(b, sizeof(b), e->order));
	add(L, S_NORMAL, "Reaped        %s",
	    e->reaped == 1 ? "yes" : e->reaped == 0 ? "no (the reaper failed)" : "not logged");
}

static void build_tasks(const struct tui *t, const struct oom_event *e, struct ep_lines *L)
{
	char a[32], b[32], c[32], d[32], f[32], g[32];
	char size[64] = "";
	if (e->ntasks && val_known(e->page_bytes) && e->page_bytes != 4096)
		snprintf(size, sizeof(size), ", pages of %s", fmt_bytes(a, sizeof(a), e->page_bytes));
	add(L, S_TITLE, "Task table: %zu tasks, by %s (s: by %s)%s", e->ntasks,
	    t->episode.by_pid ? "pid" : "RSS", t->episode.by_pid ? "RSS" : "pid", size);
	add(L, S_HEADER, "  %8s %6s %8s %8s %8s %8s %8s %6s  %s", "PID", "UID", "TGID", "TOTAL_VM",
	    "RSS", "PGTABLES", "SWAP", "ADJ", "NAME");
	size_t *order = e->ntasks ? malloc(e->ntasks * sizeof(*order)) : NULL;
	if (order) {
		for (size_t i = 0; i < e->ntasks; i++)
			order[i] = i;
		sort_tasks_base = e->tasks;
		sort_by_pid = t->episode.by_pid;
		qsort(order, e->ntasks, sizeof(*order), cmp_task);
		for (size_t k = 0; k < e->ntasks; k++) {
			const struct oom_event_task *tk = &e->tasks[order[k]];
			bool victim = tk->pid == e->victim_pid;
			add(L, victim ? S_OOM : S_NORMAL, "%s %8d %6s %8d %8s %8s %8s %8s %6s  %s",
			    victim ? "K" : " ", (int)tk->pid, fmt_count(a, sizeof(a), tk->uid), (int)tk->tgid,
			    pages(b, sizeof(b), tk->total_vm_pages, e->page_bytes),
			    pages(c, sizeof(c), tk->rss_pages, e->page_bytes),
			    fmt_bytes(d, sizeof(d), tk->pgtables_bytes),
			    pages(f, sizeof(f), tk->swapents_pages, e->page_bytes),
			    fmt_count(g, sizeof(g), tk->oom_score_adj), s_or(tk->name, "?"));
		}
		free(order);
	} else if (e->ntasks == 0) {
		add(L, S_DIM, "  (the kernel dumped no task table: vm.oom_dump_tasks = 0?)");
	}
}

/* systemd's messages about the unit around the kill, with their time and distance. */
static void build_unit_msgs(const struct oom_event *e, struct ep_lines *L)
{
	add(L, S_TITLE, "systemd about %s: %zu message%s", s_or(e->unit, "the unit"), e->nunit_msgs,
	    e->nunit_msgs == 1 ? "" : "s");
	for (size_t i = 0; i < e->nunit_msgs; i++) {
		const struct oom_event_msg *m = &e->unit_msgs[i];
		char tm[32] = "?", off[32] = "";
		time_t tt = (time_t)m->time_unix_s;
		struct tm lt;
		if (!isnan(m->time_unix_s) && localtime_r(&tt, &lt))
			strftime(tm, sizeof(tm), "%H:%M:%S", &lt);
		if (!isnan(m->time_unix_s) && !isnan(e->time_unix_s))
			snprintf(off, sizeof(off), "%+.1fs", m->time_unix_s - e->time_unix_s);
		struct ep_line *l = add(L, S_NORMAL, "%s %7s  ", tm, off);
		if (l)
			l->raw = m->text;
	}
}

static void build(const struct tui *t, const struct oom_event *e, struct ep_lines *L)
{
	bool kernel = e->source == OOM_EVENT_SOURCE_KERNEL;
	build_who(t, e, L);
	if (kernel)
		build_kernel(e, L);
	else if (e->cgroup && !evfmt_cgroup_kill(e))
		add(L, S_NORMAL, "Cgroup        %s", e->cgroup);
	add(L, S_NORMAL, "%s", "");
	if (kernel) {
		build_tasks(t, e, L);
		add(L, S_NORMAL, "%s", "");
	}
	if (e->nunit_msgs) {
		build_unit_msgs(e, L);
		add(L, S_NORMAL, "%s", "");
	}
	if (kernel)
		add(L, S_TITLE, "Kernel lines: %zu", e->nraw_lines);
	else
		add(L, S_TITLE, "%s's lines: %zu", oom_event_source_name(e->source), e->nraw_lines);
	for (size_t i = 0; i < e->nraw_lines; i++) {
		struct ep_line *l = add(L, S_DIM, "%s", "");
		if (l)
			l->raw = e->raw_lines[i];
	}
}

void view_episode_draw(struct tui *t, struct rect r)
{
	const struct draw_ctx *dc = &t->dc;
	const struct snapshot *s = t->snap;
	if (!s || t->episode.index < 0 || (size_t)t->episode.index >= s->nevents)
		return;
	const struct oom_event *e = &s->events[t->episode.index];
	struct ep_lines L = {0};
	build(t, e, &L);
	char tm[64], who[300], rest[128];
	evfmt_time(tm, sizeof(tm), e, s->time_unix_s, true);
	snprintf(rest, sizeof(rest), " at %s%s%s", tm, e->source != OOM_EVENT_SOURCE_KERNEL ? " by " : "",
		 e->source != OOM_EVENT_SOURCE_KERNEL ? oom_event_source_name(e->source) : "");
	if (evfmt_cgroup_kill(e)) { /* a long name is cut, not the time */
		char name[256];
		int room = r.w - (int)strlen(" OOM kill of cgroup ") - (int)strlen(rest);
		evfmt_fit(name, sizeof(name), s_or(e->unit, e->cgroup), room, dc->g->ellipsis);
		snprintf(who, sizeof(who), "cgroup %s", name);
	} else if (e->victim_pid > 0 || e->victim_comm) {
		snprintf(who, sizeof(who), "%d %s", (int)e->victim_pid, s_or(e->victim_comm, "?"));
	} else {
		snprintf(who, sizeof(who), "a process of %s", s_or(e->unit, "?"));
	}
	draw_fill(dc, r.y, r.x, r.w, S_HEADER_FOCUS);
	draw_textf(dc, r.y, r.x, r.w, S_HEADER_FOCUS, AL_LEFT, " OOM kill of %s%s", who, rest);
	size_t rows = r.h > 1 ? (size_t)(r.h - 1) : 0;
	struct listview *doc = &t->episode.doc;
	listview_fit_document(doc, L.n, rows);
	for (size_t i = 0; i < rows && doc->top + i < L.n; i++) {
		const struct ep_line *l = &L.v[doc->top + i];
		int y = r.y + 1 + (int)i;
		if (l->st == S_HEADER)
			draw_fill(dc, y, r.x, r.w, S_HEADER);
		int n = l->text[0] ? draw_put(dc, y, r.x + 1, r.w - 1, l->text, l->st) : 0;
		if (l->raw)
			draw_text(dc, y, r.x + 1 + n, r.w - 1 - n, l->raw, S_DIM, AL_LEFT);
		else
			draw_text(dc, y, r.x + 1 + n, r.w - 1 - n, "", l->st, AL_LEFT);
	}
	free(L.v);
}
