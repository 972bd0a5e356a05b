/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/run_config.c — see run_config.h. */
#include "config.h"
#include "app/run_config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/history/file.h"
#include "core/history/size.h"

/* A leak rate needs 5 samples over half the window: the default window is stretched to
 * this many refreshes, and a window shorter than MIN is refused (command line) or
 * replaced (settings file). */
#define WINDOW_REFRESHES_DEFAULT 10
#define WINDOW_REFRESHES_MIN 4
/* The recorder's defaults (docs/history.md): a sample every 10 s, written every 2 minutes. */
#define RECORD_DELAY_S 10.0
#define RECORD_FLUSH_S 120.0

struct reporter {
	struct run_config *rc;
	run_config_report_fn report;
	void *ud;
};

static void __attribute__((format(printf, 2, 3))) problem(struct reporter *r, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (r->rc->problems++ == 0)
		snprintf(r->rc->first_problem, sizeof(r->rc->first_problem), "%s", msg);
	if (r->report)
		r->report(r->ud, msg);
}

/* The settings parser's problems pass through here to be counted. */
static void count_problem(void *ud, const char *msg)
{
	problem(ud, "%s", msg);
}

int run_config_merge(struct run_config *rc, const struct options *o, const struct settings *file,
                 const char *file_name, run_config_report_fn report, void *ud, char *err, size_t errlen)
{
	struct reporter r = {rc, report, ud};
	rc->set = *file;
	struct settings *s = &rc->set;
	if (o->delay_given)
		s->delay_s = o->delay_s;
	else if (o->mode == MODE_RECORD)
		s->delay_s = RECORD_DELAY_S; /* the file's delay is the screen's */
	if (o->sort_given) {
		s->sort = (int)o->sort;
		s->sort_reverse = false;
	}
	if (o->theme)
		snprintf(s->theme, sizeof(s->theme), "%s", o->theme);
	if (o->held_kmem_given)
		s->held_kmem_bytes = o->held_kmem_bytes;

	double min_window = s->delay_s * WINDOW_REFRESHES_MIN;
	double stretched = s->delay_s * WINDOW_REFRESHES_DEFAULT;
	if (o->window_given) {
		s->window_s = o->window_s;
		if (s->window_s < min_window) {
			snprintf(err, errlen,
			         "--window: %g s is too short for a delay of %g s%s: a leak rate needs at least "
			         "%d refreshes per window (use -w %g or more)",
			         s->window_s, s->delay_s, o->delay_given ? "" : " (the settings file's)",
			         WINDOW_REFRESHES_MIN, min_window);
			return 2;
		}
	} else if (file->given & SETTING_WINDOW) {
		if (s->window_s < min_window) {
			problem(&r, "%s: window=%g is too short for a delay of %g s (at least %d refreshes per "
			            "window): using %g",
			        file_name ? file_name : "oomtoprc", s->window_s, s->delay_s, WINDOW_REFRESHES_MIN,
			        stretched);
			s->window_s = stretched;
		}
	} else if (s->window_s < stretched) {
		s->window_s = stretched;
	}

	rc->filter = (struct proc_filter){
		.pids = o->pids,
		.npids = o->npids,
		.by_uid = o->by_uid,
		.uid = o->uid,
		.cgroup = o->cgroup,
		.ghosts = true,
	};
	rc->readonly = o->readonly;
	rc->no_color = o->no_color;
	rc->iterations = o->iterations;
	rc->format = o->format;
	rc->output_path = o->output_path;
	rc->detail = o->detail;
	rc->kmsg_path = o->kmsg_path;
	rc->journal = o->journal;
	rc->journal_path = o->journal_path;
	rc->mode = o->mode;
	rc->at = o->at;
	rc->history_size_bytes = o->history_size_bytes       ? o->history_size_bytes
	                         : file->given & SETTING_HISTORY_SIZE ? file->history_size_bytes
	                                                            : HISTORY_SIZE_DEFAULT_BYTES;
	rc->history_flush_s = o->history_flush_s             ? o->history_flush_s
	                      : file->given & SETTING_HISTORY_FLUSH ? file->history_flush_s
	                                                          : RECORD_FLUSH_S;
	int n = rc->problems; /* the file's own, counted while it was read, and the merge's */
	if (n > 1) {
		size_t l = strlen(rc->first_problem);
		snprintf(rc->first_problem + l, sizeof(rc->first_problem) - l,
		         " (and %d more: see stderr after quitting)", n - 1);
	}
	return 0;
}

int run_config_history(struct run_config *rc, const struct options *o, bool root, const char *xdg_state_home,
                       const char *home, bool (*exists)(const char *path), char *err, size_t errlen)
{
	rc->history_path = NULL;
	rc->history_given = false;
	if (o->mode == MODE_RECORD) {
		if (o->record_path) {
			rc->history_path = o->record_path;
			rc->history_given = true;
		} else if (history_file_default_path(rc->history_buf, sizeof(rc->history_buf), root, xdg_state_home,
		                                     home)) {
			rc->history_path = rc->history_buf;
		} else {
			snprintf(err, errlen, "--record: no default path without HOME or XDG_STATE_HOME: give --record=PATH");
			return 2;
		}
		return 0;
	}
	if (o->history_path) {
		rc->history_path = o->history_path;
		rc->history_given = true;
		return 0;
	}
	/* a saved kernel log or journal is another machine's, or another time's */
	if (o->no_history || o->kmsg_path || o->journal_path)
		return 0;
	if (history_file_default_path(rc->history_buf, sizeof(rc->history_buf), root, xdg_state_home, home) &&
	    exists(rc->history_buf))
		rc->history_path = rc->history_buf;
	else if (!root && exists(HISTORY_FILE_SYSTEM_PATH))
		rc->history_path = snprintf(rc->history_buf, sizeof(rc->history_buf), "%s", HISTORY_FILE_SYSTEM_PATH) > 0
		                           ? rc->history_buf
		                           : NULL;
	return 0;
}

static bool file_exists(const char *path)
{
	return access(path, F_OK) == 0;
}

int run_config_load(struct run_config *rc, const struct options *o, const char *system_rc,
                    run_config_report_fn report, void *ud, char *err, size_t errlen)
{
	memset(rc, 0, sizeof(*rc));
	struct reporter r = {rc, report, ud};
	struct settings file;
	settings_defaults(&file);
	/* the system-wide file first, the user's over it: each key from the last file that set it */
	if (system_rc && system_rc[0])
		settings_load_file(&file, system_rc, count_problem, &r); /* problems counted as reported */
	unsigned system_given = file.given;
	file.given = 0;
	char path[4200] = "";
	if (settings_path(path, sizeof(path)))
		settings_load(&file, count_problem, &r);
	unsigned user_given = file.given;
	file.given |= system_given;
	/* a value the merge must correct is reported against the file that set it */
	const char *window_from = (user_given & SETTING_WINDOW) ? path : system_rc;
	int status = run_config_merge(rc, o, &file, window_from && window_from[0] ? window_from : NULL, report, ud,
	                              err, errlen);
	return status ? status : run_config_history_here(rc, o, err, errlen);
}

int run_config_history_here(struct run_config *rc, const struct options *o, char *err, size_t errlen)
{
	return run_config_history(rc, o, geteuid() == 0, getenv("XDG_STATE_HOME"), getenv("HOME"), file_exists, err,
	                          errlen);
}

void run_config_collector(const struct run_config *rc, struct collector_config *out)
{
	collector_config_defaults(out);
	out->interval_s = rc->set.delay_s;
	out->window_s = rc->set.window_s;
	out->kmsg_path = rc->kmsg_path; /* --kmsg: the events of batch and screen come from it */
	out->journal = rc->journal;
	out->journal_path = rc->journal_path;
	out->one_shot = rc->iterations == 1; /* -n 1: nothing read for a next refresh */
	out->held_kmem_bytes = rc->set.held_kmem_bytes;
}

void run_config_screen(const struct run_config *rc, int stop_fd, int (*stop_signal)(void),
                   struct tui_config *out)
{
	tui_config_defaults(out);
	out->set = rc->set;
	out->filter = rc->filter;
	out->no_color = rc->no_color;
	out->readonly = rc->readonly;
	out->iterations = rc->iterations;
	out->first_problem = rc->first_problem[0] ? rc->first_problem : NULL;
	out->stop_fd = stop_fd;
	out->stop_signal = stop_signal;
}
