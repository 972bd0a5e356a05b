/* app/run_config.h — what this run does, decided once, for every mode that collects (batch
 * and the screen): the command line (app/options.h) wins where it was given, the settings
 * file ($XDG_CONFIG_HOME/oomtop/oomtoprc, tui/settings.h) fills what it did not say, and
 * the defaults the rest. Batch mode and the screen get the same delay, window and sort,
 * and the same kernel-memory budget for held /proc files (--held-kmem, held_kmem=).
 *
 * Derived values follow what was chosen: a window nobody set is stretched to 10 refreshes
 * when the delay is long (a leak rate needs 5 samples over half the window, core/estimate/
 * leak.h); a window set in the file that is shorter than 4 refreshes is replaced the same
 * way and reported as a problem; one given on the command line is an error (exit 2).
 */
#ifndef OOMTOP_APP_RUN_CONFIG_H
#define OOMTOP_APP_RUN_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "app/options.h"
#include "core/collector.h"
#include "core/output/output.h"
#include "core/proc/filter.h"
#include "tui/app.h"
#include "tui/settings.h"

struct run_config {
	struct settings set;       /* delay, window, sort, columns, panes, theme...: merged */
	struct proc_filter filter; /* -p -u -c; pointers into the options (argv) */
	bool readonly, no_color;
	long iterations;           /* -n; 0 = until stopped */
	enum output_format format;    /* -f (batch) */
	const char *kmsg_path;     /* --kmsg, or NULL for the live kernel log */
	int problems;              /* bad lines and values found in the settings file */
	char first_problem[600];   /* the first of them (with a count of the rest), or "" */
};

/* Called once per problem with one line "FILE:LINE: message" (no newline). */
typedef void (*run_config_report_fn)(void *ud, const char *msg);

/* Pure: the merge into *rc (zeroed by the caller, or holding the problems counted while
 * the file was read). file is the settings as read (settings_defaults, then
 * settings_parse; file->given says which keys it set). Returns 0, or 2 with a one-line
 * message in err (a command-line value that cannot work with the merged ones). Problems
 * in the file's values go to report (may be NULL) and are counted in rc->problems. */
int run_config_merge(struct run_config *rc, const struct options *o, const struct settings *file,
                 const char *file_name, run_config_report_fn report, void *ud, char *err, size_t errlen);

/* Reads the settings file (a missing one is no problem), reports its problems to report,
 * and merges (run_config_merge). Returns 0 or 2 as run_config_merge does. */
int run_config_load(struct run_config *rc, const struct options *o, run_config_report_fn report, void *ud,
                char *err, size_t errlen);

/* The collector's part: interval, window, kernel-log source, the held-file budget, and
 * whether one refresh is all there will be (-n 1). */
void run_config_collector(const struct run_config *rc, struct collector_config *out);

/* The screen's part. stop_fd and stop_signal are the application's signal handling. */
void run_config_screen(const struct run_config *rc, int stop_fd, int (*stop_signal)(void),
                   struct tui_config *out);

#endif
