#include "config.h"
#include "textfmt.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "model.h"

static void fmt_scaled(char *out, size_t cap, double v, const char *suffix)
{
	static const char units[] = "BKMGTPE";
	double a = fabs(v);
	int u = 0;
	while (a >= 1000.0 && u < 6) {
		a /= 1024.0;
		u++;
	}
	const char *sign = v < 0 ? "-" : "";
	if (u == 0)
		snprintf(out, cap, "%s%.0f%s", sign, a, suffix);
	else if (a < 9.95)
		snprintf(out, cap, "%s%.1f%c%s", sign, a, units[u], suffix);
	else
		snprintf(out, cap, "%s%.0f%c%s", sign, a, units[u], suffix);
}

void fmt_bytes(char *out, size_t cap, int64_t bytes)
{
	if (!val_known(bytes)) {
		snprintf(out, cap, "-");
		return;
	}
	fmt_scaled(out, cap, (double)bytes, "");
	/* "512B" reads oddly in a size column: plain digits below 1K */
	size_t n = strlen(out);
	if (n && out[n - 1] == 'B')
		out[n - 1] = '\0';
}

void fmt_bytes_rate_h(char *out, size_t cap, double bytes_per_s)
{
	if (isnan(bytes_per_s)) {
		snprintf(out, cap, "-");
		return;
	}
	double h = bytes_per_s * 3600.0;
	if (fabs(h) < 512.0) {
		snprintf(out, cap, "0/h");
		return;
	}
	char tmp[32];
	fmt_scaled(tmp, sizeof(tmp), fabs(h), "/h");
	snprintf(out, cap, "%c%s", h < 0 ? '-' : '+', tmp);
}

void fmt_count_rate_h(char *out, size_t cap, double per_s)
{
	if (isnan(per_s)) {
		snprintf(out, cap, "-");
		return;
	}
	double h = per_s * 3600.0;
	if (fabs(h) < 0.5) {
		snprintf(out, cap, "0/h");
		return;
	}
	double a = fabs(h);
	char c = h < 0 ? '-' : '+';
	if (a < 1000)
		snprintf(out, cap, "%c%.0f/h", c, a);
	else if (a < 1e6)
		snprintf(out, cap, "%c%.0fK/h", c, a / 1e3);
	else
		snprintf(out, cap, "%c%.0fM/h", c, a / 1e6);
}

void fmt_duration(char *out, size_t cap, double s)
{
	if (isnan(s) || s < 0) {
		snprintf(out, cap, "-");
		return;
	}
	if (s > 99.0 * 86400) {
		snprintf(out, cap, ">99d");
		return;
	}
	long t = lround(s);
	if (t < 60)
		snprintf(out, cap, "%lds", t);
	else if (t < 3600)
		snprintf(out, cap, "%ldm", t / 60);
	else if (t < 86400)
		snprintf(out, cap, "%ldh%02ldm", t / 3600, (t % 3600) / 60);
	else
		snprintf(out, cap, "%ldd%02ldh", t / 86400, (t % 86400) / 3600);
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. Rejects overlongs,
 * surrogates and code points above U+10FFFF. *cp gets the code point. */
static size_t utf8_len(const unsigned char *s, size_t avail, unsigned *cp)
{
	unsigned c = s[0];
	size_t n;
	unsigned min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xe0) == 0xc0) {
		n = 2;
		min = 0x80;
		*cp = c & 0x1f;
	} else if ((c & 0xf0) == 0xe0) {
		n = 3;
		min = 0x800;
		*cp = c & 0x0f;
	} else if ((c & 0xf8) == 0xf0) {
		n = 4;
		min = 0x10000;
		*cp = c & 0x07;
	} else {
		return 0;
	}
	if (n > avail)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff))
		return 0;
	return n;
}

void text_sanitize(struct strbuf *sb, const char *s, size_t max_bytes)
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
		unsigned cp;
		/* decode against the whole string: a character that straddles the cut is
		 * dropped, not shown as invalid bytes */
		size_t n = utf8_len(p + i, full - i, &cp);
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

void json_string(struct strbuf *sb, const char *s)
{
	if (!s) {
		sb_puts(sb, "null");
		return;
	}
	sb_putc(sb, '"');
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen((const char *)p), i = 0;
	while (i < len) {
		unsigned cp;
		size_t n = utf8_len(p + i, len - i, &cp);
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
				sb_printf(sb, "\\u%04x", cp);
			else
				sb_putn(sb, (const char *)p + i, n);
		}
		i += n;
	}
	sb_putc(sb, '"');
}

void json_i64(struct strbuf *sb, int64_t v)
{
	if (val_known(v))
		sb_printf(sb, "%lld", (long long)v);
	else
		sb_puts(sb, "null");
}

void json_double(struct strbuf *sb, double v)
{
	if (isnan(v) || isinf(v))
		sb_puts(sb, "null");
	else if (v == floor(v) && fabs(v) < 1e15)
		sb_printf(sb, "%.0f", v);
	else if (fabs(v) >= 1e5) /* unix times: keep the milliseconds, not 6 digits */
		sb_printf(sb, "%.3f", v);
	else
		sb_printf(sb, "%.6g", v);
}
