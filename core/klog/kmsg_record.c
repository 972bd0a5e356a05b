/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/kmsg_record.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/scan.h"

const char *kmsg_record_header(const char *rec, const char *end, uint64_t *prio, uint64_t *seq,
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
	const char *text = kmsg_record_header(rec, end, &prio, &seqv, &usec, &fl);
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
		.origin = (prio >> 3) == 0 ? KMSG_LINE_ORIGIN_KERNEL : KMSG_LINE_ORIGIN_OTHER,
	};
	if (!isnan(boot_unix_s))
		proto.time_unix_s = boot_unix_s + proto.boot_s;
	int n = kmsg_line_emit_split(fn, ctx, &proto, buf, o);
	if (buf != small)
		free(buf);
	return n;
}
