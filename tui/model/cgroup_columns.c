/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/model/cgroup_columns.h"

static const struct cgroup_column_info columns[CGCOL_COUNT] = {
#define X(id, hdr, sort, minw, prefw, prio, right)                                               \
	[id] = {hdr, sort, {minw, prefw, prio, id == CGCOL_VICTIM}, right},
	CGROUP_COLUMNS(X)
#undef X
};

const struct cgroup_column_info *cgroup_columns_info(enum cgroup_column c)
{
	return (unsigned)c < CGCOL_COUNT ? &columns[c] : NULL;
}

void cgroup_columns_fit(int w, int *widths)
{
	struct col_spec spec[CGCOL_COUNT];
	for (int c = 0; c < CGCOL_COUNT; c++)
		spec[c] = columns[c].spec;
	layout_fit_columns(spec, NULL, CGCOL_COUNT, w - 1, widths);
}

int cgroup_columns_at(int w, int x)
{
	int widths[CGCOL_COUNT];
	cgroup_columns_fit(w, widths);
	return layout_column_at(widths, CGCOL_COUNT, 1, x);
}
