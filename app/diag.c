/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/diag.c — see diag.h. */
#include "config.h"
#include "app/diag.h"

#include <stdarg.h>

#include "core/base/escape.h"

void diag(FILE *f, const char *fmt, ...)
{
	char msg[4096], safe[8192];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(f, "oomtop: %s\n", escape_text_buf(safe, sizeof(safe), msg, 0));
}
