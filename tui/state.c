#include "config.h"
#include "tui/tui.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/klog/oom_event.h"
#include "core/base/util.h"

const struct glyphs tui_glyphs_utf8 = {
	.bar_full = "\u2588", .bar_empty = "\u2591", .high_mark = "\u2503",
	.tree_mid = "\u251c\u2500", .tree_last = "\u2514\u2500", .tree_pipe = "\u2502 ",
	.tree_none = "  ", .open = "\u25be", .closed = "\u25b8",
	.sort_down = "\u25bc", .sort_up = "\u25b2", .sep = "\u2502",
};

const struct glyphs tui_glyphs_ascii = {
	.bar_full = "#", .bar_empty = ".", .high_mark = "|",
	.tree_mid = "|-", .tree_last = "`-", .tree_pipe = "| ",
	.tree_none = "  ", .open = "-", .closed = "+",
	.sort_down = "v", .sort_up = "^", .sep = "|",
};

int tui_state_init(struct tui *t, const struct tui_config *cfg, bool utf8)
{
	memset(t, 0, sizeof(*t));
	procview_init(&t->pv);
	cgview_init(&t->cv);
	if (cfg)
		t->set = cfg->set;
	else
		settings_defaults(&t->set);
	t->utf8 = utf8;
	t->g = utf8 ? &tui_glyphs_utf8 : &tui_glyphs_ascii;
	t->episode = -1;
	t->focus = PANE_PROCS;
	t->undo = calloc(TUI_UNDO_DEPTH, sizeof(*t->undo));
	if (!t->undo) {
		tui_state_free(t);
		return -ENOMEM;
	}
	for (int p = 0; p < PANE_COUNT; p++)
		t->visible[p] = t->set.panes[p];
	if (!t->visible[t->focus]) {
		for (int p = 0; p < PANE_COUNT; p++)
			if (t->visible[p]) {
				t->focus = (enum pane_id)p;
				break;
			}
	}
	t->cv.tree = t->set.tree;
	t->pv.sort = (enum sort_key)t->set.sort;
	t->pv.reverse = t->set.sort_reverse;
	if (cfg) {
		const struct proc_filter *f = &cfg->filter;
		t->pv.by_uid = f->by_uid;
		t->pv.uid = f->uid;
		t->no_color = cfg->no_color;
		t->readonly = cfg->readonly;
		if ((f->cgroup && procview_set_cgroup(&t->pv, f->cgroup) < 0) ||
		    (f->npids && procview_set_pids(&t->pv, f->pids, f->npids) < 0)) {
			tui_state_free(t);
			return -ENOMEM;
		}
	}
	theme_defaults(&t->theme);
	return 0;
}

void tui_state_free(struct tui *t)
{
	free(t->undo);
	t->undo = NULL;
	t->nundo = 0;
	procview_free(&t->pv);
	cgview_free(&t->cv);
}

/* Keep the OOM pane's selection and an open episode on the same kill. */
static void find_events_again(struct tui *t)
{
	const struct snapshot *s = t->snap;
	evview_update(&t->ev, s);
	if (t->episode >= 0) {
		int found = (int)evview_find(s, t->episode_pid, t->episode_boot_s);
		t->episode = found;
		if (found < 0 && t->mode == TM_EPISODE) {
			t->mode = TM_MAIN;
			tui_status(t, STATUS_INFO, "that OOM event left the kernel log buffer");
		}
	}
}

void tui_state_review(struct tui *t)
{
	if (!t->snap)
		return;
	adj_tags_prune(&t->tags, t->snap); /* tags of processes that exited go */
	if (procview_update(&t->pv, t->snap) < 0 || cgview_update(&t->cv, t->snap) < 0)
		tui_status(t, STATUS_ERROR, "out of memory building the views");
	find_events_again(t);
}

void tui_state_set_snapshot(struct tui *t, const struct snapshot *s)
{
	t->snap = s;
	tui_state_review(t);
	tui_state_relayout(t, t->cols, t->lines);
}

void tui_state_relayout(struct tui *t, int cols, int lines)
{
	struct layout_in in = {.cols = cols, .lines = lines, .focus = t->focus, .zoom = t->zoom};
	t->cols = cols;
	t->lines = lines;
	for (int p = 0; p < PANE_COUNT; p++)
		in.visible[p] = t->visible[p];
	in.want[PANE_CGROUPS] = (int)t->cv.list.n;
	in.want[PANE_PROCS] = (int)t->pv.list.n;
	in.want[PANE_EVENTS] = t->snap && t->snap->nevents ? (int)t->snap->nevents : 1;
	layout_compute(&in, &t->lay);
	listview_fit(&t->cv.list, (size_t)layout_rows(&t->lay, PANE_CGROUPS));
	listview_fit(&t->pv.list, (size_t)layout_rows(&t->lay, PANE_PROCS));
	listview_fit(&t->ev.list, (size_t)layout_rows(&t->lay, PANE_EVENTS));
	/* the full-screen views fit themselves when drawn; their page is known now */
	int view_rows = lines - t->lay.keybar.h - t->lay.status.h - 1;
	t->help.rows = t->episode_doc.rows = view_rows > 0 ? (size_t)view_rows : 0;
}

void tui_status(struct tui *t, enum status_level lvl, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->status, sizeof(t->status), fmt, ap);
	va_end(ap);
	t->status_level = lvl;
	t->status_t_ms = t->now_ms;
}
