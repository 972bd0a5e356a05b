#include "config.h"
#include "tui/pane/events.h"

#include <stdio.h>
#include <string.h>

#include "core/base/fmt.h"
#include "core/cgroup/name.h"
#include "core/klog/oom_event.h"
#include "tui/draw.h"
#include "tui/model/evfmt.h"

enum ev_col { EV_TIME, EV_PID, EV_VICTIM, EV_SCOPE, EV_CGROUP, EV_ANON, EV_FILE, EV_SHMEM,
	      EV_ADJ, EV_INVOKER, EV_COUNT };

static const struct {
	const char *header;
	struct col_spec spec;
	bool right;
} cols[EV_COUNT] = {
	[EV_TIME] = {"OOM KILL", {11, 15, 100, false}, false},
	[EV_PID] = {"PID", {5, 7, 95, false}, true},
	[EV_VICTIM] = {"VICTIM", {8, 15, 99, false}, false},
	[EV_SCOPE] = {"SCOPE", {6, 9, 80, false}, false},
	[EV_CGROUP] = {"CGROUP", {8, 30, 70, false}, false},
	[EV_ANON] = {"ANON", {5, 5, 90, false}, true},
	[EV_FILE] = {"FILE", {5, 5, 50, false}, true},
	[EV_SHMEM] = {"SHMEM", {5, 5, 45, false}, true},
	[EV_ADJ] = {"ADJ", {5, 5, 75, false}, true},
	[EV_INVOKER] = {"INVOKED BY", {8, 8, 60, true}, false},
};

static int64_t kb(int64_t v)
{
	return val_known(v) ? v * 1024 : VAL_UNKNOWN;
}

void pane_events_draw(struct tui *t, struct rect r)
{
	const struct draw_ctx *dc = &t->dc;
	int widths[EV_COUNT];
	struct col_spec spec[EV_COUNT];
	for (int c = 0; c < EV_COUNT; c++)
		spec[c] = cols[c].spec;
	layout_fit_columns(spec, NULL, EV_COUNT, r.w - 1, widths);
	bool focused = t->focus == PANE_EVENTS;
	enum theme_style hs = focused ? S_HEADER_FOCUS : S_HEADER;
	draw_fill(dc, r.y, r.x, r.w, hs);
	int x = r.x + 1;
	for (int c = 0; c < EV_COUNT; c++) {
		if (!widths[c])
			continue;
		draw_text(dc, r.y, x, widths[c], cols[c].header, hs, cols[c].right ? AL_RIGHT : AL_LEFT);
		x += widths[c] + 1;
	}
	const struct snapshot *s = t->snap;
	size_t rows = (size_t)(r.h - 1), n = s ? s->nevents : 0;
	if (n == 0) {
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
		draw_text(dc, r.y + 1, r.x + 1, r.w - 1, "no OOM kills in the kernel log", S_DIM,
		          AL_LEFT);
		return;
	}
	struct listview *l = &t->ev.list;
	listview_fit(l, rows);
	for (size_t i = 0; i < rows && l->top + i < n; i++) {
		size_t vi = l->top + i;
		const struct oom_event *e = evview_at(s, vi);
		bool sel = vi == l->sel;
		int y = r.y + 1 + (int)i;
		if (sel)
			draw_fill(dc, y, r.x, r.w, S_SELECTED);
		x = r.x + 1;
		for (int c = 0; c < EV_COUNT; c++) {
			if (!widths[c])
				continue;
			char buf[512] = "";
			enum theme_style st = S_NORMAL;
			switch ((enum ev_col)c) {
			case EV_TIME: evfmt_time(buf, sizeof(buf), e); break;
			case EV_PID: snprintf(buf, sizeof(buf), "%d", (int)e->victim_pid); break;
			case EV_VICTIM:
				snprintf(buf, sizeof(buf), "%s", e->victim_comm ? e->victim_comm : "?");
				st = S_OOM;
				break;
			case EV_SCOPE: snprintf(buf, sizeof(buf), "%s", evfmt_scope(e)); break;
			case EV_CGROUP: {
				/* the readable name: a kernel path is cut to "/process" at 80 columns;
				 * the episode view shows the whole path */
				const char *cg = evfmt_cgroup(e);
				if (cg)
					cgroup_name_readable(cg, buf, sizeof(buf));
				else
					snprintf(buf, sizeof(buf), "-");
				break;
			}
			case EV_ANON: fmt_bytes(buf, sizeof(buf), kb(e->anon_rss_kb)); break;
			case EV_FILE: fmt_bytes(buf, sizeof(buf), kb(e->file_rss_kb)); break;
			case EV_SHMEM: fmt_bytes(buf, sizeof(buf), kb(e->shmem_rss_kb)); break;
			case EV_ADJ: fmt_count(buf, sizeof(buf), e->oom_score_adj); break;
			case EV_INVOKER:
				if (e->invoker_comm && e->invoker_pid)
					snprintf(buf, sizeof(buf), "%s (%d)", e->invoker_comm, (int)e->invoker_pid);
				else
					snprintf(buf, sizeof(buf), "%s", e->invoker_comm ? e->invoker_comm : "-");
				break;
			default: break;
			}
			if (buf[0] == '-' && buf[1] == '\0')
				st = S_DIM;
			draw_text(dc, y, x, widths[c], buf, draw_row_style(st, sel),
			          cols[c].right ? AL_RIGHT : AL_LEFT);
			x += widths[c] + 1;
		}
	}
}
