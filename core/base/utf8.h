/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/base/utf8.h — the one UTF-8 decoder: terminal escaping (core/base/escape.c), JSON
 * strings (core/output/json_write.c) and the screen's sanitiser (tui/sanitize.c) decide
 * what is valid the same way. Pure. */
#ifndef OOMTOP_UTF8_H
#define OOMTOP_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode the sequence at s, reading at most avail bytes (avail ≥ 1). Returns its length
 * (1..4) and sets *cp; returns 0 and leaves *cp alone when the bytes are not the shortest
 * encoding of a Unicode scalar value (overlong, surrogate, above U+10FFFF, cut short). In a
 * NUL-terminated string avail may be SIZE_MAX: a NUL ends any sequence. */
size_t utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp);

#endif
