#include "config.h"
#include "tui/config/theme_file.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/base/scan.h"
#include "tui/config/conffile.h"

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

/* One line: theme[key]="value" (quotes optional), then optional whitespace and comment. */
static int parse_line(void *obj, char *line, const struct conf_pos *pos)
{
	struct theme *t = obj;
	char *s = conf_trim(line);
	if (*s == '\0' || *s == '#')
		return 0;
	if (strncmp(s, "theme[", 6) != 0) {
		conf_report(pos, "expected theme[key]=\"value\"");
		return 1;
	}
	char *key = s + 6;
	char *close = strchr(key, ']');
	if (!close) {
		conf_report(pos, "missing ']'");
		return 1;
	}
	*close = '\0';
	char *rest = close + 1;
	while (isspace((unsigned char)*rest))
		rest++;
	if (*rest != '=') {
		conf_report(pos, "missing '=' after theme[%s]", key);
		return 1;
	}
	rest++;
	while (isspace((unsigned char)*rest))
		rest++;
	char *val = rest;
	if (*rest == '"') {
		val = rest + 1;
		char *q = strchr(val, '"');
		if (!q) {
			conf_report(pos, "unterminated quote in theme[%s]", key);
			return 1;
		}
		*q = '\0';
		char *after = conf_trim(q + 1);
		if (*after != '\0' && *after != '#') {
			conf_report(pos, "unexpected text after the value of theme[%s]", key);
			return 1;
		}
	} else {
		val = conf_trim(rest);
	}
	int id = theme_color_from_key(key);
	if (id < 0) {
		conf_report(pos, "unknown key '%s'", key);
		return 1;
	}
	struct theme_color c;
	if (!theme_color_parse(val, &c)) {
		conf_report(pos,
		        "bad value '%s' for %s (want #rrggbb, a colour name, or \"\"); default kept",
		        val, key);
		return 1;
	}
	t->col[id] = c;
	return 0;
}

int theme_parse(struct theme *t, const char *buf, const char *fname, conf_report_fn report,
                void *ud)
{
	return conf_parse(buf, fname, report, ud, parse_line, t);
}
