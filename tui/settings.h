/* tui/settings.h — $XDG_CONFIG_HOME/oomtop/oomtoprc (else ~/.config/oomtop/oomtoprc).
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

#include "tui/layout.h"
#include "tui/proccols.h"
#include "tui/theme.h"

/* Which keys a file set (settings.given): the command line overrides only what it says,
 * and a value the file set is not replaced by one derived from another (app/config.h). */
enum settings_key {
	SETTING_DELAY = 1u << 0,
	SETTING_WINDOW = 1u << 1,
	SETTING_SORT = 1u << 2,
	SETTING_COLUMNS = 1u << 3,
	SETTING_PANES = 1u << 4,
	SETTING_THEME = 1u << 5,
	SETTING_THRESHOLD = 1u << 6,
	SETTING_TREE = 1u << 7,
	SETTING_HELD_KMEM = 1u << 8,
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
	uint64_t held_kmem_bytes;
};

void settings_defaults(struct settings *s);

/* Apply key=value lines to s, marking each key it set in s->given. Returns the number of
 * problems reported. Pure. */
int settings_parse(struct settings *s, const char *buf, const char *fname,
                   theme_report_fn report, void *ud);

/* The whole file, as settings_save writes it, into buf (n bytes). Pure. */
void settings_format(const struct settings *s, char *buf, size_t n);

/* The settings file's path (no I/O). Returns false when neither XDG_CONFIG_HOME nor HOME
 * is set. */
bool settings_path(char *buf, size_t n);

/* Read the file if it exists (a missing file is not a problem). Returns problems found,
 * or -errno when it exists but cannot be read. */
int settings_load(struct settings *s, theme_report_fn report, void *ud);

/* Write atomically (temporary file + rename), creating the directory. Returns 0 or
 * -errno; the path written is copied to path_out (may be NULL). */
int settings_save(const struct settings *s, char *path_out, size_t n);

#endif
