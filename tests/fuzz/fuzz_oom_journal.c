/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_oom_journal.c — any bytes as journal entries through the whole journal
 * path (core/klog/oom_journal.c → oom_parse, killer_*, unit_msg, oom_merge), then every
 * event rendered as JSON and text and summed up by unit (core/estimate/rhythm.c).
 *
 * The input is split into entries at blank lines; an entry's first byte picks its sender
 * (kernel, systemd-oomd, earlyoom, nohang, PID 1, a user manager, or another program) and
 * its boot (two of them), the second the time step; the rest, newlines included, is the
 * MESSAGE. Entries are fed live (rows go out as time passes, later messages amend them)
 * and the merge is flushed at the end. Properties: events come out in time order with
 * ids 1, 2, ..., every kill has a known killer, and nothing leaks (ASan). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/base/strbuf.h"
#include "core/estimate/rhythm.h"
#include "core/klog/oom_journal.h"
#include "core/output/event.h"
#include "tests/fuzz/fuzz.h"

static struct strbuf sb;
static double last_time;
static uint64_t next_id;
static struct rhythm_kill kills[256];
static char keys[256][64];
static size_t nkills;

static void on_event(void *ctx, struct oom_event *ev)
{
	(void)ctx;
	FUZZ_CHECK(ev->id == next_id);
	next_id++;
	FUZZ_CHECK(isnan(ev->time_unix_s) || isnan(last_time) || ev->time_unix_s >= last_time - 1e-9);
	if (!isnan(ev->time_unix_s))
		last_time = ev->time_unix_s;
	FUZZ_CHECK((unsigned)ev->source < OOM_EVENT_SOURCES);
	sb_reset(&sb);
	output_event_json(ev, &sb);
	FUZZ_CHECK(!sb.oom && sb.buf[0] == '{');
	sb_reset(&sb);
	output_event_text(ev, &sb);
	if (nkills < 256) {
		snprintf(keys[nkills], sizeof(keys[nkills]), "%s", ev->unit ? ev->unit : "-");
		kills[nkills] = (struct rhythm_kill){keys[nkills], ev->time_unix_s};
		nkills++;
	}
	oom_event_free(ev);
}

static void on_amend(void *ctx, uint64_t id, const char *unit, const struct oom_event_msg *msg)
{
	(void)ctx;
	(void)unit;
	FUZZ_CHECK(id >= 1 && id < next_id);
	FUZZ_CHECK(msg && msg->text);
}

static const char *const senders[][4] = {
	{"kernel", "kernel", NULL, NULL},
	{"journal", "systemd-oomd", "systemd-oomd", "systemd-oomd.service"},
	{"stdout", "earlyoom", "earlyoom", "earlyoom.service"},
	{"stdout", "nohang", "nohang", "nohang.service"},
	{"journal", "systemd", "systemd", "init.scope"},
	{"journal", "systemd", "systemd", "user@1000.service"},
	{"stdout", "java", "java", "app.service"},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	sb_init(&sb);
	last_time = NAN;
	next_id = 1;
	nkills = 0;
	struct oom_merge_sink sink = {.event = on_event, .amend = on_amend};
	struct oom_journal *j = oom_journal_new(&sink, "11111111111111111111111111111111", 0.5);
	FUZZ_CHECK(j != NULL);
	double t = 1700000000.0;
	char *p = buf, *end = buf + size;
	while (p < end) {
		char *stop = strstr(p, "\n\n");
		if (!stop)
			stop = end;
		*stop = '\0';
		if (stop - p >= 2) {
			unsigned char pick = (unsigned char)p[0], step = (unsigned char)p[1];
			const char *const *s = senders[pick % 7];
			t += step / 16.0;
			struct journal_entry e = {
				.realtime_us = (uint64_t)(t * 1e6),
				.monotonic_us = (uint64_t)((t - 1699990000.0) * 1e6),
				.transport = s[0], .identifier = s[1], .comm = s[2], .systemd_unit = s[3],
				.pid = pick % 7 == 4 ? 1 : 100 + pick % 3,
				.facility = pick & 0x80 ? 1 : 0,
				.user_unit = pick % 7 == 5 && (pick & 0x40) ? "app-x.scope" : NULL,
				.message = p + 2, .message_len = (size_t)(stop - p - 2),
			};
			snprintf(e.boot_id, sizeof(e.boot_id), "%s", pick & 0x20 ? "11111111111111111111111111111111"
									  : "22222222222222222222222222222222");
			oom_journal_feed(j, &e);
			if (step > 240) /* a quiet moment while following */
				oom_journal_advance(j, t + step);
		}
		p = stop + 2;
	}
	oom_journal_flush(j);
	oom_journal_free(j);
	struct rhythm *r = NULL;
	ssize_t n = rhythm_compute(kills, nkills, &r);
	FUZZ_CHECK(n >= 0);
	for (ssize_t i = 0; i < n; i++)
		FUZZ_CHECK(r[i].kills >= 1 && r[i].episodes <= r[i].kills);
	free(r);
	sb_free(&sb);
	free(buf);
	return 0;
}
