/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/base/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"

void sb_init(struct strbuf *sb)
{
	memset(sb, 0, sizeof(*sb));
}

void sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb_init(sb);
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

static bool sb_grow(struct strbuf *sb, size_t extra)
{
	if (sb->oom || sb->spill_failed)
		return false;
	if (sb->spill && sb->len && sb->len + extra > sb->spill_at) {
		if (!sb->spill(sb->spill_ctx, sb->buf, sb->len)) {
			sb->spill_failed = true;
			return false;
		}
		sb->len = 0;
		sb->buf[0] = '\0';
	}
	size_t need = sb->len + extra + 1;
	if (need <= sb->cap)
		return true;
	if (!util_grow((void **)&sb->buf, &sb->cap, need < 256 ? 256 : need, 1)) {
		sb->oom = true;
		return false;
	}
	return true;
}

void sb_putn(struct strbuf *sb, const char *s, size_t n)
{
	if (!sb_grow(sb, n))
		return;
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_putc(struct strbuf *sb, char c)
{
	if (!sb->oom && sb->len + 2 <= sb->cap && (!sb->spill || sb->len + 1 <= sb->spill_at)) {
		sb->buf[sb->len++] = c;
		sb->buf[sb->len] = '\0';
		return;
	}
	sb_putn(sb, &c, 1);
}

void sb_put_i64_padded(struct strbuf *sb, int64_t v, size_t width)
{
	char tmp[24];
	char *end = tmp + sizeof(tmp), *p = end;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	sb_put_padded(sb, p, (size_t)(end - p), width, false);
}

void sb_put_i64(struct strbuf *sb, int64_t v)
{
	sb_put_i64_padded(sb, v, 0);
}

void sb_put_padded(struct strbuf *sb, const char *s, size_t n, size_t width, bool left)
{
	static const char spaces[] = "                                ";
	size_t pad = n < width ? width - n : 0;
	if (left)
		sb_putn(sb, s, n);
	while (pad > 0) {
		size_t k = pad < sizeof(spaces) - 1 ? pad : sizeof(spaces) - 1;
		sb_putn(sb, spaces, k);
		pad -= k;
	}
	if (!left)
		sb_putn(sb, s, n);
}

void sb_puts(struct strbuf *sb, const char *s)
{
	sb_putn(sb, s, strlen(s));
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[256];
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(tmp)) {
		sb_putn(sb, tmp, (size_t)n);
		return;
	}
	if (!sb_grow(sb, (size_t)n))
		return;
	va_start(ap, fmt); /* (sb_grow may have spilled: print where the buffer now ends) */
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}
