/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/store.h — an oomtop history on SQLite, opened for recording or reading.
 *
 * Recording (one recorder per database, core/history/lock.h): the path is checked as
 * hostile and a new database is created in place (core/history/file.h); WAL journal, so
 * readers never block the recorder nor it them; synchronous=NORMAL: a commit is one write
 * of the WAL, durable against kill -9 and crashes of oomtop (a power cut may lose the
 * last commits, never the database); the WAL persists after the recorder ends and is
 * kept small, so a reader without write access to the directory can still open it.
 * Reading: the same checks, read-only; a database without its WAL files (a reader may
 * not create them) is opened immutable, which is safe because no recorder is running.
 *
 * A store is used by one thread at a time (connections are opened without SQLite's
 * per-call mutex: reading a week back is a million column reads).
 * The struct is shared with the other core/history files (writer, retention, reader);
 * callers outside core/history use only the functions. Errors: -errno with one line in
 * err naming the path. Never exits, never prints. */
#ifndef OOMTOP_HISTORY_STORE_H
#define OOMTOP_HISTORY_STORE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum history_store_mode { HISTORY_STORE_READ, HISTORY_STORE_RECORD };

struct history_store {
	sqlite3 *db;
	int lock_fd;   /* the recorder's lock, -1 when reading */
	bool writable; /* opened for recording (or in memory) */
};

/* Open path. RECORD creates a missing database (and its directory) and refuses, with
 * -EAGAIN and the holder's pid in err, a database another recorder holds. READ gives
 * -ENOENT when nothing is at path. Whatever is at path and is not an oomtop history is
 * refused (-EILSEQ, -ELOOP, -EINVAL) and left untouched. */
int history_store_open(struct history_store **out, const char *path, enum history_store_mode mode, char *err,
		       size_t errlen);

/* A new empty history in memory, writable: for tests. */
int history_store_open_memory(struct history_store **out, char *err, size_t errlen);

/* Closes the connection (the recorder checkpoints the WAL to empty first), then the lock.
 * NULL is fine. */
void history_store_close(struct history_store *st);

/* sqlite3_exec of sql; 0 or -EIO with "what: SQLite's message" in err. */
int history_store_exec(struct history_store *st, const char *sql, const char *what, char *err, size_t errlen);

/* A prepared statement, or NULL (the SQL is ours: a failure is a bug or out of memory). */
sqlite3_stmt *history_store_prepare(struct history_store *st, const char *sql);

/* The meta table: an integer value, or dflt when the key is missing or not an integer. */
int64_t history_store_meta_int(struct history_store *st, const char *key, int64_t dflt);
int history_store_meta_set_int(struct history_store *st, const char *key, int64_t value);
int history_store_meta_set_text(struct history_store *st, const char *key, const char *value);

/* Bytes of the database in use: pages in use (page_count - freelist_count) × page_size. */
int64_t history_store_used_bytes(struct history_store *st);

/* Bind v, or NULL when it is VAL_UNKNOWN (integers) / not finite (doubles). */
void history_store_bind_i64(sqlite3_stmt *s, int col, int64_t v);
void history_store_bind_double(sqlite3_stmt *s, int col, double v);
/* Column as int64 (VAL_UNKNOWN for NULL) or double (NAN for NULL). */
int64_t history_store_column_i64(sqlite3_stmt *s, int col);
double history_store_column_double(sqlite3_stmt *s, int col);
/* A value read as a double back to an integer: VAL_UNKNOWN for NAN (NULL). */
int64_t history_store_i64_of(double v);

#endif
