/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/base/strbuf.h — a growable string buffer, the one way core builds text (output
 * formats, escaped strings, command lines). Its functions keep the short prefix sb_, used
 * for it since the first commit. On allocation failure sb->oom is set and later appends
 * are ignored: the caller checks it once at the end. Nothing here exits. */
#ifndef OOMTOP_STRBUF_H
#define OOMTOP_STRBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf {
	char *buf;
	size_t len, cap;
	bool oom;
	/* Optional streaming: when spill is set, an append that would take len past spill_at
	 * first hands the bytes so far to spill() and empties the buffer, so memory stays
	 * bounded however long the output. spill returns false on failure: the bytes are
	 * dropped, spill_failed is set, and later appends are ignored. */
	bool (*spill)(void *ctx, const char *buf, size_t len);
	void *spill_ctx;
	size_t spill_at;
	bool spill_failed;
};
void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_putc(struct strbuf *sb, char c);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putn(struct strbuf *sb, const char *s, size_t n);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Like sb_printf("%lld"), without printf: the refresh path formats thousands of numbers. */
void sb_put_i64(struct strbuf *sb, int64_t v);
/* The same right-aligned in width columns, like "%*lld". */
void sb_put_i64_padded(struct strbuf *sb, int64_t v, size_t width);
/* The n bytes at s padded with spaces to width, like "%-*.*s" (left) or "%*.*s". */
void sb_put_padded(struct strbuf *sb, const char *s, size_t n, size_t width, bool left);

#endif
