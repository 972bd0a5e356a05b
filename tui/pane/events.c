/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/pane/events.h"

#include <stdio.h>
#include <string.h>

#include "core/base/fmt.h"
#include "core/cgroup/name.h"
#include "core/klog/oom_event.h"
#include "tui/draw.h"
#include "tui/model/evfmt.h"

enum ev_col { EV_TIME, EV_PID, EV_VICTIM, EV_KILLER, EV_UNIT, EV_SCOPE, EV_CGROUP, EV_ANON,
	      EV_FILE, EV_SHMEM, EV_ADJ, EV_INVOKER, EV_COUNT };

/* Priorities: when, whom and where first; the killer and the unit only where a kill has
 * them to tell (fit() below). */
static const struct {
	const char *header;
	struct col_spec spec;
	bool right;
} cols[EV_COUNT] = {
	[EV_TIME] = {"OOM KILL", {15, 15, 100, false}, false},
	[EV_KILLER] = {"KILLER", {6, 6, 94, false}, false},
	[EV_PID] = {"PID", {5, 7, 95, false}, true},
	[EV_VICTIM] = {"VICTIM", {11, 15, 97, false}, false},
	[EV_UNIT] = {"UNIT", {16, 26, 98, false}, false},
	[EV_SCOPE] = {"SCOPE", {6, 9, 80, false}, false},
	[EV_CGROUP] = {"CGROUP", {14, 30, 70, false}, false},
	[EV_ANON] = {"ANON", {5, 5, 90, false}, true},
	[EV_FILE] = {"FILE", {5, 5, 50, false}, true},
	[EV_SHMEM] = {"SHMEM", {5, 5, 45, false}, true},
	[EV_ADJ] = {"ADJ", {5, 5, 75, false}, true},
	[EV_INVOKER] = {"INVOKED BY", {12, 12, 60, true}, false},
};

static int64_t kb(int64_t v)
{
	return val_known(v) ? v * 1024 : VAL_UNKNOWN;
}

/* The columns fitted to the kills listed: the time and the pid as wide as the widest (a
 * pid is never cut); the killer column, as wide as its longest word, only when some kill
 * is not the kernel's; the unit column kept only when some kill has a unit; with either,
 * FILE and SHMEM (kernel details, in the episode) only from 150 columns on. The last
 * column holds reasons only when a user-space killer is listed: its header says so. */
static bool fit(const struct evview *v, const struct snapshot *s, int width, int widths[EV_COUNT])
{
	struct col_spec spec[EV_COUNT];
	for (int c = 0; c < EV_COUNT; c++)
		spec[c] = cols[c].spec;
	bool user_space = false, units = false;
	int unit_w = 0;
	for (size_t i = 0; s && i < v->list.n; i++) {
		const struct oom_event *e = evview_at(v, s, i);
		if (!e)
			break;
		char tm[64];
		int tw = (int)strlen(evfmt_time(tm, sizeof(tm), e, s->time_unix_s, false));
		if (tw > spec[EV_TIME].pref_w)
			spec[EV_TIME].min_w = spec[EV_TIME].pref_w = tw;
		char pid[16];
		int pw = snprintf(pid, sizeof(pid), "%d", (int)e->victim_pid);
		if (pw > spec[EV_PID].min_w)
			spec[EV_PID].min_w = spec[EV_PID].pref_w = pw;
		int kw = (int)strlen(evfmt_killer(e));
		if (kw > spec[EV_KILLER].min_w)
			spec[EV_KILLER].min_w = spec[EV_KILLER].pref_w = kw;
		user_space |= e->source != OOM_EVENT_SOURCE_KERNEL;
		if (e->unit) {
			units = true;
			if ((int)strlen(e->unit) > unit_w)
				unit_w = (int)strlen(e->unit);
		}
	}
	if (!units) {
		spec[EV_UNIT].prio = 25;
	} else {
		spec[EV_CGROUP].prio = 65; /* often the unit's own cgroup */
		if (unit_w < spec[EV_UNIT].pref_w)
			spec[EV_UNIT].pref_w = unit_w > spec[EV_UNIT].min_w ? unit_w : spec[EV_UNIT].min_w;
	}
	bool on[EV_COUNT];
	for (int c = 0; c < EV_COUNT; c++)
		on[c] = true;
	on[EV_KILLER] = user_space;
	on[EV_UNIT] = !(v->only && v->only_unit); /* one unit's kills: its name is above */
	if ((units || user_space) && width < 150)
		on[EV_FILE] = on[EV_SHMEM] = false;
	layout_fit_columns(spec, on, EV_COUNT, width, widths);
	return user_space;
}

/* One cell of kill e; *span: the cell also takes the next column (a cgroup kill's victim
 * is the cgroup, written across PID and VICTIM). */
static void cell(const struct tui *t, const struct oom_event *e, enum ev_col c, int w, char *buf,
		 size_t n, enum theme_style *st, bool *span)
{
	*st = S_NORMAL;
	*span = false;
	buf[0] = '\0';
	switch (c) {
	case EV_TIME: evfmt_time(buf, n, e, t->snap->time_unix_s, false); break;
	case EV_KILLER: snprintf(buf, n, "%s", evfmt_killer(e)); break;
	case EV_PID:
		if (evfmt_cgroup_kill(e)) {
			/* the unit column names it when it is the unit's cgroup */
			const char *last = strrchr(e->cgroup, '/');
			last = last ? last + 1 : e->cgroup;
			if (e->unit && strcmp(last, e->unit) == 0) {
				snprintf(buf, n, "whole cgroup");
			} else {
				char name[256];
				cgroup_name_readable(e->cgroup, name, sizeof(name));
				snprintf(buf, n, "cgroup %s", name);
			}
			*st = S_OOM;
			*span = true;
		} else if (e->victim_pid > 0) {
			snprintf(buf, n, "%d", (int)e->victim_pid);
		} else {
			snprintf(buf, n, "-");
		}
		break;
	case EV_VICTIM:
		if (e->victim_comm) {
			snprintf(buf, n, "%s", e->victim_comm);
			*st = S_OOM;
		} else {
			snprintf(buf, n, "-");
		}
		break;
	case EV_UNIT:
		if (e->unit)
			evfmt_fit(buf, n, e->unit, w, t->dc.g->ellipsis);
		else
			snprintf(buf, n, "-");
		break;
	case EV_SCOPE: snprintf(buf, n, "%s", evfmt_scope(e)); break;
	case EV_CGROUP: {
		/* the readable name: a kernel path is cut to "/process" at 80 columns; the
		 * episode view and the status line show the whole path */
		const char *cg = evfmt_cgroup(e);
		if (cg) {
			char name[512];
			cgroup_name_readable(cg, name, sizeof(name));
			evfmt_fit(buf, n, name, w, t->dc.g->ellipsis);
		} else {
			snprintf(buf, n, "-");
		}
		break;
	}
	case EV_ANON: fmt_bytes(buf, n, kb(e->anon_rss_kb)); break;
	case EV_FILE: fmt_bytes(buf, n, kb(e->file_rss_kb)); break;
	case EV_SHMEM: fmt_bytes(buf, n, kb(e->shmem_rss_kb)); break;
	case EV_ADJ: fmt_count(buf, n, e->oom_score_adj); break;
	case EV_INVOKER:
		if (e->source != OOM_EVENT_SOURCE_KERNEL)
			snprintf(buf, n, "%s", e->reason ? e->reason : "-");
		else if (e->invoker_comm && e->invoker_pid)
			snprintf(buf, n, "%s (%d)", e->invoker_comm, (int)e->invoker_pid);
		else
			snprintf(buf, n, "%s", e->invoker_comm ? e->invoker_comm : "-");
		break;
	default: break;
	}
	if (buf[0] == '-' && buf[1] == '\0')
		*st = S_DIM;
}

/* "reading the saved log: 45% of 230M" while a --kmsg FILE is replayed; false when not. */
static bool replay_progress(const struct snapshot *s, char *buf, size_t len)
{
	if (!s || !val_known(s->events_replay_total_bytes) || s->events_replay_total_bytes <= 0)
		return false;
	char size[16];
	fmt_bytes(size, sizeof(size), s->events_replay_total_bytes);
	snprintf(buf, len, "reading the saved log: %d%% of %s",
	         (int)(100.0 * (double)s->events_replay_done_bytes / (double)s->events_replay_total_bytes), size);
	return true;
}

void pane_events_table_draw(struct tui *t, struct rect r, struct evview *v, bool focused)
{
	const struct draw_ctx *dc = &t->dc;
	const struct snapshot *s = t->snap;
	int widths[EV_COUNT];
	bool reasons = fit(v, s, r.w - 1, widths);
	enum theme_style hs = focused ? S_HEADER_FOCUS : S_HEADER;
	draw_fill(dc, r.y, r.x, r.w, hs);
	int x = r.x + 1;
	for (int c = 0; c < EV_COUNT; c++) {
		if (!widths[c])
			continue;
		const char *h = c == EV_INVOKER && reasons ? "INVOKED BY / REASON" : cols[c].header;
		draw_text(dc, r.y, x, widths[c], h, hs, cols[c].right ? AL_RIGHT : AL_LEFT);
		x += widths[c] + 1;
	}
	char prog[80];
	if (replay_progress(s, prog + 2, sizeof(prog) - 2)) { /* over the headers' right end, while it lasts */
		prog[0] = prog[1] = ' ';
		int w = (int)strlen(prog) + 1;
		if (w < r.w - 8)
			draw_text(dc, r.y, r.x + r.w - w, w, prog, hs, AL_LEFT);
	}
	size_t rows = r.h > 1 ? (size_t)(r.h - 1) : 0;
	struct listview *l = &v->list;
	listview_fit(l, rows);
	for (size_t i = 0; s && i < rows && l->top + i < l->n; i++) {
		size_t vi = l->top + i;
		const struct oom_event *e = evview_at(v, s, vi);
		if (!e)
			break;
		bool sel = vi == l->sel;
		int y = r.y + 1 + (int)i;
		if (sel)
			draw_fill(dc, y, r.x, r.w, S_SELECTED);
		/* an earlier boot's kill: marked, and dimmed */
		if (e->earlier_boot)
			draw_text(dc, y, r.x, 1, "b", draw_row_style(S_DIM, sel), AL_LEFT);
		x = r.x + 1;
		for (int c = 0; c < EV_COUNT; c++) {
			if (!widths[c])
				continue;
			int w = widths[c];
			char buf[512];
			enum theme_style st;
			bool span;
			cell(t, e, (enum ev_col)c, w, buf, sizeof(buf), &st, &span);
			bool right = cols[c].right;
			if (span && c + 1 < EV_COUNT && widths[c + 1]) { /* and the next column */
				w += 1 + widths[++c];
				right = false;
			}
			if (e->earlier_boot)
				st = S_DIM;
			draw_text(dc, y, x, w, buf, draw_row_style(st, sel), right ? AL_RIGHT : AL_LEFT);
			x += w + 1;
		}
	}
}

void pane_events_draw(struct tui *t, struct rect r)
{
	const struct draw_ctx *dc = &t->dc;
	const struct snapshot *s = t->snap;
	if (!s || s->nevents == 0) {
		pane_events_table_draw(t, (struct rect){r.y, r.x, 1, r.w}, &t->ev,
				       t->focus == PANE_EVENTS);
		if (r.h < 2)
			return;
		if (s && s->events_unavailable) {
			/* one line (the pane may be one row tall): why it is empty, then what is
			 * still known, the counter */
			char line[640];
			/* "cannot read the kernel log (/dev/kmsg: ...): <reason>": the reason is what
			 * fits the width best; the whole text is in the status line's notes */
			const char *why = strstr(s->events_unavailable, "): ");
			why = why ? why + 3 : s->events_unavailable;
			int len = snprintf(line, sizeof(line), "kills not listed: %s", why);
			if (val_known(s->sys.oom_kills) && len > 0 && (size_t)len < sizeof(line))
				snprintf(line + len, sizeof(line) - (size_t)len, " -- %lld counted since boot",
				         (long long)s->sys.oom_kills);
			draw_text(dc, r.y + 1, r.x + 1, r.w - 1, line, S_DIM, AL_LEFT);
			return;
		}
		char prog[80];
		draw_text(dc, r.y + 1, r.x + 1, r.w - 1,
		          replay_progress(s, prog, sizeof(prog)) ? prog : "no OOM kills in the kernel log", S_DIM,
		          AL_LEFT);
		return;
	}
	pane_events_table_draw(t, r, &t->ev, t->focus == PANE_EVENTS);
}
