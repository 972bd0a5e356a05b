/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/oom_log.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"

/* What the source handed on while the store was held still (oom_log_wake): applied in
 * order at the next poll. */
struct held {
	enum { HELD_EVENT, HELD_AMEND, HELD_REAP } kind;
	struct oom_event ev;      /* HELD_EVENT: owned */
	uint64_t id;              /* HELD_AMEND */
	char *unit;               /* HELD_AMEND: owned, or NULL */
	struct oom_event_msg msg; /* HELD_AMEND: text owned, or NULL */
	struct oom_event_reap reap;
};

struct oom_log {
	struct oom_source *src;
	struct oom_event events[OOM_LOG_EVENTS_MAX];
	size_t nevents;
	uint64_t total, generation;
	int new_events;
	bool holding;       /* oom_log_wake is reading: the store stays as it is */
	struct held *held;
	size_t nheld, cap_held, held_events;
	uint64_t news_seen; /* oom_source_news() at the end of the last poll that left no
			     * kill waiting in the source */
};

static void do_event(struct oom_log *log, struct oom_event *ev);
static void do_amend(struct oom_log *log, uint64_t id, const char *unit, const struct oom_event_msg *msg);
static void do_reap(struct oom_log *log, const struct oom_event_reap *r);

/* Room for an operation kept for later; NULL when out of memory (it is then dropped). */
static struct held *hold(struct oom_log *log)
{
	if (!util_grow((void **)&log->held, &log->cap_held, log->nheld + 1, sizeof(*log->held)))
		return NULL;
	struct held *h = &log->held[log->nheld++];
	memset(h, 0, sizeof(*h));
	return h;
}

static void store_event(void *ctx, struct oom_event *ev)
{
	struct oom_log *log = ctx;
	if (!log->holding) {
		do_event(log, ev);
		return;
	}
	struct held *h = hold(log);
	if (!h) {
		oom_event_free(ev);
		return;
	}
	h->kind = HELD_EVENT;
	h->ev = *ev;
	log->held_events++;
}

static void store_amend(void *ctx, uint64_t id, const char *unit, const struct oom_event_msg *msg)
{
	struct oom_log *log = ctx;
	if (!log->holding) {
		do_amend(log, id, unit, msg);
		return;
	}
	struct held *h = hold(log);
	if (!h)
		return;
	h->kind = HELD_AMEND;
	h->id = id;
	h->unit = unit ? strdup(unit) : NULL;
	if (msg && (h->msg.text = strdup(msg->text)) != NULL)
		h->msg.time_unix_s = msg->time_unix_s;
}

static void store_reap(void *ctx, const struct oom_event_reap *r)
{
	struct oom_log *log = ctx;
	if (!log->holding) {
		do_reap(log, r);
		return;
	}
	struct held *h = hold(log);
	if (h) {
		h->kind = HELD_REAP;
		h->reap = *r;
	}
}

/* What the last wakes read goes into the store. */
static void release_held(struct oom_log *log)
{
	for (size_t i = 0; i < log->nheld; i++) {
		struct held *h = &log->held[i];
		switch (h->kind) {
		case HELD_EVENT: do_event(log, &h->ev); break;
		case HELD_AMEND:
			do_amend(log, h->id, h->unit, h->msg.text ? &h->msg : NULL);
			free(h->unit);
			free(h->msg.text);
			break;
		case HELD_REAP: do_reap(log, &h->reap); break;
		}
	}
	log->nheld = log->held_events = 0;
}

static void do_event(struct oom_log *log, struct oom_event *ev)
{
	if (log->nevents == OOM_LOG_EVENTS_MAX) {
		oom_event_free(&log->events[0]);
		memmove(&log->events[0], &log->events[1],
			(OOM_LOG_EVENTS_MAX - 1) * sizeof(log->events[0]));
		log->nevents--;
	}
	log->events[log->nevents++] = *ev;
	if (log->nevents > OOM_LOG_DETAILED_MAX)
		oom_event_drop_details(&log->events[log->nevents - OOM_LOG_DETAILED_MAX - 1]);
	log->total++;
	log->generation++;
	log->new_events++;
}

static void do_reap(struct oom_log *log, const struct oom_event_reap *r)
{
	if (oom_events_apply_reap(log->events, log->nevents, r) >= 0)
		log->generation++;
}

/* A unit message about a kill already in the store (it came after the kill went out). */
static void do_amend(struct oom_log *log, uint64_t id, const char *unit, const struct oom_event_msg *msg)
{
	for (size_t i = log->nevents; i-- > 0;) {
		struct oom_event *ev = &log->events[i];
		if (ev->id != id)
			continue;
		if (unit)
			oom_event_set_str(&ev->unit, unit);
		if (msg && i + OOM_LOG_DETAILED_MAX >= log->nevents)
			oom_event_add_unit_msg(ev, msg->time_unix_s, msg->text);
		log->generation++;
		return;
	}
}

int oom_log_open(struct oom_log **out, const struct oom_source_config *cfg, char *err, size_t errlen)
{
	*out = NULL;
	struct oom_log *log = calloc(1, sizeof(*log));
	if (!log) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	struct oom_source_config live = *cfg;
	live.live = true;
	struct oom_merge_sink sink = {.event = store_event, .amend = store_amend, .reap = store_reap,
				      .ctx = log};
	int r = oom_source_open(&log->src, &live, &sink, err, errlen);
	if (r < 0) {
		free(log);
		return r;
	}
	*out = log;
	return 0;
}

enum oom_source_kind oom_log_source(const struct oom_log *log) { return oom_source_kind(log->src); }
const char *oom_log_journal_why(const struct oom_log *log) { return oom_source_journal_why(log->src); }
int oom_log_fd(const struct oom_log *log) { return oom_source_fd(log->src); }

int oom_log_poll(struct oom_log *log)
{
	log->new_events = 0;
	release_held(log);
	/* a saved log is read on for a while, so a big one is replayed in seconds, not in
	 * one chunk per refresh; anything else has what it has */
	int64_t done, total, until_ms = util_mono_ms() + OOM_LOG_REPLAY_MS;
	int r;
	do
		r = oom_source_read(log->src, OOM_LOG_POLL_ENTRIES);
	while (r > 0 && oom_source_progress(log->src, &done, &total) && util_mono_ms() < until_ms);
	oom_source_tick(log->src, util_now_unix_s());
	if (oom_source_waiting(log->src) == 0) /* else they are news for the next poll */
		log->news_seen = oom_source_news(log->src);
	if (r < 0)
		return r;
	return log->new_events;
}

int oom_log_wake(struct oom_log *log)
{
	int r = 0;
	if (log->held_events < OOM_LOG_EVENTS_MAX) { /* else the next poll has enough to do */
		log->holding = true;
		r = oom_source_read(log->src, OOM_LOG_POLL_ENTRIES);
		log->holding = false;
	}
	if (r < 0)
		return r;
	return oom_source_news(log->src) != log->news_seen || log->nheld > 0;
}

const struct oom_event *oom_log_events(const struct oom_log *log, size_t *n)
{
	*n = log->nevents;
	return log->events;
}

uint64_t oom_log_total(const struct oom_log *log) { return log->total; }
uint64_t oom_log_generation(const struct oom_log *log) { return log->generation; }
bool oom_log_caught_up(const struct oom_log *log) { return oom_source_at_end(log->src); }

bool oom_log_replaying(const struct oom_log *log, int64_t *done_bytes, int64_t *total_bytes)
{
	return oom_source_progress(log->src, done_bytes, total_bytes);
}
uint64_t oom_log_lost(const struct oom_log *log) { return oom_source_lost(log->src); }

void oom_log_close(struct oom_log *log)
{
	if (!log)
		return;
	release_held(log);
	for (size_t i = 0; i < log->nevents; i++)
		oom_event_free(&log->events[i]);
	oom_source_close(log->src);
	free(log->held);
	free(log);
}
