/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/diag.h — the one way oomtop says something on stderr: "oomtop: " and the message,
 * escaped by core/base/escape.h's rule (control bytes and invalid UTF-8 as \xNN), because
 * a message may quote a file a user wrote, a path, a process name or an argument. */
#ifndef OOMTOP_APP_DIAG_H
#define OOMTOP_APP_DIAG_H

#include <stdio.h>

/* "oomtop: <formatted message, escaped>\n" on f. */
void diag(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
