/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/pane/procs.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/base/fmt.h"
#include "tui/draw.h"
#include "tui/model/proc_columns.h"
#include "tui/model/rate.h"

static const char *cgroup_name(const struct snapshot *s, const char *path)
{
	if (!path)
		return NULL;
	for (size_t i = 0; i < s->ncgroups; i++)
		if (strcmp(s->cgroups[i].path, path) == 0)
			return s->cgroups[i].name ? s->cgroups[i].name : path;
	return path;
}

static void cell(const struct tui *t, const struct proc_row *p, enum proc_column c, char *buf,
                 size_t n, enum theme_style *st)
{
	*st = S_NORMAL;
	switch (c) {
	case PCOL_PID:
		snprintf(buf, n, "%s%d", adj_tags_has(&t->adj.tags, p->pid, p->start_ticks) ? "*" : "",
		         (int)p->pid);
		break;
	case PCOL_USER: snprintf(buf, n, "%s", p->user ? p->user : "?"); break;
	case PCOL_CGROUP: {
		const char *name = cgroup_name(t->snap, p->cgroup);
		snprintf(buf, n, "%s", name ? name : "-");
		break;
	}
	case PCOL_RSS: fmt_bytes(buf, n, p->rss_bytes); break;
	case PCOL_RSS_SLOPE:
		fmt_bytes_rate_h(buf, n, p->rss_slope.per_s);
		*st = rate_theme_style(&p->rss_slope, true);
		break;
	case PCOL_ANON: fmt_bytes(buf, n, p->rss_anon_bytes); break;
	case PCOL_FILE: fmt_bytes(buf, n, p->rss_file_bytes); break;
	case PCOL_SHMEM: fmt_bytes(buf, n, p->rss_shmem_bytes); break;
	case PCOL_SWAP: fmt_bytes(buf, n, p->swap_bytes); break;
	case PCOL_SCORE: fmt_count(buf, n, p->oom_score); break;
	case PCOL_ADJ:
		fmt_count(buf, n, p->oom_score_adj);
		if (val_known(p->oom_score_adj) && p->oom_score_adj != 0)
			*st = S_TITLE;
		break;
	case PCOL_FDS: fmt_count(buf, n, p->fds); break;
	case PCOL_FD_SLOPE:
		fmt_count_rate_h(buf, n, p->fd_slope.per_s);
		*st = rate_theme_style(&p->fd_slope, false);
		break;
	case PCOL_FD_ETA:
		fmt_duration(buf, n, p->fd_eta_s);
		if (!isnan(p->fd_eta_s) && p->fd_eta_s < 3600) /* as the cgroups' ETA */
			*st = S_LIMIT_NEAR;
		break;
	case PCOL_THREADS: fmt_count(buf, n, p->threads); break;
	case PCOL_COMMAND:
		if (p->cmdline && p->cmdline[0])
			snprintf(buf, n, "%s", p->cmdline);
		else
			snprintf(buf, n, "[%s]", p->comm ? p->comm : "?");
		break;
	default: buf[0] = '\0';
	}
	if (buf[0] == '-' && buf[1] == '\0')
		*st = S_DIM;
}

void pane_procs_draw(struct tui *t, struct rect r)
{
	const struct draw_ctx *dc = &t->dc;
	int widths[PCOL_COUNT];
	proc_columns_fit(t->set.columns, r.w, widths);
	struct procview *pv = &t->pv;
	bool focused = t->focus == PANE_PROCS;
	enum theme_style hs = focused ? S_HEADER_FOCUS : S_HEADER;

	/* header */
	draw_fill(dc, r.y, r.x, r.w, hs);
	int x = r.x + 1;
	for (int c = 0; c < PCOL_COUNT; c++) {
		if (!widths[c])
			continue;
		const struct proc_column_info *ci = proc_columns_info((enum proc_column)c);
		char h[96];
		bool sorted = ci->sort == (int)pv->sort;
		int len = snprintf(h, sizeof(h), "%s%s", ci->header,
		                   sorted ? (pv->reverse ? dc->g->sort_up : dc->g->sort_down) : "");
		if (c == PCOL_COMMAND && r.w >= 60 && len > 0 && (size_t)len < sizeof(h))
			snprintf(h + len, sizeof(h) - (size_t)len, "  %zu/%zu", pv->list.n, pv->ntotal);
		draw_text(dc, r.y, x, widths[c], h, hs, ci->right ? AL_RIGHT : AL_LEFT);
		x += widths[c] + 1;
	}

	size_t rows = (size_t)(r.h - 1);
	struct listview *l = &pv->list;
	listview_fit(l, rows);
	if (l->n == 0) {
		draw_text(dc, r.y + 1, r.x + 1, r.w - 1,
		          t->snap ? "no process matches (Esc clears the filter)" : "collecting...", S_DIM,
		          AL_LEFT);
		return;
	}
	for (size_t i = 0; i < rows && l->top + i < l->n; i++) {
		size_t idx = l->top + i;
		const struct proc_row *p = pv->rows[idx];
		bool sel = idx == l->sel;
		int y = r.y + 1 + (int)i;
		bool ghost = p->state != PROC_RUNNING;
		bool tagged = t->adj.tags.n && adj_tags_has(&t->adj.tags, p->pid, p->start_ticks);
		char mark[2] = " ";
		enum theme_style ms = S_NORMAL;
		if (p->state == PROC_OOM_KILLED)
			mark[0] = 'K', ms = S_OOM;
		else if (ghost)
			mark[0] = 'x', ms = S_GHOST;
		else if (p->next_victim)
			mark[0] = 'V', ms = S_VICTIM;
		if (sel)
			draw_fill(dc, y, r.x, r.w, S_SELECTED);
		draw_text(dc, y, r.x, 1, mark, draw_row_style(ms, sel), AL_LEFT);
		x = r.x + 1;
		for (int c = 0; c < PCOL_COUNT; c++) {
			if (!widths[c])
				continue;
			char buf[1024];
			enum theme_style st;
			cell(t, p, (enum proc_column)c, buf, sizeof(buf), &st);
			if (ghost)
				st = p->state == PROC_OOM_KILLED && c == PCOL_COMMAND ? S_OOM : S_GHOST;
			else if (p->next_victim && c == PCOL_PID)
				st = S_VICTIM;
			else if (tagged && (c == PCOL_PID || c == PCOL_COMMAND || st == S_NORMAL))
				st = S_TAGGED;
			const struct proc_column_info *ci = proc_columns_info((enum proc_column)c);
			draw_text(dc, y, x, widths[c], buf, draw_row_style(st, sel),
			          ci->right ? AL_RIGHT : AL_LEFT);
			x += widths[c] + 1;
		}
	}
}
