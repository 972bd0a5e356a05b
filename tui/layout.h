/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/layout.h — terminal size → rectangles. Pure: no curses, no snapshot.
 *
 * The screen, top to bottom: header (system meters), the visible panes in the order
 * cgroups, processes, OOM events (each pane's first line is its column header), the
 * status line, the key bar. Below 24 lines the header shrinks and the key bar goes before
 * the status line does; when there is no room for several panes only the focused one is
 * shown. Column fitting for tables lives here too.
 */
#ifndef OOMTOP_TUI_LAYOUT_H
#define OOMTOP_TUI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

enum pane_id { PANE_CGROUPS, PANE_PROCS, PANE_EVENTS, PANE_COUNT };

struct rect {
	int y, x, h, w; /* h == 0: not shown */
};

struct layout_in {
	int cols, lines;
	bool visible[PANE_COUNT]; /* the operator's choice; at least the focused one is shown */
	enum pane_id focus;
	bool zoom;                /* focused pane takes the whole body */
	int want[PANE_COUNT];     /* content rows each pane could fill (without its header line) */
};

struct layout {
	struct rect header, pane[PANE_COUNT], status, keybar;
	struct rect body; /* the panes' area, under the header: dialogs open over it */
	struct rect view; /* above the status line: a full-screen view (help, an episode) */
	bool too_small;   /* under 20×5: only the status line, saying so */
};

void layout_compute(const struct layout_in *in, struct layout *out);

/* Rows a pane has for content (its rect minus the header line); 0 when hidden. */
int layout_rows(const struct layout *l, enum pane_id p);

/* A dialog of w x h inside r (clipped to it): centred across, a third down. False when
 * what is left is smaller than min_w x 3: too small to draw. */
bool layout_dialog(struct rect r, int w, int h, int min_w, struct rect *out);

/* Table columns fitted to a width. Every enabled column gets its minimum width plus one
 * separating space; while that does not fit, the enabled column with the lowest priority
 * is dropped. Spare width then goes to columns below their preferred width in priority
 * order; the column marked `fill` takes what is left. */
struct col_spec {
	int min_w, pref_w;
	int prio;  /* higher = kept longer */
	bool fill; /* takes the remaining width (at most one) */
};

/* width_out[i] = 0 for a dropped or disabled column. Returns the columns shown. */
int layout_fit_columns(const struct col_spec *spec, const bool *enabled, size_t n, int width,
                       int *width_out);
/* The column of a fitted table (widths as layout_fit_columns gave them, each followed by
 * a blank) under x, where the first column starts at x == first_x; -1 for none. */
int layout_column_at(const int *widths, size_t n, int first_x, int x);

#endif
