/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tests/lib/fxhist.h"

#include <check.h>
#include <stdio.h>

struct history_store *fxhist_open_memory(void)
{
	struct history_store *st;
	char err[256];
	ck_assert_msg(history_store_open_memory(&st, err, sizeof(err)) == 0, "%s", err);
	return st;
}

struct history_writer *fxhist_writer(struct history_store *st, const struct history_boot *b,
                                     double interval_s)
{
	char err[256];
	struct history_writer *w =
	    history_writer_new(st, b, interval_s, "fixture", err, sizeof(err));
	ck_assert_msg(w != NULL, "%s", err);
	return w;
}

int fxhist_add(struct history_writer *w, const struct snapshot *s)
{
	char err[256];
	int rc = history_writer_add(w, s, err, sizeof(err));
	ck_assert_msg(rc >= 0, "%s", err);
	return rc;
}

void fxhist_commit(struct history_writer *w)
{
	char err[256];
	ck_assert_msg(history_writer_commit(w, err, sizeof(err)) == 0, "%s", err);
}

/* sql prepared and stepped to its first row. */
static sqlite3_stmt *first_row(struct history_store *st, const char *sql)
{
	sqlite3_stmt *s = history_store_prepare(st, sql);
	ck_assert_msg(s != NULL, "%s: %s", sql, sqlite3_errmsg(st->db));
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	return s;
}

int64_t fxhist_int(struct history_store *st, const char *sql)
{
	sqlite3_stmt *s = first_row(st, sql);
	int64_t v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

const char *fxhist_text(struct history_store *st, const char *sql, char *buf, size_t n)
{
	sqlite3_stmt *s = first_row(st, sql);
	const unsigned char *t = sqlite3_column_text(s, 0);
	snprintf(buf, n, "%s", t ? (const char *)t : "(null)");
	sqlite3_finalize(s);
	return buf;
}
