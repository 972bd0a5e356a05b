/* tui/config/theme.c — finding and loading theme files, and applying a theme to curses. */
#include "config.h"
#include "tui/config/theme.h"

#include <curses.h>
#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/util.h"
#include "tui/config/theme_file.h"

#ifndef OOMTOP_THEMEDIR
#define OOMTOP_THEMEDIR "/usr/local/share/oomtop/themes"
#endif

size_t theme_dirs(char dirs[][4096], size_t max)
{
	size_t n = 0;
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	const char *env = getenv("OOMTOP_THEMEDIR");
	if (n < max && xdg && xdg[0] == '/')
		snprintf(dirs[n++], 4096, "%s/oomtop/themes", xdg);
	else if (n < max && home && home[0])
		snprintf(dirs[n++], 4096, "%s/.config/oomtop/themes", home);
	if (n < max && env && env[0])
		snprintf(dirs[n++], 4096, "%s", env);
	if (n < max)
		snprintf(dirs[n++], 4096, "%s", OOMTOP_THEMEDIR);
	/* an uninstalled build: themes/ beside the binary (the build tree) */
	char exe[4096];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n < max && len > 0) {
		exe[len] = '\0';
		char *d = dirname(exe);
		snprintf(dirs[n++], 4096, "%s/themes", d);
		/* libtool-less builds put tests in subdirectories: also look two levels up */
		if (n < max)
			snprintf(dirs[n++], 4096, "%s/../../themes", d);
	}
	return n;
}

int theme_load(struct theme *t, const char *name_or_path, conf_report_fn report, void *ud,
               int *nproblems)
{
	char path[4200];
	theme_defaults(t);
	if (nproblems)
		*nproblems = 0;
	if (!name_or_path || !name_or_path[0])
		return 0;
	bool found = false;
	if (strchr(name_or_path, '/')) {
		snprintf(path, sizeof(path), "%s", name_or_path);
		found = access(path, F_OK) == 0;
	} else {
		char dirs[6][4096];
		size_t nd = theme_dirs(dirs, 6);
		for (size_t i = 0; i < nd && !found; i++) {
			snprintf(path, sizeof(path), "%s/%s.theme", dirs[i], name_or_path);
			found = access(path, F_OK) == 0;
		}
	}
	if (!found) {
		if (strcmp(name_or_path, "default") == 0)
			return 0; /* built in */
		return -ENOENT;
	}
	size_t len;
	char *buf = util_slurp(path, &len);
	if (!buf)
		return -errno;
	const char *base = strrchr(name_or_path, '/');
	snprintf(t->name, sizeof(t->name), "%s", base ? base + 1 : name_or_path);
	char *dot = strstr(t->name, ".theme");
	if (dot && dot[6] == '\0')
		*dot = '\0';
	int p = theme_parse(t, buf, path, report, ud);
	free(buf);
	if (nproblems)
		*nproblems = p;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t theme_list(const char **names, size_t max)
{
	static char store[64][64];
	size_t n = 0;
	char dirs[6][4096];
	size_t nd = theme_dirs(dirs, 6);
	snprintf(store[n], sizeof(store[n]), "default");
	names[n] = store[n];
	n++;
	for (size_t d = 0; d < nd; d++) {
		DIR *dir = opendir(dirs[d]);
		if (!dir)
			continue;
		struct dirent *de;
		while ((de = readdir(dir)) && n < max && n < 64) {
			size_t l = strlen(de->d_name);
			if (l <= 6 || l >= 64 || strcmp(de->d_name + l - 6, ".theme") != 0)
				continue;
			char nm[64];
			snprintf(nm, sizeof(nm), "%.*s", (int)(l - 6), de->d_name);
			bool dup = false;
			for (size_t k = 0; k < n; k++)
				dup |= strcmp(names[k], nm) == 0;
			if (dup)
				continue;
			snprintf(store[n], sizeof(store[n]), "%s", nm);
			names[n] = store[n];
			n++;
		}
		closedir(dir);
	}
	qsort(names, n, sizeof(*names), cmp_str);
	return n;
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

static unsigned style_attr[S_COUNT];

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

void theme_apply(const struct theme *t, bool no_color)
{
	bool color = !no_color && has_colors() && COLORS >= 8 && COLOR_PAIRS > S_COUNT;
	for (int s = 0; s < S_COUNT; s++) {
		style_attr[s] = to_curses(styles[s].mono);
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
		style_attr[s] = COLOR_PAIR(s + 1) | to_curses(styles[s].attrs);
	}
}

unsigned theme_attr(enum theme_style s)
{
	return (unsigned)s < S_COUNT ? style_attr[s] : 0;
}
