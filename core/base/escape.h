/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/base/escape.h — untrusted text (process names, command lines, host names, kernel log
 * lines) made harmless on a terminal and kept on one line, for batch text output and the
 * text form of OOM events. Pure. (JSON strings: core/output/json_write.h; the screen
 * draws through tui/sanitize.h.) */
#ifndef OOMTOP_ESCAPE_H
#define OOMTOP_ESCAPE_H

#include <stddef.h>

#include "core/base/strbuf.h"

/* Append s to sb: control bytes (C0, DEL, C1) and bytes that are not valid UTF-8 become
 * "\xNN"; valid UTF-8 is kept. At most max_bytes of input are used (0 = all); a cut
 * appends "..." and drops a character it would split. NULL → "-". */
void escape_text(struct strbuf *sb, const char *s, size_t max_bytes);

/* The same into a fixed buffer of cap bytes (always NUL-terminated; a result that does
 * not fit is cut at a character boundary). Returns out. */
char *escape_text_buf(char *out, size_t cap, const char *s, size_t max_bytes);

#endif
