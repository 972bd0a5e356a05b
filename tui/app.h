/* tui/app.h — the interactive screen's single entry point, called by main().
 *
 *   struct tui_options o;
 *   tui_options_defaults(&o);
 *   o.delay_s = ...; o.sort = ...;   // what the command line said
 *   struct collector *c = collector_new(&cfg, err, sizeof err);
 *   int status = tui_run(c, &o);     // returns 0 on q/F10, 1 on failure,
 *   collector_free(c);               // 128+N after signal N (SIGINT/TERM/HUP)
 *   return status;
 *
 * tui_run owns the terminal between its first and last line: it reads the settings file
 * and the theme (their problems go to stderr as FILE:LINE messages before the screen
 * starts, and to the status line), calls collector_refresh() once per delay and when
 * collector_event_fd() is readable, and restores the terminal however it ends (also on
 * crash signals, which it then re-raises). It never calls exit().
 */
#ifndef OOMTOP_TUI_APP_H
#define OOMTOP_TUI_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct collector;
struct settings;

struct tui_options {
	double delay_s;   /* refresh interval; 0 = the settings file's (default 1) */
	int sort;         /* enum sort_key; -1 = the settings file's (default rss_slope) */
	bool sort_reverse;
	const pid_t *pids; /* -p: only these (copied) */
	size_t npids;
	bool by_uid;       /* -u */
	uid_t uid;
	const char *cgroup; /* -c: only this subtree (copied) */
	const char *theme;  /* --theme name or path; NULL = the settings file's */
	bool no_color;      /* --no-color; NO_COLOR in the environment is honoured as well */
	bool readonly;      /* --readonly: the screen offers no writes */
	long iterations;    /* -n: return 0 after this many refreshes; 0 = until quit */
	/* Settings main already read (to size the collector's window from `window=`), or
	 * NULL: tui_run reads $XDG_CONFIG_HOME/oomtop/oomtoprc itself. */
	const struct settings *settings;
};

void tui_options_defaults(struct tui_options *o);

int tui_run(struct collector *c, const struct tui_options *o);

#endif
