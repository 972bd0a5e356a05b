/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The run's configuration (app/run_config.h): the command line over the user's settings
 * file over the system-wide one over the defaults, decided once; the window fitted to the delay; problems counted and
 * the first one kept for the screen's status line. */
#include "config.h"

#include <check.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/options.h"
#include "app/run_config.h"
#include "core/proc/held.h"
#include "tests/unit/ck_run.h"

static struct options o;
static struct run_config rc;
static char err[512];
static char reported[8][600];
static int nreported;

static void report(void *ud, const char *msg)
{
	(void)ud;
	if (nreported < 8)
		snprintf(reported[nreported], sizeof(reported[0]), "%s", msg);
	nreported++;
}

/* Parse "oomtop ARGS..." (the NULL-terminated rest of ap) into o. */
static void parse_args(va_list ap)
{
	char *argv[32];
	int argc = 0;
	argv[argc++] = (char *)"oomtop";
	for (const char *a; (a = va_arg(ap, const char *)) != NULL && argc < 31;)
		argv[argc++] = (char *)a;
	argv[argc] = NULL;
	ck_assert_int_eq(options_parse(&o, argc, argv, NULL, err, sizeof(err)), 0);
}

/* Merge "oomtop ARGS..." (NULL-terminated) with a settings file holding `file`. */
static int merge(const char *file, ...)
{
	va_list ap;
	va_start(ap, file);
	parse_args(ap);
	va_end(ap);
	memset(&rc, 0, sizeof(rc));
	nreported = 0;
	struct settings s;
	settings_defaults(&s);
	settings_parse(&s, file, strlen(file), "oomtoprc", (conffile_report_fn)report, NULL);
	rc.problems = nreported; /* as run_config_load counts what the parser reported */
	if (nreported)
		snprintf(rc.first_problem, sizeof(rc.first_problem), "%s", reported[0]);
	return run_config_merge(&rc, &o, &s, "oomtoprc", report, NULL, err, sizeof(err));
}
#define MERGE(file, ...) merge(file, ##__VA_ARGS__, (const char *)NULL)

START_TEST(file_values_apply_when_the_command_line_is_silent)
{
	ck_assert_int_eq(MERGE("delay=3\nwindow=120\nsort=-pid\ntheme=light\n"), 0);
	ck_assert_double_eq(rc.set.delay_s, 3);
	ck_assert_double_eq(rc.set.window_s, 120);
	ck_assert_int_eq(rc.set.sort, SORT_PID);
	ck_assert(rc.set.sort_reverse);
	ck_assert_str_eq(rc.set.theme, "light");
	ck_assert_int_eq(rc.problems, 0);
	struct collector_config cc;
	run_config_collector(&rc, &cc);
	ck_assert_double_eq(cc.interval_s, 3);
	ck_assert_double_eq(cc.window_s, 120);
	struct tui_config tc;
	run_config_screen(&rc, -1, NULL, &tc);
	ck_assert_double_eq(tc.set.delay_s, 3);
	ck_assert_int_eq(tc.set.sort, SORT_PID);
	ck_assert_ptr_null(tc.first_problem);
}
END_TEST

START_TEST(the_command_line_wins_only_where_given)
{
	ck_assert_int_eq(MERGE("delay=3\nwindow=120\nsort=-pid\ntheme=light\n", "-d", "2"), 0);
	ck_assert_double_eq(rc.set.delay_s, 2);
	ck_assert_double_eq(rc.set.window_s, 120);
	ck_assert_int_eq(rc.set.sort, SORT_PID);
	ck_assert_int_eq(MERGE("delay=3\nwindow=120\nsort=-pid\n", "-w", "60", "-s", "rss", "--theme", "mono"), 0);
	ck_assert_double_eq(rc.set.delay_s, 3);
	ck_assert_double_eq(rc.set.window_s, 60);
	ck_assert_int_eq(rc.set.sort, SORT_RSS);
	ck_assert(!rc.set.sort_reverse); /* -s names the order too: the default one */
	ck_assert_str_eq(rc.set.theme, "mono");
}
END_TEST

START_TEST(held_kmem_from_the_command_line_the_file_or_the_default)
{
	struct collector_config cc;
	ck_assert_int_eq(MERGE(""), 0);
	run_config_collector(&rc, &cc);
	ck_assert_uint_eq(cc.held_kmem_bytes, PROC_HELD_KMEM_DEFAULT_BYTES);
	ck_assert_int_eq(MERGE("held_kmem=2M\n"), 0);
	run_config_collector(&rc, &cc);
	ck_assert_uint_eq(cc.held_kmem_bytes, 2 << 20);
	ck_assert_int_eq(MERGE("held_kmem=2M\n", "--held-kmem=0"), 0);
	run_config_collector(&rc, &cc);
	ck_assert_uint_eq(cc.held_kmem_bytes, 0);
	ck_assert_int_eq(MERGE("", "--held-kmem=512K"), 0);
	run_config_collector(&rc, &cc);
	ck_assert_uint_eq(cc.held_kmem_bytes, 512 << 10);
	/* a bad value in the file: reported, the default kept */
	ck_assert_int_eq(MERGE("held_kmem=lots\n"), 0);
	ck_assert_int_eq(rc.problems, 1);
	run_config_collector(&rc, &cc);
	ck_assert_uint_eq(cc.held_kmem_bytes, PROC_HELD_KMEM_DEFAULT_BYTES);
}
END_TEST

START_TEST(one_refresh_is_a_one_shot)
{
	struct collector_config cc;
	ck_assert_int_eq(MERGE("", "-b", "-n", "1"), 0);
	run_config_collector(&rc, &cc);
	ck_assert(cc.one_shot);
	ck_assert_int_eq(MERGE("", "-n", "1"), 0); /* the screen's single frame too */
	run_config_collector(&rc, &cc);
	ck_assert(cc.one_shot);
	ck_assert_int_eq(MERGE("", "-b", "-n", "2"), 0);
	run_config_collector(&rc, &cc);
	ck_assert(!cc.one_shot);
	ck_assert_int_eq(MERGE("", "-b"), 0);
	run_config_collector(&rc, &cc);
	ck_assert(!cc.one_shot);
}
END_TEST

START_TEST(the_defaults_without_a_file)
{
	ck_assert_int_eq(MERGE(""), 0);
	ck_assert_double_eq(rc.set.delay_s, 1);
	ck_assert_double_eq(rc.set.window_s, 300);
	ck_assert_int_eq(rc.set.sort, SORT_RSS_SLOPE);
	ck_assert_str_eq(rc.set.theme, "default");
}
END_TEST

/* A leak rate needs refreshes inside the window: a window nobody set follows a long
 * delay (wherever the delay came from); one set too short is replaced (file, reported)
 * or refused (command line). */
START_TEST(window_fits_the_delay)
{
	ck_assert_int_eq(MERGE("", "-d", "60"), 0);
	ck_assert_double_eq(rc.set.window_s, 600);
	ck_assert_int_eq(MERGE("delay=60\n"), 0);
	ck_assert_double_eq(rc.set.window_s, 600);
	ck_assert_int_eq(MERGE("", "-d", "10"), 0);
	ck_assert_double_eq(rc.set.window_s, 300);
	ck_assert_int_eq(MERGE("", "-d", "10", "-w", "40"), 0);
	ck_assert_double_eq(rc.set.window_s, 40);

	ck_assert_int_eq(MERGE("", "-d", "10", "-w", "20"), 2);
	ck_assert_ptr_nonnull(strstr(err, "--window"));
	ck_assert_ptr_nonnull(strstr(err, "-w 40"));
	ck_assert_ptr_null(strstr(err, "settings file"));
	ck_assert_int_eq(MERGE("delay=10\n", "-w", "20"), 2);
	ck_assert_ptr_nonnull(strstr(err, "(the settings file's)"));

	ck_assert_int_eq(MERGE("delay=60\nwindow=120\n"), 0);
	ck_assert_double_eq(rc.set.window_s, 600);
	ck_assert_int_eq(rc.problems, 1);
	ck_assert_str_eq(reported[0], "oomtoprc: window=120 is too short for a delay of 60 s (at least 4 "
	                              "refreshes per window): using 600");
	ck_assert_int_eq(MERGE("window=120\n", "-d", "60"), 0);
	ck_assert_double_eq(rc.set.window_s, 600);
	ck_assert_int_eq(rc.problems, 1);
}
END_TEST

START_TEST(problems_are_counted_and_the_first_is_kept)
{
	ck_assert_int_eq(MERGE("delay=zero\nbogus\nwindow=120\ndelay=60\n"), 0);
	ck_assert_int_eq(rc.problems, 3);
	ck_assert_int_eq(nreported, 3);
	ck_assert_str_eq(rc.first_problem, "oomtoprc:1: bad value 'zero' for delay (0.1 to 3600 seconds) "
	                                   "(and 2 more: see stderr after quitting)");
	struct tui_config tc;
	run_config_screen(&rc, 7, NULL, &tc);
	ck_assert_str_eq(tc.first_problem, rc.first_problem);
	ck_assert_int_eq(tc.stop_fd, 7);
	ck_assert_double_eq(rc.set.delay_s, 60); /* the lines after a bad one apply */
}
END_TEST

START_TEST(filters_and_modes_come_from_the_command_line)
{
	ck_assert_int_eq(MERGE("", "-b", "-p", "12,34", "-u", "0", "-c", "/system.slice", "-n", "5", "-f", "json",
	                       "--readonly", "--kmsg", "/tmp/log"),
	                 0);
	ck_assert_uint_eq(rc.filter.npids, 2);
	ck_assert_int_eq(rc.filter.pids[1], 34);
	ck_assert(rc.filter.by_uid);
	ck_assert_int_eq(rc.filter.uid, 0);
	ck_assert_str_eq(rc.filter.cgroup, "/system.slice");
	ck_assert(rc.filter.ghosts);
	ck_assert(!rc.filter.kernel_threads);
	ck_assert_int_eq(rc.iterations, 5);
	ck_assert_int_eq(rc.format, OUTPUT_JSON);
	ck_assert(rc.readonly);
	ck_assert_str_eq(rc.kmsg_path, "/tmp/log");
}
END_TEST

/* Write text to dir/name (dir created). */
static void put_file(const char *dir, const char *name, const char *text)
{
	char path[4300];
	mkdir(dir, 0755);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

/* run_config_load with "oomtop ARGS..." (NULL-terminated): the system file given, the
 * user's found through XDG_CONFIG_HOME. */
static int load(const char *system_rc, ...)
{
	va_list ap;
	va_start(ap, system_rc);
	parse_args(ap);
	va_end(ap);
	nreported = 0;
	return run_config_load(&rc, &o, system_rc, report, NULL, err, sizeof(err));
}
#define LOAD(system_rc, ...) load(system_rc, ##__VA_ARGS__, (const char *)NULL)

/* $(sysconfdir)/oomtoprc is the system-wide default beneath the user's file: each key
 * from the last of system file, user file, command line that set it. */
START_TEST(the_system_file_lies_beneath_the_users)
{
	char tmp[] = "/tmp/oomtop-rc.XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(tmp));
	char etc[4200], xdg[4200], user[4300], sys_rc[4300];
	snprintf(etc, sizeof(etc), "%s/etc", tmp);
	snprintf(xdg, sizeof(xdg), "%s/home", tmp);
	snprintf(user, sizeof(user), "%s/oomtop", xdg);
	snprintf(sys_rc, sizeof(sys_rc), "%s/oomtoprc", etc);
	const char *old_xdg = getenv("XDG_CONFIG_HOME");
	char saved[4096] = "";
	if (old_xdg)
		snprintf(saved, sizeof(saved), "%s", old_xdg);
	setenv("XDG_CONFIG_HOME", xdg, 1);

	/* the system file alone */
	put_file(etc, "oomtoprc", "delay=5\nwindow=600\nsort=pid\ntree=0\ntheme=mono\n");
	ck_assert_int_eq(LOAD(sys_rc), 0);
	ck_assert_double_eq(rc.set.delay_s, 5);
	ck_assert_double_eq(rc.set.window_s, 600);
	ck_assert_int_eq(rc.set.sort, SORT_PID);
	ck_assert(!rc.set.tree);
	ck_assert_str_eq(rc.set.theme, "mono");
	ck_assert_int_eq(rc.problems, 0);

	/* the user's file over it, key by key; the command line over both */
	mkdir(xdg, 0755);
	put_file(user, "oomtoprc", "delay=2\ntheme=light\n");
	ck_assert_int_eq(LOAD(sys_rc), 0);
	ck_assert_double_eq(rc.set.delay_s, 2);    /* user */
	ck_assert_double_eq(rc.set.window_s, 600); /* system: the user said nothing */
	ck_assert_int_eq(rc.set.sort, SORT_PID);   /* system */
	ck_assert(!rc.set.tree);                   /* system */
	ck_assert_str_eq(rc.set.theme, "light");   /* user */
	ck_assert_int_eq(LOAD(sys_rc, "-s", "rss", "-d", "3"), 0);
	ck_assert_double_eq(rc.set.delay_s, 3);
	ck_assert_int_eq(rc.set.sort, SORT_RSS);
	ck_assert_double_eq(rc.set.window_s, 600);

	/* no system file: the user's file and the defaults */
	ck_assert_int_eq(LOAD(NULL), 0);
	ck_assert_double_eq(rc.set.delay_s, 2);
	ck_assert_double_eq(rc.set.window_s, 300);
	ck_assert_int_eq(rc.set.sort, SORT_RSS_SLOPE);

	/* problems name the file they are in; a window too short for the delay is reported
	 * against the file that set the window */
	put_file(etc, "oomtoprc", "delay=bogus\nwindow=10\n");
	put_file(user, "oomtoprc", "delay=5\n");
	ck_assert_int_eq(LOAD(sys_rc), 0);
	ck_assert_int_eq(rc.problems, 2);
	ck_assert_int_eq(nreported, 2);
	char want[4400];
	snprintf(want, sizeof(want), "%s:1: bad value 'bogus' for delay", sys_rc);
	ck_assert_msg(strncmp(reported[0], want, strlen(want)) == 0, "reported: %s", reported[0]);
	snprintf(want, sizeof(want), "%s: window=10 is too short for a delay of 5 s", sys_rc);
	ck_assert_msg(strncmp(reported[1], want, strlen(want)) == 0, "reported: %s", reported[1]);
	ck_assert_double_eq(rc.set.window_s, 50);

	char path[4400];
	snprintf(path, sizeof(path), "%s/oomtoprc", user);
	unlink(path);
	rmdir(user);
	rmdir(xdg);
	unlink(sys_rc);
	rmdir(etc);
	rmdir(tmp);
	if (saved[0])
		setenv("XDG_CONFIG_HOME", saved, 1);
	else
		unsetenv("XDG_CONFIG_HOME");
}
END_TEST

START_TEST(the_recorder_has_its_own_delay_and_keys)
{
	/* the file's delay is the screen's: the recorder samples every 10 s unless -d says */
	ck_assert_int_eq(MERGE("delay=2\n", "--record"), 0);
	ck_assert_double_eq(rc.set.delay_s, 10);
	ck_assert_int_eq(rc.history_size_bytes, INT64_C(64) << 20);
	ck_assert_double_eq(rc.history_flush_s, 120);
	ck_assert_int_eq(MERGE("delay=2\nhistory_size=32M\nhistory_flush=300\n", "--record", "-d", "5"), 0);
	ck_assert_double_eq(rc.set.delay_s, 5);
	ck_assert_int_eq(rc.history_size_bytes, INT64_C(32) << 20);
	ck_assert_double_eq(rc.history_flush_s, 300);
	ck_assert_int_eq(rc.problems, 0);
	ck_assert_int_eq(MERGE("history_size=32M\nhistory_flush=300\n", "--record", "--history-size=8M",
			       "--history-flush=30"),
			 0);
	ck_assert_int_eq(rc.history_size_bytes, INT64_C(8) << 20);
	ck_assert_double_eq(rc.history_flush_s, 30);
	/* bad values in the file are problems, the defaults stay */
	ck_assert_int_eq(MERGE("history_size=10K\nhistory_flush=0\n", "--record"), 0);
	ck_assert_int_eq(rc.problems, 2);
	ck_assert_int_eq(rc.history_size_bytes, INT64_C(64) << 20);
	/* the screen's delay is untouched by them */
	ck_assert_int_eq(MERGE("delay=2\nhistory_size=32M\n"), 0);
	ck_assert_double_eq(rc.set.delay_s, 2);
	/* saved from the screen, the file keeps the keys it had, and only those */
	struct settings s;
	char text[2048];
	settings_defaults(&s);
	ck_assert_int_eq(settings_parse(&s, "history_size=1536K\nhistory_flush=45\n", 36, "rc", NULL, NULL), 0);
	settings_format(&s, text, sizeof(text));
	ck_assert_ptr_nonnull(strstr(text, "history_size=1536K\n"));
	ck_assert_ptr_nonnull(strstr(text, "history_flush=45\n"));
	settings_defaults(&s);
	settings_format(&s, text, sizeof(text));
	ck_assert_ptr_null(strstr(text, "history_"));
}
END_TEST

static const char *present[4];
static bool exists_fake(const char *path)
{
	for (size_t i = 0; i < 4 && present[i]; i++)
		if (strcmp(present[i], path) == 0)
			return true;
	return false;
}

static int history_for(bool root, const char *xdg, const char *home, ...)
{
	char *argv[16];
	int argc = 0;
	argv[argc++] = (char *)"oomtop";
	va_list ap;
	va_start(ap, home);
	for (const char *a; (a = va_arg(ap, const char *)) != NULL && argc < 15;)
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	ck_assert_int_eq(options_parse(&o, argc, argv, NULL, err, sizeof(err)), 0);
	memset(&rc, 0, sizeof(rc));
	return run_config_history(&rc, &o, root, xdg, home, exists_fake, err, sizeof(err));
}
#define HISTORY_FOR(root, xdg, home, ...) history_for(root, xdg, home, ##__VA_ARGS__, (const char *)NULL)

START_TEST(which_history)
{
	memset(present, 0, sizeof(present));
	/* recording: the path given, else the default for this user */
	ck_assert_int_eq(HISTORY_FOR(true, NULL, "/root", "--record"), 0);
	ck_assert_str_eq(rc.history_path, "/var/lib/oomtop/history.db");
	ck_assert(!rc.history_given);
	ck_assert_int_eq(HISTORY_FOR(false, "/home/u/.st", "/home/u", "--record"), 0);
	ck_assert_str_eq(rc.history_path, "/home/u/.st/oomtop/history.db");
	ck_assert_int_eq(HISTORY_FOR(false, NULL, NULL, "--record=/srv/h.db"), 0);
	ck_assert_str_eq(rc.history_path, "/srv/h.db");
	ck_assert(rc.history_given);
	ck_assert_int_eq(HISTORY_FOR(false, NULL, NULL, "--record"), 2);
	ck_assert_ptr_nonnull(strstr(err, "--record"));
	/* reading: nothing when no default exists */
	ck_assert_int_eq(HISTORY_FOR(false, NULL, "/home/u", "-b"), 0);
	ck_assert_ptr_null(rc.history_path);
	/* the system recorder's, for a user without one of their own */
	present[0] = "/var/lib/oomtop/history.db";
	ck_assert_int_eq(HISTORY_FOR(false, NULL, "/home/u", "-b"), 0);
	ck_assert_str_eq(rc.history_path, "/var/lib/oomtop/history.db");
	present[1] = "/home/u/.local/state/oomtop/history.db";
	ck_assert_int_eq(HISTORY_FOR(false, NULL, "/home/u"), 0);
	ck_assert_str_eq(rc.history_path, "/home/u/.local/state/oomtop/history.db");
	ck_assert(!rc.history_given);
	ck_assert_int_eq(HISTORY_FOR(false, NULL, "/home/u", "--events"), 0);
	ck_assert_str_eq(rc.history_path, "/home/u/.local/state/oomtop/history.db");
	/* --no-history, a saved kernel log: none; --history: that one */
	ck_assert_int_eq(HISTORY_FOR(false, NULL, "/home/u", "--no-history"), 0);
	ck_assert_ptr_null(rc.history_path);
	ck_assert_int_eq(HISTORY_FOR(false, NULL, "/home/u", "--events", "--kmsg=/tmp/k.log"), 0);
	ck_assert_ptr_null(rc.history_path);
	ck_assert_int_eq(HISTORY_FOR(false, NULL, "/home/u", "-b", "--history=/x.db"), 0);
	ck_assert_str_eq(rc.history_path, "/x.db");
	ck_assert(rc.history_given);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("run_config");
	TCase *tc = tcase_create("merge");
	tcase_add_test(tc, file_values_apply_when_the_command_line_is_silent);
	tcase_add_test(tc, the_command_line_wins_only_where_given);
	tcase_add_test(tc, the_defaults_without_a_file);
	tcase_add_test(tc, held_kmem_from_the_command_line_the_file_or_the_default);
	tcase_add_test(tc, one_refresh_is_a_one_shot);
	tcase_add_test(tc, window_fits_the_delay);
	tcase_add_test(tc, problems_are_counted_and_the_first_is_kept);
	tcase_add_test(tc, filters_and_modes_come_from_the_command_line);
	tcase_add_test(tc, the_system_file_lies_beneath_the_users);
	tcase_add_test(tc, the_recorder_has_its_own_delay_and_keys);
	tcase_add_test(tc, which_history);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
