/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/run_config.h — what this run does, decided once, for every mode that collects (batch
 * and the screen): the command line (app/options.h) wins where it was given, then the
 * user's settings file ($XDG_CONFIG_HOME/oomtop/oomtoprc, tui/config/settings.h), then the
 * system-wide one ($(sysconfdir)/oomtoprc: RUN_CONFIG_SYSTEM_RC), and the defaults the
 * rest. Batch mode and the screen get the same delay, window and sort, and the same
 * kernel-memory budget for held /proc files (--held-kmem, held_kmem=).
 *
 * The recorder (--record) takes -d from the command line only (10 s by default: the file's
 * delay is the screen's), and its size cap and write interval from --history-size and
 * --history-flush, else the file's history_size and history_flush, else 64 MiB and 120 s.
 * The history to read: --history=PATH; else, unless --no-history, --kmsg or
 * --journal=PATH (another machine's or another time's log), the recorder's default path
 * for this user when it exists, else (not root) the system recorder's
 * (run_config_history).
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
#include "tui/config/settings.h"

struct run_config {
	struct settings set;       /* delay, window, sort, columns, panes, theme...: merged */
	struct proc_filter filter; /* -p -u -c; pointers into the options (argv) */
	bool readonly, no_color;
	long iterations;           /* -n; 0 = until stopped */
	enum output_format format;    /* -f (batch) */
	const char *output_path;   /* --output (batch), or NULL for stdout */
	bool detail;               /* --detail (batch) */
	const char *kmsg_path;     /* --kmsg, or NULL for the journal or the live kernel log */
	bool journal;              /* --journal[=PATH] */
	const char *journal_path;
	enum run_mode mode;
	const char *at;            /* --at TIME as typed, or NULL */
	const char *history_path;  /* the history to read (or, recording, to write); NULL: none */
	bool history_given;        /* named on the command line: failing to open it is an error */
	int64_t history_size_bytes; /* the recorder's size cap */
	double history_flush_s;    /* the recorder's write interval */
	char history_buf[4200];    /* holds history_path when it is a default */
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

/* The system-wide settings file: /etc/oomtoprc when configured with --sysconfdir=/etc. */
#define RUN_CONFIG_SYSTEM_RC OOMTOP_SYSCONFDIR "/oomtoprc"

/* Reads system_rc (RUN_CONFIG_SYSTEM_RC, or another path in tests; NULL: none), then the
 * user's settings file over it (a missing file is no problem), reports their problems to
 * report, merges (run_config_merge) and finds the history (run_config_history_here).
 * Returns 0 or 2 as those do. */
int run_config_load(struct run_config *rc, const struct options *o, const char *system_rc,
                    run_config_report_fn report, void *ud, char *err, size_t errlen);

/* Which history to read or write (see above), into rc->history_path: root (euid 0) and
 * the environment's XDG_STATE_HOME and HOME are given, exists() says whether a file is
 * there. Returns 0, or 2 with a message in err (recording with no path at all). */
int run_config_history(struct run_config *rc, const struct options *o, bool root, const char *xdg_state_home,
                       const char *home, bool (*exists)(const char *path), char *err, size_t errlen);

/* run_config_history with this process's euid, environment and files (run_config_load
 * calls it; --events, which reads no settings, calls it alone on a zeroed rc). */
int run_config_history_here(struct run_config *rc, const struct options *o, char *err, size_t errlen);

/* The collector's part: interval, window, where OOM kills are read, the held-file budget,
 * and whether one refresh is all there will be (-n 1). */
void run_config_collector(const struct run_config *rc, struct collector_config *out);

/* The screen's part. stop_fd and stop_signal are the application's signal handling. */
void run_config_screen(const struct run_config *rc, int stop_fd, int (*stop_signal)(void),
                   struct tui_config *out);

#endif
