#include "config.h"
#include "core/klog/oom_log.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/klog/kmsg_source.h"
#include "core/klog/oom_parse.h"

struct oom_log {
	struct kmsg_source *src;
	struct oom_parser *parser;
	struct oom_event events[OOM_LOG_EVENTS_MAX];
	size_t nevents;
	uint64_t total, generation;
	int new_events;
};

static void store_event(void *ctx, struct oom_event *ev)
{
	struct oom_log *log = ctx;
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

static void store_reap(void *ctx, const struct oom_event_reap *r)
{
	struct oom_log *log = ctx;
	if (oom_events_apply_reap(log->events, log->nevents, r) >= 0)
		log->generation++;
}

static void feed(void *ctx, const struct kmsg_line *l)
{
	struct oom_log *log = ctx;
	oom_parser_feed(log->parser, l);
}

int oom_log_open(struct oom_log **out, const char *kmsg_path, char *err, size_t errlen)
{
	*out = NULL;
	struct oom_log *log = calloc(1, sizeof(*log));
	if (!log) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	struct oom_parser_sink sink = {.event = store_event, .reap = store_reap, .ctx = log};
	log->parser = oom_parser_new(&sink);
	if (!log->parser) {
		free(log);
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	int r = kmsg_source_open(&log->src, kmsg_path, err, errlen);
	if (r < 0) {
		oom_parser_free(log->parser);
		free(log);
		return r;
	}
	*out = log;
	return 0;
}

int oom_log_fd(const struct oom_log *log) { return kmsg_source_fd(log->src); }

int oom_log_poll(struct oom_log *log)
{
	log->new_events = 0;
	int r = kmsg_source_read(log->src, OOM_LOG_POLL_BYTES, feed, log);
	/* a saved log read to its end: a dangling "Kill process" line is a kill of its own */
	if (kmsg_source_kind(log->src) == KMSG_SOURCE_FILE && kmsg_source_at_end(log->src))
		oom_parser_flush(log->parser);
	if (r < 0)
		return r;
	return log->new_events;
}

const struct oom_event *oom_log_events(const struct oom_log *log, size_t *n)
{
	*n = log->nevents;
	return log->events;
}

uint64_t oom_log_total(const struct oom_log *log) { return log->total; }
uint64_t oom_log_generation(const struct oom_log *log) { return log->generation; }
bool oom_log_caught_up(const struct oom_log *log) { return kmsg_source_at_end(log->src); }
uint64_t oom_log_lost(const struct oom_log *log) { return kmsg_source_lost(log->src); }

void oom_log_close(struct oom_log *log)
{
	if (!log)
		return;
	for (size_t i = 0; i < log->nevents; i++)
		oom_event_free(&log->events[i]);
	oom_parser_free(log->parser);
	kmsg_source_close(log->src);
	free(log);
}
