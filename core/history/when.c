/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/when.c — see when.h. */
#include "config.h"
#include "core/history/when.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Plain decimal digits at p, with a fraction after '.' when frac_ok: "90", "1.5". No
 * sign, exponent, hex, inf or nan (what strtod would also take), at most 12 digits before
 * the point (a unix time has 10). The value and the end, or end == p when there is no
 * such number. */
static double decimal(const char *p, bool frac_ok, const char **end)
{
	double v = 0;
	const char *q = p;
	while (isdigit((unsigned char)*q) && q - p < 12)
		v = v * 10 + (*q++ - '0');
	if (q == p || isdigit((unsigned char)*q)) {
		*end = p;
		return 0;
	}
	if (frac_ok && *q == '.' && isdigit((unsigned char)q[1])) {
		double scale = 0.1;
		for (q++; isdigit((unsigned char)*q); q++, scale /= 10)
			v += (*q - '0') * scale;
	}
	*end = q;
	return v;
}

/* "-1h30m": a sum of number+unit terms after the sign. */
static int parse_relative(const char *s, double now, double *out)
{
	double total = 0;
	const char *p = s + 1;
	if (!*p)
		return -EINVAL;
	while (*p) {
		const char *end;
		double v = decimal(p, true, &end);
		if (end == p)
			return -EINVAL;
		double unit = 1;
		switch (*end) {
		case 's': unit = 1; end++; break;
		case 'm': unit = 60; end++; break;
		case 'h': unit = 3600; end++; break;
		case 'd': unit = 86400; end++; break;
		case 'w': unit = 7 * 86400; end++; break;
		case '\0': break;
		default: return -EINVAL;
		}
		total += v * unit;
		p = end;
		if (total > 100.0 * 365 * 86400) /* a century back is a typo */
			return -EINVAL;
	}
	*out = now - total;
	return 0;
}

/* Two digits at p (advanced); -1 when not digits. */
static int two(const char **p)
{
	if (!isdigit((unsigned char)(*p)[0]) || !isdigit((unsigned char)(*p)[1]))
		return -1;
	int v = ((*p)[0] - '0') * 10 + (*p)[1] - '0';
	*p += 2;
	return v;
}

/* "HH:MM[:SS[.fff]]" at p into tm and frac; advances p. */
static int parse_clock(const char **p, struct tm *tm, double *frac)
{
	int h = two(p);
	if (h < 0 || h > 23 || **p != ':')
		return -EINVAL;
	(*p)++;
	int m = two(p);
	if (m < 0 || m > 59)
		return -EINVAL;
	int sec = 0;
	*frac = 0;
	if (**p == ':') {
		(*p)++;
		sec = two(p);
		if (sec < 0 || sec > 60)
			return -EINVAL;
		if (**p == '.') { /* a fraction: digits only (no exponent, no sign) */
			const char *end;
			*frac = decimal(*p + 1, false, &end);
			if (end == *p + 1)
				return -EINVAL;
			for (ptrdiff_t k = end - (*p + 1); k > 0; k--)
				*frac /= 10;
			*p = end;
		}
	}
	tm->tm_hour = h;
	tm->tm_min = m;
	tm->tm_sec = sec;
	return 0;
}

/* "Z", "+HH", "+HH:MM", "+HHMM" (or -): the offset east of UTC in seconds. */
static int parse_zone(const char *p, long *offset)
{
	if (strcmp(p, "Z") == 0 || strcmp(p, "z") == 0) {
		*offset = 0;
		return 0;
	}
	if (*p != '+' && *p != '-')
		return -EINVAL;
	int sign = *p == '-' ? -1 : 1;
	p++;
	int h = two(&p), m = 0;
	if (h < 0 || h > 23)
		return -EINVAL;
	if (*p == ':')
		p++;
	if (*p) {
		m = two(&p);
		if (m < 0 || m > 59 || *p)
			return -EINVAL;
	}
	*offset = sign * (h * 3600L + m * 60L);
	return 0;
}

static int parse_iso(const char *s, double *out)
{
	struct tm tm;
	memset(&tm, 0, sizeof(tm));
	const char *p = s;
	for (int k = 0; k < 4; k++)
		if (!isdigit((unsigned char)p[k]))
			return -EINVAL;
	long y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
	if (p[4] != '-')
		return -EINVAL;
	p += 5;
	int mon = two(&p);
	if (mon < 1 || mon > 12 || *p != '-')
		return -EINVAL;
	p++;
	int d = two(&p);
	if (d < 1 || d > 31)
		return -EINVAL;
	tm.tm_year = (int)y - 1900;
	tm.tm_mon = mon - 1;
	tm.tm_mday = d;
	double frac = 0;
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		if (parse_clock(&p, &tm, &frac) != 0)
			return -EINVAL;
	}
	time_t t;
	if (*p) {
		long off;
		if (parse_zone(p, &off) != 0)
			return -EINVAL;
		t = timegm(&tm) - off;
	} else {
		tm.tm_isdst = -1;
		t = mktime(&tm);
	}
	if (t == (time_t)-1 && !(y == 1969 && mon == 12 && d == 31))
		return -EINVAL;
	*out = (double)t + frac;
	return 0;
}

/* "02:14": today at that local time, or yesterday when that is still to come. */
static int parse_time_of_day(const char *s, double now, double *out)
{
	time_t n = (time_t)floor(now);
	struct tm tm;
	if (!localtime_r(&n, &tm))
		return -EINVAL;
	const char *p = s;
	double frac;
	if (parse_clock(&p, &tm, &frac) != 0 || *p)
		return -EINVAL;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	if ((double)t + frac > now) {
		tm.tm_mday--;
		tm.tm_isdst = -1;
		t = mktime(&tm);
	}
	*out = (double)t + frac;
	return 0;
}

int history_when_parse(const char *s, double now_unix_s, double *out)
{
	if (!s || !*s)
		return -EINVAL;
	if (strcmp(s, "now") == 0) {
		*out = now_unix_s;
		return 0;
	}
	if (s[0] == '@') {
		const char *end;
		double v = decimal(s + 1, true, &end);
		if (end == s + 1 || *end)
			return -EINVAL;
		*out = v;
		return 0;
	}
	if (s[0] == '-')
		return parse_relative(s, now_unix_s, out);
	if (isdigit((unsigned char)s[0]) && strlen(s) >= 3 && s[2] == ':')
		return parse_time_of_day(s, now_unix_s, out);
	return parse_iso(s, out);
}
