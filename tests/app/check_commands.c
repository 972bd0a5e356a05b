/* Unit tests for the commands of app/: --set-adj (its strict argument parser, and its
 * exit codes and words against a fixture /proc) and --events on a saved kernel log. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/cmd_events.h"
#include "app/cmd_setadj.h"
#include "tests/lib/fxtree.h"
#include "tests/unit/ck_run.h"

#define KMSG_DIR FIXTURES "/kmsg"

/* ---- --set-adj ---- */

START_TEST(setadj_parse_is_strict)
{
	char msg[300];
	pid_t pid;
	int v;
	ck_assert_int_eq(setadj_parse("42:500", &pid, &v, msg, sizeof(msg)), 0);
	ck_assert_int_eq(pid, 42);
	ck_assert_int_eq(v, 500);
	ck_assert_int_eq(setadj_parse("42:-1000", &pid, &v, msg, sizeof(msg)), 0);
	ck_assert_int_eq(v, -1000);
	ck_assert_int_eq(setadj_parse("42:+7", &pid, &v, msg, sizeof(msg)), 0);
	ck_assert_int_eq(v, 7);
	const char *bad[] = {"",       "42",    "42:",    ":5",
	                     "x:5",    "42:5x", "42: 5",  " 42:5",
	                     "42:5:6", "-1:5",  "42:--5", "42:99999999999999999999999"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		msg[0] = '\0';
		ck_assert_msg(setadj_parse(bad[i], &pid, &v, msg, sizeof(msg)) == SETADJ_EXIT_USAGE,
		              "accepted '%s'", bad[i]);
		ck_assert_ptr_nonnull(strstr(msg, "--set-adj"));
		ck_assert_ptr_null(strchr(msg, '\n'));
	}
	ck_assert_int_eq(setadj_parse("42:1001", &pid, &v, msg, sizeof(msg)), SETADJ_EXIT_USAGE);
	ck_assert_str_eq(msg, "oomtop: --set-adj: VALUE must be from -1000 to 1000, got 1001");
	ck_assert_int_eq(setadj_parse("0:5", &pid, &v, msg, sizeof(msg)), SETADJ_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(msg, "PID must be"));
	ck_assert_int_eq(setadj_parse(NULL, &pid, &v, msg, sizeof(msg)), SETADJ_EXIT_USAGE);
}
END_TEST

static char fx_root[64];

/* the writer's syslog line: not from a test */
static void no_log(void *arg, const char *line)
{
	(void)arg;
	(void)line;
}

static void fx_setup(void)
{
	fxtree_make(fx_root, sizeof(fx_root), "setadj");
	fxtree_write(fx_root, "42/stat",
	             "42 (nas agent) S 1 42 42 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 777 1 1\n");
	fxtree_write(fx_root, "42/status", "Name:\tnas agent\nUid:\t0\t0\t0\t0\n");
	fxtree_write(fx_root, "42/oom_score_adj", "0\n");
	fxtree_write(fx_root, "self/status", "CapEff:\t000001fffeffffff\n");
}

static void fx_teardown(void)
{
	fxtree_remove(fx_root);
}

START_TEST(setadj_cmd_exit_codes_on_the_fixture)
{
	struct oom_adj_env env = {.proc_root = fx_root, .log_line = no_log, .log_arg = NULL};
	char *obuf = NULL, *ebuf = NULL;
	size_t olen = 0, elen = 0;
	FILE *out = open_memstream(&obuf, &olen), *err = open_memstream(&ebuf, &elen);
	ck_assert_int_eq(setadj_cmd_run_env(&env, "42:2000", false, out, err), 2);
	ck_assert_int_eq(setadj_cmd_run_env(&env, "42:600", true, out, err), 1);
	ck_assert_int_eq(setadj_cmd_run_env(&env, "43:600", false, out, err), 1);
	ck_assert_int_eq(setadj_cmd_run_env(&env, "42:600", false, out, err), 0);
	ck_assert_int_eq(setadj_cmd_run_env(&env, "42:600", false, out, err), 0); /* unchanged */
	fclose(out);
	fclose(err);
	ck_assert_str_eq(obuf, "oomtop: pid 42 (nas agent): oom_score_adj 0 -> 600\n"
	                       "oomtop: pid 42 (nas agent): oom_score_adj is already 600\n");
	ck_assert_ptr_nonnull(strstr(ebuf, "VALUE must be from -1000 to 1000, got 2000\n"));
	ck_assert_ptr_nonnull(strstr(ebuf, "read-only mode (--readonly)"));
	ck_assert_ptr_nonnull(strstr(ebuf, "pid 43 is gone"));
	free(obuf);
	free(ebuf);
}
END_TEST

/* ---- --events ---- */

START_TEST(events_cmd_prints_json_lines_and_fails_cleanly)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/k5.15-memcg-v2-1.txt", KMSG_DIR);
	char *obuf = NULL, *ebuf = NULL;
	size_t olen = 0, elen = 0;
	FILE *out = open_memstream(&obuf, &olen), *err = open_memstream(&ebuf, &elen);
	struct events_cmd_config ec = {.kmsg_path = path, .fmt = EVENTS_FORMAT_JSON};
	ck_assert_int_eq(events_cmd_run(&ec, out, err), 0);
	fclose(out);
	fclose(err);
	int lines = 0;
	for (char *p = obuf; (p = strchr(p, '\n')); p++)
		lines++;
	ck_assert_int_eq(lines, 6);
	ck_assert(strncmp(obuf, "{\"schema\": 2, \"boot_time\": 139.201482, ", 39) == 0);
	ck_assert_ptr_nonnull(strstr(obuf, "\"victim_pid\": 7788, \"victim_comm\": \"bash\""));
	ck_assert_uint_eq(elen, 0);
	free(obuf);
	free(ebuf);

	out = open_memstream(&obuf, &olen);
	err = open_memstream(&ebuf, &elen);
	ec = (struct events_cmd_config){.kmsg_path = "/nonexistent/kmsg", .fmt = EVENTS_FORMAT_TEXT};
	ck_assert_int_eq(events_cmd_run(&ec, out, err), 1);
	fclose(out);
	fclose(err);
	ck_assert_uint_eq(olen, 0);
	ck_assert_ptr_nonnull(strstr(ebuf, "oomtop: cannot open /nonexistent/kmsg"));
	free(obuf);
	free(ebuf);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("commands");
	TCase *tp = tcase_create("pure");
	tcase_add_test(tp, setadj_parse_is_strict);
	tcase_add_test(tp, events_cmd_prints_json_lines_and_fails_cleanly);
	suite_add_tcase(s, tp);
	TCase *tf = tcase_create("fixture");
	tcase_add_checked_fixture(tf, fx_setup, fx_teardown);
	tcase_add_test(tf, setadj_cmd_exit_codes_on_the_fixture);
	suite_add_tcase(s, tf);
	return ck_run(s);
}
