/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/oom_journal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/klog/killer_earlyoom.h"
#include "core/klog/killer_nohang.h"
#include "core/klog/killer_oomd.h"
#include "core/klog/oom_parse.h"
#include "core/klog/unit_msg.h"
#include "core/klog/unit_name.h"

#define BOOTS_MAX 4        /* kernel parsers kept (journals of several boots interleave) */
#define KILLERS_MAX 16     /* user-space killer processes followed at once */
#define RING_LINES 8       /* a killer's lines before its kill, kept with the kill */
#define KILL_LINES_MAX 32  /* and its lines up to the end of the kill */
#define KILLER_GRACE_S 2.0 /* a user-space kill with no line for this long is complete */

struct kboot { /* one boot's kernel lines */
	struct oom_journal *j;
	char boot_id[33];
	struct oom_parser *parser;
	uint64_t used;
};

struct killer { /* one user-space killer process */
	enum oom_journal_sender sender;
	char boot_id[33];
	int64_t pid;
	uint64_t used;
	struct killer_earlyoom eo;
	struct killer_nohang nh;
	char *ring[RING_LINES];
	size_t ring_next;
	uint64_t open_key;     /* its kill in progress, open in the merge; 0 none */
	double open_last_s;    /* when it last said something about it */
};

struct oom_journal {
	struct oom_merge_sink outer;
	struct oom_merge *merge;
	char current_boot[33];
	struct kboot boots[BOOTS_MAX];
	struct killer killers[KILLERS_MAX];
	uint64_t tick;
	double now_s;
	uint64_t news; /* oom_journal_news() */
};

static bool eq(const char *a, const char *b) { return a && strcmp(a, b) == 0; }

enum oom_journal_sender oom_journal_sender(const struct journal_entry *e)
{
	if (eq(e->transport, "kernel"))
		return OOM_JOURNAL_KERNEL;
	const char *id = e->identifier, *comm = e->comm, *unit = e->systemd_unit;
	if (eq(id, "systemd-oomd") || eq(comm, "systemd-oomd") || eq(unit, "systemd-oomd.service"))
		return OOM_JOURNAL_OOMD;
	if (eq(id, "earlyoom") || eq(comm, "earlyoom") || eq(unit, "earlyoom.service"))
		return OOM_JOURNAL_EARLYOOM;
	if (eq(id, "nohang") || eq(id, "nohang-desktop") || eq(comm, "nohang") ||
	    eq(unit, "nohang.service") || eq(unit, "nohang-desktop.service"))
		return OOM_JOURNAL_NOHANG;
	if (eq(id, "systemd") || eq(comm, "systemd"))
		return OOM_JOURNAL_MANAGER;
	return OOM_JOURNAL_OTHER;
}

/* ---- events out: the boot they belong to ------------------------------------------------- */

static void out_event(void *ctx, struct oom_event *ev)
{
	struct oom_journal *j = ctx;
	ev->earlier_boot = j->current_boot[0] && ev->boot_id[0] && strcmp(ev->boot_id, j->current_boot) != 0;
	if (j->outer.event)
		j->outer.event(j->outer.ctx, ev);
	else
		oom_event_free(ev);
}

static void out_amend(void *ctx, uint64_t id, const char *unit, const struct oom_event_msg *msg)
{
	struct oom_journal *j = ctx;
	if (j->outer.amend)
		j->outer.amend(j->outer.ctx, id, unit, msg);
}

static void out_reap(void *ctx, const struct oom_event_reap *r)
{
	struct oom_journal *j = ctx;
	if (j->outer.reap)
		j->outer.reap(j->outer.ctx, r);
}

/* ---- kernel lines ------------------------------------------------------------------------- */

static void kernel_event(void *ctx, struct oom_event *ev)
{
	struct kboot *b = ctx;
	b->j->news++;
	memcpy(ev->boot_id, b->boot_id, sizeof(ev->boot_id));
	oom_merge_kill(b->j->merge, ev);
}

static void kernel_reap(void *ctx, const struct oom_event_reap *r)
{
	struct kboot *b = ctx;
	b->j->news++;
	oom_merge_reap(b->j->merge, b->boot_id, r);
}

static struct kboot *kboot_of(struct oom_journal *j, const char *boot_id)
{
	struct kboot *lru = &j->boots[0];
	for (size_t i = 0; i < BOOTS_MAX; i++) {
		struct kboot *b = &j->boots[i];
		if (b->parser && strcmp(b->boot_id, boot_id) == 0) {
			b->used = ++j->tick;
			return b;
		}
		if (!b->parser || b->used < lru->used)
			lru = b;
		if (!b->parser)
			break;
	}
	if (lru->parser) { /* an old boot's report is over */
		oom_parser_flush(lru->parser);
		oom_parser_free(lru->parser);
		lru->parser = NULL;
	}
	lru->j = j;
	snprintf(lru->boot_id, sizeof(lru->boot_id), "%s", boot_id);
	struct oom_parser_sink sink = {.event = kernel_event, .reap = kernel_reap, .ctx = lru};
	lru->parser = oom_parser_new(&sink);
	lru->used = ++j->tick;
	if (!lru->parser)
		return NULL;
	oom_parser_killed_line_only(lru->parser);
	return lru;
}

static void kernel_line(void *ctx, const struct kmsg_line *l) { oom_parser_feed(ctx, l); }

static void feed_kernel(struct oom_journal *j, const struct journal_entry *e)
{
	struct kboot *b = kboot_of(j, e->boot_id);
	if (!b || !e->message)
		return;
	struct kmsg_line proto = {
		.boot_s = e->monotonic_us ? (double)e->monotonic_us / 1e6 : NAN,
		.time_unix_s = (double)e->realtime_us / 1e6,
		.prio = -1,
		/* user space writing to /dev/kmsg gets a facility of its own: not the kernel */
		.origin = e->facility > 0 ? KMSG_LINE_ORIGIN_OTHER : KMSG_LINE_ORIGIN_KERNEL,
	};
	kmsg_line_emit_split(kernel_line, b->parser, &proto, e->message, e->message_len);
}

/* ---- user-space killers ------------------------------------------------------------------ */

static const enum oom_event_source killer_source[] = {
	[OOM_JOURNAL_OOMD] = OOM_EVENT_SOURCE_SYSTEMD_OOMD,
	[OOM_JOURNAL_EARLYOOM] = OOM_EVENT_SOURCE_EARLYOOM,
	[OOM_JOURNAL_NOHANG] = OOM_EVENT_SOURCE_NOHANG,
};

static void raw_add(struct oom_event *ev, const char *line)
{
	if (!ev || ev->nraw_lines >= KILL_LINES_MAX)
		return;
	char **r = realloc(ev->raw_lines, (ev->nraw_lines + 1) * sizeof(*r));
	if (!r)
		return;
	ev->raw_lines = r;
	if ((r[ev->nraw_lines] = strdup(line)) != NULL)
		ev->nraw_lines++;
}

/* The kill in progress is complete: it may go out. */
static void killer_finish(struct oom_journal *j, struct killer *k)
{
	if (!k->open_key)
		return;
	oom_merge_close(j->merge, k->open_key);
	k->open_key = 0;
}

static void killer_reset(struct oom_journal *j, struct killer *k)
{
	killer_finish(j, k);
	for (size_t i = 0; i < RING_LINES; i++)
		free(k->ring[i]);
	memset(k, 0, sizeof(*k));
}

static struct killer *killer_of(struct oom_journal *j, enum oom_journal_sender s,
				const struct journal_entry *e)
{
	struct killer *lru = &j->killers[0];
	for (size_t i = 0; i < KILLERS_MAX; i++) {
		struct killer *k = &j->killers[i];
		if (k->sender == s && k->pid == e->pid && strcmp(k->boot_id, e->boot_id) == 0) {
			k->used = ++j->tick;
			return k;
		}
		if (k->used < lru->used)
			lru = k;
	}
	killer_reset(j, lru);
	lru->sender = s;
	lru->pid = e->pid;
	snprintf(lru->boot_id, sizeof(lru->boot_id), "%s", e->boot_id);
	killer_earlyoom_init(&lru->eo);
	killer_nohang_init(&lru->nh);
	lru->used = ++j->tick;
	return lru;
}

/* A kill: into the merge at once (unit messages about it may come before it is complete),
 * open until its killer is done with it. */
static void killer_start(struct oom_journal *j, struct killer *k, const struct journal_entry *e,
			 const struct killer_step *st, const char *line)
{
	struct oom_event ev;
	oom_event_init(&ev);
	ev.source = killer_source[k->sender];
	memcpy(ev.boot_id, e->boot_id, sizeof(ev.boot_id));
	ev.time_unix_s = (double)e->realtime_us / 1e6;
	ev.boot_s = e->monotonic_us ? (double)e->monotonic_us / 1e6 : NAN;
	ev.victim_pid = st->pid;
	ev.victim_uid = st->uid == INT64_MIN ? VAL_UNKNOWN : st->uid;
	if (st->comm[0])
		ev.victim_comm = strdup(st->comm);
	if (st->cgroup[0]) {
		ev.cgroup = strdup(st->cgroup);
		char unit[UNIT_NAME_MAX];
		if (unit_name_of_cgroup(st->cgroup, unit, sizeof(unit)))
			ev.unit = strdup(unit);
	}
	if (st->reason[0])
		ev.reason = strdup(st->reason);
	for (size_t i = 0; i < RING_LINES; i++) { /* the lines before, oldest first */
		const char *l = k->ring[(k->ring_next + i) % RING_LINES];
		if (l)
			raw_add(&ev, l);
	}
	raw_add(&ev, line);
	j->news++;
	k->open_key = oom_merge_kill(j->merge, &ev);
	oom_merge_open(j->merge, k->open_key);
}

static void killer_update(struct oom_event *ev, const struct killer_step *st)
{
	if (!ev)
		return;
	if (st->reason[0]) {
		size_t have = ev->reason ? strlen(ev->reason) : 0, add = strlen(st->reason) + 3;
		char *r = malloc(have + add);
		if (r) {
			snprintf(r, have + add, "%s%s%s", have ? ev->reason : "", have ? ", " : "", st->reason);
			free(ev->reason);
			ev->reason = r;
		}
	}
	if (st->pid) {
		ev->victim_pid = st->pid;
		if (st->comm[0])
			oom_event_set_str(&ev->victim_comm, st->comm);
	}
}

static void feed_killer(struct oom_journal *j, enum oom_journal_sender s, const struct journal_entry *e)
{
	struct killer *k = killer_of(j, s, e);
	double t = (double)e->realtime_us / 1e6;
	const char *msg = e->message ? e->message : "";
	/* one entry per printed line as a rule; a message of several lines is read line by line */
	char line[KILLER_TEXT_MAX];
	for (const char *p = msg; p < msg + e->message_len;) {
		const char *nl = memchr(p, '\n', (size_t)(msg + e->message_len - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(msg + e->message_len - p);
		snprintf(line, sizeof(line), "%.*s", (int)(n < sizeof(line) ? n : sizeof(line) - 1), p);
		p += n + 1;

		struct killer_step st;
		if (s == OOM_JOURNAL_OOMD)
			killer_oomd_feed(line, &st);
		else if (s == OOM_JOURNAL_EARLYOOM)
			killer_earlyoom_feed(&k->eo, line, &st);
		else
			killer_nohang_feed(&k->nh, line, &st);
		struct oom_event *open = k->open_key ? oom_merge_open_event(j->merge, k->open_key) : NULL;
		switch (st.kind) {
		case KILLER_STEP_KILL:
			killer_finish(j, k);
			killer_start(j, k, e, &st, line);
			break;
		case KILLER_STEP_UPDATE:
			killer_update(open, &st);
			raw_add(open, line);
			break;
		case KILLER_STEP_CANCEL:
			if (k->open_key)
				oom_merge_cancel(j->merge, k->open_key);
			k->open_key = 0;
			break;
		case KILLER_STEP_DONE:
		case KILLER_STEP_NONE:
			raw_add(open, line);
			break;
		}
		if (st.done || st.kind == KILLER_STEP_DONE)
			killer_finish(j, k);
		if (k->open_key)
			k->open_last_s = t;
		free(k->ring[k->ring_next]);
		k->ring[k->ring_next] = strdup(line);
		k->ring_next = (k->ring_next + 1) % RING_LINES;
	}
}

/* ---- systemd's unit messages ------------------------------------------------------------ */

static void feed_manager(struct oom_journal *j, const struct journal_entry *e)
{
	struct unit_msg_fields f = {e->message, e->unit ? e->unit : e->user_unit, e->message_id,
				    e->unit_result};
	struct unit_msg um;
	if (!unit_msg_parse(&f, &um))
		return;
	if (um.kind != UNIT_MSG_OTHER) /* about a kill, or a SIGKILL that may be one */
		j->news++;
	/* a user manager (USER_UNIT=, or not PID 1 but a user@.service) speaks of its own units */
	const char *manager = "";
	if ((e->user_unit || e->pid != 1) && e->systemd_unit && strncmp(e->systemd_unit, "user@", 5) == 0)
		manager = e->systemd_unit;
	struct oom_merge_note n = {
		.boot_id = e->boot_id, .time_unix_s = (double)e->realtime_us / 1e6, .kind = um.kind,
		.unit = um.unit, .manager_unit = manager, .text = e->message ? e->message : "",
		.signal = um.signal,
	};
	oom_merge_note(j->merge, &n);
}

/* ---- the calls ------------------------------------------------------------------------------ */

struct oom_journal *oom_journal_new(const struct oom_merge_sink *sink, const char *current_boot_id,
				    double hold_s)
{
	struct oom_journal *j = calloc(1, sizeof(*j));
	if (!j)
		return NULL;
	if (sink)
		j->outer = *sink;
	snprintf(j->current_boot, sizeof(j->current_boot), "%s", current_boot_id ? current_boot_id : "");
	struct oom_merge_sink inner = {out_event, out_amend, out_reap, j};
	j->merge = oom_merge_new(&inner, hold_s, 1);
	if (!j->merge) {
		free(j);
		return NULL;
	}
	j->now_s = -INFINITY;
	return j;
}

static void expire_killers(struct oom_journal *j, double now_s)
{
	for (size_t i = 0; i < KILLERS_MAX; i++) {
		struct killer *k = &j->killers[i];
		if (k->open_key && now_s - k->open_last_s > KILLER_GRACE_S)
			killer_finish(j, k);
	}
}

void oom_journal_feed(struct oom_journal *j, const struct journal_entry *e)
{
	double t = (double)e->realtime_us / 1e6;
	enum oom_journal_sender s = oom_journal_sender(e);
	switch (s) {
	case OOM_JOURNAL_KERNEL: feed_kernel(j, e); break;
	case OOM_JOURNAL_OOMD:
	case OOM_JOURNAL_EARLYOOM:
	case OOM_JOURNAL_NOHANG: feed_killer(j, s, e); break;
	case OOM_JOURNAL_MANAGER: feed_manager(j, e); break;
	case OOM_JOURNAL_OTHER: break;
	}
	if (t > j->now_s)
		j->now_s = t;
	oom_journal_advance(j, j->now_s);
}

uint64_t oom_journal_news(const struct oom_journal *j) { return j->news; }
size_t oom_journal_waiting(const struct oom_journal *j) { return oom_merge_waiting(j->merge); }

void oom_journal_advance(struct oom_journal *j, double now_unix_s)
{
	expire_killers(j, now_unix_s);
	oom_merge_advance(j->merge, now_unix_s);
}

void oom_journal_flush(struct oom_journal *j)
{
	for (size_t i = 0; i < BOOTS_MAX; i++)
		if (j->boots[i].parser)
			oom_parser_flush(j->boots[i].parser);
	for (size_t i = 0; i < KILLERS_MAX; i++)
		killer_finish(j, &j->killers[i]);
	oom_merge_flush(j->merge);
}

void oom_journal_set_hold(struct oom_journal *j, double hold_s)
{
	oom_merge_flush(j->merge);
	oom_merge_set_hold(j->merge, hold_s);
}

void oom_journal_free(struct oom_journal *j)
{
	if (!j)
		return;
	for (size_t i = 0; i < BOOTS_MAX; i++)
		oom_parser_free(j->boots[i].parser);
	for (size_t i = 0; i < KILLERS_MAX; i++)
		for (size_t r = 0; r < RING_LINES; r++)
			free(j->killers[i].ring[r]);
	oom_merge_free(j->merge);
	free(j);
}
