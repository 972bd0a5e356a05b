#include "config.h"
#include "core/base/textfmt.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <math.h>
#include "core/model.h"

/* printf without printf. The refresh path formats a few numbers per process and row;
 * vsnprintf costs about a microsecond each. These produce the same bytes as printf in
 * the default rounding mode (round half to even on the exact binary value) and return
 * false where they cannot be sure, so the caller falls back to snprintf. */

static char *put_u64(char *p, uint64_t v, int min_digits)
{
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v || n < min_digits);
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

static const double pow10_tab[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10};

/* Round a * 10^decimals to an integer as printf("%.*f") would; false near a tie, where
 * the multiplication may have moved the value across it, or when it is too big. */
static bool round_scaled(double a, int decimals, uint64_t *q)
{
	if (!(a >= 0) || decimals < 0 || decimals > 10)
		return false;
	double t = a * pow10_tab[decimals];
	if (!(t < 9007199254740992.0)) /* 2^53 */
		return false;
	if (decimals > 0) { /* a itself is exact: rint() rounds it as printf does */
		double frac = t - floor(t), tol = t * 1e-15 > 1e-6 ? t * 1e-15 : 1e-6;
		if (fabs(frac - 0.5) < tol)
			return false;
	}
	*q = (uint64_t)rint(t);
	return true;
}

/* "%.*f" of v into *pp. */
static bool put_fixed(char **pp, double v, int decimals)
{
	uint64_t q;
	if (!round_scaled(fabs(v), decimals, &q))
		return false;
	char *p = *pp;
	if (signbit(v))
		*p++ = '-';
	uint64_t scale = (uint64_t)pow10_tab[decimals];
	p = put_u64(p, q / scale, 1);
	if (decimals > 0) {
		*p++ = '.';
		p = put_u64(p, q % scale, decimals);
	}
	*pp = p;
	return true;
}

/* "%.6g" of v into *pp, for 1e-4 <= |v| < 1e5 (the fixed-point form of %g). */
static bool put_g6(char **pp, double v)
{
	double a = fabs(v);
	if (!(a >= 1e-4 && a < 1e5))
		return false;
	int e = (int)floor(log10(a)); /* the loop below corrects a result off by one */
	for (int tries = 0; tries < 3; tries++) {
		int d = 5 - e; /* decimals that leave 6 significant digits */
		uint64_t q;
		if (d < 0 || d > 10 || !round_scaled(a, d, &q))
			return false;
		if (q >= 1000000) { /* rounded up to the next power of ten */
			e++;
			continue;
		}
		if (q < 100000) { /* e too high: cannot happen with an exact e, kept as a guard */
			e--;
			continue;
		}
		if (e < -4 || e > 5)
			return false;
		char digits[8];
		put_u64(digits, q, 6);
		char *p = *pp;
		if (v < 0)
			*p++ = '-';
		int int_digits = 6 - d; /* may be <= 0: 0.000123 */
		if (int_digits <= 0) {
			*p++ = '0';
			*p++ = '.';
			for (int i = int_digits; i < 0; i++)
				*p++ = '0';
			memcpy(p, digits, 6);
			p += 6;
		} else {
			memcpy(p, digits, (size_t)int_digits);
			p += int_digits;
			if (d > 0) {
				*p++ = '.';
				memcpy(p, digits + int_digits, (size_t)d);
				p += d;
			}
		}
		if (d > 0) { /* %g drops trailing zeros, and the point when nothing follows */
			while (p[-1] == '0')
				p--;
			if (p[-1] == '.')
				p--;
		}
		*pp = p;
		return true;
	}
	return false;
}

/* Copy n bytes into out as snprintf would (truncated to cap - 1, NUL-terminated). */
static void emit(char *out, size_t cap, const char *s, size_t n)
{
	if (!cap)
		return;
	if (n > cap - 1)
		n = cap - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

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
	char tmp[64], *p = tmp;
	size_t sl = strlen(suffix);
	if (sl < 16) {
		if (v < 0)
			*p++ = '-';
		if (put_fixed(&p, a, u != 0 && a < 9.95 ? 1 : 0)) {
			if (u != 0)
				*p++ = units[u];
			memcpy(p, suffix, sl);
			emit(out, cap, tmp, (size_t)(p - tmp) + sl);
			return;
		}
	}
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
		emit(out, cap, "-", 1);
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
		emit(out, cap, "-", 1);
		return;
	}
	double h = bytes_per_s * 3600.0;
	if (fabs(h) < 512.0) {
		emit(out, cap, "0/h", 3);
		return;
	}
	char tmp[40];
	tmp[0] = h < 0 ? '-' : '+';
	fmt_scaled(tmp + 1, sizeof(tmp) - 1, fabs(h), "/h");
	emit(out, cap, tmp, strlen(tmp));
}

void fmt_count_rate_h(char *out, size_t cap, double per_s)
{
	if (isnan(per_s)) {
		emit(out, cap, "-", 1);
		return;
	}
	double h = per_s * 3600.0;
	if (fabs(h) < 0.5) {
		emit(out, cap, "0/h", 3);
		return;
	}
	double a = fabs(h);
	char c = h < 0 ? '-' : '+';
	double shown = a < 1000 ? a : a < 1e6 ? a / 1e3 : a / 1e6;
	const char *unit = a < 1000 ? "/h" : a < 1e6 ? "K/h" : "M/h";
	char tmp[48], *p = tmp;
	*p++ = c;
	if (put_fixed(&p, shown, 0)) {
		size_t ul = strlen(unit);
		memcpy(p, unit, ul);
		emit(out, cap, tmp, (size_t)(p - tmp) + ul);
		return;
	}
	snprintf(out, cap, "%c%.0f%s", c, shown, unit);
}

void fmt_duration(char *out, size_t cap, double s)
{
	if (isnan(s) || s < 0) {
		emit(out, cap, "-", 1);
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
		/* printable ASCII goes through as it is, in one copy */
		size_t run = i;
		while (run < len && p[run] >= 0x20 && p[run] < 0x7f)
			run++;
		if (run > i) {
			sb_putn(sb, (const char *)p + i, run - i);
			i = run;
			continue;
		}
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
		/* printable ASCII other than '"' and '\\' needs no escape: one copy */
		size_t run = i;
		while (run < len && p[run] >= 0x20 && p[run] < 0x7f && p[run] != '"' && p[run] != '\\')
			run++;
		if (run > i) {
			sb_putn(sb, (const char *)p + i, run - i);
			i = run;
			continue;
		}
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
		sb_put_i64(sb, v);
	else
		sb_puts(sb, "null");
}

void json_double(struct strbuf *sb, double v)
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
		if (put_fixed(&p, v, 3))
			sb_putn(sb, tmp, (size_t)(p - tmp));
		else
			sb_printf(sb, "%.3f", v);
	} else if (put_g6(&p, v)) {
		sb_putn(sb, tmp, (size_t)(p - tmp));
	} else {
		sb_printf(sb, "%.6g", v);
	}
}
