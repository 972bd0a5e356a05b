/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/kmsg_date.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/scan.h"
#include "core/base/util.h"

/* Localised month abbreviations and names as strftime %b/%B print them (C, de, fr, es, it,
 * pt, nl), matched as prefixes of the lower-cased token; more specific entries first. */
static const struct {
	const char *prefix;
	int month;
} month_table[] = {
	{"janv", 1},  {"jan", 1},  {"j\xc3\xa4n", 1}, {"ene", 1},  {"gen", 1},
	{"f\xc3\xa9v", 2}, {"feb", 2}, {"fev", 2},
	{"m\xc3\xa4r", 3}, {"mar", 3}, {"mrt", 3}, {"maa", 3},
	{"avr", 4},   {"apr", 4},  {"abr", 4},
	{"mai", 5},   {"may", 5},  {"mag", 5},  {"mei", 5},
	{"juin", 6},  {"jun", 6},  {"giu", 6},
	{"juil", 7},  {"jul", 7},  {"lug", 7},
	{"ao\xc3\xbb", 8}, {"aou", 8}, {"aug", 8}, {"ago", 8},
	{"sep", 9},   {"set", 9},
	{"oct", 10},  {"okt", 10}, {"ott", 10}, {"out", 10},
	{"nov", 11},
	{"d\xc3\xa9\x63", 12}, {"dec", 12}, {"dez", 12}, {"dic", 12},
};

int kmsg_date_month(const char *tok, size_t len)
{
	if (len == 0 || len > 24)
		return 0;
	/* CJK: " 1月", "12월" — digits then a non-ASCII suffix */
	if (scan_is_digit(tok[0])) {
		size_t i = 0;
		int m = 0;
		while (i < len && scan_is_digit(tok[i]) && m < 100)
			m = m * 10 + (tok[i++] - '0');
		if (i < len && (unsigned char)tok[i] >= 0x80 && m >= 1 && m <= 12)
			return m;
		return 0;
	}
	char low[32];
	for (size_t i = 0; i < len; i++)
		low[i] = (char)tolower((unsigned char)tok[i]);
	low[len] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(month_table); i++) {
		size_t pl = strlen(month_table[i].prefix);
		if (len >= pl && memcmp(low, month_table[i].prefix, pl) == 0)
			return month_table[i].month;
	}
	return 0;
}

/* "HH:MM:SS" with an optional fraction (.123456 or ,123456). */
static bool scan_clock(const char **pp, const char *end, int *h, int *mi, double *sec)
{
	const char *p = *pp;
	uint64_t a, b, c;
	if (!scan_u64(&p, end, &a) || !scan_lit(&p, end, ":") || !scan_u64(&p, end, &b) ||
	    !scan_lit(&p, end, ":") || !scan_u64(&p, end, &c))
		return false;
	if (a > 23 || b > 59 || c > 60)
		return false;
	double s = (double)c;
	if (p < end && (*p == '.' || *p == ',') && p + 1 < end && scan_is_digit(p[1])) {
		p++;
		double scale = 0.1;
		while (p < end && scan_is_digit(*p)) {
			s += (*p - '0') * scale;
			scale /= 10;
			p++;
		}
	}
	*h = (int)a;
	*mi = (int)b;
	*sec = s;
	*pp = p;
	return true;
}

static double local_unix_s(int year, int month, int day, int h, int mi, double sec)
{
	struct tm tm = {0};
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = day;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = (int)sec;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	if (t == (time_t)-1)
		return NAN;
	return (double)t + (sec - (int)sec);
}

/* Year-less date: the anchor's year, or the one before if the date would be more than a
 * day after the anchor (a log read in January holding December lines). */
static double guess_year_unix_s(time_t anchor, int month, int day, int h, int mi, double sec)
{
	struct tm at;
	if (!localtime_r(&anchor, &at))
		return NAN;
	int year = at.tm_year + 1900;
	double t = local_unix_s(year, month, day, h, mi, sec);
	if (!isnan(t) && t > (double)anchor + 86400)
		t = local_unix_s(year - 1, month, day, h, mi, sec);
	return t;
}

bool kmsg_date_scan_iso(const char **pp, const char *end, double *unix_s)
{
	const char *p = *pp;
	uint64_t y, mo, d;
	int h, mi;
	double sec;
	if (end - p < 19 || !scan_is_digit(p[0]) || p[4] != '-')
		return false;
	if (!scan_u64(&p, end, &y) || !scan_lit(&p, end, "-") || !scan_u64(&p, end, &mo) ||
	    !scan_lit(&p, end, "-") || !scan_u64(&p, end, &d))
		return false;
	if (p >= end || (*p != 'T' && *p != ' '))
		return false;
	p++;
	if (!scan_clock(&p, end, &h, &mi, &sec) || y < 1970 || y > 9999 || mo < 1 || mo > 12 ||
	    d < 1 || d > 31)
		return false;
	struct tm tm = {.tm_year = (int)y - 1900, .tm_mon = (int)mo - 1, .tm_mday = (int)d,
			.tm_hour = h, .tm_min = mi, .tm_sec = (int)sec};
	double t;
	if (p < end && *p == 'Z') {
		p++;
		t = (double)timegm(&tm);
	} else if (p < end && (*p == '+' || *p == '-') && end - p >= 5 && scan_is_digit(p[1])) {
		int sign = *p == '+' ? 1 : -1;
		p++;
		int oh = (p[0] - '0') * 10 + (p[1] - '0');
		p += 2;
		if (p < end && *p == ':')
			p++;
		int om = 0;
		if (end - p >= 2 && scan_is_digit(p[0]) && scan_is_digit(p[1])) {
			om = (p[0] - '0') * 10 + (p[1] - '0');
			p += 2;
		}
		t = (double)timegm(&tm) - sign * (oh * 3600 + om * 60);
	} else {
		t = local_unix_s((int)y, (int)mo, (int)d, h, mi, (int)sec);
	}
	*unix_s = t + (sec - (int)sec);
	*pp = p;
	return true;
}

bool kmsg_date_scan_boot(const char **pp, const char *end, double *boot_s)
{
	const char *p = *pp;
	if (p >= end || *p != '[')
		return false;
	p = scan_blanks(p + 1, end);
	uint64_t whole, frac;
	const char *fs;
	if (!scan_u64(&p, end, &whole) || !scan_lit(&p, end, "."))
		return false;
	fs = p;
	if (!scan_u64(&p, end, &frac))
		return false;
	double f = (double)frac;
	for (const char *q = fs; q < p; q++)
		f /= 10;
	if (p >= end || *p != ']')
		return false;
	*boot_s = (double)whole + f;
	*pp = p + 1;
	return true;
}

bool kmsg_date_scan_ctime(const char **pp, const char *end, double *unix_s)
{
	const char *p = *pp;
	if (p >= end || *p != '[')
		return false;
	const char *close = memchr(p, ']', (size_t)(end - p));
	if (!close || close - p > 64)
		return false;
	const char *tok[8];
	size_t tlen[8];
	int ntok = 0;
	for (const char *q = p + 1; q < close;) {
		q = scan_blanks(q, close);
		if (q >= close)
			break;
		if (ntok == 8)
			return false;
		tok[ntok] = q;
		while (q < close && *q != ' ' && *q != '\t')
			q++;
		tlen[ntok] = (size_t)(q - tok[ntok]);
		ntok++;
	}
	int h = -1, mi = 0, year = -1, day = -1, month = 0;
	double sec = 0;
	const char *rest[8];
	size_t rlen[8];
	int nrest = 0;
	for (int i = 0; i < ntok; i++) {
		const char *q = tok[i];
		if (h < 0 && scan_clock(&q, tok[i] + tlen[i], &h, &mi, &sec) && q == tok[i] + tlen[i])
			continue;
		if (tlen[i] == 4 && scan_is_digit(tok[i][0]) && scan_is_digit(tok[i][1]) && scan_is_digit(tok[i][2]) &&
		    scan_is_digit(tok[i][3])) {
			year = atoi(tok[i]);
			continue;
		}
		if (day < 0 && tlen[i] <= 2 && scan_is_digit(tok[i][0]) &&
		    (tlen[i] == 1 || scan_is_digit(tok[i][1]))) {
			day = atoi(tok[i]);
			continue;
		}
		rest[nrest] = tok[i];
		rlen[nrest++] = tlen[i];
	}
	for (int i = nrest >= 2 ? 1 : 0; i < nrest && !month; i++)
		month = kmsg_date_month(rest[i], rlen[i]);
	if (h < 0 || year < 1970 || day < 1 || day > 31 || month == 0)
		return false;
	*unix_s = local_unix_s(year, month, day, h, mi, sec);
	*pp = close + 1;
	return true;
}

bool kmsg_date_scan_syslog(const char **pp, const char *end, time_t anchor, double *unix_s)
{
	const char *p = *pp;
	const char *m = p;
	while (p < end && *p != ' ' && p - m < 24)
		p++;
	int month = kmsg_date_month(m, (size_t)(p - m));
	if (!month || scan_is_digit(*m))
		return false;
	p = scan_blanks(p, end);
	uint64_t day;
	if (!scan_u64(&p, end, &day) || day < 1 || day > 31 || !scan_lit(&p, end, " "))
		return false;
	int h, mi;
	double sec;
	if (!scan_clock(&p, end, &h, &mi, &sec) || !scan_lit(&p, end, " "))
		return false;
	*unix_s = guess_year_unix_s(anchor, month, (int)day, h, mi, sec);
	*pp = p;
	return true;
}
