/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/model/unitview.h — the by-unit view's rows: the snapshot's kills grouped by unit
 * (else by the victim's name), each with its rhythm (core/estimate/unit_rhythm.h: the same
 * groups and figures as `oomtop --events --by-unit`), most kills first. The selection
 * stays on the same group across refreshes. Pure: no curses.
 *
 * Call order: unitview_init; unitview_update after each snapshot while the view is shown;
 * unitview_free. */
#ifndef OOMTOP_TUI_MODEL_UNITVIEW_H
#define OOMTOP_TUI_MODEL_UNITVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"
#include "core/estimate/unit_rhythm.h"
#include "tui/listview.h"

struct unitview {
	struct listview list;      /* row i is groups.v[i] */
	struct unit_rhythms groups;
	size_t kills;              /* kills grouped (the snapshot's) */
	char *sel_name;            /* the group chosen by the operator, or NULL */
	bool sel_unit;
};

void unitview_init(struct unitview *v);
void unitview_free(struct unitview *v);

/* The groups of s's kills; the selection back on the chosen group when it is still there.
 * Returns 0 or -ENOMEM (the view is then empty). */
int unitview_update(struct unitview *v, const struct snapshot *s);

/* Row i, or NULL. */
const struct unit_rhythm *unitview_at(const struct unitview *v, size_t i);

/* Select row i (clamped), move by delta rows, or select the group of kill e; and choose
 * that group. */
void unitview_select(struct unitview *v, size_t i);
void unitview_move(struct unitview *v, long delta);
void unitview_select_kill(struct unitview *v, const struct oom_event *e);

#endif
