/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/base/fmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/model.h"

/* printf without printf. The refresh path formats a few numbers per process and row;
 * vsnprintf costs about a microsecond each. These produce the same bytes as printf in
 * the default rounding mode (round half to even on the exact binary value) and return
 * false where they cannot be sure, so the caller falls back to snprintf (fmt.h). */

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

bool fmt_fixed(char **pp, double v, int decimals)
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

bool fmt_g6(char **pp, double v)
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
		if (fmt_fixed(&p, a, u != 0 && a < 9.95 ? 1 : 0)) {
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

char *fmt_bytes(char *out, size_t cap, int64_t bytes)
{
	if (!val_known(bytes)) {
		emit(out, cap, "-", 1);
		return out;
	}
	fmt_scaled(out, cap, (double)bytes, "");
	/* "512B" reads oddly in a size column: plain digits below 1K */
	size_t n = strlen(out);
	if (n && out[n - 1] == 'B')
		out[n - 1] = '\0';
	return out;
}

char *fmt_bytes_rate_h(char *out, size_t cap, double bytes_per_s)
{
	if (isnan(bytes_per_s)) {
		emit(out, cap, "-", 1);
		return out;
	}
	double h = bytes_per_s * 3600.0;
	if (fabs(h) < 512.0) {
		emit(out, cap, "0/h", 3);
		return out;
	}
	char tmp[40];
	tmp[0] = h < 0 ? '-' : '+';
	fmt_scaled(tmp + 1, sizeof(tmp) - 1, fabs(h), "/h");
	emit(out, cap, tmp, strlen(tmp));
	return out;
}

char *fmt_count_rate_h(char *out, size_t cap, double per_s)
{
	if (isnan(per_s)) {
		emit(out, cap, "-", 1);
		return out;
	}
	double h = per_s * 3600.0;
	if (fabs(h) < 0.5) {
		emit(out, cap, "0/h", 3);
		return out;
	}
	double a = fabs(h);
	char c = h < 0 ? '-' : '+';
	double shown = a < 1000 ? a : a < 1e6 ? a / 1e3 : a / 1e6;
	const char *unit = a < 1000 ? "/h" : a < 1e6 ? "K/h" : "M/h";
	char tmp[48], *p = tmp;
	*p++ = c;
	if (fmt_fixed(&p, shown, 0)) {
		size_t ul = strlen(unit);
		memcpy(p, unit, ul);
		emit(out, cap, tmp, (size_t)(p - tmp) + ul);
		return out;
	}
	snprintf(out, cap, "%c%.0f%s", c, shown, unit);
	return out;
}

char *fmt_duration(char *out, size_t cap, double s)
{
	if (isnan(s) || s < 0) {
		emit(out, cap, "-", 1);
		return out;
	}
	if (s > 99.0 * 86400) {
		snprintf(out, cap, ">99d");
		return out;
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
	return out;
}

char *fmt_count(char *out, size_t cap, int64_t v)
{
	if (!val_known(v))
		snprintf(out, cap, "-");
	else
		snprintf(out, cap, "%lld", (long long)v);
	return out;
}
