/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/output/json_write.h — JSON values appended to a strbuf, for the snapshot JSON
 * (json.c) and OOM events (event.c). Unknown values are null. Pure. */
#ifndef OOMTOP_JSON_WRITE_H
#define OOMTOP_JSON_WRITE_H

#include <stdint.h>

#include "core/base/strbuf.h"

/* s as a string literal, quotes included. Invalid UTF-8 becomes \ufffd; control characters
 * (C0, DEL, and C1, which some terminals showing the output take as escapes) \u00XX.
 * NULL → null. */
void json_write_string(struct strbuf *sb, const char *s);
/* A number; VAL_UNKNOWN → null. */
void json_write_i64(struct strbuf *sb, int64_t v);
/* NAN and infinities → null; whole numbers below 1e15 as integers, |v| ≥ 1e5 with three
 * decimals (unix times keep their milliseconds), others as "%.6g". */
void json_write_double(struct strbuf *sb, double v);

#endif
