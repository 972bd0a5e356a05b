/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/base/escape.h"

#include <stdbool.h>
#include <string.h>

#include "core/base/utf8.h"

void escape_text(struct strbuf *sb, const char *s, size_t max_bytes)
{
	if (!s) {
		sb_putc(sb, '-');
		return;
	}
	const unsigned char *p = (const unsigned char *)s;
	size_t full = strlen(s), len = full;
	bool cut = max_bytes && len > max_bytes;
	if (cut)
		len = max_bytes;
	size_t i = 0;
	while (i < len) {
		/* printable ASCII goes through as it is, in one copy */
		size_t run = i;
		while (run < len && p[run] >= 0x20 && p[run] < 0x7f)
			run++;
		if (run > i) {
			sb_putn(sb, (const char *)p + i, run - i);
			i = run;
			continue;
		}
		uint32_t cp;
		/* decode against the whole string: a character that straddles the cut is
		 * dropped, not shown as invalid bytes */
		size_t n = utf8_decode(p + i, full - i, &cp);
		if (i + (n ? n : 1) > len)
			break;
		if (n == 0 || cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
			if (n == 0)
				n = 1;
			for (size_t k = 0; k < n; k++)
				sb_printf(sb, "\\x%02x", p[i + k]);
		} else {
			sb_putn(sb, (const char *)p + i, n);
		}
		i += n;
	}
	if (cut)
		sb_puts(sb, "...");
}

char *escape_text_buf(char *out, size_t cap, const char *s, size_t max_bytes)
{
	if (!cap)
		return out;
	struct strbuf sb;
	sb_init(&sb);
	escape_text(&sb, s, max_bytes);
	size_t n = sb.oom || !sb.buf ? 0 : sb.len;
	if (n >= cap) {
		n = cap - 1;
		while (n > 0 && ((unsigned char)sb.buf[n] & 0xc0) == 0x80)
			n--; /* not inside a UTF-8 character */
	}
	if (n)
		memcpy(out, sb.buf, n);
	out[n] = '\0';
	sb_free(&sb);
	return out;
}
