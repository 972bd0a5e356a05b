#include "config.h"
#include "tui/view/episode.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/fmt.h"
#include "core/base/util.h"
#include "core/klog/oom_event.h"
#include "tui/draw.h"
#include "tui/model/evfmt.h"

struct ep_line {
	char text[512];
	enum theme_style st;
	const char *raw; /* a kernel line, drawn instead of text */
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

static char *pages(char *buf, size_t n, int64_t p)
{
	return fmt_bytes(buf, n, val_known(p) ? p * 4096 : VAL_UNKNOWN);
}

static void build(const struct tui *t, const struct oom_event *e, struct ep_lines *L)
{
	char a[32], b[32], c[32], d[32], f[32], tm[64];
	evfmt_time(tm, sizeof(tm), e);
	add(L, S_TITLE, "Victim        %d %s (uid %s)", (int)e->victim_pid, s_or(e->victim_comm, "?"),
	    fmt_count(a, sizeof(a), e->victim_uid));
	if (!isnan(e->time_unix_s) && t->snap) {
		fmt_duration(a, sizeof(a), t->snap->time_unix_s - e->time_unix_s);
		add(L, S_NORMAL, "When          %s (%s ago)", tm, a);
	} else {
		add(L, S_NORMAL, "When          %s", tm);
	}
	add(L, S_NORMAL, "Scope         %s (%s)", evfmt_scope(e), s_or(e->constraint, "constraint not logged"));
	add(L, S_NORMAL, "Limit hit in  %s", s_or(e->oom_memcg, "- (system-wide)"));
	add(L, S_NORMAL, "Victim cgroup %s", s_or(e->task_memcg, "-"));
	add(L, S_NORMAL, "At death      total-vm %s  anon %s  file %s  shmem %s  pgtables %s",
	    fmt_bytes(a, sizeof(a), val_known(e->total_vm_kb) ? e->total_vm_kb * 1024 : VAL_UNKNOWN),
	    fmt_bytes(b, sizeof(b), val_known(e->anon_rss_kb) ? e->anon_rss_kb * 1024 : VAL_UNKNOWN),
	    fmt_bytes(c, sizeof(c), val_known(e->file_rss_kb) ? e->file_rss_kb * 1024 : VAL_UNKNOWN),
	    fmt_bytes(d, sizeof(d), val_known(e->shmem_rss_kb) ? e->shmem_rss_kb * 1024 : VAL_UNKNOWN),
	    fmt_bytes(f, sizeof(f), val_known(e->pgtables_kb) ? e->pgtables_kb * 1024 : VAL_UNKNOWN));
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
	add(L, S_NORMAL, "%s", "");

	add(L, S_TITLE, "Task table: %zu tasks, by %s (s: by %s)", e->ntasks,
	    t->episode.by_pid ? "pid" : "RSS", t->episode.by_pid ? "RSS" : "pid");
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
			    pages(b, sizeof(b), tk->total_vm_pages), pages(c, sizeof(c), tk->rss_pages),
			    fmt_bytes(d, sizeof(d), tk->pgtables_bytes),
			    pages(f, sizeof(f), tk->swapents_pages),
			    fmt_count(tm, sizeof(tm), tk->oom_score_adj), s_or(tk->name, "?"));
		}
		free(order);
	} else if (e->ntasks == 0) {
		add(L, S_DIM, "  (the kernel dumped no task table: vm.oom_dump_tasks = 0?)");
	}
	add(L, S_NORMAL, "%s", "");
	add(L, S_TITLE, "Kernel lines: %zu", e->nraw_lines);
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
	char tm[64];
	evfmt_time(tm, sizeof(tm), e);
	draw_fill(dc, r.y, r.x, r.w, S_HEADER_FOCUS);
	draw_textf(dc, r.y, r.x, r.w, S_HEADER_FOCUS, AL_LEFT, " OOM kill of %d %s at %s",
	           (int)e->victim_pid, s_or(e->victim_comm, "?"), tm);
	size_t rows = r.h > 1 ? (size_t)(r.h - 1) : 0;
	struct listview *doc = &t->episode.doc;
	listview_fit_document(doc, L.n, rows);
	for (size_t i = 0; i < rows && doc->top + i < L.n; i++) {
		const struct ep_line *l = &L.v[doc->top + i];
		int y = r.y + 1 + (int)i;
		if (l->st == S_HEADER)
			draw_fill(dc, y, r.x, r.w, S_HEADER);
		draw_text(dc, y, r.x + 1, r.w - 1, l->raw ? l->raw : l->text, l->st, AL_LEFT);
	}
	free(L.v);
}
