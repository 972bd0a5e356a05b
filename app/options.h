/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/options.h — the command line (oomtop(1) OPTIONS), parsed into a struct. Pure apart from
 * user-name lookup (-u). Never prints and never exits: main() does both. */
#ifndef OOMTOP_OPTIONS_H
#define OOMTOP_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/output/output.h"
#include "core/proc/sort.h"

#define OPTIONS_MAX_PIDS 64
#define OPTIONS_MAX_SET_ADJ 64

enum run_mode { MODE_SCREEN, MODE_BATCH, MODE_EVENTS, MODE_SET_ADJ, MODE_RECORD, MODE_HELP, MODE_VERSION };

struct options {
	enum run_mode mode;
	double delay_s;      /* -d: 0.1 .. 3600, default 1 */
	double window_s;     /* -w: 10 .. 604800, default 300 (app/run_config.h fits it to the delay) */
	bool delay_given, window_given; /* said on the command line (settings must not override) */
	enum sort_key sort;  /* -s */
	bool sort_given;
	pid_t pids[OPTIONS_MAX_PIDS]; /* -p */
	size_t npids;
	bool by_uid;         /* -u */
	uid_t uid;
	const char *user;
	const char *cgroup;  /* -c: a cgroup path ("/system.slice") */
	long iterations;     /* -n: 0 = until stopped */
	enum output_format format; /* -f */
	const char *output_path;   /* --output=FILE (batch): each snapshot replaces FILE whole */
	bool detail;         /* --detail (batch): the costly fields of the processes printed first */
	bool follow;         /* --follow (with --events) */
	const char *kmsg_path; /* --kmsg FILE or "-" */
	bool journal;        /* --journal[=PATH]: kills from the systemd journal */
	const char *journal_path; /* its PATH (journal files or a directory); NULL the system's */
	bool by_unit;        /* --by-unit (with --events): kills grouped by unit, their rhythm */
	const char *set_adj[OPTIONS_MAX_SET_ADJ]; /* each --set-adj's PID:VALUE[,PID:VALUE...], checked by its command */
	size_t nset_adj;
	bool force;          /* --force: --set-adj may write pid 1 and kernel threads */
	bool readonly;
	const char *theme;
	bool no_color;       /* --no-color, or NO_COLOR set in the environment */
	const char *record_path;  /* --record=PATH; NULL with --record alone: the default path */
	const char *history_path; /* --history=PATH, or NULL */
	bool no_history;          /* --no-history */
	const char *at;           /* --at=TIME as typed (its syntax checked: core/history/when.h) */
	int64_t history_size_bytes; /* --history-size; 0 when not given */
	double history_flush_s;   /* --history-flush; 0 when not given */
	uint64_t held_kmem_bytes; /* --held-kmem: kernel memory for held /proc files */
	bool held_kmem_given;
};


/* Parse argv. Returns 0, or 2 (bad usage) with a one-line message in err naming the option
 * and the accepted range. `no_color_env` is getenv("NO_COLOR") (NULL when unset). */
int options_parse(struct options *o, int argc, char **argv, const char *no_color_env, char *err, size_t errlen);

/* The --help text. */
const char *options_usage(void);

#endif
