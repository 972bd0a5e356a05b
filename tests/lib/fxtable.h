/* tests/lib/fxtable.h — the expected.tsv tables beside the fixtures (tests/fixtures/NAME/):
 * one row per fixture file, columns separated by tabs. */
#ifndef OOMTOP_TESTS_FXTABLE_H
#define OOMTOP_TESTS_FXTABLE_H

/* Splits a line in place at its tabs into at most max columns (the last keeps any further
 * tabs); returns the number of columns, at least 1. */
int fxtable_split(char *line, char **cols, int max);

#endif
