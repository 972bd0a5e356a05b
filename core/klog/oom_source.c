/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/oom_source.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/klog/journal_source.h"
#include "core/klog/kmsg_source.h"
#include "core/klog/oom_journal.h"
#include "core/klog/oom_parse.h"

#define READ_HOLD_S 600.0 /* reading what is there: as long as a unit's result may follow */

struct oom_source {
	struct oom_merge_sink sink;
	enum oom_source_kind kind;
	char journal_why[400];
	/* the journal */
	struct journal_source *jsrc;
	struct oom_journal *oj;
	/* or a kernel log */
	struct kmsg_source *ksrc;
	struct oom_parser *parser;
	char boot_id[33]; /* live kernel log: this boot */
	uint64_t next_id;
	uint64_t kernel_news; /* a kernel log's kills and reaper lines */
};

/* ---- a kernel log: kills of this boot (live) or of whatever the file holds ------------------ */

static void kernel_event(void *ctx, struct oom_event *ev)
{
	struct oom_source *s = ctx;
	s->kernel_news++;
	ev->id = s->next_id++;
	memcpy(ev->boot_id, s->boot_id, sizeof(ev->boot_id));
	if (s->sink.event)
		s->sink.event(s->sink.ctx, ev);
	else
		oom_event_free(ev);
}

static void kernel_reap(void *ctx, const struct oom_event_reap *r)
{
	struct oom_source *s = ctx;
	s->kernel_news++;
	if (s->sink.reap)
		s->sink.reap(s->sink.ctx, r);
}

static void kernel_line(void *ctx, const struct kmsg_line *l)
{
	struct oom_source *s = ctx;
	oom_parser_feed(s->parser, l);
}

static int open_kmsg(struct oom_source *s, const char *path, char *err, size_t errlen)
{
	struct oom_parser_sink ps = {.event = kernel_event, .reap = kernel_reap, .ctx = s};
	s->parser = oom_parser_new(&ps);
	if (!s->parser) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	int r = kmsg_source_open(&s->ksrc, path, err, errlen);
	if (r < 0)
		return r;
	switch (kmsg_source_kind(s->ksrc)) {
	case KMSG_SOURCE_DEVKMSG: s->kind = OOM_SOURCE_DEVKMSG; break;
	case KMSG_SOURCE_KLOGCTL: s->kind = OOM_SOURCE_KLOGCTL; break;
	case KMSG_SOURCE_FILE: s->kind = OOM_SOURCE_FILE; break;
	}
	if (s->kind != OOM_SOURCE_FILE)
		journal_source_boot_id(s->boot_id);
	return 0;
}

/* ---- the journal ------------------------------------------------------------------------------ */

static int open_journal(struct oom_source *s, const char *path, bool live, char *err, size_t errlen)
{
	int r = journal_source_open(&s->jsrc, path, err, errlen);
	if (r < 0)
		return r;
	char boot[33];
	journal_source_boot_id(boot);
	s->oj = oom_journal_new(&s->sink, boot, live ? OOM_SOURCE_LIVE_HOLD_S : READ_HOLD_S);
	if (!s->oj) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	s->kind = OOM_SOURCE_JOURNAL;
	return 0;
}

static void feed_entry(void *ctx, const struct journal_entry *e) { oom_journal_feed(ctx, e); }

/* ---- the calls ------------------------------------------------------------------------------- */

static void close_parts(struct oom_source *s)
{
	journal_source_close(s->jsrc);
	oom_journal_free(s->oj);
	kmsg_source_close(s->ksrc);
	oom_parser_free(s->parser);
	s->jsrc = NULL;
	s->oj = NULL;
	s->ksrc = NULL;
	s->parser = NULL;
}

int oom_source_open(struct oom_source **out, const struct oom_source_config *cfg,
		    const struct oom_merge_sink *sink, char *err, size_t errlen)
{
	*out = NULL;
	struct oom_source *s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	if (sink)
		s->sink = *sink;
	s->next_id = 1;
	int r;
	if (cfg->kmsg_path) {
		r = open_kmsg(s, cfg->kmsg_path, err, errlen);
	} else if (cfg->journal) {
		r = open_journal(s, cfg->journal_path, cfg->live, err, errlen);
	} else {
		r = open_journal(s, NULL, cfg->live, s->journal_why, sizeof(s->journal_why));
		if (r < 0) {
			close_parts(s);
			bool refused = r == -EACCES || r == -EPERM;
			r = open_kmsg(s, NULL, err, errlen);
			size_t len = strlen(err);
			if (r < 0 && len + 3 < errlen) /* neither: say why for both */
				snprintf(err + len, errlen - len, "; %s", s->journal_why);
			if (!refused)
				s->journal_why[0] = '\0';
		}
	}
	if (r < 0) {
		close_parts(s);
		free(s);
		return r;
	}
	*out = s;
	return 0;
}

enum oom_source_kind oom_source_kind(const struct oom_source *s) { return s->kind; }

const char *oom_source_journal_why(const struct oom_source *s) { return s->journal_why; }

int oom_source_fd(struct oom_source *s)
{
	if (s->jsrc)
		return journal_source_fd(s->jsrc);
	return kmsg_source_fd(s->ksrc);
}

int oom_source_read(struct oom_source *s, size_t budget)
{
	if (s->jsrc)
		return journal_source_read(s->jsrc, budget, feed_entry, s->oj);
	/* a kernel log's budget is in bytes: a line is about 100 */
	int r = kmsg_source_read(s->ksrc, budget ? budget * 128 : 0, kernel_line, s);
	/* a saved log read to its end: a dangling "Kill process" line is a kill of its own */
	if (s->kind == OOM_SOURCE_FILE && kmsg_source_at_end(s->ksrc))
		oom_parser_flush(s->parser);
	return r;
}

bool oom_source_at_end(const struct oom_source *s)
{
	return s->jsrc ? journal_source_at_end(s->jsrc) : kmsg_source_at_end(s->ksrc);
}

void oom_source_set_live(struct oom_source *s)
{
	if (s->oj)
		oom_journal_set_hold(s->oj, OOM_SOURCE_LIVE_HOLD_S);
}

void oom_source_tick(struct oom_source *s, double now_unix_s)
{
	if (s->oj && isfinite(now_unix_s))
		oom_journal_advance(s->oj, now_unix_s);
}

void oom_source_flush(struct oom_source *s)
{
	if (s->oj)
		oom_journal_flush(s->oj);
	else if (s->parser)
		oom_parser_flush(s->parser);
}

uint64_t oom_source_news(const struct oom_source *s)
{
	return s->oj ? oom_journal_news(s->oj) : s->kernel_news;
}

size_t oom_source_waiting(const struct oom_source *s) { return s->oj ? oom_journal_waiting(s->oj) : 0; }

uint64_t oom_source_lost(const struct oom_source *s) { return s->ksrc ? kmsg_source_lost(s->ksrc) : 0; }

bool oom_source_progress(const struct oom_source *s, int64_t *done_bytes, int64_t *total_bytes)
{
	return s->ksrc && s->kind == OOM_SOURCE_FILE && kmsg_source_progress(s->ksrc, done_bytes, total_bytes);
}

void oom_source_close(struct oom_source *s)
{
	if (!s)
		return;
	close_parts(s);
	free(s);
}
