/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/layout.h"

#include <string.h>

static struct rect mkrect(int y, int x, int h, int w)
{
	struct rect r = {y, x, h > 0 ? h : 0, w > 0 ? w : 0};
	if (r.h == 0 || r.w == 0)
		r.h = r.w = 0;
	return r;
}

static int imin(int a, int b)
{
	return a < b ? a : b;
}

static int imax(int a, int b)
{
	return a > b ? a : b;
}

void layout_compute(const struct layout_in *in, struct layout *out)
{
	memset(out, 0, sizeof(*out));
	int W = in->cols, H = in->lines;
	if (W < 20 || H < 5) {
		out->too_small = true;
		if (W > 0 && H > 0)
			out->status = mkrect(H - 1, 0, 1, W);
		out->view = mkrect(0, 0, H - 1, W); /* not drawn; its page size */
		return;
	}
	int y = 0, bottom = H;
	/* key bar and status line */
	if (H >= 8) {
		out->keybar = mkrect(H - 1, 0, 1, W);
		bottom--;
	}
	out->status = mkrect(bottom - 1, 0, 1, W);
	bottom--;
	/* header: 4 lines (3 when the meters sit side by side), 2 on short terminals */
	int hh = H >= 20 ? (W >= 100 ? 3 : 4) : (H >= 10 ? 2 : 1);
	out->header = mkrect(0, 0, hh, W);
	y += hh;
	int body = bottom - y;
	out->body = mkrect(y, 0, body, W);
	out->view = mkrect(0, 0, bottom, W);

	bool show[PANE_COUNT];
	int nshow = 0;
	for (int p = 0; p < PANE_COUNT; p++) {
		show[p] = in->visible[p] || p == (int)in->focus;
		nshow += show[p];
	}
	if (in->zoom || body < 10 || nshow == 1) {
		out->pane[in->focus] = mkrect(y, 0, body, W);
		return;
	}
	/* cgroups and events get what they want, capped; processes get the rest */
	int size[PANE_COUNT] = {0};
	int caps[PANE_COUNT] = {imax(4, body * 2 / 5), 0, imax(3, body / 5)};
	int used = 0;
	for (int p = 0; p < PANE_COUNT; p++) {
		if (!show[p] || p == PANE_PROCS)
			continue;
		size[p] = imax(2, imin(in->want[p] + 1, caps[p]));
		used += size[p];
	}
	if (show[PANE_PROCS]) {
		size[PANE_PROCS] = body - used;
	} else {
		/* the last shown pane absorbs the remainder */
		int last = show[PANE_EVENTS] ? PANE_EVENTS : PANE_CGROUPS;
		size[last] += body - used;
	}
	static const enum pane_id order[PANE_COUNT] = {PANE_CGROUPS, PANE_PROCS, PANE_EVENTS};
	for (int i = 0; i < PANE_COUNT; i++) {
		enum pane_id p = order[i];
		if (!show[p])
			continue;
		out->pane[p] = mkrect(y, 0, size[p], W);
		y += size[p];
	}
}

bool layout_dialog(struct rect r, int w, int h, int min_w, struct rect *out)
{
	if (w > r.w)
		w = r.w;
	if (h > r.h)
		h = r.h;
	if (w < min_w || h < 3)
		return false;
	*out = (struct rect){.y = r.y + (r.h - h) / 3, .x = r.x + (r.w - w) / 2, .h = h, .w = w};
	return true;
}

int layout_rows(const struct layout *l, enum pane_id p)
{
	return l->pane[p].h > 1 ? l->pane[p].h - 1 : 0;
}

int layout_fit_columns(const struct col_spec *spec, const bool *enabled, size_t n, int width,
                       int *width_out)
{
	bool on[64];
	if (n > 64)
		n = 64;
	int need = 0, shown = 0;
	for (size_t i = 0; i < n; i++) {
		on[i] = enabled ? enabled[i] : true;
		width_out[i] = 0;
		if (on[i]) {
			need += spec[i].min_w + 1;
			shown++;
		}
	}
	if (shown > 0)
		need--; /* no separator after the last */
	while (need > width && shown > 0) {
		int drop = -1;
		for (size_t i = 0; i < n; i++)
			if (on[i] && (drop < 0 || spec[i].prio < spec[drop].prio))
				drop = (int)i;
		on[drop] = false;
		need -= spec[drop].min_w + (shown > 1 ? 1 : 0);
		shown--;
	}
	if (shown == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (on[i])
			width_out[i] = spec[i].min_w;
	int spare = width - need;
	/* hand out spare width by priority, up to preferred widths */
	for (;;) {
		int best = -1;
		for (size_t i = 0; i < n; i++)
			if (on[i] && !spec[i].fill && width_out[i] < spec[i].pref_w &&
			    (best < 0 || spec[i].prio > spec[best].prio))
				best = (int)i;
		if (best < 0 || spare <= 0)
			break;
		int give = imin(spare, spec[best].pref_w - width_out[best]);
		width_out[best] += give;
		spare -= give;
	}
	for (size_t i = 0; i < n && spare > 0; i++) {
		if (on[i] && spec[i].fill) {
			width_out[i] += spare;
			spare = 0;
		}
	}
	return shown;
}

int layout_column_at(const int *widths, size_t n, int first_x, int x)
{
	int cx = first_x;
	for (size_t c = 0; c < n; c++) {
		if (!widths[c])
			continue;
		if (x >= cx && x < cx + widths[c] + 1)
			return (int)c;
		cx += widths[c] + 1;
	}
	return -1;
}
