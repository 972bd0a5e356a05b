/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/config/conffile.h — what theme files and oomtoprc share: splitting a buffer into lines
 * (at most CONFFILE_LINE_MAX bytes each; longer lines are reported, not read), trimming, and
 * problem reports in the "file:line: message" form. Pure; no I/O. */
#ifndef OOMTOP_TUI_CONFIG_CONFFILE_H
#define OOMTOP_TUI_CONFIG_CONFFILE_H

#include <stddef.h>

#define CONFFILE_LINE_MAX 1024

/* Where problems go: one message per call, "file:line: message". */
typedef void (*conffile_report_fn)(void *ud, const char *msg);

struct conffile_pos {
	const char *fname;
	int lineno;
	conffile_report_fn report; /* may be NULL: problems are only counted */
	void *ud;
};

/* Report one problem at the current line: "fname:lineno: message". */
void conffile_report(const struct conffile_pos *pos, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Called for each line, NUL-terminated and writable (no '\n'); returns the number of
 * problems it reported. */
typedef int (*conffile_line_fn)(void *obj, char *line, const struct conffile_pos *pos);

/* Split buf[0..len) into lines and call fn for each. A line holding a NUL byte (a file is
 * any bytes) is reported ("a NUL byte: line not read") instead of being cut at it, and so
 * is a line longer than CONFFILE_LINE_MAX. Returns the total number of problems. */
int conffile_parse(const char *buf, size_t len, const char *fname, conffile_report_fn report, void *ud,
                   conffile_line_fn fn, void *obj);

/* Strip leading and trailing blanks in place; returns the first non-blank character. */
char *conffile_trim(char *s);

#endif
