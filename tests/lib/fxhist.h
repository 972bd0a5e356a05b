/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxhist.h — a history (core/history) for the tests of what writes and reads
 * it: a new one in memory, a recorder on it, snapshots added and committed, and the
 * answer of one SQL query, as the docs' sqlite3 examples read the tables. Failures are
 * Check failures. */
#ifndef OOMTOP_TESTS_FXHIST_H
#define OOMTOP_TESTS_FXHIST_H

#include <stddef.h>
#include <stdint.h>

#include "core/history/boot.h"
#include "core/history/store.h"
#include "core/history/writer.h"
#include "core/model.h"

/* A new empty history in memory (history_store_close frees it). */
struct history_store *fxhist_open_memory(void);

/* A recorder on st for boot b, sampling every interval_s, on the host "fixture". */
struct history_writer *fxhist_writer(struct history_store *st, const struct history_boot *b,
                                     double interval_s);

/* history_writer_add: its flags (HISTORY_WRITER_KILL); an error fails the test. */
int fxhist_add(struct history_writer *w, const struct snapshot *s);

/* history_writer_commit; an error fails the test. */
void fxhist_commit(struct history_writer *w);

/* The first column of the first row of sql, as an integer (NULL: 0). */
int64_t fxhist_int(struct history_store *st, const char *sql);

/* ... as text into buf ("(null)" for NULL); returns buf. */
const char *fxhist_text(struct history_store *st, const char *sql, char *buf, size_t n);

#endif
