#include "config.h"
#include "core/klog/kmsg_source.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/scan.h"
#include "core/base/util.h"

#define LINE_MAX_BYTES (64 * 1024) /* longer lines are cut: bounded memory on garbage */
#define KMSG_RECORD_BYTES 16384     /* one /dev/kmsg record (6.x: ≤ 2 KiB text + dict) */
#define FILE_CHUNK_BYTES 65536

/* Emits text[0..len) as one line (copied so it is NUL-terminated). */
static void emit(kmsg_line_fn fn, void *ctx, const struct kmsg_line *proto, const char *text,
		 size_t len, bool continuation)
{
	char small[1024];
	char *copy = len < sizeof(small) ? small : malloc(len + 1);
	if (!copy)
		return; /* out of memory: the line is lost, never the process */
	memcpy(copy, text, len);
	copy[len] = '\0';
	struct kmsg_line l = *proto;
	l.text = copy;
	l.text_len = len;
	l.continuation = continuation;
	fn(ctx, &l);
	if (copy != small)
		free(copy);
}

/* Emits text split at '\n' (first piece keeps proto's continuation flag). */
static int emit_split(kmsg_line_fn fn, void *ctx, const struct kmsg_line *proto, const char *text,
		      size_t len)
{
	int n = 0;
	bool cont = proto->continuation;
	for (;;) {
		const char *nl = memchr(text, '\n', len);
		size_t piece = nl ? (size_t)(nl - text) : len;
		if (!(nl == NULL && piece == 0 && n > 0)) { /* no empty tail after a final \n */
			emit(fn, ctx, proto, text, piece, cont);
			n++;
		}
		if (!nl)
			break;
		text = nl + 1;
		len -= piece + 1;
		cont = true;
	}
	return n;
}

/* ---- /dev/kmsg records ------------------------------------------------------------------ */

/* Header of a record: "PRIO,SEQ,USEC,FLAGS[,more];" — returns a pointer to the text. */
static const char *record_header(const char *rec, const char *end, uint64_t *prio, uint64_t *seq,
				 uint64_t *usec, char *flag)
{
	const char *p = rec;
	if (!scan_u64(&p, end, prio) || !scan_lit(&p, end, ","))
		return NULL;
	if (!scan_u64(&p, end, seq) || !scan_lit(&p, end, ","))
		return NULL;
	if (!scan_u64(&p, end, usec) || !scan_lit(&p, end, ","))
		return NULL;
	*flag = p < end && *p != ';' && *p != ',' ? *p : '-';
	/* skip flags and any future comma-separated fields up to ';' (bounded, no spaces) */
	while (p < end && *p != ';') {
		if (*p == '\n' || *p == ' ')
			return NULL;
		p++;
	}
	if (p >= end)
		return NULL;
	return p + 1;
}

/* Sample (6.18, /dev/kmsg):
 * 3,418,68003097,-;Memory cgroup out of memory: Killed process 2473 (python3) total-vm:42264kB, ...
 * 6,270,272240,-;virtio-pci 0000:00:01.0: enabling device (0000 -> 0002)
 *  SUBSYSTEM=pci
 */
int kmsg_record_parse(const char *rec, size_t len, double boot_unix_s, char *flag, uint64_t *seq,
		      kmsg_line_fn fn, void *ctx)
{
	const char *end = rec + len;
	uint64_t prio, seqv, usec;
	char fl;
	const char *text = record_header(rec, end, &prio, &seqv, &usec, &fl);
	if (!text)
		return -EINVAL;
	if (flag)
		*flag = fl;
	if (seq)
		*seq = seqv;
	const char *tend = memchr(text, '\n', (size_t)(end - text));
	if (!tend)
		tend = end;

	size_t tlen = (size_t)(tend - text);
	char small[2048];
	char *buf = tlen < sizeof(small) ? small : malloc(tlen + 1);
	if (!buf)
		return -ENOMEM;
	size_t o = 0;
	for (const char *p = text; p < tend; p++) {
		if (*p == '\\' && tend - p >= 4 && p[1] == 'x' && scan_hex_digit(p[2]) >= 0 &&
		    scan_hex_digit(p[3]) >= 0) {
			buf[o++] = (char)(scan_hex_digit(p[2]) * 16 + scan_hex_digit(p[3]));
			p += 3;
		} else {
			buf[o++] = *p;
		}
	}
	struct kmsg_line proto = {
		.boot_s = (double)usec / 1e6,
		.time_unix_s = NAN,
		.prio = prio > 0x7fffffff ? -1 : (int)prio,
		.origin = (prio >> 3) == 0 ? KMSG_ORIGIN_KERNEL : KMSG_ORIGIN_OTHER,
	};
	if (!isnan(boot_unix_s))
		proto.time_unix_s = boot_unix_s + proto.boot_s;
	int n = emit_split(fn, ctx, &proto, buf, o);
	if (buf != small)
		free(buf);
	return n;
}

/* ---- months and dates ------------------------------------------------------------------- */

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

int kmsg_month_parse(const char *tok, size_t len)
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

/* ISO 8601 / RFC 3339: 2025-05-19T18:14:43[.frac](Z|+00:00|+0000)? */
static bool scan_iso(const char **pp, const char *end, double *unix_s)
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

/* "[  139.201253]" → seconds. Leaves *pp after ']'. */
static bool scan_boot_ts(const char **pp, const char *end, double *boot_s)
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

/* CONFIG_PRINTK_CALLER: "[ T3106]" or "[    C1]" right after the timestamp. */
static void skip_caller(const char **pp, const char *end)
{
	const char *p = *pp;
	if (p < end && *p == '[') {
		const char *q = scan_blanks(p + 1, end);
		if (q < end && (*q == 'T' || *q == 'C') && q + 1 < end && scan_is_digit(q[1])) {
			q++;
			while (q < end && scan_is_digit(*q))
				q++;
			if (q < end && *q == ']')
				*pp = q + 1;
		}
	}
}

/* "[Di Aug 12 03:54:03 2025]", "[dim. 19 avril 10:00:00 2022]", "[月  1月 26 10:00:00 2025]":
 * the clock and a 4-digit year are found by shape, the day is the bare 1–2 digit number,
 * the month is a localised name (the first token, the weekday, is skipped when there are
 * three candidates). Returns the unix time; leaves *pp after ']'. */
static bool scan_ctime_bracket(const char **pp, const char *end, double *unix_s)
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
		month = kmsg_month_parse(rest[i], rlen[i]);
	if (h < 0 || year < 1970 || day < 1 || day > 31 || month == 0)
		return false;
	*unix_s = local_unix_s(year, month, day, h, mi, sec);
	*pp = close + 1;
	return true;
}

/* "May  1 11:11:51 " or "jun 20 11:11:51.123456 ": syslog and journalctl short dates. */
static bool scan_syslog_date(const char **pp, const char *end, time_t anchor, double *unix_s)
{
	const char *p = *pp;
	const char *m = p;
	while (p < end && *p != ' ' && p - m < 24)
		p++;
	int month = kmsg_month_parse(m, (size_t)(p - m));
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

/* "host kernel: " or "host prog[123]: " after a date. With strict, the tag must be "kernel"
 * or end in "[pid]" (used where the date alone does not prove a syslog line). */
static bool scan_host_tag(const char **pp, const char *end, bool strict, enum kmsg_origin *origin)
{
	const char *p = *pp;
	const char *host = p;
	while (p < end && *p != ' ' && *p != ':')
		p++;
	if (p == host || p >= end || *p != ' ')
		return false;
	p++;
	const char *tag = p;
	while (p < end && *p != ' ' && *p != ':')
		p++;
	if (p == tag || p >= end || *p != ':')
		return false;
	size_t tl = (size_t)(p - tag);
	bool kernel = tl == 6 && memcmp(tag, "kernel", 6) == 0;
	bool has_pid = tl >= 4 && tag[tl - 1] == ']' && scan_is_digit(tag[tl - 2]);
	if (strict && !kernel && !has_pid)
		return false;
	p++;
	if (p < end && *p == ' ')
		p++;
	else if (p < end)
		return false;
	*origin = kernel ? KMSG_ORIGIN_KERNEL : KMSG_ORIGIN_OTHER;
	*pp = p;
	return true;
}

/* `dmesg -x`: "kern  :warn  : " */
static bool scan_decoded_prio(const char **pp, const char *end, int *prio)
{
	static const char *const fac[] = {"kern", "user", "mail", "daemon", "auth", "syslog",
					  "lpr", "news", "uucp", "cron", "authpriv", "ftp"};
	static const char *const lvl[] = {"emerg", "alert", "crit", "err",
					  "warn", "notice", "info", "debug"};
	const char *p = *pp;
	const char *w = p;
	while (p < end && isalpha((unsigned char)*p))
		p++;
	size_t wl = (size_t)(p - w);
	int f = -1, l = -1;
	for (size_t i = 0; i < ARRAY_SIZE(fac); i++)
		if (wl == strlen(fac[i]) && memcmp(w, fac[i], wl) == 0)
			f = (int)i;
	if (f < 0)
		return false;
	p = scan_blanks(p, end);
	if (!scan_lit(&p, end, ":"))
		return false;
	w = p;
	while (p < end && isalpha((unsigned char)*p))
		p++;
	wl = (size_t)(p - w);
	for (size_t i = 0; i < ARRAY_SIZE(lvl); i++)
		if (wl == strlen(lvl[i]) && memcmp(w, lvl[i], wl) == 0)
			l = (int)i;
	if (l < 0)
		return false;
	p = scan_blanks(p, end);
	if (!scan_lit(&p, end, ": "))
		return false;
	*prio = f * 8 + l;
	*pp = p;
	return true;
}

/* ---- saved-log lines ------------------------------------------------------------------- */

void kmsg_text_state_init(struct kmsg_text_state *st, time_t year_anchor_unix_s)
{
	memset(st, 0, sizeof(*st));
	st->year_anchor_unix_s = year_anchor_unix_s;
	st->boot_unix_s = NAN;
	st->last_boot_s = NAN;
	st->last_time_unix_s = NAN;
	st->last_prio = -1;
}

void kmsg_text_state_free(struct kmsg_text_state *st)
{
	free(st->frag);
	st->frag = NULL;
	st->frag_len = st->frag_cap = 0;
}

int kmsg_text_flush(struct kmsg_text_state *st, kmsg_line_fn fn, void *ctx)
{
	if (st->frag_len == 0)
		return 0;
	int n = kmsg_record_parse(st->frag, st->frag_len, st->boot_unix_s, NULL, NULL, fn, ctx);
	st->frag_len = 0;
	return n < 0 ? 0 : n;
}

static void frag_append(struct kmsg_text_state *st, const char *s, size_t n)
{
	if (st->frag_len + n > LINE_MAX_BYTES)
		n = st->frag_len < LINE_MAX_BYTES ? LINE_MAX_BYTES - st->frag_len : 0;
	if (st->frag_len + n + 1 > st->frag_cap) {
		size_t cap = (st->frag_len + n + 1) * 2;
		char *nb = realloc(st->frag, cap);
		if (!nb)
			return;
		st->frag = nb;
		st->frag_cap = cap;
	}
	memcpy(st->frag + st->frag_len, s, n);
	st->frag_len += n;
}

/* A line that is a /dev/kmsg record: join fragments ('c' opens, '+' continues). */
static int record_line(struct kmsg_text_state *st, const char *line, size_t len, kmsg_line_fn fn,
		       void *ctx)
{
	const char *end = line + len;
	uint64_t prio, seq, usec;
	char flag;
	const char *text = record_header(line, end, &prio, &seq, &usec, &flag);
	if (!text)
		return -EINVAL;
	int n = 0;
	st->last_was_record = true;
	st->have_last = false;
	if (flag == '+' && st->frag_len > 0) {
		frag_append(st, text, (size_t)(end - text));
		return 0;
	}
	n += kmsg_text_flush(st, fn, ctx);
	if (flag == 'c') {
		frag_append(st, line, len);
		return n;
	}
	int r = kmsg_record_parse(line, len, st->boot_unix_s, NULL, NULL, fn, ctx);
	return n + (r > 0 ? r : 0);
}

/* rsyslog writes control characters as "#ooo" (octal): #012 is an embedded newline, which
 * starts a continuation line; #011 is a tab. */
static int emit_syslog_message(kmsg_line_fn fn, void *ctx, struct kmsg_line *proto,
			       const char *msg, size_t len)
{
	char small[1024];
	char *buf = len < sizeof(small) ? small : malloc(len + 1);
	if (!buf)
		return 0;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		if (msg[i] == '#' && i + 3 < len + 0 && msg[i + 1] == '0' &&
		    msg[i + 2] >= '0' && msg[i + 2] <= '3' && msg[i + 3] >= '0' && msg[i + 3] <= '7') {
			int c = (msg[i + 2] - '0') * 8 + (msg[i + 3] - '0');
			if (c == '\n' || c == '\t') {
				buf[o++] = (char)c;
				i += 3;
				continue;
			}
		}
		buf[o++] = msg[i];
	}
	int n = emit_split(fn, ctx, proto, buf, o);
	if (buf != small)
		free(buf);
	return n;
}

/* Optional "[  12.345678]" (and caller id) at the start of a message. */
static void message_boot_ts(const char **pp, const char *end, struct kmsg_line *proto)
{
	double b;
	const char *p = *pp;
	if (scan_boot_ts(&p, end, &b)) {
		proto->boot_s = b;
		skip_caller(&p, end);
		if (p < end && *p == ' ')
			p++;
		*pp = p;
	}
}

/* Samples, one per shape:
 *   May  1 11:11:51 aphkrsws7 kernel: yum-cron invoked oom-killer: gfp_mask=0x201da, ...
 *   Jun 29 09:17:44 zlb kernel: [15847900.742638] mysqld cpuset=/ mems_allowed=0
 *   [Di Aug 12 03:54:03 2025] php-fpm invoked oom-killer: gfp_mask=0x1100cca(...), ...
 *   [  139.201253] bash invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, ...
 *   6,417,68003077,-;oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,...
 */
int kmsg_text_line_parse(struct kmsg_text_state *st, const char *line, size_t len,
			 kmsg_line_fn fn, void *ctx)
{
	while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == '\n'))
		len--;
	if (len > LINE_MAX_BYTES)
		len = LINE_MAX_BYTES;
	const char *p = line, *end = line + len;

	/* /dev/kmsg dump: dictionary lines follow their record */
	if (st->last_was_record && len > 0 && line[0] == ' ') {
		const char *q = line + 1;
		while (q < end && (isupper((unsigned char)*q) || *q == '_' || isdigit((unsigned char)*q)))
			q++;
		if (q > line + 1 && q < end && *q == '=')
			return 0;
	}
	if (len > 0 && scan_is_digit(line[0])) {
		int r = record_line(st, line, len, fn, ctx);
		if (r >= 0)
			return r;
	}
	int n = kmsg_text_flush(st, fn, ctx);
	st->last_was_record = false;

	struct kmsg_line proto = {.boot_s = NAN, .time_unix_s = NAN, .prio = -1,
				  .origin = KMSG_ORIGIN_UNKNOWN};
	bool dated = false, syslog = false;

	/* "<4>" priority (klogctl, /proc/kmsg, dmesg -r) */
	if (p < end && *p == '<') {
		const char *q = p + 1;
		uint64_t pr;
		if (scan_u64(&q, end, &pr) && q < end && *q == '>' && pr < 1024) {
			proto.prio = (int)pr;
			proto.origin = (pr >> 3) == 0 ? KMSG_ORIGIN_KERNEL : KMSG_ORIGIN_OTHER;
			p = q + 1;
		}
	}
	int dprio;
	if (scan_decoded_prio(&p, end, &dprio)) {
		proto.prio = dprio;
		proto.origin = (dprio >> 3) == 0 ? KMSG_ORIGIN_KERNEL : KMSG_ORIGIN_OTHER;
	}

	double t;
	const char *q = p;
	if (scan_iso(&q, end, &t) && q < end && *q == ' ') {
		proto.time_unix_s = t;
		dated = true;
		p = q + 1;
		enum kmsg_origin o;
		if (scan_host_tag(&p, end, true, &o)) {
			proto.origin = o;
			syslog = true;
		}
	} else if ((q = p, scan_syslog_date(&q, end, st->year_anchor_unix_s, &t))) {
		proto.time_unix_s = t;
		dated = true;
		p = q;
		enum kmsg_origin o;
		if (scan_host_tag(&p, end, false, &o))
			proto.origin = o;
		syslog = true;
	} else if ((q = p, scan_boot_ts(&q, end, &t))) {
		proto.boot_s = t;
		dated = true;
		skip_caller(&q, end);
		p = q;
		if (p < end && *p == ' ') {
			const char *r = p + 1;
			enum kmsg_origin o;
			if (scan_host_tag(&r, end, true, &o)) { /* journalctl -o short-monotonic */
				proto.origin = o;
				p = r;
				syslog = true;
			} else {
				p++;
			}
		}
	} else if ((q = p, scan_ctime_bracket(&q, end, &t))) {
		proto.time_unix_s = t;
		dated = true;
		p = q;
		skip_caller(&p, end);
		if (p < end && *p == ' ')
			p++;
	}

	if (dated) {
		if (syslog || isnan(proto.boot_s))
			message_boot_ts(&p, end, &proto);
		if (!isnan(st->boot_unix_s) && isnan(proto.time_unix_s) && !isnan(proto.boot_s))
			proto.time_unix_s = st->boot_unix_s + proto.boot_s;
		st->have_last = true;
		st->last_boot_s = proto.boot_s;
		st->last_time_unix_s = proto.time_unix_s;
		st->last_prio = proto.prio;
		st->last_origin = proto.origin;
		if (syslog)
			return n + emit_syslog_message(fn, ctx, &proto, p, (size_t)(end - p));
		emit(fn, ctx, &proto, p, (size_t)(end - p), false);
		return n + 1;
	}
	if (proto.prio >= 0) { /* "<6>text" without a timestamp */
		st->have_last = false;
		emit(fn, ctx, &proto, p, (size_t)(end - p), false);
		return n + 1;
	}
	/* dmesg / journalctl: an indented line without a date continues the record above */
	if (st->have_last && len > 0 && (line[0] == ' ' || line[0] == '\t')) {
		proto.boot_s = st->last_boot_s;
		proto.time_unix_s = st->last_time_unix_s;
		proto.prio = st->last_prio;
		proto.origin = st->last_origin;
		p = scan_blanks(line, end);
		emit(fn, ctx, &proto, p, (size_t)(end - p), true);
		return n + 1;
	}
	st->have_last = false;
	emit(fn, ctx, &proto, line, len, false);
	return n + 1;
}

/* ---- sources ----------------------------------------------------------------------------- */

struct kmsg_source {
	enum kmsg_kind kind;
	int fd;
	bool own_fd;
	bool at_end;
	uint64_t lost;
	struct kmsg_text_state st;
	char *buf; /* files: partial line; devkmsg: one record; klogctl: the ring copy */
	size_t len, cap;
	bool dropping; /* files: inside a line longer than LINE_MAX_BYTES */
	/* klogctl: lines already emitted are those up to this timestamp (count at equal ts) */
	double klog_last_boot_s;
	size_t klog_at_last;
};

double kmsg_boot_unix_s(void)
{
	struct timespec rt, bt;
	if (clock_gettime(CLOCK_REALTIME, &rt) != 0 || clock_gettime(CLOCK_BOOTTIME, &bt) != 0)
		return NAN;
	return (double)(rt.tv_sec - bt.tv_sec) + (double)(rt.tv_nsec - bt.tv_nsec) / 1e9;
}

static void permission_message(const char *what, int e, char *err, size_t errlen)
{
	char val[16] = "?";
	ssize_t r = util_read_file("/proc/sys/kernel/dmesg_restrict", val, sizeof(val));
	if (r > 0 && val[r - 1] == '\n')
		val[r - 1] = '\0';
	snprintf(err, errlen,
		 "cannot read the kernel log (%s: %s): kernel.dmesg_restrict=%s lets only "
		 "processes with CAP_SYSLOG read it; run as root, or set "
		 "sysctl kernel.dmesg_restrict=0. OOM kills are counted only "
		 "(/proc/vmstat oom_kill, memory.events, memory.oom_control)",
		 what, strerror(e), val);
}

int kmsg_source_open(struct kmsg_source **out, const char *path, char *err, size_t errlen)
{
	*out = NULL;
	if (errlen)
		err[0] = '\0';
	struct kmsg_source *src = calloc(1, sizeof(*src));
	if (!src) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	src->fd = -1;
	src->klog_last_boot_s = -1;
	kmsg_text_state_init(&src->st, time(NULL));

	if (path == NULL) {
		int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd >= 0) {
			src->kind = KMSG_DEVKMSG;
			src->fd = fd;
			src->own_fd = true;
			src->st.boot_unix_s = kmsg_boot_unix_s();
			*out = src;
			return 0;
		}
		int e = errno;
		if (e == EPERM || e == EACCES) {
			permission_message("/dev/kmsg", e, err, errlen);
			free(src);
			return -e;
		}
		/* no /dev/kmsg (kernel < 3.5, or a container without it): klogctl */
		int size = klogctl(10 /* SYSLOG_ACTION_SIZE_BUFFER */, NULL, 0);
		if (size < 0) {
			int ke = errno;
			if (ke == EPERM || ke == EACCES)
				permission_message("klogctl", ke, err, errlen);
			else
				snprintf(err, errlen, "cannot read the kernel log: /dev/kmsg: %s; "
					 "klogctl: %s", strerror(e), strerror(ke));
			free(src);
			return -ke;
		}
		src->kind = KMSG_KLOGCTL;
		src->cap = (size_t)size + 1;
		if (src->cap < 4096)
			src->cap = 4096;
		src->buf = malloc(src->cap);
		if (!src->buf) {
			free(src);
			snprintf(err, errlen, "out of memory");
			return -ENOMEM;
		}
		src->st.boot_unix_s = kmsg_boot_unix_s();
		*out = src;
		return 0;
	}

	src->kind = KMSG_FILE;
	if (strcmp(path, "-") == 0) {
		src->fd = STDIN_FILENO;
	} else {
		src->fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
		if (src->fd < 0) {
			int e = errno;
			snprintf(err, errlen, "cannot open %s: %s", path, strerror(e));
			free(src);
			return -e;
		}
		src->own_fd = true;
		struct stat sb;
		if (fstat(src->fd, &sb) == 0) {
			if (S_ISDIR(sb.st_mode)) {
				snprintf(err, errlen, "cannot read %s: %s", path, strerror(EISDIR));
				close(src->fd);
				free(src);
				return -EISDIR;
			}
			if (S_ISREG(sb.st_mode))
				src->st.year_anchor_unix_s = sb.st_mtime;
		}
	}
	*out = src;
	return 0;
}

enum kmsg_kind kmsg_source_kind(const struct kmsg_source *src) { return src->kind; }

int kmsg_source_fd(const struct kmsg_source *src)
{
	return src->kind == KMSG_KLOGCTL ? -1 : src->fd;
}

bool kmsg_source_at_end(const struct kmsg_source *src) { return src->at_end; }

uint64_t kmsg_source_lost(const struct kmsg_source *src) { return src->lost; }

static bool fd_readable_now(int fd)
{
	struct pollfd pfd = {.fd = fd, .events = POLLIN};
	int r;
	do
		r = poll(&pfd, 1, 0);
	while (r < 0 && errno == EINTR);
	return r > 0;
}

static int read_devkmsg(struct kmsg_source *src, size_t max_bytes, kmsg_line_fn fn, void *ctx)
{
	if (!src->buf) {
		src->buf = malloc(KMSG_RECORD_BYTES);
		if (!src->buf)
			return -ENOMEM;
		src->cap = KMSG_RECORD_BYTES;
	}
	int n = 0;
	size_t total = 0;
	for (;;) {
		if (max_bytes && total >= max_bytes)
			return n;
		ssize_t r = read(src->fd, src->buf, src->cap - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE) { /* records overwritten before we read them */
				src->lost++;
				continue;
			}
			if (errno == EAGAIN) {
				n += kmsg_text_flush(&src->st, fn, ctx);
				src->at_end = true;
				return n;
			}
			return n > 0 ? n : -errno;
		}
		if (r == 0) {
			src->at_end = true;
			return n;
		}
		total += (size_t)r;
		/* the record, then its dictionary lines: feed line by line */
		const char *p = src->buf, *end = src->buf + r;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
			int k = kmsg_text_line_parse(&src->st, p, l, fn, ctx);
			n += k > 0 ? k : 0;
			p += l + (nl ? 1 : 0);
		}
	}
}

static int read_file(struct kmsg_source *src, size_t max_bytes, kmsg_line_fn fn, void *ctx)
{
	if (!src->buf) {
		src->cap = FILE_CHUNK_BYTES + LINE_MAX_BYTES + 1;
		src->buf = malloc(src->cap);
		if (!src->buf)
			return -ENOMEM;
	}
	int n = 0;
	size_t total = 0;
	for (;;) {
		if (max_bytes && total >= max_bytes)
			return n;
		if (!fd_readable_now(src->fd))
			return n;
		ssize_t r = read(src->fd, src->buf + src->len, FILE_CHUNK_BYTES);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				return n;
			return n > 0 ? n : -errno;
		}
		if (r == 0) { /* end of file: a last line without '\n' counts too */
			if (src->len > 0 && !src->dropping)
				n += kmsg_text_line_parse(&src->st, src->buf, src->len, fn, ctx);
			src->len = 0;
			src->dropping = false;
			n += kmsg_text_flush(&src->st, fn, ctx);
			src->at_end = true;
			return n;
		}
		src->at_end = false;
		total += (size_t)r;
		size_t have = src->len + (size_t)r;
		char *p = src->buf, *end = src->buf + have;
		for (;;) {
			char *nl = memchr(p, '\n', (size_t)(end - p));
			if (!nl)
				break;
			if (!src->dropping)
				n += kmsg_text_line_parse(&src->st, p, (size_t)(nl - p), fn, ctx);
			src->dropping = false;
			p = nl + 1;
		}
		size_t rest = (size_t)(end - p);
		if (rest > LINE_MAX_BYTES) { /* overlong line: keep its start, drop the rest */
			if (!src->dropping)
				n += kmsg_text_line_parse(&src->st, p, LINE_MAX_BYTES, fn, ctx);
			src->dropping = true;
			rest = 0;
		}
		memmove(src->buf, p, rest);
		src->len = rest;
	}
}

struct klog_filter {
	struct kmsg_source *src;
	kmsg_line_fn fn;
	void *ctx;
	double max_boot_s;
	size_t at_max;
	int emitted;
};

/* klogctl hands back the whole ring each time: pass on only lines newer than the last
 * read (by timestamp; lines without one are passed only on the first read). */
static void klog_filter_line(void *ctx, const struct kmsg_line *l)
{
	struct klog_filter *kf = ctx;
	struct kmsg_source *src = kf->src;
	if (!isnan(l->boot_s)) {
		if (l->boot_s > kf->max_boot_s) {
			kf->max_boot_s = l->boot_s;
			kf->at_max = 0;
		}
		if (l->boot_s == kf->max_boot_s)
			kf->at_max++;
		if (l->boot_s < src->klog_last_boot_s)
			return;
		if (l->boot_s == src->klog_last_boot_s && kf->at_max <= src->klog_at_last)
			return;
	} else if (src->at_end) {
		return;
	}
	kf->fn(kf->ctx, l);
	kf->emitted++;
}

static int read_klogctl(struct kmsg_source *src, kmsg_line_fn fn, void *ctx)
{
	int r = klogctl(3 /* SYSLOG_ACTION_READ_ALL */, src->buf, (int)(src->cap - 1));
	if (r < 0)
		return -errno;
	struct klog_filter kf = {src, fn, ctx, -1, 0, 0};
	struct kmsg_text_state st;
	kmsg_text_state_init(&st, time(NULL));
	st.boot_unix_s = src->st.boot_unix_s;
	const char *p = src->buf, *end = src->buf + r;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		kmsg_text_line_parse(&st, p, l, klog_filter_line, &kf);
		p += l + (nl ? 1 : 0);
	}
	kmsg_text_state_free(&st);
	if (kf.max_boot_s > src->klog_last_boot_s ||
	    (kf.max_boot_s == src->klog_last_boot_s && kf.at_max > src->klog_at_last)) {
		src->klog_last_boot_s = kf.max_boot_s;
		src->klog_at_last = kf.at_max;
	}
	src->at_end = true;
	return kf.emitted;
}

int kmsg_source_read(struct kmsg_source *src, size_t max_bytes, kmsg_line_fn fn, void *ctx)
{
	switch (src->kind) {
	case KMSG_DEVKMSG:
		return read_devkmsg(src, max_bytes, fn, ctx);
	case KMSG_KLOGCTL:
		return read_klogctl(src, fn, ctx);
	case KMSG_FILE:
		return read_file(src, max_bytes, fn, ctx);
	}
	return -EINVAL;
}

void kmsg_source_close(struct kmsg_source *src)
{
	if (!src)
		return;
	if (src->own_fd && src->fd >= 0)
		close(src->fd);
	kmsg_text_state_free(&src->st);
	free(src->buf);
	free(src);
}
