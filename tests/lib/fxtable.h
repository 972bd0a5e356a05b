/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxtable.h — the expected.tsv tables beside the fixtures (tests/fixtures/NAME/):
 * one row per fixture file, columns separated by tabs. */
#ifndef OOMTOP_TESTS_FXTABLE_H
#define OOMTOP_TESTS_FXTABLE_H

#include <stdint.h>

/* Splits a line in place at its tabs into at most max columns (the last keeps any further
 * tabs); returns the number of columns, at least 1. */
int fxtable_split(char *line, char **cols, int max);

/* A cell: "-" is unknown (VAL_UNKNOWN), anything else a decimal number (asserted). */
int64_t fxtable_cell(const char *s);

/* dir/name read whole, NUL-terminated (asserted readable; the caller frees). */
char *fxtable_slurp(const char *dir, const char *name);

/* The fixture files of dir: all but dot files and the *.md notes and *.tsv tables. */
int fxtable_count(const char *dir);

#endif
