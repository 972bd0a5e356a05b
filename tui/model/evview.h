/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/model/evview.h — a list of OOM kills, newest first: the OOM pane's (every kill in the
 * snapshot) or one unit's (the by-unit view's, evview_only). Its selection stays on the
 * same kill across refreshes, and a kill is found again by its identity (the episode view
 * does, too): the reader's id where it gave one, else the victim's pid and boot time.
 * Pure: no curses.
 *
 * Call order: zeroed (or evview_init), [evview_only], evview_update after each snapshot,
 * evview_free. */
#ifndef OOMTOP_TUI_MODEL_EVVIEW_H
#define OOMTOP_TUI_MODEL_EVVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/model.h"
#include "core/klog/oom_event.h"
#include "tui/listview.h"

/* Which kill: the reader's id (0: none given), else the victim and its boot time. */
struct evkey {
	uint64_t id;
	pid_t pid;
	double boot_s;
};

struct evview {
	struct listview list; /* row i is evview_at(v, s, i) */
	pid_t sel_pid;        /* the kill chosen by the operator (0 and id 0: none yet) */
	double sel_boot_s;
	uint64_t sel_id;
	char *only;           /* NULL: every kill; else one group's (unit_rhythm_name_of) */
	bool only_unit;
	size_t *rows;         /* with only: the indices into s->events, newest first */
	size_t cap;
};

/* An empty list of every kill. */
void evview_init(struct evview *v);
void evview_free(struct evview *v);

/* From now on only the kills of the group named name (a unit when is_unit, else a victim's
 * name: unit_rhythm_name_of), or every kill (name NULL); the selection goes to the top.
 * Call evview_update next. Returns 0 or -ENOMEM (then every kill). */
int evview_only(struct evview *v, const char *name, bool is_unit);

/* Row i (newest first) → the snapshot's event, or NULL. */
const struct oom_event *evview_at(const struct evview *v, const struct snapshot *s, size_t i);
/* Its index in s->events, or -1. */
long evview_index(const struct evview *v, const struct snapshot *s, size_t i);

/* After a refresh: the rows of s, the selection back on the chosen kill when it is still
 * listed, else on the same row (clamped). Out of memory, a filtered list is empty. */
void evview_update(struct evview *v, const struct snapshot *s);

/* Select row i (clamped) or move by delta rows, and choose that kill. */
void evview_select(struct evview *v, const struct snapshot *s, size_t i);
void evview_move(struct evview *v, const struct snapshot *s, long delta);

/* The identity of a kill, and the index in s->events of the newest kill with it, or -1. */
struct evkey evview_key(const struct oom_event *e);
long evview_find(const struct snapshot *s, const struct evkey *k);

#endif
