/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/model/plot.h — one series of a process's trail (core/model.h struct
 * proc_trail_point: RSS, fds or threads over the window) as a column chart of cols x rows
 * cells: each column the value at the end of its slice of the time axis, as a height in
 * eighths of a cell (the detail view draws eighths with the block glyphs ▁..█, or ASCII).
 * Pure: no curses.
 *
 * The time axis runs from t0_ms to t1_ms (oldest at the left). A column without a point of
 * its own holds the value of the last point before it (the value stands until the next
 * sample); columns before the first point are empty (not watched, nothing recorded yet).
 * The value axis runs from the smallest to the largest value shown, at least PLOT_MIN_SPAN
 * of the largest (and `unit`) high, so that noise on a flat series stays flat (around the
 * middle of the height) and a leak fills the height. */
#ifndef OOMTOP_TUI_MODEL_PLOT_H
#define OOMTOP_TUI_MODEL_PLOT_H

#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

#define PLOT_MAX_COLS 512
#define PLOT_MIN_SPAN 0.05 /* of the largest value: the least range the value axis shows */

enum plot_series { PLOT_RSS, PLOT_FDS, PLOT_THREADS };

struct plot {
	int cols, rows;
	double lo, hi;          /* the value axis: bottom and top */
	double last, min, max;  /* of the points in [t0, t1]; NAN when there are none */
	size_t npoints;         /* points in [t0, t1] */
	int height[PLOT_MAX_COLS]; /* per column, eighths filled from the bottom (1..rows*8); -1: empty */
};

/* Build p for series `which` of pts[0..n) (oldest first) over [t0_ms, t1_ms], in cols
 * (at most PLOT_MAX_COLS) by rows (>= 1) cells; unit: the least span of the value axis
 * (1 for counts, a MiB for bytes). */
void plot_build(struct plot *p, const struct proc_trail_point *pts, size_t n, enum plot_series which, int64_t t0_ms,
		int64_t t1_ms, int cols, int rows, double unit);

/* The eighths (0..8) of cell row r (0: the top row) that column c fills. */
int plot_cell(const struct plot *p, int c, int r);

#endif
