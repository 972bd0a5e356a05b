/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/config/theme.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/base/scan.h"

static const char *const color_keys[C_COUNT] = {
#define X(id, key, def, doc) [id] = key,
	THEME_COLORS(X)
#undef X
};
static const char *const color_defaults[C_COUNT] = {
#define X(id, key, def, doc) [id] = def,
	THEME_COLORS(X)
#undef X
};
static const char *const color_docs[C_COUNT] = {
#define X(id, key, def, doc) [id] = doc,
	THEME_COLORS(X)
#undef X
};

static const char *const color_names[16] = {
	"black",        "red",        "green",        "yellow",        "blue",        "magenta",
	"cyan",         "white",      "bright_black", "bright_red",    "bright_green", "bright_yellow",
	"bright_blue",  "bright_magenta", "bright_cyan", "bright_white",
};

const char *theme_color_key(enum theme_color_id id)
{
	return (unsigned)id < C_COUNT ? color_keys[id] : NULL;
}

const char *theme_color_doc(enum theme_color_id id)
{
	return (unsigned)id < C_COUNT ? color_docs[id] : NULL;
}

int theme_color_from_key(const char *key)
{
	for (int i = 0; i < C_COUNT; i++)
		if (strcmp(color_keys[i], key) == 0)
			return i;
	return -1;
}

bool theme_color_parse(const char *s, struct theme_color *out)
{
	struct theme_color c = {TCOL_DEFAULT, 0, 0};
	if (s[0] == '\0' || strcasecmp(s, "default") == 0) {
		*out = c;
		return true;
	}
	if (s[0] == '#') {
		if (strlen(s) != 7)
			return false;
		uint32_t v = 0;
		for (int i = 1; i < 7; i++) {
			int h = scan_hex_digit((unsigned char)s[i]);
			if (h < 0)
				return false;
			v = (v << 4) | (uint32_t)h;
		}
		c.kind = TCOL_RGB;
		c.rgb = v;
		*out = c;
		return true;
	}
	for (int i = 0; i < 16; i++) {
		if (strcasecmp(s, color_names[i]) == 0) {
			c.kind = TCOL_INDEX;
			c.index = i;
			*out = c;
			return true;
		}
	}
	return false;
}

void theme_defaults(struct theme *t)
{
	memset(t, 0, sizeof(*t));
	snprintf(t->name, sizeof(t->name), "default");
	for (int i = 0; i < C_COUNT; i++) {
		bool ok = theme_color_parse(color_defaults[i], &t->col[i]);
		(void)ok; /* the table is checked by a unit test */
	}
}

static int channel_to_cube(int v)
{
	static const int levels[6] = {0, 95, 135, 175, 215, 255};
	int best = 0;
	for (int i = 1; i < 6; i++)
		if (abs(levels[i] - v) < abs(levels[best] - v))
			best = i;
	return best;
}

static int sq(int v)
{
	return v * v;
}

int theme_rgb_to_256(uint32_t rgb)
{
	static const int levels[6] = {0, 95, 135, 175, 215, 255};
	int r = (int)(rgb >> 16) & 0xff, g = (int)(rgb >> 8) & 0xff, b = (int)rgb & 0xff;
	int ri = channel_to_cube(r), gi = channel_to_cube(g), bi = channel_to_cube(b);
	int cube = 16 + 36 * ri + 6 * gi + bi;
	int cube_d = sq(levels[ri] - r) + sq(levels[gi] - g) + sq(levels[bi] - b);
	/* grey ramp 232..255: 8, 18, ..., 238 */
	int avg = (r + g + b) / 3;
	int gidx = avg < 8 ? 0 : (avg - 8 + 5) / 10;
	if (gidx > 23)
		gidx = 23;
	int gv = 8 + 10 * gidx;
	int grey_d = sq(gv - r) + sq(gv - g) + sq(gv - b);
	return grey_d < cube_d ? 232 + gidx : cube;
}

/* Greys become black or white by brightness; other colours become the ANSI colour whose
 * hue is nearest (chroma normalised, so a dark orange still maps to red/yellow, not black). */
int theme_rgb_to_8(uint32_t rgb)
{
	int r = (int)(rgb >> 16) & 0xff, g = (int)(rgb >> 8) & 0xff, b = (int)rgb & 0xff;
	int mx = r > g ? (r > b ? r : b) : (g > b ? g : b);
	int mn = r < g ? (r < b ? r : b) : (g < b ? g : b);
	if (mx - mn < 32)
		return (r * 3 + g * 6 + b) / 10 < 0x50 ? 0 : 7;
	double nr = (double)(r - mn) / (mx - mn), ng = (double)(g - mn) / (mx - mn),
	       nb = (double)(b - mn) / (mx - mn);
	int best = 1;
	double best_d = 1e9;
	for (int c = 1; c <= 6; c++) { /* red green yellow blue magenta cyan */
		double cr = c & 1, cg = (c >> 1) & 1, cb = (c >> 2) & 1;
		double d = (nr - cr) * (nr - cr) + (ng - cg) * (ng - cg) + (nb - cb) * (nb - cb);
		if (d < best_d) {
			best_d = d;
			best = c;
		}
	}
	return best;
}

/* --- curses --- */

static const struct {
	enum theme_color_id fg, bg;
	int attrs, mono;
} styles[S_COUNT] = {
#define X(id, fg, bg, a, m) [id] = {fg, bg, a, m},
	THEME_STYLES(X)
#undef X
};

static unsigned to_curses(int ta)
{
	unsigned a = 0;
	if (ta & TA_BOLD)
		a |= A_BOLD;
	if (ta & TA_DIM)
		a |= A_DIM;
	if (ta & TA_REVERSE)
		a |= A_REVERSE;
	if (ta & TA_UNDERLINE)
		a |= A_UNDERLINE;
	return a;
}

static short curses_color(const struct theme_color *c)
{
	switch (c->kind) {
	case TCOL_RGB:
		if (COLORS >= 256)
			return (short)theme_rgb_to_256(c->rgb);
		return (short)theme_rgb_to_8(c->rgb);
	case TCOL_INDEX:
		return (short)(COLORS >= 16 ? c->index : c->index % 8);
	default:
		return -1;
	}
}

void theme_apply(const struct theme *t, bool no_color, unsigned attr[S_COUNT])
{
	bool color = !no_color && has_colors() && COLORS >= 8 && COLOR_PAIRS > S_COUNT;
	for (int s = 0; s < S_COUNT; s++) {
		attr[s] = to_curses(styles[s].mono);
		if (!color)
			continue;
		short fg = curses_color(&t->col[styles[s].fg]);
		short bg = curses_color(&t->col[styles[s].bg]);
		short main_bg = curses_color(&t->col[C_MAIN_BG]);
		/* a style that would look like plain text (both colours default, or the
		 * same) falls back to its attributes: mono.theme relies on that */
		bool plain = (fg == -1 && (bg == -1 || bg == main_bg)) || fg == bg;
		if (plain && s != S_NORMAL && styles[s].mono != 0)
			continue;
		init_pair((short)(s + 1), fg, bg);
		attr[s] = COLOR_PAIR(s + 1) | to_curses(styles[s].attrs);
	}
}
