/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The batch text output (core/output/text.c, like top -b) on a hand-built snapshot
 * (tests/lib/fxsnap.h): terminal-safe, unknown as "-", columns aligned in characters. */
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


/* Valid UTF-8, and no control byte but '\n' (no ESC, no DEL, no C1 code point). */
static void expect_terminal_safe(const char *out)
{
	const unsigned char *p = (const unsigned char *)out;
	size_t len = strlen(out);
	for (size_t i = 0; i < len;) {
		ck_assert_msg(p[i] >= 0x20 || p[i] == '\n', "control byte 0x%02x at %zu", p[i], i);
		ck_assert_msg(p[i] != 0x7f, "DEL at %zu", i);
		size_t k = utf8_ok(p + i, len - i);
		ck_assert_msg(k > 0, "invalid UTF-8 at %zu: ...%.20s", i, out + i);
		if (k == 2)
			ck_assert_msg(!(p[i] == 0xc2 && p[i + 1] >= 0x80 && p[i + 1] < 0xa0), "C1 control at %zu", i);
		i += k;
	}
}

/* The line of the process table for pid, split on blanks. */
/* The text output's row for pid: its first byte (the mark). */
static const char *row_line(const char *out, pid_t pid)
{
	char needle[16];
	snprintf(needle, sizeof(needle), "%7d ", (int)pid);
	const char *line = NULL;
	for (const char *p = out; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (strlen(p) > 8 && strncmp(p + 1, needle, strlen(needle)) == 0)
			line = p;
	ck_assert_msg(line != NULL, "no row for pid %d", (int)pid);
	return line;
}

static size_t row_fields(const char *out, pid_t pid, char fields[16][64])
{
	const char *line = row_line(out, pid);
	const char *end = strchr(line, '\n');
	size_t n = 0;
	fields[n][0] = line[0];
	fields[n][1] = '\0';
	n++;
	const char *p = line + 1;
	while (p < end && n < 16) {
		while (p < end && *p == ' ')
			p++;
		if (p >= end)
			break;
		const char *s = p;
		while (p < end && *p != ' ')
			p++;
		snprintf(fields[n], 64, "%.*s", (int)(p - s), s);
		n++;
	}
	return n;
}

START_TEST(text_is_terminal_safe)
{
	build_snapshot();
	size_t len;
	char *out = render(output_text, &len);
	ck_assert_ptr_null(strchr(out, 0x1b));
	expect_terminal_safe(out);
	/* the hostile bytes are shown, escaped, not dropped */
	ck_assert_ptr_nonnull(strstr(out, "[evil\\x1b[31m\\x0a\\xff\\xfe]"));
	ck_assert_ptr_nonnull(strstr(out, "printf \\x1b]0;pwned\\x07'\\x0d\\x0a\\x9b31m \\xc2\\x9b2J tab\\x09here \\x7f end"));
	ck_assert_ptr_nonnull(strstr(out, "nas\\x1b[2J"));
	ck_assert_ptr_nonnull(strstr(out, "note: hidepid: 3 processes hidden\\x1b[5m"));
	ck_assert_ptr_nonnull(strstr(out, "PID USER"));
	free(out);
}
END_TEST

/* --detail: a second table, a row per printed process with its costly fields read (none
 * for the others, nor for one that exited); without it, no such table. */
START_TEST(text_detail_table)
{
	build_snapshot();
	add_detail();
	size_t len;
	char *out = render(output_text, &len);
	ck_assert_ptr_null(strstr(out, "Detail"));
	free(out);
	render_detail = true;
	out = render(output_text, &len);
	expect_terminal_safe(out);
	const char *t = strstr(out, "\nDetail (smaps_rollup, fd kinds):\n");
	ck_assert_ptr_nonnull(t);
	const char *head = strchr(t + 1, '\n') + 1;
	ck_assert(strncmp(head, "     PID COMMAND            PSS   ANON   FILE  SHMEM SWAPPSS   FDS  LIMIT   HARD  FD ETA "
				"SOCKET   PIPE   FILE ANON_I  OTHER\n", 116) == 0);
	const char *row = strchr(head, '\n') + 1;
	const char *want = "    1001 nas-agent         180M   170M    10M      0       0   812   1024   4096     34m   ~790     ~4"
			   "    ~10     ~6     ~2  sampled: 512 of 812 fds read\n";
	ck_assert_msg(strncmp(row, want, strlen(want)) == 0, "row: %.*s", (int)strcspn(row, "\n"), row);
	/* only that row: the ghost 1004 has none */
	const char *next = row + strlen(want);
	ck_assert(*next == '\n' && next[1] == '\0');
	free(out);
}
END_TEST

START_TEST(text_rows_unknown_is_dash)
{
	build_snapshot();
	size_t len;
	char *out = render(output_text, &len);
	char f[16][64];
	/* mark, PID USER CGROUP RSS RSS/h SWAP SCORE ADJ FDS FD/h THR COMMAND */
	size_t n = row_fields(out, 1001, f);
	ck_assert_uint_ge(n, 13);
	ck_assert_str_eq(f[0], "*"); /* next victim */
	ck_assert_str_eq(f[1], "1001");
	ck_assert_str_eq(f[2], "alice");
	ck_assert_str_eq(f[3], "nas-agent.service");
	ck_assert_str_eq(f[4], "205M");
	ck_assert_str_eq(f[5], "+200M/h");
	ck_assert_str_eq(f[6], "0");
	ck_assert_str_eq(f[7], "667");
	ck_assert_str_eq(f[8], "-1000");
	ck_assert_str_eq(f[9], "0"); /* fds: 0, not "-" */
	ck_assert_str_eq(f[11], "12");
	ck_assert_str_eq(f[12], "/usr/bin/nas-agent");

	n = row_fields(out, 1002, f);
	ck_assert_uint_eq(n, 13);
	ck_assert_str_eq(f[0], " ");
	for (int i = 4; i <= 11; i++)
		ck_assert_msg(strcmp(f[i], "-") == 0, "field %d of an unknown row is '%s'", i, f[i]);
	ck_assert_str_eq(f[3], "-"); /* unknown cgroup */
	ck_assert_str_eq(f[12], "[mystery]");

	row_fields(out, 1003, f);
	ck_assert_str_eq(f[0], "x"); /* exited ghost */
	row_fields(out, 1004, f);
	ck_assert_str_eq(f[0], "K"); /* OOM-killed ghost */
	ck_assert_str_eq(f[2], "root");
	ck_assert_str_eq(f[5], "-352K/h"); /* -100 B/s */
	free(out);
}
END_TEST

/* The text of a row from character column `from`, `n` characters long (UTF-8). */
static void row_chars(const char *out, pid_t pid, size_t from, size_t n, char *buf, size_t cap)
{
	const char *line = row_line(out, pid);
	size_t col = 0, len = 0;
	for (const char *p = line; *p && *p != '\n'; p++) {
		bool start = ((unsigned char)*p & 0xc0) != 0x80;
		if (start)
			col++;
		if (col > from && col <= from + n && len + 1 < cap)
			buf[len++] = *p;
	}
	buf[len] = '\0';
}

/* USER and CGROUP are padded and cut in characters, not bytes: a row with a UTF-8 user
 * name and cgroup keeps the columns after them where an ASCII row has them. */
START_TEST(text_columns_align_with_utf8_names)
{
	build_snapshot();
	size_t len;
	char *out = render(output_text, &len);
	char a[64], b[64];
	/* mark, %7d pid, space, 10 user, space, 20 cgroup, space: RSS ends at character 47 */
	row_chars(out, 1001, 41, 6, a, sizeof(a));
	row_chars(out, 1005, 41, 6, b, sizeof(b));
	ck_assert_str_eq(a, "  205M");
	ck_assert_str_eq(b, "   12K");
	row_chars(out, 1005, 9, 11, b, sizeof(b));
	ck_assert_str_eq(b, "ünïcödé_üs "); /* 10 characters (15 bytes) of the user, then the gap */
	free(out);
}
END_TEST

START_TEST(text_cgroups_section)
{
	build_snapshot();
	size_t len;
	char *out = render(output_text, &len);
	ck_assert_ptr_nonnull(strstr(out, "Cgroups (v2, 5)"));
	/* nas-agent: 205M used, a 195M working set: 38 % of 512M */
	const char *l = strstr(out, "    nas-agent.service");
	ck_assert_ptr_nonnull(l);
	const char *e = strchr(l, '\n');
	char line[512];
	snprintf(line, sizeof(line), "%.*s", (int)(e - l), l);
	ck_assert_ptr_nonnull(strstr(line, " 205M "));
	ck_assert_ptr_nonnull(strstr(line, " 195M "));
	ck_assert_ptr_nonnull(strstr(line, " 512M "));
	ck_assert_ptr_nonnull(strstr(line, " 384M ")); /* high */
	ck_assert_ptr_nonnull(strstr(line, " 38 "));
	ck_assert_ptr_nonnull(strstr(line, " 1.5 ")); /* PSI some */
	ck_assert_ptr_nonnull(strstr(line, " 1001 "));
	ck_assert_ptr_nonnull(strstr(line, "/system.slice/nas-agent.service"));
	free(out);

	snap.cgroup_version = 0;
	snap.ncgroups = 0;
	out = render(output_text, &len);
	ck_assert_ptr_nonnull(strstr(out, "no memory controller"));
	free(out);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("output_text");
	TCase *tc = tcase_create("output_text");
	tcase_add_test(tc, text_is_terminal_safe);
	tcase_add_test(tc, text_rows_unknown_is_dash);
	tcase_add_test(tc, text_detail_table);
	tcase_add_test(tc, text_columns_align_with_utf8_names);
	tcase_add_test(tc, text_cgroups_section);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
