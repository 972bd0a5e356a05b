/* The run's configuration (app/run_config.h): the command line over the settings file
 * over the defaults, decided once; the window fitted to the delay; problems counted and
 * the first one kept for the screen's status line. */
#include "config.h"

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Merge "oomtop ARGS..." (NULL-terminated) with a settings file holding `file`. */
static int merge(const char *file, ...)
{
	char *argv[32];
	int argc = 0;
	argv[argc++] = (char *)"oomtop";
	va_list ap;
	va_start(ap, file);
	for (const char *a; (a = va_arg(ap, const char *)) != NULL && argc < 31;)
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	ck_assert_int_eq(options_parse(&o, argc, argv, NULL, err, sizeof(err)), 0);
	memset(&rc, 0, sizeof(rc));
	nreported = 0;
	struct settings s;
	settings_defaults(&s);
	settings_parse(&s, file, "oomtoprc", (theme_report_fn)report, NULL);
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
	suite_add_tcase(s, tc);
	return ck_run(s);
}
