/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_oom_parse.c — libFuzzer target for the kernel-log path: any bytes go
 * through the saved-log line parser (every transport shape), as one /dev/kmsg record, and
 * through the OOM parser; every event is rendered as JSON and text. Built with
 * --enable-fuzzing (clang); run briefly by tests/fuzz/fuzz_short.sh and scripts/fuzz. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/klog/kmsg_record.h"
#include "core/klog/kmsg_text.h"
#include "core/output/event.h"
#include "core/klog/oom_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct strbuf sb;

static void on_event(void *ctx, struct oom_event *ev)
{
	(void)ctx;
	sb_reset(&sb);
	output_event_json(ev, &sb);
	sb_reset(&sb);
	output_event_text(ev, &sb);
	oom_event_free(ev);
}

static void on_line(void *ctx, const struct kmsg_line *l)
{
	/* the text must be NUL-terminated at text_len */
	if (l->text[l->text_len] != '\0')
		__builtin_trap();
	oom_parser_feed(ctx, l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct oom_parser_sink sink = {.event = on_event};
	struct oom_parser *p = oom_parser_new(&sink);
	if (!p)
		return 0;
	struct kmsg_text_state st;
	kmsg_text_state_init(&st, (time_t)1795664034);
	const char *q = buf, *end = buf + size;
	while (q < end) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		size_t l = nl ? (size_t)(nl - q) : (size_t)(end - q);
		kmsg_text_line_parse(&st, q, l, on_line, p);
		q += l + (nl ? 1 : 0);
	}
	kmsg_text_flush(&st, on_line, p);
	kmsg_text_state_free(&st);
	kmsg_record_parse(buf, size, 1000.0, NULL, NULL, on_line, p);
	oom_parser_flush(p);
	oom_parser_free(p);
	return 0;
}
