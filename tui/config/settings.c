/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/config/settings.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tui/config/conffile.h"
#include "core/base/scan.h"
#include "core/base/userfile.h"
#include "core/base/util.h"
#include "core/history/size.h"
#include "core/proc/held.h"

static const char *const pane_names[PANE_COUNT] = {"cgroups", "procs", "events"};

void settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof(*s));
	s->delay_s = 1.0;
	s->window_s = 300.0;
	s->sort = SORT_RSS_SLOPE;
	s->sort_reverse = false;
	char bad[8];
	proc_columns_parse("", s->columns, bad, sizeof(bad));
	for (int p = 0; p < PANE_COUNT; p++)
		s->panes[p] = true;
	snprintf(s->theme, sizeof(s->theme), "default");
	s->threshold_pct = 80.0;
	s->tree = true;
	s->history_size_bytes = HISTORY_SIZE_DEFAULT_BYTES;
	s->history_flush_s = 120.0;
	s->held_kmem_bytes = PROC_HELD_KMEM_DEFAULT_BYTES;
}

static bool parse_double(const char *v, double lo, double hi, double *out)
{
	char *end;
	errno = 0;
	double d = strtod(v, &end);
	if (end == v || *end != '\0' || errno || !isfinite(d) || d < lo || d > hi)
		return false;
	*out = d;
	return true;
}

static int parse_panes(const char *v, bool *panes)
{
	bool on[PANE_COUNT] = {false};
	int n = 0;
	char tmp[128];
	snprintf(tmp, sizeof(tmp), "%s", v);
	for (char *save = NULL, *tok = strtok_r(tmp, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		int p;
		for (p = 0; p < PANE_COUNT; p++)
			if (strcmp(tok, pane_names[p]) == 0)
				break;
		if (p == PANE_COUNT)
			return -1;
		on[p] = true;
		n++;
	}
	if (n == 0)
		return -1;
	memcpy(panes, on, sizeof(on));
	return 0;
}

static int parse_line(void *obj, char *line, const struct conffile_pos *pos)
{
	struct settings *s = obj;
	char *l = conffile_trim(line);
	if (*l == '\0' || *l == '#')
		return 0;
	char *eq = strchr(l, '=');
	if (!eq) {
		conffile_report(pos, "expected key=value");
		return 1;
	}
	*eq = '\0';
	char *key = conffile_trim(l), *val = conffile_trim(eq + 1);
	size_t vl = strlen(val);
	if (vl >= 2 && val[0] == '"' && val[vl - 1] == '"') {
		val[vl - 1] = '\0';
		val++;
	}
	if (strcmp(key, "delay") == 0) {
		if (!parse_double(val, 0.1, 3600, &s->delay_s))
			goto bad_range;
		s->given |= SETTING_DELAY;
	} else if (strcmp(key, "window") == 0) {
		if (!parse_double(val, 10, 604800, &s->window_s))
			goto bad_range;
		s->given |= SETTING_WINDOW;
	} else if (strcmp(key, "threshold") == 0) {
		if (!parse_double(val, 1, 100, &s->threshold_pct))
			goto bad_range;
		s->given |= SETTING_THRESHOLD;
	} else if (strcmp(key, "sort") == 0) {
		bool rev = val[0] == '-';
		int k = sort_key_from_name(val + rev);
		if (k < 0) {
			conffile_report(pos, "unknown sort key '%s' (one of %s)", val,
			        sort_key_list());
			return 1;
		}
		s->sort = k;
		s->sort_reverse = rev;
		s->given |= SETTING_SORT;
	} else if (strcmp(key, "columns") == 0) {
		char bad[64];
		if (proc_columns_parse(val, s->columns, bad, sizeof(bad)) < 0) {
			conffile_report(pos, "unknown column '%s'", bad);
			return 1;
		}
		s->given |= SETTING_COLUMNS;
	} else if (strcmp(key, "panes") == 0) {
		if (parse_panes(val, s->panes) < 0) {
			conffile_report(pos, "panes: want a list of cgroups, procs, events");
			return 1;
		}
		s->given |= SETTING_PANES;
	} else if (strcmp(key, "theme") == 0) {
		if (val[0] == '\0' || strlen(val) >= sizeof(s->theme)) {
			conffile_report(pos, "theme: want a name or a path");
			return 1;
		}
		snprintf(s->theme, sizeof(s->theme), "%s", val);
		s->given |= SETTING_THEME;
	} else if (strcmp(key, "held_kmem") == 0) {
		if (!scan_size(val, PROC_HELD_KMEM_MAX_BYTES, &s->held_kmem_bytes)) {
			conffile_report(pos, "bad value '%s' for held_kmem (0 to 1G: bytes, or K, M, G)", val);
			return 1;
		}
		s->given |= SETTING_HELD_KMEM;
	} else if (strcmp(key, "tree") == 0) {
		if (strcmp(val, "0") != 0 && strcmp(val, "1") != 0) {
			conffile_report(pos, "tree: want 0 or 1");
			return 1;
		}
		s->tree = val[0] == '1';
		s->given |= SETTING_TREE;
	} else if (strcmp(key, "history_size") == 0) {
		if (history_size_parse(val, &s->history_size_bytes) != 0) {
			conffile_report(pos, "history_size: want a size from 1M to 1T (bytes, or with K, M, G, T)");
			return 1;
		}
		s->given |= SETTING_HISTORY_SIZE;
	} else if (strcmp(key, "history_flush") == 0) {
		if (!parse_double(val, 1, 3600, &s->history_flush_s)) {
			conffile_report(pos, "history_flush: want 1 to 3600 seconds");
			return 1;
		}
		s->given |= SETTING_HISTORY_FLUSH;
	} else {
		conffile_report(pos, "unknown setting '%s'", key);
		return 1;
	}
	return 0;
bad_range:
	conffile_report(pos, "bad value '%s' for %s (%s)", val, key,
	        strcmp(key, "delay") == 0    ? "0.1 to 3600 seconds"
	        : strcmp(key, "window") == 0 ? "10 to 604800 seconds"
	                                     : "1 to 100 percent");
	return 1;
}

int settings_parse(struct settings *s, const char *buf, size_t len, const char *fname,
                   conffile_report_fn report, void *ud)
{
	return conffile_parse(buf, len, fname, report, ud, parse_line, s);
}

/* A size as the parser reads it back: whole MiB, whole KiB, else bytes. */
static void format_size(char *out, size_t n, uint64_t bytes)
{
	if (bytes && bytes % (1u << 20) == 0)
		snprintf(out, n, "%lluM", (unsigned long long)(bytes >> 20));
	else if (bytes && bytes % 1024 == 0)
		snprintf(out, n, "%lluK", (unsigned long long)(bytes >> 10));
	else
		snprintf(out, n, "%llu", (unsigned long long)bytes);
}

void settings_format(const struct settings *s, char *buf, size_t n)
{
	char cols[512], panes[64] = "", held[48] = "";
	proc_columns_format(s->columns, cols, sizeof(cols));
	for (int p = 0; p < PANE_COUNT; p++) {
		if (!s->panes[p])
			continue;
		if (panes[0])
			strcat(panes, ",");
		strcat(panes, pane_names[p]);
	}
	/* a machine's setting more than a view's: written only when the file set it */
	if (s->given & SETTING_HELD_KMEM) {
		char v[32];
		format_size(v, sizeof(v), s->held_kmem_bytes);
		snprintf(held, sizeof(held), "held_kmem=%s\n", v);
	}
	snprintf(buf, n,
	         "# oomtop settings, written by oomtop (S on the screen saves them)\n"
	         "delay=%g\n"
	         "window=%g\n"
	         "sort=%s%s\n"
	         "columns=%s\n"
	         "panes=%s\n"
	         /* quoted: the parser strips one pair of quotes, so a name that itself starts
	          * and ends with '"' (or has outer blanks) reads back as written */
	         "theme=\"%s\"\n"
	         "threshold=%g\n"
	         "tree=%d\n"
	         "%s",
	         s->delay_s, s->window_s, s->sort_reverse ? "-" : "",
	         sort_key_name((enum sort_key)s->sort), cols, panes, s->theme, s->threshold_pct,
	         s->tree ? 1 : 0, held);
	/* the recorder's keys: kept when the file had them */
	size_t len = strlen(buf);
	if ((s->given & SETTING_HISTORY_SIZE) && len < n) {
		char v[32];
		format_size(v, sizeof(v), (uint64_t)s->history_size_bytes);
		len += (size_t)snprintf(buf + len, n - len, "history_size=%s\n", v);
	}
	if ((s->given & SETTING_HISTORY_FLUSH) && len < n)
		snprintf(buf + len, n - len, "history_flush=%g\n", s->history_flush_s);
}

static bool config_dir(char *buf, size_t n)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int w;
	if (xdg && xdg[0] == '/')
		w = snprintf(buf, n, "%s/oomtop", xdg);
	else if (home && home[0])
		w = snprintf(buf, n, "%s/.config/oomtop", home);
	else
		return false;
	return w > 0 && (size_t)w < n;
}

bool settings_path(char *buf, size_t n)
{
	char dir[4096];
	if (!config_dir(dir, sizeof(dir)))
		return false;
	int w = snprintf(buf, n, "%s/oomtoprc", dir);
	return w > 0 && (size_t)w < n;
}

int settings_load_file(struct settings *s, const char *path, conffile_report_fn report, void *ud)
{
	char why[300];
	size_t len;
	char *buf;
	int rc = userfile_read(path, USERFILE_MAX_BYTES, &buf, &len, why, sizeof(why));
	if (rc == -ENOENT)
		return 0;
	if (rc < 0) {
		if (report) {
			char msg[4600];
			snprintf(msg, sizeof(msg), "%s: %s", path, why);
			report(ud, msg);
		}
		return 1;
	}
	int problems = settings_parse(s, buf, len, path, report, ud);
	free(buf);
	return problems;
}

int settings_load(struct settings *s, conffile_report_fn report, void *ud)
{
	char path[4200], dir[4096];
	if (!settings_path(path, sizeof(path)))
		return 0;
	/* a config directory we may not enter (another user's HOME: sudo -u nobody keeps
	 * HOME=/root) holds no settings of ours: as if there were none. A file of ours that
	 * cannot be read, or is not a plain file, is a problem to report. */
	if (config_dir(dir, sizeof(dir)) && faccessat(AT_FDCWD, dir, X_OK, AT_EACCESS) != 0 && errno == EACCES)
		return 0;
	return settings_load_file(s, path, report, ud);
}

int settings_save(const struct settings *s, char *path_out, size_t n, char *why, size_t whylen)
{
	char dir[4096], text[2048];
	if (!config_dir(dir, sizeof(dir))) {
		snprintf(why, whylen, "neither XDG_CONFIG_HOME nor HOME is set");
		return -ENOENT;
	}
	if (path_out)
		snprintf(path_out, n, "%s/oomtoprc", dir);
	settings_format(s, text, sizeof(text));
	return userfile_write(dir, "oomtoprc", text, strlen(text), 0644, 0, why, whylen);
}
