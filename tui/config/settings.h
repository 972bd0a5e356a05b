/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/config/settings.h — $XDG_CONFIG_HOME/oomtop/oomtoprc (else ~/.config/oomtop/oomtoprc),
 * over the system-wide $(sysconfdir)/oomtoprc (app/run_config.h merges them), same format:
 *
 *   # oomtop settings
 *   delay=1            refresh interval, seconds (0.1 .. 3600)
 *   window=300         leak-rate window, seconds (10 .. 604800)
 *   sort=rss_slope     a --sort key; prefix '-' for the reverse order
 *   columns=pid,user,cgroup,rss,rss_slope,swap,oom_score,oom_score_adj,fds,fd_slope,threads,command
 *   panes=cgroups,procs,events    visible panes
 *   theme=default      a theme name or path
 *   threshold=80       percent of the effective limit at which a cgroup is highlighted
 *   tree=1             cgroup pane as a tree (0: flat, fullest first)
 *   history_size=64M   the recorder's size cap (--history-size; 1M to 1T)
 *   history_flush=120  the recorder writes to disk every this many seconds (1 .. 3600)
 *   held_kmem=8M       kernel memory /proc files held open may pin (core/proc/held.h);
 *                      0 to 1G, bytes or K, M, G; written back only when the file set it
 *
 * Read at start; written only when the operator asks (S on the screen). Each bad line
 * is reported "FILE:LINE: message" and ignored, so the rest of the file still applies.
 */
#ifndef OOMTOP_TUI_SETTINGS_H
#define OOMTOP_TUI_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/config/conffile.h"
#include "tui/layout.h"
#include "tui/model/proc_columns.h"

/* Which keys a file set (settings.given): the command line overrides only what it says,
 * and a value the file set is not replaced by one derived from another (app/run_config.h). */
enum settings_key {
	SETTING_DELAY = 1u << 0,
	SETTING_WINDOW = 1u << 1,
	SETTING_SORT = 1u << 2,
	SETTING_COLUMNS = 1u << 3,
	SETTING_PANES = 1u << 4,
	SETTING_THEME = 1u << 5,
	SETTING_THRESHOLD = 1u << 6,
	SETTING_TREE = 1u << 7,
	SETTING_HISTORY_SIZE = 1u << 8,
	SETTING_HISTORY_FLUSH = 1u << 9,
	SETTING_HELD_KMEM = 1u << 10,
	SETTING_ALL = (1u << 11) - 1, /* every key above: a new key moves this along */
};

struct settings {
	unsigned given; /* enum settings_key bits of the keys read from a file (0 after defaults) */
	double delay_s;
	double window_s;
	int sort; /* enum sort_key */
	bool sort_reverse;
	bool columns[PCOL_COUNT];
	bool panes[PANE_COUNT];
	char theme[256];
	double threshold_pct;
	bool tree;
	int64_t history_size_bytes; /* the recorder's (written only when the file set them) */
	double history_flush_s;
	uint64_t held_kmem_bytes;
};

void settings_defaults(struct settings *s);

/* Apply key=value lines to s, marking each key it set in s->given. Returns the number of
 * problems reported. Pure. */
int settings_parse(struct settings *s, const char *buf, size_t len, const char *fname,
                   conffile_report_fn report, void *ud);

/* The whole file, as settings_save writes it, into buf (n bytes). Pure. */
void settings_format(const struct settings *s, char *buf, size_t n);

/* The settings file's path (no I/O). Returns false when neither XDG_CONFIG_HOME nor HOME
 * is set. */
bool settings_path(char *buf, size_t n);

/* Read the file at path if it exists (a missing one is no problem) and apply it over s,
 * through core/base/userfile.h: a FIFO, a device or a file over 1 MiB is reported, not
 * read. Returns the number of problems reported. The system-wide file is read this way. */
int settings_load_file(struct settings *s, const char *path, conffile_report_fn report, void *ud);

/* The user's file (settings_path), as settings_load_file; one in a directory we may not
 * enter (another user's HOME kept by sudo) is no problem either. */
int settings_load(struct settings *s, conffile_report_fn report, void *ud);

/* Write through core/base/userfile.h: atomically, never through a symlink or into a
 * directory or over a file another user owns. Returns 0 or -errno with the reason in why;
 * the path is copied to path_out (may be NULL). */
int settings_save(const struct settings *s, char *path_out, size_t n, char *why, size_t whylen);

#endif
