/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/config/theme_file.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/userfile.h"
#include "core/base/util.h"

#ifndef OOMTOP_THEMEDIR
#define OOMTOP_THEMEDIR "/usr/local/share/oomtop/themes"
#endif

/* One line: theme[key]="value" (quotes optional), then optional whitespace and comment. */
static int parse_line(void *obj, char *line, const struct conffile_pos *pos)
{
	struct theme *t = obj;
	char *s = conffile_trim(line);
	if (*s == '\0' || *s == '#')
		return 0;
	if (strncmp(s, "theme[", 6) != 0) {
		conffile_report(pos, "expected theme[key]=\"value\"");
		return 1;
	}
	char *key = s + 6;
	char *close = strchr(key, ']');
	if (!close) {
		conffile_report(pos, "missing ']'");
		return 1;
	}
	*close = '\0';
	char *rest = close + 1;
	while (isspace((unsigned char)*rest))
		rest++;
	if (*rest != '=') {
		conffile_report(pos, "missing '=' after theme[%s]", key);
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
			conffile_report(pos, "unterminated quote in theme[%s]", key);
			return 1;
		}
		*q = '\0';
		char *after = conffile_trim(q + 1);
		if (*after != '\0' && *after != '#') {
			conffile_report(pos, "unexpected text after the value of theme[%s]", key);
			return 1;
		}
	} else {
		val = conffile_trim(rest);
	}
	int id = theme_color_from_key(key);
	if (id < 0) {
		conffile_report(pos, "unknown key '%s'", key);
		return 1;
	}
	struct theme_color c;
	if (!theme_color_parse(val, &c)) {
		conffile_report(pos,
		        "bad value '%s' for %s (want #rrggbb, a colour name, or \"\"); default kept",
		        val, key);
		return 1;
	}
	t->col[id] = c;
	return 0;
}

int theme_file_parse(struct theme *t, const char *buf, size_t len, const char *fname,
                     conffile_report_fn report, void *ud)
{
	return conffile_parse(buf, len, fname, report, ud, parse_line, t);
}

size_t theme_file_dirs(char dirs[][4096], size_t max)
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
	return n;
}

int theme_file_load(struct theme *t, const char *name_or_path, conffile_report_fn report,
                    void *ud, int *nproblems)
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
		size_t nd = theme_file_dirs(dirs, 6);
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
	char *buf, why[300];
	int rc = userfile_read(path, USERFILE_MAX_BYTES, &buf, &len, why, sizeof(why));
	if (rc < 0) {
		if (report) {
			char msg[4600];
			snprintf(msg, sizeof(msg), "%s: %s", path, why);
			report(ud, msg);
		}
		if (nproblems)
			*nproblems = 1;
		return rc;
	}
	const char *base = strrchr(name_or_path, '/');
	snprintf(t->name, sizeof(t->name), "%s", base ? base + 1 : name_or_path);
	char *dot = strstr(t->name, ".theme");
	if (dot && dot[6] == '\0')
		*dot = '\0';
	int p = theme_file_parse(t, buf, len, path, report, ud);
	free(buf);
	if (nproblems)
		*nproblems = p;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t theme_file_list(const char **names, size_t max)
{
	static char store[64][64];
	size_t n = 0;
	char dirs[6][4096];
	size_t nd = theme_file_dirs(dirs, 6);
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
