/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The command line (oomtop(1) OPTIONS): every option with good values, every bad value → 2 with
 * a one-line message naming the option, NO_COLOR, and mode selection. */
#include "config.h"

#include <check.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/options.h"
#include "tests/unit/ck_run.h"

static struct options o;
static char err[512];

/* Parse "oomtop" + the NULL-terminated arguments, with NO_COLOR as given. getopt permutes
 * argv, so each call gets a fresh copy. */
static char *argv[64]; /* the options point into it: kept until the next parse */

static int parse_env(const char *no_color, ...)
{
	for (int i = 0; argv[i]; i++) {
		free(argv[i]);
		argv[i] = NULL;
	}
	int argc = 0;
	argv[argc++] = strdup("oomtop");
	va_list ap;
	va_start(ap, no_color);
	for (const char *a; (a = va_arg(ap, const char *)) != NULL && argc < 63;)
		argv[argc++] = strdup(a);
	va_end(ap);
	argv[argc] = NULL;
	memset(err, 'X', sizeof(err) - 1);
	err[sizeof(err) - 1] = '\0';
	/* getopt permutes argv: pass a copy of the pointers, free the strings later */
	char *args[64];
	memcpy(args, argv, sizeof(args));
	return options_parse(&o, argc, args, no_color, err, sizeof(err));
}
#define parse(...) parse_env(NULL, __VA_ARGS__, (const char *)NULL)
#define parse0() parse_env(NULL, (const char *)NULL)

/* rc is 2, and err is one printable line mentioning every given word. */
static void expect_bad(int rc, const char *args, ...)
{
	ck_assert_msg(rc == 2, "%s: rc %d, want 2", args, rc);
	ck_assert_msg(err[0] != '\0', "%s: empty message", args);
	for (const unsigned char *p = (const unsigned char *)err; *p; p++)
		ck_assert_msg(isprint(*p), "%s: byte 0x%02x in message '%s'", args, *p, err);
	va_list ap;
	va_start(ap, args);
	for (const char *w; (w = va_arg(ap, const char *)) != NULL;)
		ck_assert_msg(strstr(err, w) != NULL, "%s: message '%s' lacks '%s'", args, err, w);
	va_end(ap);
}
#define BAD(words, ...) expect_bad(parse(__VA_ARGS__), #__VA_ARGS__, words, (const char *)NULL)
#define BAD2(w1, w2, ...) expect_bad(parse(__VA_ARGS__), #__VA_ARGS__, w1, w2, (const char *)NULL)
#define BAD3(w1, w2, w3, ...) expect_bad(parse(__VA_ARGS__), #__VA_ARGS__, w1, w2, w3, (const char *)NULL)

/* ---------------------------------------------------------------- good values */

START_TEST(defaults)
{
	ck_assert_int_eq(parse0(), 0);
	ck_assert_int_eq(o.mode, MODE_SCREEN);
	ck_assert_double_eq(o.delay_s, 1.0);
	ck_assert_double_eq(o.window_s, 300.0);
	ck_assert_int_eq(o.sort, SORT_RSS_SLOPE);
	ck_assert(!o.sort_given);
	ck_assert_uint_eq(o.npids, 0);
	ck_assert(!o.by_uid);
	ck_assert_ptr_null(o.cgroup);
	ck_assert_int_eq(o.iterations, 0);
	ck_assert_int_eq(o.format, OUTPUT_TEXT);
	ck_assert(!o.follow);
	ck_assert_ptr_null(o.kmsg_path);
	ck_assert_uint_eq(o.nset_adj, 0);
	ck_assert(!o.force);
	ck_assert(!o.readonly);
	ck_assert_ptr_null(o.theme);
	ck_assert(!o.no_color);
	ck_assert_str_eq(err, "");
}
END_TEST

START_TEST(delay_and_window)
{
	ck_assert_int_eq(parse("-d", "0.1"), 0);
	ck_assert_double_eq(o.delay_s, 0.1);
	ck_assert_int_eq(parse("-d", "3600"), 0);
	ck_assert_double_eq(o.delay_s, 3600);
	ck_assert_int_eq(parse("--delay=2.5"), 0);
	ck_assert_double_eq(o.delay_s, 2.5);
	ck_assert_int_eq(parse("--delay", "7"), 0);
	ck_assert_double_eq(o.delay_s, 7);
	ck_assert_int_eq(parse("-d5"), 0);
	ck_assert_double_eq(o.delay_s, 5);
	ck_assert_int_eq(parse("-w", "10"), 0);
	ck_assert_double_eq(o.window_s, 10);
	ck_assert_int_eq(parse("--window=604800"), 0);
	ck_assert_double_eq(o.window_s, 604800);
	ck_assert_int_eq(parse("-w", "600"), 0);
	ck_assert_double_eq(o.window_s, 600);
	ck_assert(o.window_given && !o.delay_given);
}
END_TEST

START_TEST(every_sort_key)
{
	for (int k = 0; k < SORT_KEY_COUNT; k++) {
		ck_assert_int_eq(parse("-s", sort_key_name((enum sort_key)k)), 0);
		ck_assert_int_eq(o.sort, k);
		ck_assert(o.sort_given);
		char arg[64];
		snprintf(arg, sizeof(arg), "--sort=%s", sort_key_name((enum sort_key)k));
		ck_assert_int_eq(parse(arg), 0);
		ck_assert_int_eq(o.sort, k);
	}
	/* the names oomtop(1) OPTIONS lists, spelled out, so a renamed key fails here */
	static const char *const design[] = {"rss_slope", "rss", "swap", "oom_score", "oom_score_adj", "fds",
					     "fd_slope", "fd_eta", "threads", "pid", "user", "name", "cgroup"};
	for (size_t i = 0; i < sizeof(design) / sizeof(design[0]); i++)
		ck_assert_msg(parse("-s", design[i]) == 0, "sort key %s refused: %s", design[i], err);
	ck_assert_int_eq(SORT_KEY_COUNT, 13);
}
END_TEST

START_TEST(pids_user_cgroup)
{
	ck_assert_int_eq(parse("-p", "1,22,333"), 0);
	ck_assert_uint_eq(o.npids, 3);
	ck_assert_int_eq(o.pids[0], 1);
	ck_assert_int_eq(o.pids[1], 22);
	ck_assert_int_eq(o.pids[2], 333);
	ck_assert_int_eq(parse("--pid=4194304"), 0);
	ck_assert_uint_eq(o.npids, 1);
	ck_assert_int_eq(o.pids[0], 4194304);
	/* repeated -p adds up */
	ck_assert_int_eq(parse("-p", "5", "-p", "6"), 0);
	ck_assert_uint_eq(o.npids, 2);

	ck_assert_int_eq(parse("-u", "root"), 0);
	ck_assert(o.by_uid);
	ck_assert_int_eq(o.uid, 0);
	ck_assert_str_eq(o.user, "root");
	ck_assert_int_eq(parse("--user=4321"), 0); /* a uid without a passwd entry */
	ck_assert(o.by_uid);
	ck_assert_int_eq(o.uid, 4321);

	ck_assert_int_eq(parse("-c", "/system.slice"), 0);
	ck_assert_str_eq(o.cgroup, "/system.slice");
	ck_assert_int_eq(parse("--cgroup=/"), 0);
	ck_assert_str_eq(o.cgroup, "/");
}
END_TEST

START_TEST(batch_iterations_format)
{
	ck_assert_int_eq(parse("-b"), 0);
	ck_assert_int_eq(o.mode, MODE_BATCH);
	ck_assert_int_eq(o.format, OUTPUT_TEXT);
	ck_assert_int_eq(parse("--batch", "-n", "3", "-f", "json"), 0);
	ck_assert_int_eq(o.mode, MODE_BATCH);
	ck_assert_int_eq(o.iterations, 3);
	ck_assert_int_eq(o.format, OUTPUT_JSON);
	ck_assert_int_eq(parse("-b", "--format=prometheus", "--iterations=1"), 0);
	ck_assert_int_eq(o.format, OUTPUT_PROMETHEUS);
	ck_assert_int_eq(o.iterations, 1);
	ck_assert_int_eq(parse("-b", "-f", "text"), 0);
	ck_assert_int_eq(o.format, OUTPUT_TEXT);
	/* -n works for the screen too */
	ck_assert_int_eq(parse("-n", "2"), 0);
	ck_assert_int_eq(o.mode, MODE_SCREEN);
	ck_assert_int_eq(o.iterations, 2);
	/* combined short options */
	ck_assert_int_eq(parse("-bn1"), 0);
	ck_assert_int_eq(o.mode, MODE_BATCH);
	ck_assert_int_eq(o.iterations, 1);
	/* --output: a file to replace each refresh instead of stdout */
	ck_assert_int_eq(parse("-b"), 0);
	ck_assert_ptr_null(o.output_path);
	ck_assert_int_eq(parse("-b", "-f", "prometheus", "--output=/var/lib/x/oomtop.prom"), 0);
	ck_assert_str_eq(o.output_path, "/var/lib/x/oomtop.prom");
	ck_assert_int_eq(parse("-b", "--output", "here.json"), 0);
	ck_assert_str_eq(o.output_path, "here.json");
	/* --detail: the costly fields, of -p's processes or the first ones printed */
	ck_assert(!o.detail);
	ck_assert_int_eq(parse("-b", "-f", "json", "--detail", "-p", "42"), 0);
	ck_assert(o.detail);
	ck_assert_uint_eq(o.npids, 1);
	ck_assert_int_eq(parse("-b", "--detail"), 0);
	ck_assert(o.detail);
}
END_TEST

START_TEST(events_kmsg_setadj_misc)
{
	ck_assert_int_eq(parse("--events"), 0);
	ck_assert_int_eq(o.mode, MODE_EVENTS);
	ck_assert(!o.follow);
	ck_assert_int_eq(parse("--events", "--follow", "--format=json"), 0);
	ck_assert_int_eq(o.mode, MODE_EVENTS);
	ck_assert(o.follow);
	ck_assert_int_eq(o.format, OUTPUT_JSON);
	ck_assert_int_eq(parse("--events", "--kmsg=/var/log/kern.log"), 0);
	ck_assert_str_eq(o.kmsg_path, "/var/log/kern.log");
	ck_assert_int_eq(parse("--events", "--kmsg", "-"), 0);
	ck_assert_str_eq(o.kmsg_path, "-");
	ck_assert(!o.journal);
	ck_assert_int_eq(parse("--events", "--journal"), 0);
	ck_assert(o.journal);
	ck_assert_ptr_null(o.journal_path);
	ck_assert_int_eq(parse("--events", "--journal=/var/log/journal/x", "--by-unit", "-f", "json"), 0);
	ck_assert(o.journal);
	ck_assert(o.by_unit);
	ck_assert_str_eq(o.journal_path, "/var/log/journal/x");
	ck_assert_int_eq(parse("-b", "--journal=/srv/j"), 0); /* batch and the screen read it too */
	ck_assert_int_eq(o.mode, MODE_BATCH);
	ck_assert_str_eq(o.journal_path, "/srv/j");
	ck_assert_int_eq(parse("--set-adj=1234:500"), 0);
	ck_assert_int_eq(o.mode, MODE_SET_ADJ);
	ck_assert_uint_eq(o.nset_adj, 1);
	ck_assert_str_eq(o.set_adj[0], "1234:500");
	ck_assert_int_eq(parse("--set-adj=1:5,2:6", "--set-adj", "3:7", "--force"), 0);
	ck_assert_uint_eq(o.nset_adj, 2);
	ck_assert_str_eq(o.set_adj[0], "1:5,2:6");
	ck_assert_str_eq(o.set_adj[1], "3:7");
	ck_assert(o.force);
	ck_assert_int_eq(parse("--readonly"), 0);
	ck_assert(o.readonly);
	ck_assert_int_eq(o.mode, MODE_SCREEN);
	ck_assert_int_eq(parse("--theme=high-contrast"), 0);
	ck_assert_str_eq(o.theme, "high-contrast");
	ck_assert_int_eq(parse("--theme", "/home/me/my.theme"), 0);
	ck_assert_str_eq(o.theme, "/home/me/my.theme");
	ck_assert_int_eq(parse("--no-color"), 0);
	ck_assert(o.no_color);
	ck_assert_int_eq(parse("-h"), 0);
	ck_assert_int_eq(o.mode, MODE_HELP);
	ck_assert_int_eq(parse("--help"), 0);
	ck_assert_int_eq(o.mode, MODE_HELP);
	ck_assert_int_eq(parse("-V"), 0);
	ck_assert_int_eq(o.mode, MODE_VERSION);
	ck_assert_int_eq(parse("--version"), 0);
	ck_assert_int_eq(o.mode, MODE_VERSION);
	/* --help wins over the rest of the line, even a bad value after it */
	ck_assert_int_eq(parse("-b", "--help", "-d", "0"), 0);
	ck_assert_int_eq(o.mode, MODE_HELP);
}
END_TEST

START_TEST(usage_names_every_option)
{
	const char *u = options_usage();
	static const char *const opts[] = {"--delay", "--window", "--sort", "--pid", "--user", "--cgroup",
					   "--batch", "--iterations", "--format", "--events", "--follow", "--kmsg",
					   "--set-adj", "--readonly", "--theme", "--no-color", "--help", "--version",
					   "--journal[=PATH]", "--by-unit", "--output", "--record", "--history",
					   "--no-history", "--at", "--history-size", "--history-flush", "--held-kmem"};
	for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		ck_assert_msg(strstr(u, opts[i]) != NULL, "usage lacks %s", opts[i]);
	ck_assert_ptr_nonnull(strstr(u, "Exit status"));
}
END_TEST

/* ---------------------------------------------------------------- bad values */

START_TEST(bad_delay_window)
{
	BAD3("--delay", "0.1", "3600", "-d", "0");
	BAD2("--delay", "5000", "-d", "5000");
	BAD2("--delay", "abc", "-d", "abc");
	BAD("--delay", "-d", "1s");
	BAD("--delay", "-d", "");
	BAD("--delay", "-d", "nan");
	BAD("--delay", "-d", "inf");
	BAD("--delay", "--delay=-1");
	BAD3("--window", "10", "604800", "-w", "5");
	BAD("--window", "-w", "604801");
	BAD("--window", "--window=x");
}
END_TEST

START_TEST(bad_sort_pid_user_cgroup)
{
	BAD3("--sort", "bogus", "rss_slope", "-s", "bogus");
	BAD("--sort", "-s", "RSS"); /* key names are exact */
	BAD2("--pid", "'0'", "-p", "0");
	BAD2("--pid", "'x'", "-p", "1,x");
	BAD("--pid", "-p", "-5");
	BAD("--pid", "-p", "4194305");
	BAD("--pid", "-p", "");
	BAD("--pid", "-p", ",");
	BAD("--pid", "-p", "12abc");
	char many[1024] = "";
	for (int i = 1; i <= OPTIONS_MAX_PIDS + 1; i++)
		snprintf(many + strlen(many), sizeof(many) - strlen(many), "%s%d", i > 1 ? "," : "", i);
	BAD("--pid", "-p", many);
	BAD2("--user", "no_such_user_xyz", "-u", "no_such_user_xyz");
	BAD("--user", "-u", "-1");
	BAD2("--cgroup", "relative", "-c", "relative");
	BAD("--cgroup", "-c", "");
}
END_TEST

START_TEST(bad_iterations_format)
{
	BAD2("--iterations", "0", "-b", "-n", "0");
	BAD("--iterations", "-b", "-n", "-3");
	BAD("--iterations", "-b", "-n", "1.5");
	BAD("--iterations", "-b", "-n", "many");
	BAD3("--format", "xml", "json", "-b", "-f", "xml");
	BAD("--format", "-b", "--format=JSON");
	/* --format without a mode that prints */
	BAD("--format", "-f", "json");
	/* --events prints text or json only */
	BAD("--format", "--events", "-f", "prometheus");
}
END_TEST

START_TEST(held_kmem_sizes)
{
	ck_assert_int_eq(parse("-b"), 0);
	ck_assert(!o.held_kmem_given); /* the settings file's or the default then */
	ck_assert_int_eq(parse("--held-kmem=0"), 0);
	ck_assert(o.held_kmem_given);
	ck_assert_uint_eq(o.held_kmem_bytes, 0);
	ck_assert_int_eq(parse("--held-kmem", "512K"), 0);
	ck_assert_uint_eq(o.held_kmem_bytes, 512 * 1024);
	ck_assert_int_eq(parse("--held-kmem=8m"), 0);
	ck_assert_uint_eq(o.held_kmem_bytes, 8 << 20);
	ck_assert_int_eq(parse("--held-kmem=1G"), 0);
	ck_assert_uint_eq(o.held_kmem_bytes, 1 << 30);
	ck_assert_int_eq(parse("--held-kmem=4096"), 0);
	ck_assert_uint_eq(o.held_kmem_bytes, 4096);
	BAD2("--held-kmem", "'1025M'", "--held-kmem=1025M"); /* over 1G */
	BAD2("--held-kmem", "'8.5M'", "--held-kmem=8.5M");
	ck_assert_int_eq(parse("--held-kmem=8MiB"), 0); /* however the unit is spelt */
	ck_assert_uint_eq(o.held_kmem_bytes, 8 << 20);
	BAD2("--held-kmem", "'-1'", "--held-kmem=-1");
	BAD2("--held-kmem", "'M'", "--held-kmem=M");
	BAD2("--held-kmem", "''", "--held-kmem=");
	BAD("--held-kmem", "--held-kmem");
}
END_TEST

START_TEST(bad_combinations)
{
	BAD2("--follow", "--events", "--follow");
	BAD2("--batch", "--events", "--batch", "--events");
	BAD("--set-adj", "-b", "--set-adj=1:1");
	BAD("--set-adj", "--events", "--set-adj=1:1");
	BAD2("unexpected", "stray", "-b", "stray");
	BAD("--kmsg", "--events", "--kmsg=");
	BAD("--theme", "--theme=");
	BAD("--by-unit", "--by-unit");
	BAD("--by-unit", "-b", "--by-unit");
	BAD("--follow", "--events", "--by-unit", "--follow");
	BAD2("--journal", "--kmsg", "--events", "--journal", "--kmsg=x");
	BAD("--journal", "--events", "--journal=");
	BAD("--journal", "--set-adj=1:1", "--journal");
	/* the path of --journal goes after '=' */
	BAD2("--journal", "--journal=/var/log/journal", "--events", "--journal", "/var/log/journal");
	BAD2("--output", "--batch", "--output=/tmp/x");        /* the screen has no output file */
	BAD2("--output", "does not name a file", "-b", "--output=/tmp/");
	BAD("--output", "-b", "--output=");
	BAD("--output", "-b", "--output=/tmp/..");
	BAD2("--detail", "--batch", "--detail");             /* the screen: Enter on a process */
	BAD2("--detail", "--batch", "--events", "--detail");
	BAD2("--detail", "--at", "-b", "--detail", "--at=-1h"); /* recorded moments have none */
	BAD("--detail", "--detail=yes");
}
END_TEST

START_TEST(unknown_options_and_missing_values)
{
	BAD("--bogus", "--bogus");
	BAD("-x", "-x");
	BAD("-x", "-bx"); /* inside a group of short options */
	BAD("-d", "-d");
	BAD("-d", "--delay"); /* long option, value missing: names its short form at least */
	BAD("-s", "-s");
	BAD("-p", "-p");
	BAD("-f", "-b", "-f");
	/* long-only options without a short letter */
	BAD("--kmsg", "--events", "--kmsg");
	BAD("--theme", "--theme");
	BAD("--set-adj", "--set-adj");
	/* a value given to an option that takes none */
	BAD("--readonly", "--readonly=yes");
	BAD("--batch", "--batch=1");
}
END_TEST

START_TEST(parses_again_after_an_error)
{
	ck_assert_int_eq(parse("-d", "0"), 2);
	ck_assert_int_eq(parse("-d", "2", "-b"), 0);
	ck_assert_double_eq(o.delay_s, 2);
	ck_assert_int_eq(o.mode, MODE_BATCH);
	ck_assert_str_eq(err, "");
	/* nothing of the previous parse leaks into the next */
	ck_assert_int_eq(parse("-p", "7", "-u", "root", "--readonly"), 0);
	ck_assert_int_eq(parse0(), 0);
	ck_assert_uint_eq(o.npids, 0);
	ck_assert(!o.by_uid);
	ck_assert(!o.readonly);
	ck_assert_int_eq(o.mode, MODE_SCREEN);
}
END_TEST

/* ---------------------------------------------------------------- NO_COLOR, modes */

START_TEST(no_color_env)
{
	ck_assert_int_eq(parse_env("1", (const char *)NULL), 0);
	ck_assert(o.no_color);
	ck_assert_int_eq(parse_env("yes please", "-b", (const char *)NULL), 0);
	ck_assert(o.no_color);
	/* no-color.org: set but empty does not count */
	ck_assert_int_eq(parse_env("", (const char *)NULL), 0);
	ck_assert(!o.no_color);
	ck_assert_int_eq(parse_env(NULL, (const char *)NULL), 0);
	ck_assert(!o.no_color);
	ck_assert_int_eq(parse_env("", "--no-color", (const char *)NULL), 0);
	ck_assert(o.no_color);
}
END_TEST

START_TEST(history_options)
{
	ck_assert_int_eq(parse("--record"), 0);
	ck_assert_int_eq(o.mode, MODE_RECORD);
	ck_assert_ptr_null(o.record_path);
	ck_assert(!o.delay_given); /* the run's configuration gives the recorder its 10 s */
	ck_assert_int_eq(parse("--record=/srv/h.db", "-d", "30", "-n", "5", "--history-size=16M",
			       "--history-flush", "600"),
			 0);
	ck_assert_int_eq(o.mode, MODE_RECORD);
	ck_assert_str_eq(o.record_path, "/srv/h.db");
	ck_assert_int_eq(o.history_size_bytes, INT64_C(16) << 20);
	ck_assert_double_eq(o.history_flush_s, 600);
	ck_assert_int_eq(parse("--record", "--history-size", "1G"), 0);
	ck_assert_int_eq(o.history_size_bytes, INT64_C(1) << 30);
	ck_assert_int_eq(parse("--record", "--history-size", "2097152"), 0); /* bytes, as every size */
	ck_assert_int_eq(o.history_size_bytes, INT64_C(2) << 20);
	BAD2("--history-size", "'512'", "--record", "--history-size", "512"); /* 512 bytes: under 1M */
	ck_assert_int_eq(parse("-b", "--history=/srv/h.db"), 0);
	ck_assert_int_eq(o.mode, MODE_BATCH);
	ck_assert_str_eq(o.history_path, "/srv/h.db");
	ck_assert_int_eq(parse("--no-history"), 0);
	ck_assert(o.no_history);
	ck_assert_int_eq(parse("-b", "--at=-90s", "-f", "json", "-n", "3"), 0);
	ck_assert_str_eq(o.at, "-90s");
	ck_assert_int_eq(parse("-b", "--at", "2025-06-01T02:14", "--history", "/srv/h.db"), 0);
	ck_assert_int_eq(parse("--at=-90s", "--history", "/srv/h.db"), 0); /* the screen */
	ck_assert_int_eq(o.mode, MODE_SCREEN);
	ck_assert_str_eq(o.at, "-90s");
	ck_assert_int_eq(parse("--events", "--history=/srv/h.db", "--follow"), 0);
	ck_assert_int_eq(o.mode, MODE_EVENTS);
}
END_TEST

START_TEST(bad_history_options)
{
	BAD2("--at", "yesterday", "-b", "--at=yesterday");
	BAD2("--at", "-b", "--events", "--at=-90s"); /* a moment is printed or shown, not listed */
	BAD2("--at", "--no-history", "-b", "--at=-1h", "--no-history");
	BAD2("--history", "--no-history", "--history=/x", "--no-history");
	BAD("--history", "--history=");
	BAD("--record", "--record=");
	BAD2("--record", "--batch", "--record", "-b");
	BAD2("--record", "--events", "--record", "--events");
	BAD2("--record", "-p", "--record", "-p", "1");
	BAD2("--record", "--history", "--record", "--history=/x");
	BAD2("--record", "--at", "--record", "--at=-1h");
	BAD("--format", "--record", "-f", "json");
	BAD3("--history-size", "1M", "1T", "--record", "--history-size=100K");
	BAD("--history-size", "--record", "--history-size=2T");
	BAD("--history-size", "--record", "--history-size=64X");
	BAD3("--history-flush", "1", "3600", "--record", "--history-flush=0");
	BAD2("--history-size", "--record", "-b", "--history-size=64M");
}
END_TEST

START_TEST(mode_selection)
{
	ck_assert_int_eq(parse("-d", "2", "-s", "rss", "-c", "/a"), 0);
	ck_assert_int_eq(o.mode, MODE_SCREEN);
	ck_assert_int_eq(parse("-b", "-p", "1"), 0);
	ck_assert_int_eq(o.mode, MODE_BATCH);
	ck_assert_int_eq(parse("--events", "--kmsg=/x"), 0);
	ck_assert_int_eq(o.mode, MODE_EVENTS);
	ck_assert_int_eq(parse("--set-adj", "1:-1000", "--readonly"), 0);
	ck_assert_int_eq(o.mode, MODE_SET_ADJ);
	ck_assert(o.readonly);
	ck_assert_int_eq(parse("-V", "-b"), 0);
	ck_assert_int_eq(o.mode, MODE_VERSION);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("options");
	TCase *tc = tcase_create("good");
	tcase_add_test(tc, defaults);
	tcase_add_test(tc, held_kmem_sizes);
	tcase_add_test(tc, delay_and_window);
	tcase_add_test(tc, every_sort_key);
	tcase_add_test(tc, pids_user_cgroup);
	tcase_add_test(tc, batch_iterations_format);
	tcase_add_test(tc, events_kmsg_setadj_misc);
	tcase_add_test(tc, usage_names_every_option);
	tcase_add_test(tc, history_options);
	suite_add_tcase(s, tc);
	tc = tcase_create("bad");
	tcase_add_test(tc, bad_delay_window);
	tcase_add_test(tc, bad_sort_pid_user_cgroup);
	tcase_add_test(tc, bad_iterations_format);
	tcase_add_test(tc, bad_combinations);
	tcase_add_test(tc, unknown_options_and_missing_values);
	tcase_add_test(tc, parses_again_after_an_error);
	tcase_add_test(tc, bad_history_options);
	suite_add_tcase(s, tc);
	tc = tcase_create("env");
	tcase_add_test(tc, no_color_env);
	tcase_add_test(tc, mode_selection);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
