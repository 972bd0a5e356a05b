/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "app/options.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/scan.h"
#include "core/history/size.h"
#include "core/history/when.h"
#include "core/proc/held.h"

enum {
	OPT_EVENTS = 256, OPT_FOLLOW, OPT_KMSG, OPT_SET_ADJ, OPT_FORCE, OPT_READONLY, OPT_THEME, OPT_NO_COLOR,
	OPT_JOURNAL, OPT_BY_UNIT, OPT_OUTPUT, OPT_RECORD, OPT_HISTORY, OPT_NO_HISTORY, OPT_AT, OPT_HISTORY_SIZE,
	OPT_HISTORY_FLUSH, OPT_HELD_KMEM, OPT_DETAIL,
};

static const struct option long_opts[] = {
	{"delay", required_argument, NULL, 'd'},
	{"window", required_argument, NULL, 'w'},
	{"sort", required_argument, NULL, 's'},
	{"pid", required_argument, NULL, 'p'},
	{"user", required_argument, NULL, 'u'},
	{"cgroup", required_argument, NULL, 'c'},
	{"batch", no_argument, NULL, 'b'},
	{"iterations", required_argument, NULL, 'n'},
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, OPT_OUTPUT},
	{"detail", no_argument, NULL, OPT_DETAIL},
	{"events", no_argument, NULL, OPT_EVENTS},
	{"follow", no_argument, NULL, OPT_FOLLOW},
	{"kmsg", required_argument, NULL, OPT_KMSG},
	{"journal", optional_argument, NULL, OPT_JOURNAL},
	{"by-unit", no_argument, NULL, OPT_BY_UNIT},
	{"set-adj", required_argument, NULL, OPT_SET_ADJ},
	{"force", no_argument, NULL, OPT_FORCE},
	{"readonly", no_argument, NULL, OPT_READONLY},
	{"theme", required_argument, NULL, OPT_THEME},
	{"no-color", no_argument, NULL, OPT_NO_COLOR},
	{"record", optional_argument, NULL, OPT_RECORD},
	{"history", required_argument, NULL, OPT_HISTORY},
	{"no-history", no_argument, NULL, OPT_NO_HISTORY},
	{"at", required_argument, NULL, OPT_AT},
	{"history-size", required_argument, NULL, OPT_HISTORY_SIZE},
	{"history-flush", required_argument, NULL, OPT_HISTORY_FLUSH},
	{"held-kmem", required_argument, NULL, OPT_HELD_KMEM},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

const char *options_usage(void)
{
	return "Usage: oomtop [OPTIONS]\n"
	       "Watch memory leaks and OOM kills: processes, memory cgroups and the kernel's OOM killer.\n"
	       "\n"
	       "  -d, --delay=SECS        refresh interval (default 1; 0.1 to 3600)\n"
	       "  -w, --window=SECS       leak-rate window (default 300; 10 to 604800; >= 4 x delay)\n"
	       "  -s, --sort=KEY          rss_slope (default), rss, swap, oom_score, oom_score_adj,\n"
	       "                          fds, fd_slope, fd_eta, threads, pid, user, name, cgroup\n"
	       "  -p, --pid=PID[,PID...]  only these processes\n"
	       "  -u, --user=USER         only this user's processes (name or uid)\n"
	       "  -c, --cgroup=PATH       only processes in this cgroup subtree (e.g. /system.slice)\n"
	       "  -b, --batch             no screen: print one snapshot per refresh to stdout\n"
	       "  -n, --iterations=N      exit after N refreshes (batch and screen)\n"
	       "  -f, --format=FMT        batch output: text (default), json, prometheus\n"
	       "      --output=FILE       batch: write each snapshot to FILE, replacing it whole\n"
	       "                          (a temporary file renamed over it: readers never see part)\n"
	       "      --detail            batch: add PSS (smaps_rollup) and the kinds of the fds\n"
	       "                          (socket, pipe, file, anon_inode, other) of the processes\n"
	       "                          -p names, else of the first 10 printed\n"
	       "      --events            print the OOM kills found, then exit\n"
	       "      --follow            with --events: keep following new kills\n"
	       "      --by-unit           with --events: kills grouped by systemd unit, with their rhythm\n"
	       "      --journal[=PATH]    read kills from the systemd journal (the default when it is\n"
	       "                          readable), or from journal files or a directory at PATH\n"
	       "      --kmsg=FILE         read the kernel log from FILE instead of the journal or /dev/kmsg\n"
	       "                          (dmesg, dmesg -T, journalctl -k, syslog, /dev/kmsg dump; - is stdin)\n"
	       "      --set-adj=PID:VALUE[,PID:VALUE...]\n"
	       "                          set oom_score_adj of each PID (-1000 to 1000), then exit;\n"
	       "                          may be repeated\n"
	       "      --force             with --set-adj: also pid 1 and kernel threads\n"
	       "      --readonly          refuse every write\n"
	       "      --theme=NAME        colour theme: a name from the theme folders, or a path\n"
	       "      --no-color          monochrome (also when NO_COLOR is set)\n"
	       "      --record[=PATH]     no screen: record samples into the history database PATH\n"
	       "                          (default /var/lib/oomtop/history.db as root, else\n"
	       "                          $XDG_STATE_HOME/oomtop/history.db); -d defaults to 10\n"
	       "      --history=PATH      start from the history recorded in PATH (default: the\n"
	       "                          recorder's path, when it exists); --events lists its kills too\n"
	       "      --no-history        ignore any recorded history\n"
	       "      --at=TIME           the recorded moment nearest TIME (2025-06-01T02:14, 02:14,\n"
	       "                          @UNIX, -90s, -2h): the screen opens there (history mode);\n"
	       "                          -b prints it, -n N prints N moments from there\n"
	       "      --history-size=SIZE with --record: keep the database under SIZE (default 64M)\n"
	       "      --history-flush=SECS with --record: write to disk every SECS (default 120;\n"
	       "                          at once after an OOM kill; 1 to 3600)\n"
	       "      --held-kmem=SIZE    kernel memory /proc files held open may pin (default 8M;\n"
	       "                          K, M, G; 0 holds none, reading every file by path)\n"
	       "  -h, --help              this text\n"
	       "  -V, --version           the version\n"
	       "\n"
	       "Exit status: 0 success, 1 runtime failure, 2 bad usage or bad value.\n";
}

static bool parse_double(const char *s, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end || !isfinite(v))
		return false;
	*out = v;
	return true;
}

static bool parse_long(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end)
		return false;
	*out = v;
	return true;
}

static int __attribute__((format(printf, 3, 4))) bad(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return 2;
}

static int parse_pids(struct options *o, const char *arg, char *err, size_t errlen)
{
	char buf[1024];
	snprintf(buf, sizeof(buf), "%s", arg);
	char *save = NULL;
	for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		long v;
		if (!parse_long(tok, &v) || v < 1 || v > 4194304)
			return bad(err, errlen, "--pid: '%s' is not a pid (1 to 4194304)", tok);
		if (o->npids == OPTIONS_MAX_PIDS)
			return bad(err, errlen, "--pid: at most %s pids", "64");
		o->pids[o->npids++] = (pid_t)v;
	}
	if (!o->npids)
		return bad(err, errlen, "--pid: '%s' holds no pid (PID[,PID...])", arg);
	return 0;
}

static int parse_user(struct options *o, const char *arg, char *err, size_t errlen)
{
	struct passwd *pw = getpwnam(arg);
	long v;
	if (pw) {
		o->uid = pw->pw_uid;
	} else if (parse_long(arg, &v) && v >= 0 && v <= (long)UINT32_MAX - 1) {
		o->uid = (uid_t)v;
	} else {
		return bad(err, errlen, "--user: no user '%s' (a user name or a numeric uid)", arg);
	}
	o->by_uid = true;
	o->user = arg;
	return 0;
}

int options_parse(struct options *o, int argc, char **argv, const char *no_color_env, char *err, size_t errlen)
{
	memset(o, 0, sizeof(*o));
	o->mode = MODE_SCREEN;
	o->delay_s = 1.0;
	o->window_s = 300.0;
	o->sort = SORT_RSS_SLOPE;
	o->format = OUTPUT_TEXT;
	o->no_color = no_color_env && no_color_env[0];
	bool batch = false, events = false, format_given = false, record = false;
	err[0] = '\0';

	optind = 0; /* GNU: full re-initialisation, so tests can parse twice */
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":d:w:s:p:u:c:bn:f:hV", long_opts, NULL)) != -1) {
		double d;
		long l;
		int rc = 0;
		switch (c) {
		case 'd':
			if (!parse_double(optarg, &d) || d < 0.1 || d > 3600)
				return bad(err, errlen, "--delay: '%s' is not a number of seconds from 0.1 to 3600",
					   optarg);
			o->delay_s = d;
			o->delay_given = true;
			break;
		case 'w':
			if (!parse_double(optarg, &d) || d < 10 || d > 604800)
				return bad(err, errlen, "--window: '%s' is not a number of seconds from 10 to 604800",
					   optarg);
			o->window_s = d;
			o->window_given = true;
			break;
		case 's': {
			int k = sort_key_from_name(optarg);
			if (k < 0)
				return bad(err, errlen, "--sort: unknown key '%s' (one of: %s)", optarg, sort_key_list());
			o->sort = (enum sort_key)k;
			o->sort_given = true;
			break;
		}
		case 'p': rc = parse_pids(o, optarg, err, errlen); break;
		case 'u': rc = parse_user(o, optarg, err, errlen); break;
		case 'c':
			if (optarg[0] != '/')
				return bad(err, errlen, "--cgroup: '%s' is not a cgroup path (it starts with /, e.g. /system.slice)",
					   optarg);
			o->cgroup = optarg;
			break;
		case 'b': batch = true; break;
		case 'n':
			if (!parse_long(optarg, &l) || l < 1 || l > 1000000000)
				return bad(err, errlen, "--iterations: '%s' is not a count from 1 to 1000000000", optarg);
			o->iterations = l;
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				o->format = OUTPUT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				o->format = OUTPUT_JSON;
			else if (strcmp(optarg, "prometheus") == 0)
				o->format = OUTPUT_PROMETHEUS;
			else
				return bad(err, errlen, "--format: unknown format '%s' (text, json or prometheus)", optarg);
			format_given = true;
			break;
		case OPT_OUTPUT: {
			const char *base = strrchr(optarg, '/');
			base = base ? base + 1 : optarg;
			if (!base[0] || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
				return bad(err, errlen, "--output: '%s' does not name a file", optarg);
			if (strlen(optarg) >= 4096 || strlen(base) >= 200)
				return bad(err, errlen, "--output: the path is too long");
			o->output_path = optarg;
			break;
		}
		case OPT_DETAIL: o->detail = true; break;
		case OPT_EVENTS: events = true; break;
		case OPT_FOLLOW: o->follow = true; break;
		case OPT_KMSG:
			if (!optarg[0])
				return bad(err, errlen, "--kmsg: needs a file name (or - for stdin)");
			o->kmsg_path = optarg;
			break;
		case OPT_SET_ADJ:
			if (o->nset_adj == OPTIONS_MAX_SET_ADJ)
				return bad(err, errlen, "--set-adj: at most %d times", OPTIONS_MAX_SET_ADJ);
			o->set_adj[o->nset_adj++] = optarg;
			break;
		case OPT_FORCE: o->force = true; break;
		case OPT_JOURNAL:
			if (optarg && !optarg[0])
				return bad(err, errlen, "--journal: needs a journal file or directory after =");
			o->journal = true;
			o->journal_path = optarg;
			break;
		case OPT_BY_UNIT: o->by_unit = true; break;
		case OPT_READONLY: o->readonly = true; break;
		case OPT_THEME:
			if (!optarg[0])
				return bad(err, errlen, "--theme: needs a theme name or a path");
			o->theme = optarg;
			break;
		case OPT_NO_COLOR: o->no_color = true; break;
		case OPT_RECORD:
			if (optarg && !optarg[0])
				return bad(err, errlen, "--record: needs a file name after = (or none: the default)");
			record = true;
			o->record_path = optarg;
			break;
		case OPT_HISTORY:
			if (!optarg[0])
				return bad(err, errlen, "--history: needs a file name");
			o->history_path = optarg;
			break;
		case OPT_NO_HISTORY: o->no_history = true; break;
		case OPT_AT:
			if (history_when_parse(optarg, 0, &d) != 0)
				return bad(err, errlen,
					   "--at: '%s' is not a time (2025-06-01T02:14[:SS][Z|+HH:MM], 02:14, "
					   "@UNIX, or -90s / -2h / -1d)",
					   optarg);
			o->at = optarg;
			break;
		case OPT_HISTORY_SIZE:
			if (history_size_parse(optarg, &o->history_size_bytes) != 0)
				return bad(err, errlen,
					   "--history-size: '%s' is not a size from 1M to 1T (bytes, or with K, M, G, T)",
					   optarg);
			break;
		case OPT_HISTORY_FLUSH:
			if (!parse_double(optarg, &d) || d < 1 || d > 3600)
				return bad(err, errlen, "--history-flush: '%s' is not a number of seconds from 1 to 3600",
					   optarg);
			o->history_flush_s = d;
			break;
		case OPT_HELD_KMEM:
			if (!scan_size(optarg, PROC_HELD_KMEM_MAX_BYTES, &o->held_kmem_bytes))
				return bad(err, errlen, "--held-kmem: '%s' is not a size from 0 to 1G (bytes, or K, M, G)",
					   optarg);
			o->held_kmem_given = true;
			break;
		case 'h': o->mode = MODE_HELP; return 0;
		case 'V': o->mode = MODE_VERSION; return 0;
		case ':': {
			const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
			if (strncmp(arg, "--", 2) == 0) /* long option: name it as typed */
				return bad(err, errlen, "%s: needs a value", arg);
			return bad(err, errlen, "-%c: needs a value", optopt);
		}
		default: {
			/* glibc: optopt is the short letter, or a long option's `val` (ours are
			 * ≥ 256 for long-only ones, so not printable), or 0 for an unknown long one */
			const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
			if (strncmp(arg, "--", 2) == 0) {
				const char *eq = strchr(arg, '=');
				if (eq && optopt)
					return bad(err, errlen, "%.*s: takes no value (see --help)", (int)(eq - arg), arg);
				return bad(err, errlen, "unknown option %s (see --help)", arg);
			}
			return bad(err, errlen, "unknown option -%c (see --help)",
				   optopt > 0 && optopt < 128 && isgraph(optopt) ? optopt : '?');
		}
		}
		if (rc)
			return rc;
	}
	if (optind < argc && o->journal && !o->journal_path)
		return bad(err, errlen, "--journal: the path goes after '=': --journal=%s", argv[optind]);
	if (optind < argc)
		return bad(err, errlen, "unexpected argument '%s' (see --help)", argv[optind]);

	int modes = batch + events + (o->nset_adj > 0) + record;
	if (modes > 1)
		return bad(err, errlen, "--batch, --events, --set-adj and --record cannot be combined");
	if (record && (o->npids || o->by_uid || o->cgroup))
		return bad(err, errlen, "--record records every process: -p, -u and -c do not go with it");
	if (record && (o->history_path || o->no_history || o->at))
		return bad(err, errlen, "--record writes the history: --history, --no-history and --at do not go with it");
	if (!record && (o->history_size_bytes || o->history_flush_s))
		return bad(err, errlen, "--history-size and --history-flush go with --record");
	if (o->history_path && o->no_history)
		return bad(err, errlen, "--history and --no-history cannot be combined");
	if (o->at && o->no_history)
		return bad(err, errlen, "--at reads the history: it does not go with --no-history");
	if (o->at && (events || o->nset_adj))
		return bad(err, errlen, "--at goes with -b or the screen");
	if (o->follow && !events)
		return bad(err, errlen, "--follow goes with --events");
	if (o->output_path && !batch)
		return bad(err, errlen, "--output goes with --batch");
	if (o->detail && !batch)
		return bad(err, errlen, "--detail goes with --batch (on the screen, Enter on a process shows it)");
	if (o->detail && o->at)
		return bad(err, errlen, "--detail reads running processes: it does not go with --at");
	if (o->by_unit && !events)
		return bad(err, errlen, "--by-unit goes with --events");
	if (o->by_unit && o->follow)
		return bad(err, errlen, "--by-unit sums up what the log holds: it cannot --follow");
	if (o->journal && o->kmsg_path)
		return bad(err, errlen, "--journal and --kmsg cannot be combined");
	if (o->journal && o->nset_adj)
		return bad(err, errlen, "--journal goes with --events, --batch or the screen");
	if (format_given && !batch && !events)
		return bad(err, errlen, "--format goes with --batch or --events");
	if (events && o->format == OUTPUT_PROMETHEUS)
		return bad(err, errlen, "--format: --events prints text or json");
	if (o->force && !o->nset_adj)
		return bad(err, errlen, "--force goes with --set-adj");
	if (o->nset_adj && o->readonly) {
		/* allowed: the command refuses with its own message and exit 1 */
	}
	if (batch)
		o->mode = MODE_BATCH;
	else if (events)
		o->mode = MODE_EVENTS;
	else if (o->nset_adj)
		o->mode = MODE_SET_ADJ;
	else if (record)
		o->mode = MODE_RECORD;
	return 0;
}
