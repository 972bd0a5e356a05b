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
#include "core/proc/held.h"

enum { OPT_EVENTS = 256, OPT_FOLLOW, OPT_KMSG, OPT_SET_ADJ, OPT_READONLY, OPT_THEME, OPT_NO_COLOR, OPT_HELD_KMEM };

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
	{"events", no_argument, NULL, OPT_EVENTS},
	{"follow", no_argument, NULL, OPT_FOLLOW},
	{"kmsg", required_argument, NULL, OPT_KMSG},
	{"set-adj", required_argument, NULL, OPT_SET_ADJ},
	{"readonly", no_argument, NULL, OPT_READONLY},
	{"theme", required_argument, NULL, OPT_THEME},
	{"no-color", no_argument, NULL, OPT_NO_COLOR},
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
	       "                          fds, fd_slope, threads, pid, user, name, cgroup\n"
	       "  -p, --pid=PID[,PID...]  only these processes\n"
	       "  -u, --user=USER         only this user's processes (name or uid)\n"
	       "  -c, --cgroup=PATH       only processes in this cgroup subtree (e.g. /system.slice)\n"
	       "  -b, --batch             no screen: print one snapshot per refresh to stdout\n"
	       "  -n, --iterations=N      exit after N refreshes (batch and screen)\n"
	       "  -f, --format=FMT        batch output: text (default), json, prometheus\n"
	       "      --events            print the kernel OOM events found, then exit\n"
	       "      --follow            with --events: keep following new events\n"
	       "      --kmsg=FILE         read the kernel log from FILE instead of /dev/kmsg\n"
	       "                          (dmesg, dmesg -T, journalctl -k, syslog, /dev/kmsg dump; - is stdin)\n"
	       "      --set-adj=PID:VALUE set oom_score_adj of PID (-1000 to 1000), then exit\n"
	       "      --readonly          refuse every write\n"
	       "      --theme=NAME        colour theme: a name from the theme folders, or a path\n"
	       "      --no-color          monochrome (also when NO_COLOR is set)\n"
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
	bool batch = false, events = false, format_given = false;
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
		case OPT_EVENTS: events = true; break;
		case OPT_FOLLOW: o->follow = true; break;
		case OPT_KMSG:
			if (!optarg[0])
				return bad(err, errlen, "--kmsg: needs a file name (or - for stdin)");
			o->kmsg_path = optarg;
			break;
		case OPT_SET_ADJ: o->set_adj = optarg; break;
		case OPT_READONLY: o->readonly = true; break;
		case OPT_THEME:
			if (!optarg[0])
				return bad(err, errlen, "--theme: needs a theme name or a path");
			o->theme = optarg;
			break;
		case OPT_NO_COLOR: o->no_color = true; break;
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
	if (optind < argc)
		return bad(err, errlen, "unexpected argument '%s' (see --help)", argv[optind]);

	int modes = batch + events + (o->set_adj != NULL);
	if (modes > 1)
		return bad(err, errlen, "--batch, --events and --set-adj cannot be combined");
	if (o->follow && !events)
		return bad(err, errlen, "--follow goes with --events");
	if (format_given && !batch && !events)
		return bad(err, errlen, "--format goes with --batch or --events");
	if (events && o->format == OUTPUT_PROMETHEUS)
		return bad(err, errlen, "--format: --events prints text or json");
	if (o->set_adj && o->readonly) {
		/* allowed: the command refuses with its own message and exit 1 */
	}
	if (batch)
		o->mode = MODE_BATCH;
	else if (events)
		o->mode = MODE_EVENTS;
	else if (o->set_adj)
		o->mode = MODE_SET_ADJ;
	return 0;
}
