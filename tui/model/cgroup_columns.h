/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/model/cgroup_columns.h — the cgroup table's columns, listed once: header, the sort a
 * click on the header selects (-1: none), widths and priority for narrow terminals. At 80
 * columns the lowest priorities go (HIGH, PROCS, NEXT VICTIM): name, usage, working set,
 * limit, bar, percent, slope, ETA, OOM kills and PSI stay. Pure. */
#ifndef OOMTOP_TUI_MODEL_CGROUP_COLUMNS_H
#define OOMTOP_TUI_MODEL_CGROUP_COLUMNS_H

#include <stdbool.h>

#include "tui/layout.h"
#include "tui/model/cgview.h"

/*  id            header         sort           min pref prio right */
#define CGROUP_COLUMNS(X)                                                                  \
	X(CGCOL_NAME, "CGROUP", -1, 16, 24, 100, false)                                    \
	X(CGCOL_USAGE, "USAGE", CGSORT_USAGE, 6, 6, 94, true)                              \
	X(CGCOL_WSET, "WSET", CGSORT_WSET, 5, 5, 97, true)                                 \
	X(CGCOL_LIMIT, "LIMIT", -1, 5, 6, 90, true)                                        \
	X(CGCOL_HIGH, "HIGH", -1, 5, 5, 30, true)                                          \
	X(CGCOL_BAR, "", -1, 8, 14, 70, false)                                             \
	X(CGCOL_PCT, "%LIM", CGSORT_PCT, 5, 5, 96, true)                                   \
	X(CGCOL_SLOPE, "WSET/h", -1, 7, 8, 88, true)                                       \
	X(CGCOL_ETA, "ETA", CGSORT_ETA, 7, 7, 95, true)                                    \
	X(CGCOL_OOM, "OOM", -1, 3, 4, 80, true)                                            \
	X(CGCOL_PSI, "PSI", -1, 4, 5, 65, true)                                            \
	X(CGCOL_PROCS, "PROCS", -1, 5, 5, 45, true)                                        \
	X(CGCOL_VICTIM, "NEXT VICTIM", -1, 8, 20, 60, false)

enum cgroup_column {
#define X(id, hdr, sort, minw, prefw, prio, right) id,
	CGROUP_COLUMNS(X)
#undef X
	CGCOL_COUNT
};

struct cgroup_column_info {
	const char *header;
	int sort; /* enum cgview_sort, or -1 */
	struct col_spec spec;
	bool right;
};

const struct cgroup_column_info *cgroup_columns_info(enum cgroup_column c);

/* The cgroup table in a pane w columns wide: a one-cell mark column, then each column
 * that fits (layout_fit_columns) and a blank; NEXT VICTIM takes what is left.
 * widths[CGCOL_COUNT]: 0 for a column not shown. */
void cgroup_columns_fit(int w, int *widths);
/* The column under column x of that pane (0: its first), or -1. */
int cgroup_columns_at(int w, int x);

#endif
