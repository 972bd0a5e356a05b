/* app/run_config.c — see run_config.h. */
#include "config.h"
#include "app/run_config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A leak rate needs 5 samples over half the window: the default window is stretched to
 * this many refreshes, and a window shorter than MIN is refused (command line) or
 * replaced (settings file). */
#define WINDOW_REFRESHES_DEFAULT 10
#define WINDOW_REFRESHES_MIN 4

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
	rc->kmsg_path = o->kmsg_path;
	int n = rc->problems; /* the file's own, counted while it was read, and the merge's */
	if (n > 1) {
		size_t l = strlen(rc->first_problem);
		snprintf(rc->first_problem + l, sizeof(rc->first_problem) - l,
		         " (and %d more: see stderr after quitting)", n - 1);
	}
	return 0;
}

int run_config_load(struct run_config *rc, const struct options *o, run_config_report_fn report, void *ud,
                char *err, size_t errlen)
{
	memset(rc, 0, sizeof(*rc));
	struct reporter r = {rc, report, ud};
	struct settings file;
	settings_defaults(&file);
	char path[4200] = "";
	if (settings_path(path, sizeof(path))) {
		int rc_load = settings_load(&file, count_problem, &r);
		if (rc_load < 0)
			problem(&r, "%s: %s", path, strerror(-rc_load));
	}
	return run_config_merge(rc, o, &file, path[0] ? path : NULL, report, ud, err, errlen);
}

void run_config_collector(const struct run_config *rc, struct collector_config *out)
{
	collector_config_defaults(out);
	out->interval_s = rc->set.delay_s;
	out->window_s = rc->set.window_s;
	out->kmsg_path = rc->kmsg_path; /* --kmsg: the events of batch and screen come from it */
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
