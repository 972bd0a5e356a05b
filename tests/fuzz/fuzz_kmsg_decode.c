/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_kmsg_decode.c — the kernel-log decoders on their own: any bytes as the
 * lines of a saved log (core/klog/kmsg_text.c, as a file and as a live source), as one
 * /dev/kmsg record (kmsg_record.c), and at each date scanner (kmsg_date.c). fuzz_oom_parse
 * runs the same decoders but checks only what the OOM parser makes of them; here every
 * line they hand on is checked:
 *   - its text is NUL-terminated at text_len, holds no '\n', and is not longer than the
 *     input (or KMSG_TEXT_LINE_MAX_BYTES);
 *   - boot_s is NAN or finite and ≥ 0, time_unix_s NAN or finite, prio ≥ -1, the origin
 *     one of the three;
 *   - the first line of a record is no continuation; the counts returned are the lines
 *     handed on;
 *   - a month is 0..12; a date scanner that fails leaves its position alone. */
#include "config.h"

#include <errno.h>
#include <math.h>

#include "core/klog/kmsg_date.h"
#include "core/klog/kmsg_record.h"
#include "core/klog/kmsg_text.h"
#include "tests/fuzz/fuzz.h"

struct seen {
	int n;
	size_t max_len;
	bool record;
};

static void on_line(void *ctx, const struct kmsg_line *l)
{
	struct seen *s = ctx;
	FUZZ_CHECK(l->text != NULL && l->text[l->text_len] == '\0');
	FUZZ_CHECK(memchr(l->text, '\n', l->text_len) == NULL);
	FUZZ_CHECK(l->text_len <= s->max_len);
	FUZZ_CHECK(isnan(l->boot_s) || (isfinite(l->boot_s) && l->boot_s >= 0));
	FUZZ_CHECK(isnan(l->time_unix_s) || isfinite(l->time_unix_s));
	FUZZ_CHECK(l->prio >= -1);
	FUZZ_CHECK(l->origin == KMSG_LINE_ORIGIN_UNKNOWN || l->origin == KMSG_LINE_ORIGIN_KERNEL ||
		   l->origin == KMSG_LINE_ORIGIN_OTHER);
	if (s->record && s->n == 0)
		FUZZ_CHECK(!l->continuation);
	s->n++;
}

/* The input as the lines of a saved log; boot_unix_s NAN as for a file, a time as live. */
static void as_text(const char *buf, size_t size, double boot_unix_s)
{
	struct kmsg_text_state st;
	kmsg_text_state_init(&st, (time_t)1795664034);
	st.boot_unix_s = boot_unix_s;
	struct seen s = {0, KMSG_TEXT_LINE_MAX_BYTES, false};
	int total = 0;
	const char *q = buf, *end = buf + size;
	while (q < end) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		size_t l = nl ? (size_t)(nl - q) : (size_t)(end - q);
		int r = kmsg_text_line_parse(&st, q, l, on_line, &s);
		FUZZ_CHECK(r >= 0);
		total += r;
		FUZZ_CHECK(total == s.n);
		q += l + (nl ? 1 : 0);
	}
	total += kmsg_text_flush(&st, on_line, &s);
	FUZZ_CHECK(total == s.n);
	FUZZ_CHECK(kmsg_text_flush(&st, on_line, &s) == 0); /* nothing left to join */
	kmsg_text_state_free(&st);
}

static void dates(const char *buf, size_t size)
{
	const char *end = buf + size;
	double t;
	const char *p = buf;
	if (kmsg_date_scan_iso(&p, end, &t))
		FUZZ_CHECK(p > buf && p <= end && !isinf(t));
	else
		FUZZ_CHECK(p == buf);
	p = buf;
	if (kmsg_date_scan_boot(&p, end, &t))
		FUZZ_CHECK(p > buf && p <= end && isfinite(t) && t >= 0);
	else
		FUZZ_CHECK(p == buf);
	p = buf;
	if (kmsg_date_scan_ctime(&p, end, &t))
		FUZZ_CHECK(p > buf && p <= end && !isinf(t));
	else
		FUZZ_CHECK(p == buf);
	p = buf;
	if (kmsg_date_scan_syslog(&p, end, (time_t)1795664034, &t))
		FUZZ_CHECK(p > buf && p <= end && !isinf(t));
	else
		FUZZ_CHECK(p == buf);
	for (size_t len = 0; len <= size && len <= 32; len++) {
		int m = kmsg_date_month(buf, len);
		FUZZ_CHECK(m >= 0 && m <= 12);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	as_text(buf, size, NAN);
	as_text(buf, size, 1000.0);

	struct seen s = {0, size, true};
	char flag = 0;
	uint64_t seq = 0;
	int r = kmsg_record_parse(buf, size, 1000.0, &flag, &seq, on_line, &s);
	FUZZ_CHECK(r == -EINVAL || r == s.n);
	if (r >= 0)
		FUZZ_CHECK(flag != ';' && flag != ',');

	dates(buf, size);
	free(buf);
	return 0;
}
