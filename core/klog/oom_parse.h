/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/oom_parse.h — kernel-log lines → OOM episodes → one `struct oom_event` per kill.
 *
 * Pure and streaming: feed lines one at a time (struct kmsg_line from any transport); an
 * event is handed to the sink as soon as its kill line is seen, so live following shows a
 * kill at once.
 * An oom_reaper line that comes later (seconds later, or after the next episode) is handed
 * on as a `struct oom_event_reap` for the consumer to apply (oom_events_apply_reap()).
 *
 * What counts (docs/kernel-log.md, Linux 3.10 – 6.18):
 *   - one event per "Killed process N (comm) total-vm:..." line of the kernel, with or
 *     without the "Out of memory: " / "Memory cgroup out of memory: " prefix; a pre-5.1
 *     "Kill process N (comm) score S or sacrifice child" line pairs with the following
 *     "Killed process" line (the killed pid is the victim), and becomes an event on its own
 *     when no "Killed process" follows (log cut short);
 *   - memory.oom.group kills after "Tasks in P are going to be killed ..." are events of the
 *     same episode, with task_memcg P;
 *   - an episode opens at "X invoked oom-killer:"; a kill with no open episode, or after a
 *     kill of the current one (outside an oom.group sweep), is a rate-limited kill: an
 *     episode of its own whose header fields are unknown;
 *   - lines a program wrote (origin OTHER) are ignored; kill lines must have the kernel's
 *     exact shape at the start of the text, so quotes inside other messages are not kills.
 * Field rules follow tests/fixtures/kmsg/SOURCES.md ("Conventions used in expected.tsv").
 * Bad input never crashes it; memory per episode is bounded (OOM_EVENT_* in oom_event.h).
 */
#ifndef OOMTOP_OOM_PARSE_H
#define OOMTOP_OOM_PARSE_H

#include "core/klog/kmsg_line.h"
#include "core/klog/oom_event.h"

struct oom_parser_sink {
	/* Takes ownership of everything ev owns (copy the struct by value); ev itself is only
	 * valid during the call. */
	void (*event)(void *ctx, struct oom_event *ev);
	void (*reap)(void *ctx, const struct oom_event_reap *r); /* may be NULL */
	void *ctx;
};

struct oom_parser;

/* Returns NULL when out of memory. */
struct oom_parser *oom_parser_new(const struct oom_parser_sink *sink);

/* Feeds one line; calls the sink zero or more times. */
void oom_parser_feed(struct oom_parser *p, const struct kmsg_line *line);

/* End of input (or a quiet moment): a pending "Kill process … or sacrifice child" line with
 * no "Killed process" after it becomes an event. */
void oom_parser_flush(struct oom_parser *p);

/* From now on a "Kill process … or sacrifice child" line with no "Killed process" after it
 * is no kill (the journal's counting rule: a kill is a "Killed process" line); by default
 * it is one, for kernel logs cut short. */
void oom_parser_killed_line_only(struct oom_parser *p);

void oom_parser_free(struct oom_parser *p);

/* Convenience for tests and tools: feed a whole buffer of bare lines ('\n'-separated, in
 * any shape kmsg_text_line_parse() knows), then flush. */
void oom_parse_buffer(struct oom_parser *p, const char *buf, size_t len, time_t year_anchor);

#endif
