/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/model/procview.h — the process pane's rows: filtered, sorted, with a selection that
 * follows the process (pid + start time), not the row number, across refreshes. The
 * rows, selection and scrolling are a list view (tui/listview.h): list.n rows, list.sel
 * selected.
 *
 * Like htop: until the operator moves the selection (procview_move/select/select_pid/
 * search, a click), it stays on the first row, so the top of the sorted list — the worst
 * leaker once slopes are known — is what is selected and shown. After that it follows
 * the chosen process; procview_follow_top() goes back to the first row.
 * Pure: works on a const snapshot, no curses. Row pointers point into the snapshot and
 * are valid until the next procview_update(). */
#ifndef OOMTOP_TUI_PROCVIEW_H
#define OOMTOP_TUI_PROCVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "core/proc/sort.h"
#include "tui/listview.h"

struct procview {
	struct listview list; /* row i is rows[i] */
	const struct proc_row **rows;
	size_t cap;

	enum sort_key sort;
	bool reverse;

	/* filter pieces (copied, owned here) */
	char text[128];    /* `\` filter: substring, case-insensitive */
	bool by_uid;
	uid_t uid;
	char user[64];     /* name shown for by_uid */
	char *cgroup;      /* Enter on a cgroup: that subtree; NULL = all */
	pid_t *pids;       /* --pid */
	size_t npids;
	bool kernel_threads;
	bool ghosts;

	/* selection: identity first, index derived */
	bool chosen; /* the operator picked a row: follow it; false = stay on the first row */
	bool has_sel;
	pid_t sel_pid;
	uint64_t sel_start;
	size_t ntotal; /* rows before filtering (for "12 of 240") */
};

void procview_init(struct procview *pv);
void procview_free(struct procview *pv);

/* Rebuild rows from s. Returns 0 or -ENOMEM (rows then empty). */
int procview_update(struct procview *pv, const struct snapshot *s);

const struct proc_row *procview_selected(const struct procview *pv);

/* Move the selection by delta rows, or to a row (clamped, kept in sight), and adopt that
 * row's identity; from now on the selection follows that process. */
void procview_move(struct procview *pv, long delta);
void procview_select(struct procview *pv, size_t index);
/* Select the row of this pid if shown; returns whether it was. */
bool procview_select_pid(struct procview *pv, pid_t pid);
/* Back to the start state: the first row is selected, whichever process sorts there. */
void procview_follow_top(struct procview *pv);

/* `/` search: select the next row (after the selection when `next`, else from it,
 * wrapping) whose comm/cmdline/user/cgroup contains text. Returns whether one matched. */
bool procview_search(struct procview *pv, const char *text, bool next);

/* Setters that keep copies. cgroup NULL clears. Return -ENOMEM on failure. */
int procview_set_cgroup(struct procview *pv, const char *cgroup);
int procview_set_pids(struct procview *pv, const pid_t *pids, size_t n);

#endif
