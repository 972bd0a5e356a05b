/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/model/cgview.h — the cgroup pane's rows: a tree in snapshot order with collapsed
 * subtrees hidden, or a flat list in a sort order (fullest first by default). The
 * selection and the collapsed set are kept by path, so they survive refreshes and cgroups
 * coming and going; the rows, selection and scrolling are a list view (tui/listview.h).
 * And what a row says: percent of limit on the working set, the ETA's label, whether it
 * stalls, one line about it. Pure: no curses. */
#ifndef OOMTOP_TUI_CGVIEW_H
#define OOMTOP_TUI_CGVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"
#include "tui/listview.h"

/* The flat list's orders, in the pane's column order (< and > walk them so): id, column
 * header, what the sort menu says. Numbers biggest first, the ETA soonest first; unknown
 * values last either way; ties by path. */
#define CGVIEW_SORTS(X)                                                                      \
	X(CGSORT_USAGE, "USAGE", "usage, cache included")                                    \
	X(CGSORT_WSET, "WSET", "working set")                                                \
	X(CGSORT_PCT, "%LIM", "percent of limit")                                            \
	X(CGSORT_ETA, "ETA", "ETA, soonest first")

enum cgview_sort {
#define X(id, column, doc) id,
	CGVIEW_SORTS(X)
#undef X
	CGSORT_COUNT
};

const char *cgview_sort_column(enum cgview_sort k); /* "%LIM" */
const char *cgview_sort_doc(enum cgview_sort k);    /* "ETA, soonest first" */

/* PSI some avg10 (percent of the last 10 s in which some task of the cgroup waited for
 * memory) at or above which a cgroup is flagged as stalling in reclaim, below its limit
 * or not. The header uses the same for the system. */
#define CGVIEW_PSI_STALL_PCT 10.0

struct cgview {
	struct listview list; /* row i is snapshot.cgroups[rows[i]] */
	int *rows;            /* indices into snapshot.cgroups */
	size_t cap;
	bool *last_child; /* per snapshot row: no later sibling (for tree lines) */
	size_t last_cap;
	bool tree;
	enum cgview_sort sort; /* of the flat list; CGSORT_PCT at first */
	bool reverse;          /* smallest (latest) first; unknown values stay last */

	char **collapsed; /* paths */
	size_t ncollapsed;

	char *sel_path; /* NULL: none yet */
};

void cgview_init(struct cgview *v);
void cgview_free(struct cgview *v);
int cgview_update(struct cgview *v, const struct snapshot *s);

const struct cgroup_row *cgview_selected(const struct cgview *v, const struct snapshot *s);
/* Move the selection by delta rows, or to a row (clamped, kept in sight). */
void cgview_move(struct cgview *v, const struct snapshot *s, long delta);
void cgview_select(struct cgview *v, const struct snapshot *s, size_t index);
/* Select the row of this path if visible. */
bool cgview_select_path(struct cgview *v, const struct snapshot *s, const char *path);

bool cgview_is_collapsed(const struct cgview *v, const char *path);
/* Collapse or expand the selected row's subtree (collapse on a leaf goes to its parent).
 * Returns whether something changed; call cgview_update afterwards. */
bool cgview_set_collapsed(struct cgview *v, const struct snapshot *s, bool collapse);
bool cgview_has_children(const struct snapshot *s, size_t idx);

/* The memory that presses on the limit: the working set (usage - inactive file), or
 * usage where the breakdown is unknown. VAL_UNKNOWN when neither is known. */
int64_t cgview_pressing_bytes(const struct cgroup_row *c);
/* Percent of the effective limit that presses on it (cgview_pressing_bytes), NAN when
 * there is no limit. */
double cgview_pct(const struct cgroup_row *c);
/* Whether row idx's ETA is an ancestor's: the limit hit first is not its own. */
bool cgview_limited_by_ancestor(const struct snapshot *s, size_t idx);
/* The cgroup whose memory.high throttles row idx: itself or the nearest ancestor over its
 * `high` (the kernel throttles the whole subtree), or -1. */
int cgview_throttled_by(const struct snapshot *s, size_t idx);
/* The ETA column of row idx into buf: "high" when memory.high throttles it ("high^": an
 * ancestor's; the kernel slows it down before the limit, so the ETA is no guide), else
 * the ETA to the limit hit first with "^" when that is an ancestor's, "-" unknown.
 * Returns buf. */
const char *cgview_eta_label(const struct snapshot *s, size_t idx, char *buf, size_t n);
/* Stalling in reclaim: PSI some avg10 >= CGVIEW_PSI_STALL_PCT. */
bool cgview_stalls(const struct cgroup_row *c);
/* One line about row idx, for the status line: its name, "over high: throttled", whose
 * limit is hit first and when, working set of usage, PSI. Returns buf. */
const char *cgview_describe(const struct snapshot *s, size_t idx, char *buf, size_t n);

#endif
