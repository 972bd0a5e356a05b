/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The batch JSON (core/output/json.c) on a hand-built snapshot (tests/lib/fxsnap.h), read
 * back by a strict parser (tests/lib/jsonv.h), not matched as strings; and the JSON values
 * it writes (core/output/json_write.h). */
#include "config.h"

#include <check.h>
#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/output/json.h"
#include "core/output/json_write.h"
#include "core/output/output.h"
#include "core/output/prom.h"
#include "core/output/text.h"
#include "tests/lib/fxsnap.h"
#include "tests/lib/jsonv.h"
#include "tests/unit/ck_run.h"

START_TEST(json_parser_is_strict)
{
	/* the validator itself must reject what a lax one would let through */
	static const char *const bad[] = {
		"",       "{",          "{\"a\":1,}",      "{\"a\" 1}",  "[1 2]",     "{\"a\":01}",
		"1.",     ".5",         "{\"a\":NaN}",     "\"\x01\"",   "\"\\x41\"", "\"\xff\"",
		"nul",    "{\"a\":1}x", "{\"a\":1,\"a\":2}", "\"\\ud800\"", "[-]",   "\"abc",
		"{'a':1}", "[1,]",      "\"\xc0\xaf\"",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *why = NULL;
		struct jv *v = json_parse(bad[i], strlen(bad[i]), &why);
		ck_assert_msg(v == NULL, "accepted bad JSON: %s", bad[i]);
	}
	static const char *const good[] = {
		"{}", "[]", "{\"a\":[1,-2.5e+3,0,true,false,null,\"x\\u00e9\\ud83d\\ude00\"]}", " 0 ", "\"\\u001b\"",
		"-0", "1e-07",
	};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		const char *why = NULL;
		struct jv *v = json_parse(good[i], strlen(good[i]), &why);
		ck_assert_msg(v != NULL, "refused good JSON %s: %s", good[i], why);
		jv_free(v);
		free(v);
	}
}
END_TEST


static struct jv *render_json(void)
{
	size_t len;
	char *out = render(output_json, &len);
	/* exactly one line */
	ck_assert_uint_gt(len, 2);
	ck_assert_int_eq(out[len - 1], '\n');
	ck_assert_ptr_eq(strchr(out, '\n'), out + len - 1);
	for (size_t i = 0; i + 1 < len; i++)
		ck_assert_msg((unsigned char)out[i] >= 0x20 && out[i] != 0x7f, "byte 0x%02x at %zu", (unsigned char)out[i],
			      i);
	const char *why = NULL;
	struct jv *v = json_parse(out, len - 1, &why);
	ck_assert_msg(v != NULL, "invalid JSON (%s): %s", why, out);
	free(out);
	return v;
}

START_TEST(json_one_valid_line_with_design_keys)
{
	build_snapshot();
	struct jv *v = render_json();
	ck_assert_int_eq(v->t, J_OBJ);
	expect_num(v, "schema", 1);
	expect_num(v, "time", 1700000000.25);
	expect_num(v, "uptime", 86400 * 3 + 125);

	const struct jv *sys = jget(v, "system");
	static const char *const sys_keys[] = {"mem_total",      "mem_available",   "swap_total",
					       "swap_free",      "psi_some_avg10",  "psi_full_avg10",
					       "oom_kills",      "available_slope", "eta_to_exhaustion",
					       "next_victim_pid", "zfs_arc_size", "zfs_arc_reclaimable"};
	for (size_t i = 0; i < sizeof(sys_keys) / sizeof(sys_keys[0]); i++)
		jget(sys, sys_keys[i]);

	const struct jv *cgs = jget(v, "cgroups");
	ck_assert_int_eq(cgs->t, J_ARR);
	ck_assert_uint_eq(cgs->n, 5);
	static const char *const cg_keys[] = {"path", "name", "version", "usage", "limit", "high", "effective_limit",
					      "limited_by", "working_set", "anon", "file", "file_inactive", "shmem",
					      "kernel", "sock", "swap", "oom_kills", "high_events", "max_events",
					      "throttled", "psi_some_avg10", "psi_full_avg10", "nprocs", "usage_slope",
					      "working_set_slope", "eta_to_limit", "next_victim_pid"};
	for (size_t c = 0; c < cgs->n; c++)
		for (size_t i = 0; i < sizeof(cg_keys) / sizeof(cg_keys[0]); i++)
			jget(&cgs->items[c], cg_keys[i]);

	const struct jv *ps = jget(v, "processes");
	ck_assert_int_eq(ps->t, J_ARR);
	ck_assert_uint_eq(ps->n, nrows);
	static const char *const p_keys[] = {"pid",       "ppid",      "uid",          "user",     "comm",
					     "cmdline",   "cgroup",    "start_time",   "rss",      "rss_anon",
					     "rss_file",  "rss_shmem", "swap",         "oom_score", "oom_score_adj",
					     "threads",   "fds",       "rss_slope",    "fd_slope", "thread_slope",
					     "state",     "fd_limit",  "fd_eta"};
	for (size_t p = 0; p < ps->n; p++)
		for (size_t i = 0; i < sizeof(p_keys) / sizeof(p_keys[0]); i++)
			jget(&ps->items[p], p_keys[i]);

	/* a process's cgroup is the path of a cgroup in the same snapshot */
	for (size_t p = 0; p < ps->n; p++) {
		const struct jv *cg = jget(&ps->items[p], "cgroup");
		if (cg->t == J_NULL)
			continue;
		bool found = false;
		for (size_t c = 0; c < cgs->n && !found; c++)
			found = strcmp(jget(&cgs->items[c], "path")->str, cg->str) == 0;
		ck_assert_msg(found, "process cgroup %s not among the cgroups", cg->str);
	}
	jv_free(v);
	free(v);
}
END_TEST

START_TEST(json_values_unknown_null_known_zero)
{
	build_snapshot();
	struct jv *v = render_json();
	const struct jv *sys = jget(v, "system");
	expect_num(sys, "mem_total", 8589934592.0);
	expect_num(sys, "mem_available", 3221225472.0);
	expect_num(sys, "swap_total", 0); /* known zero stays 0 */
	expect_num(sys, "swap_free", 0);
	expect_null(sys, "psi_some_avg10");
	expect_null(sys, "psi_full_avg10");
	expect_null(sys, "oom_kills");
	expect_null(sys, "available_slope");
	expect_null(sys, "eta_to_exhaustion");
	expect_null(sys, "next_victim_pid");

	const struct jv *cgs = jget(v, "cgroups");
	const struct jv *root = &cgs->items[0];
	expect_str(root, "path", "/");
	expect_num(root, "version", 2);
	expect_null(root, "usage");
	expect_null(root, "limit");
	expect_null(root, "high");
	expect_null(root, "effective_limit");
	expect_null(root, "swap");
	expect_null(root, "oom_kills");
	expect_num(root, "psi_some_avg10", 0.5);
	expect_null(root, "usage_slope");
	expect_null(root, "eta_to_limit");
	expect_null(root, "next_victim_pid");
	const struct jv *sl = &cgs->items[1];
	expect_num(sl, "oom_kills", 0);
	expect_num(sl, "swap", 0);
	expect_null(sl, "limit"); /* a cgroup without a limit */
	expect_null(sl, "psi_some_avg10");
	const struct jv *na = &cgs->items[2];
	expect_str(na, "name", "nas-agent.service");
	expect_num(na, "usage", 215040000);
	expect_num(na, "limit", 536870912);
	expect_num(na, "high", 402653184);
	expect_num(na, "effective_limit", 536870912);
	expect_num(na, "oom_kills", 2);
	expect_num(na, "nprocs", 1);
	expect_num(na, "usage_slope", 58254.2);
	expect_num(na, "eta_to_limit", 5520);
	expect_num(na, "next_victim_pid", 1001);
	expect_str(na, "limited_by", "/system.slice/nas-agent.service");
	expect_num(na, "working_set", 215040000 - 10 * 1048576);
	expect_num(na, "file_inactive", 10 * 1048576);
	expect_num(na, "anon", 190 * 1048576);
	expect_num(na, "kernel", 2 * 1048576);
	expect_num(na, "sock", 4096);
	expect_num(na, "high_events", 3);
	expect_num(na, "working_set_slope", 58254.2);
	ck_assert(jget(na, "throttled")->t == J_BOOL && !jget(na, "throttled")->b);
	expect_null(root, "limited_by");
	expect_null(root, "working_set");
	expect_null(root, "psi_full_avg10");
	expect_null(sys, "zfs_arc_size");
	const struct jv *weird = &cgs->items[3];
	expect_str(weird, "path", "/system.slice/we\"ird\\\n\x1b.service"); /* round-trips exactly */
	expect_num(weird, "usage", 0);

	const struct jv *ps = jget(v, "processes");
	const struct jv *p = &ps->items[0];
	expect_num(p, "pid", 1001);
	expect_num(p, "ppid", 1);
	expect_num(p, "uid", 1000);
	expect_str(p, "user", "alice");
	expect_str(p, "comm", "nas-agent");
	expect_str(p, "cmdline", "/usr/bin/nas-agent --serve");
	expect_str(p, "cgroup", "/system.slice/nas-agent.service");
	expect_num(p, "start_time", 1699990000.5);
	expect_num(p, "rss", 215040000);
	expect_num(p, "rss_anon", 200000000);
	expect_num(p, "rss_file", 15040000);
	expect_num(p, "rss_shmem", 0);
	expect_num(p, "swap", 0);
	expect_num(p, "oom_score", 667);
	expect_num(p, "oom_score_adj", -1000);
	expect_num(p, "threads", 12);
	expect_num(p, "fds", 0); /* 0 fds is a value */
	expect_num(p, "rss_slope", 58254.2);
	expect_num(p, "fd_slope", 0.5);
	expect_num(p, "thread_slope", 0);
	expect_num(p, "fd_limit", 1024);
	expect_num(p, "fd_eta", 2048);
	expect_str(p, "state", "running");

	p = &ps->items[1];
	static const char *const unknown[] = {"rss",       "rss_anon",      "rss_file", "rss_shmem",  "swap",
					      "oom_score", "oom_score_adj", "threads",  "fds",        "rss_slope",
					      "fd_slope",  "thread_slope",  "cgroup",   "start_time", "fd_limit",
					      "fd_eta"};
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
		expect_null(p, unknown[i]);
	expect_num(p, "uid", 4242);

	p = &ps->items[2];
	expect_str(p, "state", "exited");
	/* control bytes survive as escapes, invalid UTF-8 becomes U+FFFD */
	expect_str(p, "comm", "evil\x1b[31m\n\xef\xbf\xbd\xef\xbf\xbd");
	expect_str(p, "user", "bob\x1b[0m");
	p = &ps->items[3];
	expect_str(p, "state", "oom_killed");
	expect_num(p, "rss_slope", -100);
	expect_str(p, "cmdline", "/bin/sh -c 'printf \x1b]0;pwned\x07'\r\n\xef\xbf\xbd" "31m \xc2\x9b" "2J tab\there "
				 "\x7f end");
	p = &ps->items[4];
	expect_str(p, "user", "ünïcödé_üser_name");
	jv_free(v);
	free(v);
}
END_TEST

static bool has_key(const struct jv *o, const char *key)
{
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->keys[i], key) == 0)
			return true;
	return false;
}

/* --detail: PSS, the fd kinds and the sampled flag on every process, null where none was
 * read (a process --detail did not read, one that exited); without it, no such key. */
START_TEST(json_detail_keys)
{
	static const char *const dkeys[] = {"pss", "pss_anon", "pss_file", "pss_shmem", "swap_pss", "fd_types",
					    "sampled"};
	build_snapshot();
	add_detail();
	struct jv *v = render_json();
	const struct jv *ps = jget(v, "processes");
	for (size_t i = 0; i < sizeof(dkeys) / sizeof(dkeys[0]); i++)
		ck_assert_msg(!has_key(&ps->items[0], dkeys[i]), "%s without --detail", dkeys[i]);
	jv_free(v);
	free(v);

	render_detail = true;
	v = render_json();
	ps = jget(v, "processes");
	const struct jv *p = &ps->items[0];
	expect_num(p, "pid", 1001);
	expect_num(p, "pss", 180 << 20);
	expect_num(p, "pss_anon", 170 << 20);
	expect_num(p, "pss_file", 10 << 20);
	expect_num(p, "pss_shmem", 0);
	expect_num(p, "swap_pss", 0);
	const struct jv *ft = jget(p, "fd_types");
	ck_assert_int_eq(ft->t, J_OBJ);
	ck_assert_uint_eq(ft->n, 5);
	expect_num(ft, "socket", 790);
	expect_num(ft, "pipe", 4);
	expect_num(ft, "file", 10);
	expect_num(ft, "anon_inode", 6);
	expect_num(ft, "other", 2);
	ck_assert(jget(p, "sampled")->t == J_BOOL && jget(p, "sampled")->b);
	/* every other row: the keys, null (1004 exited: its last values are not printed) */
	for (size_t r = 1; r < ps->n; r++)
		for (size_t i = 0; i < sizeof(dkeys) / sizeof(dkeys[0]); i++)
			expect_null(&ps->items[r], dkeys[i]);
	jv_free(v);
	free(v);
}
END_TEST

START_TEST(json_many_rows_still_one_line)
{
	build_snapshot();
	for (size_t i = 5; i < 64; i++) {
		procs[i] = procs[i % 5];
		procs[i].pid = (pid_t)(2000 + i);
		rows[i] = &procs[i];
	}
	snap.nprocs = nrows = 64;
	struct jv *v = render_json();
	ck_assert_uint_eq(jget(v, "processes")->n, 64);
	jv_free(v);
	free(v);
	/* and an empty snapshot */
	snap.ncgroups = 0;
	snap.nprocs = nrows = 0;
	snap.nnotes = 0;
	v = render_json();
	ck_assert_uint_eq(jget(v, "processes")->n, 0);
	ck_assert_uint_eq(jget(v, "cgroups")->n, 0);
	jv_free(v);
	free(v);
}
END_TEST


static char *js(const char *s)
{
	static char out[512];
	struct strbuf sb;
	sb_init(&sb);
	json_write_string(&sb, s);
	snprintf(out, sizeof(out), "%s", sb.buf ? sb.buf : "");
	sb_free(&sb);
	return out;
}

START_TEST(json_string_cases)
{
	ck_assert_str_eq(js(""), "\"\"");
	ck_assert_str_eq(js(NULL), "null"); /* unknown strings are null (json_write.h) */
	ck_assert_str_eq(js("plain"), "\"plain\"");
	ck_assert_str_eq(js("q\"b\\s/"), "\"q\\\"b\\\\s/\"");
	ck_assert_str_eq(js("\n\t\r"), "\"\\n\\t\\r\"");
	ck_assert_str_eq(js("\x1b[31m"), "\"\\u001b[31m\"");
	ck_assert_str_eq(js("\x01\x1f\x7f"), "\"\\u0001\\u001f\\u007f\"");
	ck_assert_str_eq(js("café 😀"), "\"café 😀\"");
	ck_assert_str_eq(js("\xc2\x9b" "2J"), "\"\\u009b2J\""); /* C1 CSI: escaped (found by fuzz_sanitize) */
	ck_assert_str_eq(js("\xff"), "\"\\ufffd\"");
	ck_assert_str_eq(js("a\xc0\xaf" "b"), "\"a\\ufffd\\ufffdb\"");
	ck_assert_str_eq(js("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");
	ck_assert_str_eq(js("end \xe6\x97"), "\"end \\ufffd\\ufffd\"");
	/* every output is valid JSON */
	const char *samples[] = {"", "q\"b\\", "\x1b\x7f\xff\xfe", "\xc2\x9b", "😀\xf0\x9f", "\b\f"};
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		const char *out = js(samples[i]), *why = NULL;
		struct jv *v = json_parse(out, strlen(out), &why);
		ck_assert_msg(v != NULL, "json_write_string gave invalid JSON %s: %s", out, why);
		jv_free(v);
		free(v);
	}
}
END_TEST

START_TEST(json_numbers)
{
	struct strbuf sb;
	sb_init(&sb);
	json_write_i64(&sb, VAL_UNKNOWN);
	sb_putc(&sb, ',');
	json_write_i64(&sb, 0);
	sb_putc(&sb, ',');
	json_write_i64(&sb, -1000);
	sb_putc(&sb, ',');
	json_write_i64(&sb, INT64_MAX);
	sb_putc(&sb, ',');
	json_write_double(&sb, NAN);
	sb_putc(&sb, ',');
	json_write_double(&sb, INFINITY);
	sb_putc(&sb, ',');
	json_write_double(&sb, -INFINITY);
	sb_putc(&sb, ',');
	json_write_double(&sb, 0);
	sb_putc(&sb, ',');
	json_write_double(&sb, 1.5);
	sb_putc(&sb, ',');
	json_write_double(&sb, 1700000000.123456);
	sb_putc(&sb, ',');
	json_write_double(&sb, 1e-7);
	sb_putc(&sb, ',');
	json_write_double(&sb, -0.0);
	ck_assert_str_eq(sb.buf, "null,0,-1000,9223372036854775807,null,null,null,0,1.5,1700000000.123,1e-07,-0");
	sb_putc(&sb, ',');
	json_write_double(&sb, 1e300); /* huge: still a JSON number */
	char wrapped[2048];
	snprintf(wrapped, sizeof(wrapped), "[%s]", sb.buf);
	const char *why = NULL;
	struct jv *v = json_parse(wrapped, strlen(wrapped), &why);
	ck_assert_msg(v != NULL, "invalid JSON numbers (%s): %s", why, wrapped);
	ck_assert_int_eq(v->items[0].t, J_NULL);
	ck_assert_int_eq(v->items[4].t, J_NULL);
	ck_assert_int_eq(v->items[5].t, J_NULL);
	ck_assert_double_eq_tol(v->items[9].num, 1700000000.123, 1e-6);
	jv_free(v);
	free(v);
	sb_free(&sb);
}
END_TEST


static void ref_json_double(char *out, size_t cap, double v)
{
	if (isnan(v) || isinf(v))
		snprintf(out, cap, "null");
	else if (v == floor(v) && fabs(v) < 1e15)
		snprintf(out, cap, "%.0f", v);
	else if (fabs(v) >= 1e5)
		snprintf(out, cap, "%.3f", v);
	else
		snprintf(out, cap, "%.6g", v);
}

static void check_json_double(double v)
{
	char want[64];
	struct strbuf sb;
	sb_init(&sb);
	ref_json_double(want, sizeof(want), v);
	json_write_double(&sb, v);
	ck_assert_msg(sb.buf && strcmp(sb.buf, want) == 0, "json_write_double(%.17g): got %s, printf says %s", v,
		      sb.buf ? sb.buf : "(null)", want);
	sb_free(&sb);
}

/* json_write_double skips printf; it must print what the printf formula below prints. */
START_TEST(json_double_prints_what_printf_prints)
{
	static const double edges[] = {0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 1.25, 2.5, 9.95, 9.949999, 99999.95,
				       99999.5, 1e5, 1e-4, 0.000099999, 0.00012345675, 123456.0005, 1700000000.0005,
				       1700000000.1235, -3.25e-3, 12345.65, 0.5, 1.5, 999.5, 1023.5, 1e15, 1e16};
	for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
		check_json_double(edges[i]);
		check_json_double(-edges[i]);
	}
	srand(7);
	for (int i = 0; i < 20000; i++) {
		/* slopes, fits, unix times, short decimals that sit on ties */
		double r = ((double)rand() / RAND_MAX - 0.5) * pow(10.0, rand() % 14 - 4);
		check_json_double(r);
		check_json_double(1.7e9 + (double)rand() / RAND_MAX * 1e8);
		check_json_double((double)(rand() % 100000) / pow(10.0, rand() % 9));
		check_json_double((double)rand() / RAND_MAX);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("output_json");
	TCase *tc = tcase_create("output_json");
	tcase_add_test(tc, json_parser_is_strict);
	tcase_add_test(tc, json_one_valid_line_with_design_keys);
	tcase_add_test(tc, json_values_unknown_null_known_zero);
	tcase_add_test(tc, json_detail_keys);
	tcase_add_test(tc, json_many_rows_still_one_line);
	tcase_add_test(tc, json_string_cases);
	tcase_add_test(tc, json_numbers);
	tcase_add_test(tc, json_double_prints_what_printf_prints);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
