/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history: the database's path as hostile (real files in a temporary directory):
 * what is not an oomtop history is refused and left alone byte for byte, links are not
 * followed, a FIFO does not hang; a new history is created with the right mode; one
 * recorder per database, naming the holder; the TIME syntax of --at; default paths. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/history/file.h"
#include "core/history/store.h"
#include "core/history/when.h"
#include "tests/lib/fxtree.h"
#include "tests/unit/ck_run.h"

static char dir[PATH_MAX], path[PATH_MAX + 32];

static void setup(void)
{
	fxtree_make(dir, sizeof(dir), "history");
	snprintf(path, sizeof(path), "%s/state/oomtop/history.db", dir);
}

static void teardown(void)
{
	fxtree_remove(dir);
}

static void write_file(const char *p, const void *data, size_t n)
{
	FILE *f = fopen(p, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, n, f), n);
	fclose(f);
}

static size_t read_file(const char *p, char *buf, size_t cap)
{
	FILE *f = fopen(p, "rb");
	ck_assert_ptr_nonnull(f);
	size_t n = fread(buf, 1, cap, f);
	fclose(f);
	return n;
}

static bool exists(const char *suffix)
{
	char p[PATH_MAX + 64];
	snprintf(p, sizeof(p), "%s%s", path, suffix);
	return access(p, F_OK) == 0;
}

/* path holds `data`; recording and reading it are refused with `want` and a reason
 * containing `why`; afterwards it is unchanged and nothing was created beside it. */
static void refused(const void *data, size_t n, int want, const char *why)
{
	struct history_store *st;
	char err[512], buf[8192];
	for (int mode = 0; mode < 2; mode++) {
		int rc = history_store_open(
		    &st, path, mode ? HISTORY_STORE_READ : HISTORY_STORE_RECORD, err, sizeof(err));
		ck_assert_msg(rc == want, "mode %d: rc %d, want %d (%s)", mode, rc, want, err);
		ck_assert_ptr_null(st);
		ck_assert_msg(strstr(err, why) && strstr(err, path), "reason: %s", err);
	}
	ck_assert_uint_eq(read_file(path, buf, sizeof(buf)), n);
	ck_assert(memcmp(buf, data, n) == 0);
	ck_assert(!exists("-wal") && !exists("-shm") && !exists("-journal"));
}

START_TEST(a_foreign_file_is_refused_and_left_alone)
{
	char err[512];
	ck_assert_int_eq(history_file_make_dir(path, err, sizeof(err)), 0);
	const char text[] = "my notes: not a database\n";
	write_file(path, text, sizeof(text) - 1);
	refused(text, sizeof(text) - 1, -EILSEQ, "not an SQLite database");
	write_file(path, "", 0);
	refused("", 0, -EILSEQ, "empty");

	/* another program's SQLite database */
	unlink(path);
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db,
	                              "PRAGMA application_id = 1234; CREATE TABLE sample (t);"
	                              "INSERT INTO sample VALUES (1);",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	char copy[8192];
	size_t n = read_file(path, copy, sizeof(copy));
	refused(copy, n, -EILSEQ, "another program");
}
END_TEST

START_TEST(links_fifos_and_directories_are_refused)
{
	char err[512], target[PATH_MAX + 32];
	ck_assert_int_eq(history_file_make_dir(path, err, sizeof(err)), 0);
	/* a symlink planted at the path, to a file and to nothing: never followed */
	snprintf(target, sizeof(target), "%s/victim", dir);
	write_file(target, "precious", 8);
	ck_assert_int_eq(symlink(target, path), 0);
	struct history_store *st;
	ck_assert_int_eq(history_store_open(&st, path, HISTORY_STORE_RECORD, err, sizeof(err)),
	                 -ELOOP);
	ck_assert_ptr_nonnull(strstr(err, "symbolic link"));
	char buf[64];
	ck_assert_uint_eq(read_file(target, buf, sizeof(buf)), 8);
	unlink(target);
	ck_assert_int_eq(history_store_open(&st, path, HISTORY_STORE_RECORD, err, sizeof(err)),
	                 -ELOOP);
	ck_assert_int_eq(access(target, F_OK), -1); /* a dangling link is not created through */
	unlink(path);

	/* a FIFO: refused at once, not opened for reading (which would block) */
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	time_t t0 = time(NULL);
	ck_assert_int_eq(history_store_open(&st, path, HISTORY_STORE_RECORD, err, sizeof(err)),
	                 -EINVAL);
	ck_assert_ptr_nonnull(strstr(err, "FIFO"));
	ck_assert_int_le(time(NULL) - t0, 1);
	unlink(path);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	ck_assert_int_eq(history_store_open(&st, path, HISTORY_STORE_READ, err, sizeof(err)),
	                 -EINVAL);
	ck_assert_ptr_nonnull(strstr(err, "directory"));
}
END_TEST

START_TEST(a_new_history_is_created_and_one_recorder_holds_it)
{
	struct history_store *st, *second;
	char err[512];
	ck_assert_int_eq(history_store_open(&st, path, HISTORY_STORE_READ, err, sizeof(err)),
	                 -ENOENT);
	mode_t mask = umask(022);
	int rc = history_store_open(&st, path, HISTORY_STORE_RECORD, err, sizeof(err));
	umask(mask);
	ck_assert_msg(rc == 0, "%s", err);
	struct stat sb;
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 07777, 0644);
	char d[PATH_MAX + 32];
	snprintf(d, sizeof(d), "%s/state/oomtop", dir);
	ck_assert_int_eq(stat(d, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 07777, 0755);
	/* no temporary file left beside it */
	char cmd[PATH_MAX + 64];
	snprintf(cmd, sizeof(cmd), "ls %s | grep -c new- >/dev/null", d);
	ck_assert_int_ne(system(cmd), 0);
	/* what the second recorder is told: who holds it */
	ck_assert_int_eq(history_store_meta_set_int(st, "recorder_pid", 4321), 0);
	ck_assert_int_eq(history_store_open(&second, path, HISTORY_STORE_RECORD, err, sizeof(err)),
	                 -EAGAIN);
	ck_assert_msg(strstr(err, "pid 4321"), "%s", err);
	/* a reader is welcome meanwhile */
	rc = history_store_open(&second, path, HISTORY_STORE_READ, err, sizeof(err));
	ck_assert_msg(rc == 0, "%s", err);
	ck_assert_int_eq(history_store_meta_int(second, "recorder_pid", 0), 4321);
	history_store_close(second);
	history_store_close(st);
	/* the lock went with the recorder */
	rc = history_store_open(&st, path, HISTORY_STORE_RECORD, err, sizeof(err));
	ck_assert_msg(rc == 0, "%s", err);
	history_store_close(st);
}
END_TEST

START_TEST(times_as_operators_type_them)
{
	const double now = 1750000000.0; /* 2025-06-15T15:06:40Z */
	double t;
	ck_assert_int_eq(history_when_parse("-90s", now, &t), 0);
	ck_assert_double_eq(t, now - 90);
	ck_assert_int_eq(history_when_parse("-2h", now, &t), 0);
	ck_assert_double_eq(t, now - 7200);
	ck_assert_int_eq(history_when_parse("-1h30m", now, &t), 0);
	ck_assert_double_eq(t, now - 5400);
	ck_assert_int_eq(history_when_parse("-45", now, &t), 0);
	ck_assert_double_eq(t, now - 45);
	ck_assert_int_eq(history_when_parse("-1w", now, &t), 0);
	ck_assert_double_eq(t, now - 7 * 86400);
	ck_assert_int_eq(history_when_parse("@1749999000", now, &t), 0);
	ck_assert_double_eq(t, 1749999000);
	ck_assert_int_eq(history_when_parse("now", now, &t), 0);
	ck_assert_double_eq(t, now);
	ck_assert_int_eq(history_when_parse("2025-06-15T15:00:00Z", now, &t), 0);
	ck_assert_double_eq(t, now - 400);
	ck_assert_int_eq(history_when_parse("2025-06-15T17:00:00+02:00", now, &t), 0);
	ck_assert_double_eq(t, now - 400);
	ck_assert_int_eq(history_when_parse("2025-06-15 10:00:00.5-0500", now, &t), 0);
	ck_assert_double_eq(t, now - 399.5);
	setenv("TZ", "UTC", 1);
	tzset();
	ck_assert_int_eq(history_when_parse("2025-06-15 15:00", now, &t), 0);
	ck_assert_double_eq(t, now - 400);
	ck_assert_int_eq(history_when_parse("2025-06-15", now, &t), 0);
	ck_assert_double_eq(t, now - (15 * 3600 + 400));
	ck_assert_int_eq(history_when_parse("15:00", now, &t), 0); /* today */
	ck_assert_double_eq(t, now - 400);
	ck_assert_int_eq(history_when_parse("16:00", now, &t), 0); /* not yet today: yesterday */
	ck_assert_double_eq(t, now - 400 + 3600 - 86400);
	const char *bad[] = {"",          "-",          "-2x",
	                     "yesterday", "2025-13-01", "2025-06-15T25:00",
	                     "@",         "@12abc",     "2025-06-15T15:00+1",
	                     "1",         "-1h-2m",     "15:61",
	                     /* what strtod would take: exponents, hex, inf, blanks, signs */
	                     "-1e3s", "@1e9", "@0x10", "@inf", "-infs", "2025-06-01T02:14:00.2E50000",
	                     " 2025-06-15", "+025-06-15", "@ 1", "-99999999999w",
	                     "-1e305h9", "2025-06-01T02:14:00.52E500+02:00" /* found by fuzzing */};
	ck_assert_int_eq(history_when_parse("@1749999000.25", now, &t), 0);
	ck_assert_double_eq(t, 1749999000.25);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(history_when_parse(bad[i], now, &t) == -EINVAL, "'%s' accepted",
		              bad[i]);
}
END_TEST

START_TEST(default_paths)
{
	char buf[256];
	ck_assert(history_file_default_path(buf, sizeof(buf), true, "/x", "/root"));
	ck_assert_str_eq(buf, "/var/lib/oomtop/history.db");
	ck_assert(history_file_default_path(buf, sizeof(buf), false, "/home/u/.st", "/home/u"));
	ck_assert_str_eq(buf, "/home/u/.st/oomtop/history.db");
	ck_assert(history_file_default_path(buf, sizeof(buf), false, "relative", "/home/u"));
	ck_assert_str_eq(buf, "/home/u/.local/state/oomtop/history.db");
	ck_assert(history_file_default_path(buf, sizeof(buf), false, NULL, "/home/u"));
	ck_assert_str_eq(buf, "/home/u/.local/state/oomtop/history.db");
	ck_assert(!history_file_default_path(buf, sizeof(buf), false, "", NULL));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("history_file");
	TCase *tc = tcase_create("file");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_foreign_file_is_refused_and_left_alone);
	tcase_add_test(tc, links_fifos_and_directories_are_refused);
	tcase_add_test(tc, a_new_history_is_created_and_one_recorder_holds_it);
	tcase_add_test(tc, times_as_operators_type_them);
	tcase_add_test(tc, default_paths);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
