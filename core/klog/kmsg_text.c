/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/kmsg_text.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/scan.h"
#include "core/base/util.h"
#include "core/klog/kmsg_date.h"
#include "core/klog/kmsg_record.h"

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

/* "host kernel: " or "host prog[123]: " after a date. With strict, the tag must be "kernel"
 * or end in "[pid]" (used where the date alone does not prove a syslog line). */
static bool scan_host_tag(const char **pp, const char *end, bool strict,
			  enum kmsg_line_origin *origin)
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
	*origin = kernel ? KMSG_LINE_ORIGIN_KERNEL : KMSG_LINE_ORIGIN_OTHER;
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
	if (st->frag_len + n > KMSG_TEXT_LINE_MAX_BYTES)
		n = st->frag_len < KMSG_TEXT_LINE_MAX_BYTES ? KMSG_TEXT_LINE_MAX_BYTES - st->frag_len : 0;
	if (!util_grow((void **)&st->frag, &st->frag_cap, st->frag_len + n + 1, 1))
		return;
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
	const char *text = kmsg_record_header(line, end, &prio, &seq, &usec, &flag);
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
	int n = kmsg_line_emit_split(fn, ctx, proto, buf, o);
	if (buf != small)
		free(buf);
	return n;
}

/* Optional "[  12.345678]" (and caller id) at the start of a message. */
static void message_boot_ts(const char **pp, const char *end, struct kmsg_line *proto)
{
	double b;
	const char *p = *pp;
	if (kmsg_date_scan_boot(&p, end, &b)) {
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
	if (len > KMSG_TEXT_LINE_MAX_BYTES)
		len = KMSG_TEXT_LINE_MAX_BYTES;
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
				  .origin = KMSG_LINE_ORIGIN_UNKNOWN};
	bool dated = false, syslog = false;

	/* "<4>" priority (klogctl, /proc/kmsg, dmesg -r) */
	if (p < end && *p == '<') {
		const char *q = p + 1;
		uint64_t pr;
		if (scan_u64(&q, end, &pr) && q < end && *q == '>' && pr < 1024) {
			proto.prio = (int)pr;
			proto.origin = (pr >> 3) == 0 ? KMSG_LINE_ORIGIN_KERNEL : KMSG_LINE_ORIGIN_OTHER;
			p = q + 1;
		}
	}
	int dprio;
	if (scan_decoded_prio(&p, end, &dprio)) {
		proto.prio = dprio;
		proto.origin = (dprio >> 3) == 0 ? KMSG_LINE_ORIGIN_KERNEL : KMSG_LINE_ORIGIN_OTHER;
	}

	double t;
	const char *q = p;
	if (kmsg_date_scan_iso(&q, end, &t) && q < end && *q == ' ') {
		proto.time_unix_s = t;
		dated = true;
		p = q + 1;
		enum kmsg_line_origin o;
		if (scan_host_tag(&p, end, true, &o)) {
			proto.origin = o;
			syslog = true;
		}
	} else if ((q = p, kmsg_date_scan_syslog(&q, end, st->year_anchor_unix_s, &t))) {
		proto.time_unix_s = t;
		dated = true;
		p = q;
		enum kmsg_line_origin o;
		if (scan_host_tag(&p, end, false, &o))
			proto.origin = o;
		syslog = true;
	} else if ((q = p, kmsg_date_scan_boot(&q, end, &t))) {
		proto.boot_s = t;
		dated = true;
		skip_caller(&q, end);
		p = q;
		if (p < end && *p == ' ') {
			const char *r = p + 1;
			enum kmsg_line_origin o;
			if (scan_host_tag(&r, end, true, &o)) { /* journalctl -o short-monotonic */
				proto.origin = o;
				p = r;
				syslog = true;
			} else {
				p++;
			}
		}
	} else if ((q = p, kmsg_date_scan_ctime(&q, end, &t))) {
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
		kmsg_line_emit(fn, ctx, &proto, p, (size_t)(end - p), false);
		return n + 1;
	}
	if (proto.prio >= 0) { /* "<6>text" without a timestamp */
		st->have_last = false;
		kmsg_line_emit(fn, ctx, &proto, p, (size_t)(end - p), false);
		return n + 1;
	}
	/* dmesg / journalctl: an indented line without a date continues the record above */
	if (st->have_last && len > 0 && (line[0] == ' ' || line[0] == '\t')) {
		proto.boot_s = st->last_boot_s;
		proto.time_unix_s = st->last_time_unix_s;
		proto.prio = st->last_prio;
		proto.origin = st->last_origin;
		p = scan_blanks(line, end);
		kmsg_line_emit(fn, ctx, &proto, p, (size_t)(end - p), true);
		return n + 1;
	}
	st->have_last = false;
	kmsg_line_emit(fn, ctx, &proto, line, len, false);
	return n + 1;
}
