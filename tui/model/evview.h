/* tui/model/evview.h — the OOM pane's rows: the snapshot's kills, newest first, with a
 * selection that stays on the same kill (its victim's pid and boot time) across
 * refreshes, and finding a kill again by that identity (the episode view does, too).
 * Pure: no curses. */
#ifndef OOMTOP_TUI_MODEL_EVVIEW_H
#define OOMTOP_TUI_MODEL_EVVIEW_H

#include <stddef.h>
#include <sys/types.h>

#include "core/model.h"
#include "core/klog/oom_event.h"
#include "tui/listview.h"

struct evview {
	struct listview list; /* row i is evview_at(s, i) */
	pid_t sel_pid;        /* the kill chosen by the operator (0: none yet) */
	double sel_boot_s;
};

/* The OOM pane's row i (newest first) → the snapshot's event, or NULL. */
const struct oom_event *evview_at(const struct snapshot *s, size_t i);

/* After a refresh: the rows of s, the selection back on the chosen kill when it is still
 * listed, else on the same row (clamped). */
void evview_update(struct evview *v, const struct snapshot *s);

/* Select row i (clamped) or move by delta rows, and choose that kill. */
void evview_select(struct evview *v, const struct snapshot *s, size_t i);
void evview_move(struct evview *v, const struct snapshot *s, long delta);

/* The index in s->events of the newest kill of pid at boot_s (NAN matches NAN), or -1. */
long evview_find(const struct snapshot *s, pid_t pid, double boot_s);

#endif
