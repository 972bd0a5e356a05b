/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/listview.h — one list on the screen: which row is selected, which row is shown
 * first, how many rows are shown; moving and paging, keeping the selection in sight, and
 * which row a click hits. Every list is one: the process, cgroup and OOM panes (inside
 * procview, cgview and evview, which say what the rows are and keep the selection on the
 * same process, cgroup or kill), the menus, and the help and episode views, which are
 * documents: they scroll, nothing is selected. Pure: no curses, no snapshot.
 *
 * A list is fitted to the rows it is shown in (listview_fit, by the layout and when it
 * is drawn); moves keep the selection within the rows it was last fitted to. */
#ifndef OOMTOP_TUI_LISTVIEW_H
#define OOMTOP_TUI_LISTVIEW_H

#include <stdbool.h>
#include <stddef.h>

struct listview {
	size_t n;    /* rows in the list (its owner sets it when it rebuilds the rows) */
	size_t sel;  /* the selected row: < n, 0 when the list is empty */
	size_t top;  /* the first row shown */
	size_t rows; /* how many are shown, as last fitted (0: not shown yet) */
};

/* Show `rows` rows: keep the selection in sight, moving top only as far as needed, and
 * leave no blank rows at the bottom while rows above are hidden. rows == 0 (not shown)
 * changes nothing. */
void listview_fit(struct listview *lv, size_t rows);

/* Select row i, clamped to the list, and keep it in sight. Returns false when the list
 * is empty (nothing selected: sel is 0). */
bool listview_select(struct listview *lv, size_t i);
/* Move the selection by delta rows (clamped: ±LONG_MAX goes to an end). As _select. */
bool listview_move(struct listview *lv, long delta);

/* One page: the rows shown, at least 1. */
size_t listview_page(const struct listview *lv);

/* The row shown on line `line` of the list (0: the first shown), or -1 when that line
 * shows none. */
long listview_hit(const struct listview *lv, int line);

/* Documents (help, an episode): n lines, `rows` of them shown from top. Scrolling moves
 * top by delta (never above the first line); fitting stops it at the last page. */
void listview_scroll(struct listview *lv, long delta);
void listview_fit_document(struct listview *lv, size_t n, size_t rows);

#endif
