/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/model/plot.h"

#include <math.h>
#include <string.h>

static double value_of(const struct proc_trail_point *pt, enum plot_series which)
{
	int64_t v = which == PLOT_RSS ? pt->rss_bytes : which == PLOT_FDS ? pt->fds : pt->threads;
	return val_known(v) ? (double)v : NAN;
}

void plot_build(struct plot *p, const struct proc_trail_point *pts, size_t n, enum plot_series which, int64_t t0_ms,
		int64_t t1_ms, int cols, int rows, double unit)
{
	memset(p, 0, sizeof(*p));
	p->cols = cols < 0 ? 0 : cols > PLOT_MAX_COLS ? PLOT_MAX_COLS : cols;
	p->rows = rows < 1 ? 1 : rows;
	p->last = p->min = p->max = NAN;
	double colv[PLOT_MAX_COLS];
	for (int c = 0; c < p->cols; c++)
		colv[c] = NAN;
	if (t1_ms <= t0_ms || p->cols == 0) {
		for (int c = 0; c < p->cols; c++)
			p->height[c] = -1;
		return;
	}
	/* each point to its column: the last one in a column wins */
	double span_ms = (double)(t1_ms - t0_ms);
	int first_col = p->cols;
	for (size_t i = 0; i < n; i++) {
		double v = value_of(&pts[i], which);
		if (pts[i].t_ms < t0_ms || pts[i].t_ms > t1_ms || isnan(v))
			continue;
		int c = (int)((double)(pts[i].t_ms - t0_ms) / span_ms * p->cols);
		if (c >= p->cols)
			c = p->cols - 1;
		colv[c] = v;
		if (c < first_col)
			first_col = c;
		p->npoints++;
		p->last = v;
		if (isnan(p->min) || v < p->min)
			p->min = v;
		if (isnan(p->max) || v > p->max)
			p->max = v;
	}
	/* the value stands until the next sample */
	for (int c = first_col + 1; c < p->cols; c++)
		if (isnan(colv[c]))
			colv[c] = colv[c - 1];
	if (!p->npoints) {
		for (int c = 0; c < p->cols; c++)
			p->height[c] = -1;
		return;
	}
	double need = fabs(p->max) * PLOT_MIN_SPAN;
	if (need < unit)
		need = unit;
	p->lo = p->min;
	p->hi = p->max;
	if (p->hi - p->lo < need) { /* about flat: around the middle of the height */
		p->lo = (p->min + p->max) / 2 - need / 2;
		if (p->lo < 0 && p->min >= 0) /* a count or a size never goes below 0 */
			p->lo = 0;
		p->hi = p->lo + need;
	}
	int full = p->rows * 8;
	for (int c = 0; c < p->cols; c++) {
		if (isnan(colv[c])) {
			p->height[c] = -1;
			continue;
		}
		/* at least an eighth: the lowest value still shows */
		double f = (colv[c] - p->lo) / (p->hi - p->lo);
		int h = 1 + (int)lround(f * (full - 1));
		p->height[c] = h < 1 ? 1 : h > full ? full : h;
	}
}

int plot_cell(const struct plot *p, int c, int r)
{
	if (c < 0 || c >= p->cols || r < 0 || r >= p->rows || p->height[c] < 0)
		return 0;
	int below = (p->rows - 1 - r) * 8; /* eighths under this cell */
	int e = p->height[c] - below;
	return e <= 0 ? 0 : e >= 8 ? 8 : e;
}
