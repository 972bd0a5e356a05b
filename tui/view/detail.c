/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/view/detail.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/fmt.h"
#include "core/base/util.h"
#include "core/estimate/badness.h"
#include "core/proc/detail.h"
#include "core/proc/fdkinds.h"
#include "tui/action/detail.h"
#include "tui/draw.h"
#include "tui/model/plot.h"
#include "tui/model/rate.h"

#define LABEL_W 9 /* "Memory   " */
#define NSEGS 12
#define PLOTS 3

/* A line of the view: text segments in their styles, or one row of a plot. */
struct dl_line {
	struct {
		char text[160];
		enum theme_style st;
	} seg[NSEGS];
	int nseg;
	int plot; /* -1: text; else which plot, and its row (-1: the plot's title) */
	int plot_row;
};

struct dl {
	struct dl_line *v;
	size_t n, cap;
	struct plot plots[PLOTS];
};

static struct dl_line *new_line(struct dl *L)
{
	if (!util_grow((void **)&L->v, &L->cap, L->n + 1, sizeof(*L->v)))
		return NULL;
	struct dl_line *l = &L->v[L->n++];
	l->nseg = 0;
	l->plot = -1;
	l->plot_row = 0;
	return l;
}

static void seg(struct dl_line *l, enum theme_style st, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void seg(struct dl_line *l, enum theme_style st, const char *fmt, ...)
{
	if (!l || l->nseg == NSEGS)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(l->seg[l->nseg].text, sizeof(l->seg[0].text), fmt, ap);
	va_end(ap);
	l->seg[l->nseg++].st = st;
}

/* A new line that starts with its label ("" continues the one above). */
static struct dl_line *labelled(struct dl *L, const char *label)
{
	struct dl_line *l = new_line(L);
	seg(l, S_TITLE, "%-*s", LABEL_W, label);
	return l;
}

/* A rate in its colour: "+210M/h", after a space. */
static void rate(struct dl_line *l, const struct slope *s, bool bytes)
{
	char buf[32];
	if (bytes)
		fmt_bytes_rate_h(buf, sizeof(buf), s->per_s);
	else
		fmt_count_rate_h(buf, sizeof(buf), s->per_s);
	seg(l, S_NORMAL, " ");
	seg(l, rate_theme_style(s, bytes), "%s", buf);
}

static const struct proc_row *running_row(const struct snapshot *s, pid_t pid)
{
	for (size_t i = 0; s && i < s->nprocs; i++)
		if (s->procs[i]->pid == pid && s->procs[i]->state == PROC_RUNNING)
			return s->procs[i];
	return NULL;
}

static const struct cgroup_row *cgroup_of(const struct snapshot *s, const char *path)
{
	for (size_t i = 0; path && i < s->ncgroups; i++)
		if (strcmp(s->cgroups[i].path, path) == 0)
			return &s->cgroups[i];
	return NULL;
}

/* Who: user, start, parents, cgroup. */
static void build_who(const struct tui *t, const struct proc_row *p, struct dl *L)
{
	const struct snapshot *s = t->snap;
	char when[32] = "?", ago[32];
	time_t st = (time_t)p->start_time_unix_s;
	struct tm tm;
	if (!isnan(p->start_time_unix_s) && localtime_r(&st, &tm))
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
	fmt_duration(ago, sizeof(ago), s->time_unix_s - p->start_time_unix_s);
	struct dl_line *l = labelled(L, "Process");
	seg(l, S_NORMAL, "pid %d  user %s (%u)  started %s (%s ago)", (int)p->pid, p->user ? p->user : "?",
	    (unsigned)p->uid, when, ago);
	/* the parents, up to init or as far as the snapshot knows them */
	l = labelled(L, "Parents");
	pid_t pp = p->ppid;
	int hops = 0;
	if (pp <= 0)
		seg(l, S_DIM, "-");
	for (; pp > 0 && hops < 6; hops++) {
		const struct proc_row *r = running_row(s, pp);
		seg(l, hops ? S_DIM : S_NORMAL, "%s%d %s", hops ? " < " : "", (int)pp, r && r->comm ? r->comm : "?");
		if (!r)
			break;
		pp = r->ppid;
	}
	if (pp > 0 && hops == 6)
		seg(l, S_DIM, " < ...");
	l = labelled(L, "Cgroup");
	const struct cgroup_row *c = cgroup_of(s, p->cgroup);
	if (c && c->name && strcmp(c->name, c->path) != 0)
		seg(l, S_NORMAL, "%s  %s", c->name, c->path);
	else
		seg(l, S_NORMAL, "%s", p->cgroup ? p->cgroup : "- (outside the hierarchy oomtop sees)");
}

/* Memory: the row's RSS and parts, the detail's PSS and parts. */
static void build_memory(const struct proc_row *p, const struct proc_detail *d, bool exited, struct dl *L)
{
	char a[16], b[16], c[16], e[16], f[16];
	struct dl_line *l = labelled(L, "Memory");
	seg(l, S_NORMAL, "RSS %s", fmt_bytes(a, sizeof(a), p->rss_bytes));
	rate(l, &p->rss_slope, true);
	seg(l, S_NORMAL, "  anon %s  file %s  shmem %s  swap %s", fmt_bytes(b, sizeof(b), p->rss_anon_bytes),
	    fmt_bytes(c, sizeof(c), p->rss_file_bytes), fmt_bytes(e, sizeof(e), p->rss_shmem_bytes),
	    fmt_bytes(f, sizeof(f), p->swap_bytes));
	l = labelled(L, "");
	if (!d) {
		seg(l, S_DIM, exited ? "PSS: not read before it exited" : "PSS: reading smaps_rollup at the next refresh...");
	} else if (!val_known(d->pss_bytes)) {
		seg(l, S_DIM, exited ? "PSS: not read before it exited"
				     : "PSS: smaps_rollup is not readable here (root, or the process's own user)");
	} else {
		seg(l, S_NORMAL, "PSS %s  anon %s  file %s  shmem %s  swap PSS %s", fmt_bytes(a, sizeof(a), d->pss_bytes),
		    fmt_bytes(b, sizeof(b), d->pss_anon_bytes), fmt_bytes(c, sizeof(c), d->pss_file_bytes),
		    fmt_bytes(e, sizeof(e), d->pss_shmem_bytes), fmt_bytes(f, sizeof(f), d->swap_pss_bytes));
	}
}

/* Fds: the count, the limit and the ETA; the kinds with their slopes. */
static void build_fds(const struct proc_row *p, const struct proc_detail *d, bool exited, struct dl *L)
{
	char a[32], b[32], e[32];
	struct dl_line *l = labelled(L, "Fds");
	seg(l, S_NORMAL, "%s", fmt_count(a, sizeof(a), p->fds));
	rate(l, &p->fd_slope, false);
	seg(l, S_NORMAL, "  limit %s", fmt_count(a, sizeof(a), p->fd_limit));
	if (d && val_known(d->fd_limit_hard))
		seg(l, S_DIM, " (hard %s)", fmt_count(b, sizeof(b), d->fd_limit_hard));
	if (!isnan(p->fd_eta_s) && !exited)
		seg(l, p->fd_eta_s < 3600 ? S_LIMIT_NEAR : S_NORMAL, "  full in %s",
		    fmt_duration(e, sizeof(e), p->fd_eta_s));
	l = labelled(L, "");
	if (!d || !val_known(d->fd_kinds[FD_KIND_SOCKET])) {
		seg(l, S_DIM, "%s", exited ? "by kind: not read before it exited"
				: !d   ? "by kind: reading the fds at the next refresh..."
				       : "by kind: fd/ is not readable here (root, or the process's own user)");
		return;
	}
	for (int k = 0; k < FD_KIND_COUNT; k++) {
		seg(l, S_NORMAL, "%s%s %s%s", k ? "  " : "", proc_fdkinds_name((enum fd_kind)k), d->sampled ? "~" : "",
		    fmt_count(a, sizeof(a), d->fd_kinds[k]));
		if (!isnan(d->fd_kind_slope[k].per_s) && fabs(d->fd_kind_slope[k].per_s) * 3600 >= 1)
			rate(l, &d->fd_kind_slope[k], false);
	}
	if (d->sampled) {
		l = labelled(L, "");
		seg(l, S_DIM, "sampled: %lld of %lld fds read this refresh, the counts scaled (~)",
		    (long long)d->links_read, (long long)d->fds_listed);
	}
	if (val_known(d->fd_kinds[FD_KIND_ANON_INODE]) && d->fd_kinds[FD_KIND_ANON_INODE] > 0) {
		l = labelled(L, "");
		seg(l, S_DIM, "anon_inode:");
		for (int k = 0; k < FD_ANON_COUNT; k++)
			if (val_known(d->fd_anon[k]) && d->fd_anon[k] > 0)
				seg(l, S_DIM, " %s %lld", proc_fdkinds_anon_name((enum fd_anon)k), (long long)d->fd_anon[k]);
	}
}

/* Threads, the limits and both ETAs, the OOM killer's view of it. */
static void build_limits(const struct tui *t, const struct proc_row *p, bool exited, struct dl *L)
{
	const struct snapshot *s = t->snap;
	char a[32], b[32];
	struct dl_line *l = labelled(L, "Threads");
	seg(l, S_NORMAL, "%s", fmt_count(a, sizeof(a), p->threads));
	rate(l, &p->thread_slope, false);
	l = labelled(L, "Limits");
	seg(l, S_NORMAL, "fds %s", fmt_count(a, sizeof(a), p->fd_limit));
	if (exited)
		seg(l, S_NORMAL, "%s", "");
	else if (isnan(p->fd_eta_s))
		seg(l, S_NORMAL, ": no ETA");
	else
		seg(l, p->fd_eta_s < 3600 ? S_LIMIT_NEAR : S_NORMAL, ": full in %s",
		    fmt_duration(a, sizeof(a), p->fd_eta_s));
	const struct cgroup_row *c = cgroup_of(s, p->cgroup);
	const struct cgroup_row *lim = c && c->limited_by >= 0 && (size_t)c->limited_by < s->ncgroups
					       ? &s->cgroups[c->limited_by]
					       : NULL;
	if (!lim) {
		seg(l, S_NORMAL, "   memory: no cgroup limit");
	} else if (exited) {
		seg(l, S_NORMAL, "   memory %s (%s)", fmt_bytes(a, sizeof(a), lim->limit_bytes),
		    lim->name ? lim->name : lim->path);
	} else {
		seg(l, S_NORMAL, "   memory %s (%s)", fmt_bytes(a, sizeof(a), lim->limit_bytes),
		    lim->name ? lim->name : lim->path);
		bool near = !isnan(c->eta_to_limit_s) && c->eta_to_limit_s < 3600;
		if (isnan(c->eta_to_limit_s))
			seg(l, S_NORMAL, ": no ETA");
		else
			seg(l, near ? S_LIMIT_NEAR : S_NORMAL, ": full in %s", fmt_duration(a, sizeof(a), c->eta_to_limit_s));
	}
	l = labelled(L, "OOM");
	seg(l, S_NORMAL, "score %s  adj ", fmt_count(a, sizeof(a), p->oom_score));
	seg(l, val_known(p->oom_score_adj) && p->oom_score_adj != 0 ? S_TITLE : S_NORMAL, "%s",
	    fmt_count(b, sizeof(b), p->oom_score_adj));
	if (exited)
		return;
	int scope = BADNESS_SCOPE_SYSTEM;
	for (size_t i = 0; i < s->nprocs; i++)
		if (s->procs[i] == p)
			scope = badness_proc_scope(s, i);
	const char *where = scope >= 0 ? (s->cgroups[scope].name ? s->cgroups[scope].name : s->cgroups[scope].path)
				       : "the system";
	if (p->next_victim) {
		seg(l, S_VICTIM, "  the next OOM victim of %s (V)", where);
		return;
	}
	pid_t v = badness_scope_victim(s, scope, NULL);
	const struct proc_row *vr = v > 0 ? running_row(s, v) : NULL;
	if (vr)
		seg(l, S_NORMAL, "  not the next victim of %s: %d %s is", where, (int)v, vr->comm ? vr->comm : "?");
	else
		seg(l, S_DIM, "  %s has no next victim to name", where);
}

/* The plots: a title line and `rows` rows each. */
static void build_plots(const struct tui *t, const struct proc_detail *d, bool exited, int cols, int rows,
			struct dl *L)
{
	static const struct {
		const char *name;
		enum plot_series which;
		bool bytes;
		double unit;
	} series[PLOTS] = {
		{"RSS", PLOT_RSS, true, 1024.0 * 1024.0},
		{"Fds", PLOT_FDS, false, 1.0},
		{"Threads", PLOT_THREADS, false, 1.0},
	};
	const struct snapshot *s = t->snap;
	int64_t window_ms = (int64_t)(s->window_s * 1000.0);
	int64_t t1 = s->t_mono_ms;
	if (exited && d && d->ntrail)
		t1 = d->trail[d->ntrail - 1].t_ms; /* the plot ends where the process did */
	char span[32];
	fmt_duration(span, sizeof(span), s->window_s);
	for (int i = 0; i < PLOTS; i++) {
		struct plot *pl = &L->plots[i];
		plot_build(pl, d ? d->trail : NULL, d ? d->ntrail : 0, series[i].which, t1 - window_ms, t1, cols, rows,
			   series[i].unit);
		struct dl_line *l = labelled(L, series[i].name);
		l->plot = i;
		l->plot_row = -1;
		char now[16], lo[16], hi[16];
		if (pl->npoints == 0) {
			seg(l, S_DIM, "no samples yet: the plot fills as refreshes come (last %s)", span);
		} else if (series[i].bytes) {
			seg(l, S_NORMAL, "%s", fmt_bytes(now, sizeof(now), (int64_t)pl->last));
			seg(l, S_DIM, "  %s to %s over the last %s", fmt_bytes(lo, sizeof(lo), (int64_t)pl->min),
			    fmt_bytes(hi, sizeof(hi), (int64_t)pl->max), span);
		} else {
			seg(l, S_NORMAL, "%s", fmt_count(now, sizeof(now), (int64_t)pl->last));
			seg(l, S_DIM, "  %s to %s over the last %s", fmt_count(lo, sizeof(lo), (int64_t)pl->min),
			    fmt_count(hi, sizeof(hi), (int64_t)pl->max), span);
		}
		for (int r = 0; r < rows; r++) {
			l = new_line(L);
			if (l) {
				l->plot = i;
				l->plot_row = r;
			}
		}
	}
}

/* Text lines the view has besides the plots (to size the plots). */
static void build_text(const struct tui *t, const struct proc_row *p, const struct proc_detail *d, bool exited,
		       struct dl *L)
{
	const struct snapshot *s = t->snap;
	if (exited) {
		struct dl_line *l = new_line(L);
		double when = d && !isnan(d->exited_unix_s) ? d->exited_unix_s : p->exited_unix_s;
		char ago[32] = "?", at[16] = "?";
		time_t tt = (time_t)when;
		struct tm tm;
		if (!isnan(when)) {
			fmt_duration(ago, sizeof(ago), s->time_unix_s - when);
			if (localtime_r(&tt, &tm))
				strftime(at, sizeof(at), "%H:%M:%S", &tm);
		}
		bool oom = p->state == PROC_OOM_KILLED;
		seg(l, oom ? S_OOM : S_GHOST, "%s %s ago (%s): the values below are the last ones read%s",
		    oom ? "OOM-killed" : "Exited", ago, at, oom && p->oom_event >= 0 ? "; e opens the kill's episode" : "");
	}
	build_who(t, p, L);
	build_memory(p, d, exited, L);
	build_fds(p, d, exited, L);
	build_limits(t, p, exited, L);
}

/* One row of plot i in the view's glyphs. */
static void draw_plot_row(const struct draw_ctx *dc, int y, int x, const struct plot *pl, int r, enum theme_style st)
{
	char row[PLOT_MAX_COLS * 4 + 1];
	size_t n = 0;
	for (int c = 0; c < pl->cols; c++) {
		const char *g = dc->g->plot[plot_cell(pl, c, r)];
		size_t gl = strlen(g);
		memcpy(row + n, g, gl);
		n += gl;
	}
	row[n] = '\0';
	draw_put(dc, y, x, pl->cols, row, st);
}

void view_detail_describe(const struct tui *t, char *buf, size_t n)
{
	const struct proc_detail *d = proc_details_find(t->snap, t->detail.pid, t->detail.start_ticks);
	if (!d)
		snprintf(buf, n, "pid %d: its smaps_rollup and fds are read at each refresh while shown", (int)t->detail.pid);
	else if (d->exited)
		snprintf(buf, n, "pid %d has exited: nothing more is read", (int)t->detail.pid);
	else
		snprintf(buf, n, "pid %d: smaps_rollup and %lld of %lld fd links read at each refresh while shown",
			 (int)t->detail.pid, (long long)d->links_read, (long long)d->fds_listed);
}

void view_detail_draw(struct tui *t, struct rect r)
{
	const struct draw_ctx *dc = &t->dc;
	const struct snapshot *s = t->snap;
	draw_fill(dc, r.y, r.x, r.w, S_HEADER_FOCUS);
	if (!s || t->detail.pid <= 0)
		return;
	const struct proc_row *p = action_detail_row(t);
	const struct proc_detail *d = proc_details_find(s, t->detail.pid, t->detail.start_ticks);
	if (!p && d)
		p = &d->row; /* its ghost row is gone too: what was last seen alive */
	if (!p) {
		draw_textf(dc, r.y, r.x, r.w, S_HEADER_FOCUS, AL_LEFT, " pid %d", (int)t->detail.pid);
		if (r.h > 1)
			draw_text(dc, r.y + 1, r.x + 1, r.w - 1, "the process is gone, and nothing was read of it (Esc: back)",
				  S_DIM, AL_LEFT);
		return;
	}
	bool exited = p->state != PROC_RUNNING || (d && d->exited);
	char title[512];
	snprintf(title, sizeof(title), " %s (pid %d)%s  %s", p->comm ? p->comm : "?", (int)p->pid,
		 exited ? (p->state == PROC_OOM_KILLED ? " OOM-killed" : " exited") : "",
		 p->cmdline && p->cmdline[0] ? p->cmdline : "");
	draw_text(dc, r.y, r.x, r.w, title, S_HEADER_FOCUS, AL_LEFT);
	size_t rows = r.h > 1 ? (size_t)(r.h - 1) : 0;
	struct dl L = {0};
	build_text(t, p, d, exited, &L);
	/* the plots share what is left, at least one row each */
	int left = (int)rows - (int)L.n - PLOTS;
	int plot_rows = left / PLOTS > 1 ? left / PLOTS : 1;
	int cols = r.w - 2 > PLOT_MAX_COLS ? PLOT_MAX_COLS : r.w - 2;
	build_plots(t, d, exited, cols, plot_rows, &L);
	struct listview *doc = &t->detail.doc;
	listview_fit_document(doc, L.n, rows);
	for (size_t i = 0; i < rows && doc->top + i < L.n; i++) {
		const struct dl_line *l = &L.v[doc->top + i];
		int y = r.y + 1 + (int)i;
		if (l->plot >= 0 && l->plot_row >= 0) {
			draw_plot_row(dc, y, r.x + 1, &L.plots[l->plot], l->plot_row,
				      exited ? S_GHOST : l->plot == 0 ? S_MEM_USED : S_LEAK_RISING);
			continue;
		}
		int x = r.x + 1;
		for (int k = 0; k < l->nseg && x < r.x + r.w; k++)
			x += draw_put(dc, y, x, r.x + r.w - x, l->seg[k].text, l->seg[k].st);
	}
	free(L.v);
}
