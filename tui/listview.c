/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/listview.h"

void listview_fit(struct listview *lv, size_t rows)
{
	if (rows == 0)
		return;
	lv->rows = rows;
	if (lv->sel < lv->top)
		lv->top = lv->sel;
	if (lv->sel >= lv->top + rows)
		lv->top = lv->sel - rows + 1;
	if (lv->n >= rows && lv->top > lv->n - rows)
		lv->top = lv->n - rows;
	if (lv->n < rows)
		lv->top = 0;
}

bool listview_select(struct listview *lv, size_t i)
{
	if (lv->n == 0) {
		lv->sel = 0;
		return false;
	}
	lv->sel = i < lv->n ? i : lv->n - 1;
	listview_fit(lv, lv->rows);
	return true;
}

bool listview_move(struct listview *lv, long delta)
{
	long i = (long)lv->sel + delta;
	if (delta > 0 && i < (long)lv->sel)
		i = (long)lv->n; /* overflow: past the end */
	return listview_select(lv, i < 0 ? 0 : (size_t)i);
}

size_t listview_page(const struct listview *lv)
{
	return lv->rows ? lv->rows : 1;
}

long listview_hit(const struct listview *lv, int line)
{
	if (line < 0 || lv->top + (size_t)line >= lv->n)
		return -1;
	return (long)(lv->top + (size_t)line);
}

void listview_scroll(struct listview *lv, long delta)
{
	long v = (long)lv->top + delta;
	if (delta > 0 && v < (long)lv->top)
		v = 0x7fffffffL; /* overflow: far past the end, the next fit stops it */
	lv->top = v < 0 ? 0 : (size_t)v;
	lv->sel = lv->top;
}

void listview_fit_document(struct listview *lv, size_t n, size_t rows)
{
	lv->n = n;
	if (rows == 0)
		return;
	lv->rows = rows;
	if (n > rows && lv->top > n - rows)
		lv->top = n - rows;
	if (n <= rows)
		lv->top = 0;
	lv->sel = lv->top;
}
