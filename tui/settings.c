#include "config.h"
#include "tui/settings.h"

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

#include "tui/conffile.h"
#include "core/base/scan.h"
#include "core/base/util.h"
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

static int parse_line(void *obj, char *line, const struct conf_pos *pos)
{
	struct settings *s = obj;
	char *l = conf_trim(line);
	if (*l == '\0' || *l == '#')
		return 0;
	char *eq = strchr(l, '=');
	if (!eq) {
		conf_report(pos, "expected key=value");
		return 1;
	}
	*eq = '\0';
	char *key = conf_trim(l), *val = conf_trim(eq + 1);
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
			conf_report(pos, "unknown sort key '%s' (one of %s)", val,
			        sort_key_list());
			return 1;
		}
		s->sort = k;
		s->sort_reverse = rev;
		s->given |= SETTING_SORT;
	} else if (strcmp(key, "columns") == 0) {
		char bad[64];
		if (proc_columns_parse(val, s->columns, bad, sizeof(bad)) < 0) {
			conf_report(pos, "unknown column '%s'", bad);
			return 1;
		}
		s->given |= SETTING_COLUMNS;
	} else if (strcmp(key, "panes") == 0) {
		if (parse_panes(val, s->panes) < 0) {
			conf_report(pos, "panes: want a list of cgroups, procs, events");
			return 1;
		}
		s->given |= SETTING_PANES;
	} else if (strcmp(key, "theme") == 0) {
		if (val[0] == '\0' || strlen(val) >= sizeof(s->theme)) {
			conf_report(pos, "theme: want a name or a path");
			return 1;
		}
		snprintf(s->theme, sizeof(s->theme), "%s", val);
		s->given |= SETTING_THEME;
	} else if (strcmp(key, "held_kmem") == 0) {
		if (!scan_size(val, PROC_HELD_KMEM_MAX_BYTES, &s->held_kmem_bytes)) {
			conf_report(pos, "bad value '%s' for held_kmem (0 to 1G: bytes, or K, M, G)", val);
			return 1;
		}
		s->given |= SETTING_HELD_KMEM;
	} else if (strcmp(key, "tree") == 0) {
		if (strcmp(val, "0") != 0 && strcmp(val, "1") != 0) {
			conf_report(pos, "tree: want 0 or 1");
			return 1;
		}
		s->tree = val[0] == '1';
		s->given |= SETTING_TREE;
	} else {
		conf_report(pos, "unknown setting '%s'", key);
		return 1;
	}
	return 0;
bad_range:
	conf_report(pos, "bad value '%s' for %s (%s)", val, key,
	        strcmp(key, "delay") == 0    ? "0.1 to 3600 seconds"
	        : strcmp(key, "window") == 0 ? "10 to 604800 seconds"
	                                     : "1 to 100 percent");
	return 1;
}

int settings_parse(struct settings *s, const char *buf, const char *fname,
                   theme_report_fn report, void *ud)
{
	return conf_parse(buf, fname, report, ud, parse_line, s);
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

int settings_load(struct settings *s, theme_report_fn report, void *ud)
{
	char path[4200];
	if (!settings_path(path, sizeof(path)))
		return 0;
	size_t len;
	char *buf = util_slurp(path, &len);
	if (!buf) {
		int e = errno;
		/* a config directory we may not enter (another user's HOME: sudo -u nobody keeps
		 * HOME=/root) holds no settings of ours: as if there were none. A file of ours
		 * that cannot be read is a problem to report. */
		char dir[4096];
		if (e == EACCES && config_dir(dir, sizeof(dir)) && faccessat(AT_FDCWD, dir, X_OK, AT_EACCESS) != 0)
			return 0;
		return e == ENOENT ? 0 : -e;
	}
	int problems = settings_parse(s, buf, path, report, ud);
	free(buf);
	return problems;
}

static int mkdir_p(const char *dir)
{
	char tmp[4096];
	snprintf(tmp, sizeof(tmp), "%s", dir);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
		return -errno;
	return 0;
}

int settings_save(const struct settings *s, char *path_out, size_t n)
{
	char dir[4096], path[4200], tmp[4300], text[2048];
	if (!config_dir(dir, sizeof(dir)))
		return -ENOENT;
	snprintf(path, sizeof(path), "%s/oomtoprc", dir);
	if (path_out)
		snprintf(path_out, n, "%s", path);
	int rc = mkdir_p(dir);
	if (rc < 0)
		return rc;
	settings_format(s, text, sizeof(text));
	snprintf(tmp, sizeof(tmp), "%s.tmp.%ld", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -errno;
	size_t len = strlen(text), off = 0;
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			rc = -errno;
			close(fd);
			unlink(tmp);
			return rc;
		}
		off += (size_t)w;
	}
	if (fsync(fd) < 0 || close(fd) < 0) {
		rc = -errno;
		unlink(tmp);
		return rc;
	}
	if (rename(tmp, path) < 0) {
		rc = -errno;
		unlink(tmp);
		return rc;
	}
	return 0;
}
