/* tui/model/cgview.h — the cgroup pane's rows: a tree in snapshot order with collapsed
 * subtrees hidden, or a flat list fullest first (percent of effective limit, then usage).
 * The selection and the collapsed set are kept by path, so they survive refreshes and
 * cgroups coming and going; the rows, selection and scrolling are a list view
 * (tui/listview.h). Pure: no curses. */
#ifndef OOMTOP_TUI_CGVIEW_H
#define OOMTOP_TUI_CGVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"
#include "tui/listview.h"

struct cgview {
	struct listview list; /* row i is snapshot.cgroups[rows[i]] */
	int *rows;            /* indices into snapshot.cgroups */
	size_t cap;
	bool *last_child; /* per snapshot row: no later sibling (for tree lines) */
	size_t last_cap;
	bool tree;

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

/* Percent of the effective limit in use, NAN when there is none. */
double cgview_pct(const struct cgroup_row *c);

#endif
