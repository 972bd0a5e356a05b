/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/store.c — see store.h. */
#include "config.h"
#include "core/history/store.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/history/file.h"
#include "core/history/lock.h"
#include "core/history/schema.h"
#include "core/model.h"

/* The recorder's connection: a small page cache (its batches are small), the WAL trimmed
 * back to this after each checkpoint. */
#define RECORD_CACHE_KIB 1024
#define WAL_KEEP_BYTES (256 * 1024)
#define READ_BUSY_MS 2000

static int fail(sqlite3 *db, const char *path, int rc, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: %s", path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	return -EIO;
}

static int init_new(void *ctx, const char *tmp_path, char *err, size_t errlen)
{
	(void)ctx;
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(tmp_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
	int ret = rc == SQLITE_OK ? history_schema_create(db, err, errlen) : fail(db, tmp_path, rc, err, errlen);
	if (sqlite3_close(db) != SQLITE_OK && ret == 0)
		ret = fail(db, tmp_path, SQLITE_ERROR, err, errlen);
	return ret;
}

/* "file:" + path with the characters a URI gives meaning to escaped, + query. */
static int uri_for(const char *path, const char *query, char *buf, size_t n)
{
	size_t k = 0;
	int w = snprintf(buf, n, "file:");
	k = (size_t)w;
	for (const char *p = path; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (k + 4 >= n)
			return -ENAMETOOLONG;
		if (c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7f)
			k += (size_t)snprintf(buf + k, n - k, "%%%02X", c);
		else
			buf[k++] = (char)c;
	}
	w = snprintf(buf + k, n - k, "?%s", query);
	return w < 0 || (size_t)w >= n - k ? -ENAMETOOLONG : 0;
}

static bool wal_missing(const char *path)
{
	char wal[4200];
	snprintf(wal, sizeof(wal), "%s-wal", path);
	return access(wal, F_OK) != 0;
}

static int open_read(struct history_store *st, const char *path, char *err, size_t errlen)
{
	int rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(st->db, READ_BUSY_MS);
		rc = history_schema_check(st->db, path, err, errlen);
		if (rc == 0)
			return 0;
		int code = sqlite3_errcode(st->db) & 0xff;
		if (rc != -EIO || (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) || !wal_missing(path))
			return rc;
	}
	/* A WAL database whose -wal and -shm this user may not create: no recorder has it
	 * open (it would have made them), so it cannot change under us. */
	sqlite3_close(st->db);
	st->db = NULL;
	char uri[4200];
	if (uri_for(path, "immutable=1", uri, sizeof(uri)) != 0) {
		snprintf(err, errlen, "%s: path too long", path);
		return -ENAMETOOLONG;
	}
	rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
	if (rc != SQLITE_OK)
		return fail(st->db, path, rc, err, errlen);
	return history_schema_check(st->db, path, err, errlen);
}

/* Another recorder holds the lock: say which, from what it wrote when it started. */
static void name_holder(const char *path, char *err, size_t errlen)
{
	struct history_store *other;
	char e2[256];
	long long pid = 0;
	if (history_store_open(&other, path, HISTORY_STORE_READ, e2, sizeof(e2)) == 0) {
		pid = history_store_meta_int(other, "recorder_pid", 0);
		history_store_close(other);
	}
	if (pid > 0)
		snprintf(err, errlen, "%s is being recorded by oomtop pid %lld already (one recorder per database)", path,
			 pid);
	else
		snprintf(err, errlen, "%s is being recorded by another oomtop already (one recorder per database)", path);
}

static int open_record(struct history_store *st, const char *path, char *err, size_t errlen)
{
	int rc = history_file_make_dir(path, err, errlen);
	enum history_file_state state;
	for (int tries = 0; rc == 0 && tries < 3; tries++) {
		rc = history_file_check(path, &state, err, errlen);
		if (rc != 0 || state == HISTORY_FILE_OURS)
			break;
		rc = history_file_create(path, init_new, NULL, err, errlen);
		if (rc == -EEXIST) /* something appeared meanwhile: look at it again */
			rc = 0;
		else if (rc == 0)
			state = HISTORY_FILE_OURS;
		if (rc == 0 && state == HISTORY_FILE_OURS)
			break;
	}
	if (rc != 0)
		return rc;
	st->lock_fd = history_lock_take(path, err, errlen);
	if (st->lock_fd == -EAGAIN) {
		name_holder(path, err, errlen);
		return -EAGAIN;
	}
	if (st->lock_fd < 0)
		return st->lock_fd;
	rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return fail(st->db, path, rc, err, errlen);
	sqlite3_busy_timeout(st->db, READ_BUSY_MS);
	rc = history_schema_check(st->db, path, err, errlen);
	if (rc != 0)
		return rc;
	int persist = 1;
	sqlite3_file_control(st->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
	char sql[256];
	snprintf(sql, sizeof(sql),
		 "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -%d;"
		 "PRAGMA journal_size_limit = %d;",
		 RECORD_CACHE_KIB, WAL_KEEP_BYTES);
	rc = history_store_exec(st, sql, path, err, errlen);
	if (rc != 0)
		return rc;
	char *mode = NULL;
	sqlite3_stmt *q = history_store_prepare(st, "PRAGMA journal_mode");
	if (q && sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0))
		mode = strdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	bool wal = mode && strcmp(mode, "wal") == 0;
	free(mode);
	if (!wal) {
		snprintf(err, errlen, "%s: the filesystem does not support SQLite's WAL journal (a network filesystem?)",
			 path);
		return -ENOTSUP;
	}
	st->writable = true;
	return 0;
}

int history_store_open(struct history_store **out, const char *path, enum history_store_mode mode, char *err,
		       size_t errlen)
{
	*out = NULL;
	struct history_store *st = calloc(1, sizeof(*st));
	if (!st) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	st->lock_fd = -1;
	int rc;
	if (mode == HISTORY_STORE_RECORD) {
		rc = open_record(st, path, err, errlen);
	} else {
		enum history_file_state state;
		rc = history_file_check(path, &state, err, errlen);
		if (rc == 0 && state == HISTORY_FILE_ABSENT) {
			snprintf(err, errlen, "%s: no such file", path);
			rc = -ENOENT;
		}
		if (rc == 0)
			rc = open_read(st, path, err, errlen);
	}
	if (rc != 0) {
		history_store_close(st);
		return rc;
	}
	*out = st;
	return 0;
}

int history_store_open_memory(struct history_store **out, char *err, size_t errlen)
{
	*out = NULL;
	struct history_store *st = calloc(1, sizeof(*st));
	if (!st)
		return -ENOMEM;
	st->lock_fd = -1;
	st->writable = true;
	int rc = sqlite3_open(":memory:", &st->db);
	if (rc != SQLITE_OK)
		rc = fail(st->db, ":memory:", rc, err, errlen);
	else
		rc = history_schema_create(st->db, err, errlen);
	if (rc != 0) {
		history_store_close(st);
		return rc;
	}
	*out = st;
	return 0;
}

void history_store_close(struct history_store *st)
{
	if (!st)
		return;
	if (st->db && st->lock_fd >= 0) /* the recorder leaves an empty WAL behind */
		sqlite3_exec(st->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	sqlite3_close(st->db);
	history_lock_release(st->lock_fd);
	free(st);
}

int history_store_exec(struct history_store *st, const char *sql, const char *what, char *err, size_t errlen)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	snprintf(err, errlen, "%s: %s", what, msg ? msg : sqlite3_errmsg(st->db));
	sqlite3_free(msg);
	return -EIO;
}

sqlite3_stmt *history_store_prepare(struct history_store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

int64_t history_store_meta_int(struct history_store *st, const char *key, int64_t dflt)
{
	sqlite3_stmt *s = history_store_prepare(st, "SELECT value FROM meta WHERE key = ?");
	if (!s)
		return dflt;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	int64_t v = dflt;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) == SQLITE_INTEGER)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static int meta_set(struct history_store *st, const char *key, const char *text, int64_t v)
{
	sqlite3_stmt *s = history_store_prepare(st, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
	if (!s)
		return -EIO;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (text)
		sqlite3_bind_text(s, 2, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(s, 2, v);
	int rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -EIO;
	sqlite3_finalize(s);
	return rc;
}

int history_store_meta_set_int(struct history_store *st, const char *key, int64_t value)
{
	return meta_set(st, key, NULL, value);
}

int history_store_meta_set_text(struct history_store *st, const char *key, const char *value)
{
	return meta_set(st, key, value, 0);
}

static int64_t pragma_i64(struct history_store *st, const char *sql)
{
	sqlite3_stmt *s = history_store_prepare(st, sql);
	int64_t v = 0;
	if (s && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

int64_t history_store_used_bytes(struct history_store *st)
{
	int64_t pages = pragma_i64(st, "PRAGMA page_count") - pragma_i64(st, "PRAGMA freelist_count");
	return pages * pragma_i64(st, "PRAGMA page_size");
}

void history_store_bind_i64(sqlite3_stmt *s, int col, int64_t v)
{
	if (val_known(v))
		sqlite3_bind_int64(s, col, v);
	else
		sqlite3_bind_null(s, col);
}

void history_store_bind_double(sqlite3_stmt *s, int col, double v)
{
	if (isfinite(v))
		sqlite3_bind_double(s, col, v);
	else
		sqlite3_bind_null(s, col);
}

int64_t history_store_column_i64(sqlite3_stmt *s, int col)
{
	return sqlite3_column_type(s, col) == SQLITE_NULL ? VAL_UNKNOWN : sqlite3_column_int64(s, col);
}

double history_store_column_double(sqlite3_stmt *s, int col)
{
	return sqlite3_column_type(s, col) == SQLITE_NULL ? NAN : sqlite3_column_double(s, col);
}

int64_t history_store_i64_of(double v)
{
	return isnan(v) ? VAL_UNKNOWN : (int64_t)llround(v);
}
