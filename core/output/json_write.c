/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/output/json_write.h"

#include <math.h>
#include <string.h>

#include "core/base/fmt.h"
#include "core/base/utf8.h"
#include "core/model.h"

void json_write_string(struct strbuf *sb, const char *s)
{
	if (!s) {
		sb_puts(sb, "null");
		return;
	}
	sb_putc(sb, '"');
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen((const char *)p), i = 0;
	while (i < len) {
		/* printable ASCII other than '"' and '\\' needs no escape: one copy */
		size_t run = i;
		while (run < len && p[run] >= 0x20 && p[run] < 0x7f && p[run] != '"' && p[run] != '\\')
			run++;
		if (run > i) {
			sb_putn(sb, (const char *)p + i, run - i);
			i = run;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, &cp);
		if (n == 0) {
			sb_puts(sb, "\\ufffd");
			i++;
			continue;
		}
		switch (cp) {
		case '"': sb_puts(sb, "\\\""); break;
		case '\\': sb_puts(sb, "\\\\"); break;
		case '\n': sb_puts(sb, "\\n"); break;
		case '\t': sb_puts(sb, "\\t"); break;
		case '\r': sb_puts(sb, "\\r"); break;
		default:
			/* C1 too: valid raw in JSON, but U+009B is a CSI to some terminals
			 * that show the output (jq, less -r) */
			if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
				sb_printf(sb, "\\u%04x", (unsigned)cp);
			else
				sb_putn(sb, (const char *)p + i, n);
		}
		i += n;
	}
	sb_putc(sb, '"');
}

void json_write_i64(struct strbuf *sb, int64_t v)
{
	if (val_known(v))
		sb_put_i64(sb, v);
	else
		sb_puts(sb, "null");
}

void json_write_double(struct strbuf *sb, double v)
{
	char tmp[64], *p = tmp;
	if (isnan(v) || isinf(v)) {
		sb_puts(sb, "null");
	} else if (v == floor(v) && fabs(v) < 1e15) {
		if (v == 0 && signbit(v))
			sb_puts(sb, "-0"); /* what %.0f prints */
		else
			sb_put_i64(sb, (int64_t)v);
	} else if (fabs(v) >= 1e5) { /* unix times: keep the milliseconds, not 6 digits */
		if (fmt_fixed(&p, v, 3))
			sb_putn(sb, tmp, (size_t)(p - tmp));
		else
			sb_printf(sb, "%.3f", v);
	} else if (fmt_g6(&p, v)) {
		sb_putn(sb, tmp, (size_t)(p - tmp));
	} else {
		sb_printf(sb, "%.6g", v);
	}
}
