/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/oom_merge.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"
#include "core/klog/unit_burst.h"
#include "core/klog/unit_name.h"

#define RACE_S 5.0          /* a unit message may be logged just before the kernel's line */
#define KILLED_AFTER_S 60.0 /* "A process … killed by the OOM killer" follows within this */
#define RESULT_AFTER_S 600.0 /* "Failed with result 'oom-kill'" after the stop (TimeoutStopSec) */
#define OTHER_AFTER_S 30.0  /* other messages about the unit kept with the kill */
#define EXIT_KERNEL_S 5.0   /* a SIGKILLed main process is reaped at once */
#define EXIT_USER_S 12.0    /* earlyoom waits up to 10 s for its SIGTERM, then SIGKILL */
#define UNITS_MAX 16        /* units a row's messages named, for later matching */

static const char UNIT_ONLY[] = "unknown (unit message only)";

struct units {
	char *name[UNITS_MAX];
	size_t n;
};

struct pend { /* a row not handed out yet */
	struct oom_event ev;
	uint64_t key;
	bool open;               /* its killer is still telling about it */
	bool unit_row;           /* made of unit messages alone */
	enum unit_msg_kind kind; /* unit rows: the message kind they came from */
	bool got_result;         /* a "Failed with result 'oom-kill'" was kept with it */
	struct units units;      /* units its messages named */
};

struct hist { /* a row handed out: what later messages need to find it */
	uint64_t id;
	char boot_id[33];
	double time;
	enum oom_event_source source;
	bool unit_row, got_result;
	char *cgroup, *unit;
	struct units units;
	int reaped;
	pid_t pid;
};

struct oom_merge {
	struct oom_merge_sink sink;
	double hold_s;
	uint64_t next_id, next_key;
	double last_time;
	struct pend *pend;
	size_t npend, pend_cap;
	struct hist hist[OOM_MERGE_HISTORY];
	size_t nhist, hist_next;
	struct unit_burst burst; /* "… killed by the OOM killer" messages of the moment */
};

/* ---- small helpers ------------------------------------------------------------------------ */

static void units_add(struct units *u, const char *name)
{
	if (!name || !name[0] || u->n >= UNITS_MAX)
		return;
	for (size_t i = 0; i < u->n; i++)
		if (strcmp(u->name[i], name) == 0)
			return;
	char *c = strdup(name);
	if (c)
		u->name[u->n++] = c;
}

static bool units_has(const struct units *u, const char *name)
{
	for (size_t i = 0; i < u->n; i++)
		if (strcmp(u->name[i], name) == 0)
			return true;
	return false;
}

static void units_free(struct units *u)
{
	for (size_t i = 0; i < u->n; i++)
		free(u->name[i]);
	u->n = 0;
}

static bool same_boot(const char *a, const char *b)
{
	return !a[0] || !b[0] || strcmp(a, b) == 0;
}

static void set_unit(struct oom_event *ev, const char *unit)
{
	if (oom_event_set_str(&ev->unit, unit) != 0)
		return; /* out of memory: the old value stays */
}

/* Does a unit the messages name say more than the kill's own? With a cgroup: when it sits
 * deeper in it (systemd-oomd killed a slice below its cgroup's innermost service); without
 * one: any unit, and a service or scope rather than a slice. */
static bool better_unit(const char *have, const char *unit, const char *cgroup)
{
	if (cgroup)
		return unit_name_depth_in_cgroup(unit, cgroup) > unit_name_depth_in_cgroup(have, cgroup);
	return !have || (unit_name_is_slice(have) && !unit_name_is_slice(unit));
}

/* ---- which kill a message belongs to ------------------------------------------------------ */

struct target {
	const char *boot_id;
	double t;
	enum oom_event_source source;
	bool unit_row, got_result;
	const char *cgroup, *unit;
	const struct units *units;
};

static bool belongs(const struct target *k, const char *unit)
{
	return unit_name_in_cgroup(unit, k->cgroup) || (k->unit && strcmp(k->unit, unit) == 0) ||
	       units_has(k->units, unit);
}

static bool matches(const struct target *k, const struct oom_merge_note *n)
{
	if (!same_boot(k->boot_id, n->boot_id))
		return false;
	double dt = n->time_unix_s - k->t; /* > 0: the message came after the kill */
	switch (n->kind) {
	case UNIT_MSG_OOM_KILLED:
		if (k->source != OOM_EVENT_SOURCE_KERNEL || k->unit_row || dt < -RACE_S ||
		    dt > KILLED_AFTER_S)
			return false;
		return k->cgroup ? unit_name_in_cgroup(n->unit, k->cgroup) : fabs(dt) <= RACE_S;
	case UNIT_MSG_OOMD_KILLED:
		if (k->source != OOM_EVENT_SOURCE_SYSTEMD_OOMD || k->unit_row || dt < -RACE_S ||
		    dt > KILLED_AFTER_S)
			return false;
		return k->cgroup ? unit_name_in_cgroup(n->unit, k->cgroup) : true;
	case UNIT_MSG_RESULT_OOM:
		if ((k->source != OOM_EVENT_SOURCE_KERNEL && k->source != OOM_EVENT_SOURCE_SYSTEMD_OOMD) ||
		    k->got_result || dt < -RACE_S || dt > RESULT_AFTER_S)
			return false;
		if (belongs(k, n->unit))
			return true;
		return !k->cgroup && !k->unit && !k->unit_row && dt <= KILLED_AFTER_S;
	case UNIT_MSG_EXIT_KILLED:
		if (k->unit_row)
			return false;
		if (k->unit || k->cgroup) /* kept with the kill of its unit */
			return dt >= 0 && dt <= OTHER_AFTER_S && belongs(k, n->unit);
		/* a kill that names no unit: the exit by its killer's signal right after it */
		if (k->source == OOM_EVENT_SOURCE_KERNEL)
			return dt >= 0 && dt <= EXIT_KERNEL_S && n->signal == 9;
		if (k->source == OOM_EVENT_SOURCE_EARLYOOM)
			return dt >= 0 && dt <= EXIT_USER_S && (n->signal == 9 || n->signal == 15);
		return k->source == OOM_EVENT_SOURCE_NOHANG && dt >= 0 && dt <= EXIT_USER_S;
	case UNIT_MSG_OTHER:
		return dt >= 0 && dt <= OTHER_AFTER_S && belongs(k, n->unit);
	case UNIT_MSG_NONE:
		break;
	}
	return false;
}

static struct target pend_target(const struct pend *p)
{
	return (struct target){p->ev.boot_id, p->ev.time_unix_s, p->ev.source, p->unit_row,
			       p->got_result, p->ev.cgroup, p->ev.unit, &p->units};
}

static struct target hist_target(const struct hist *h)
{
	return (struct target){h->boot_id, h->time, h->source, h->unit_row, h->got_result,
			       h->cgroup, h->unit, &h->units};
}

/* The newest row (waiting or handed out) the note belongs to: *pend_i or *hist_i >= 0. */
static bool find_target(const struct oom_merge *m, const struct oom_merge_note *n, ssize_t *pend_i,
			ssize_t *hist_i)
{
	*pend_i = *hist_i = -1;
	double best = -INFINITY;
	for (size_t i = 0; i < m->npend; i++) {
		struct target k = pend_target(&m->pend[i]);
		if (k.t >= best && matches(&k, n)) {
			best = k.t;
			*pend_i = (ssize_t)i;
		}
	}
	for (size_t i = 0; i < m->nhist; i++) {
		struct target k = hist_target(&m->hist[i]);
		if (k.t > best && matches(&k, n)) {
			best = k.t;
			*hist_i = (ssize_t)i;
			*pend_i = -1;
		}
	}
	return *pend_i >= 0 || *hist_i >= 0;
}

/* ---- rows waiting ------------------------------------------------------------------------- */

static void insert_pend(struct oom_merge *m, struct pend *p)
{
	if (!util_grow((void **)&m->pend, &m->pend_cap, m->npend + 1, sizeof(*m->pend))) {
		units_free(&p->units);
		oom_event_free(&p->ev);
		return;
	}
	size_t at = m->npend;
	while (at > 0 && m->pend[at - 1].ev.time_unix_s > p->ev.time_unix_s)
		at--;
	memmove(&m->pend[at + 1], &m->pend[at], (m->npend - at) * sizeof(*m->pend));
	m->pend[at] = *p;
	m->npend++;
}

static void remove_pend(struct oom_merge *m, size_t i)
{
	memmove(&m->pend[i], &m->pend[i + 1], (m->npend - i - 1) * sizeof(*m->pend));
	m->npend--;
}

static void hist_clear(struct hist *h)
{
	free(h->cgroup);
	free(h->unit);
	units_free(&h->units);
	memset(h, 0, sizeof(*h));
}

/* Hands out the oldest waiting row. */
static void emit_first(struct oom_merge *m)
{
	struct pend p = m->pend[0];
	remove_pend(m, 0);
	p.ev.id = m->next_id++;
	struct hist *h = &m->hist[m->hist_next];
	hist_clear(h);
	*h = (struct hist){.id = p.ev.id, .time = p.ev.time_unix_s, .source = p.ev.source,
			   .unit_row = p.unit_row, .got_result = p.got_result,
			   .cgroup = p.ev.cgroup ? strdup(p.ev.cgroup) : NULL,
			   .unit = p.ev.unit ? strdup(p.ev.unit) : NULL, .units = p.units,
			   .reaped = p.ev.reaped, .pid = p.ev.victim_pid};
	memcpy(h->boot_id, p.ev.boot_id, sizeof(h->boot_id));
	m->hist_next = (m->hist_next + 1) % OOM_MERGE_HISTORY;
	if (m->nhist < OOM_MERGE_HISTORY)
		m->nhist++;
	if (m->sink.event)
		m->sink.event(m->sink.ctx, &p.ev);
	else
		oom_event_free(&p.ev);
}

/* ---- a moment of PID 1's unit messages: one row per innermost unit ------------------------- */

static void burst_row(void *ctx, const struct unit_burst *b, const int *chain, size_t nc)
{
	struct oom_merge *m = ctx;
	struct pend p = {.unit_row = true, .kind = UNIT_MSG_OOM_KILLED};
	oom_event_init(&p.ev);
	p.ev.source = OOM_EVENT_SOURCE_KERNEL;
	memcpy(p.ev.boot_id, b->boot_id, sizeof(p.ev.boot_id));
	p.ev.unit = strdup(b->node[chain[0]].unit);
	p.ev.reason = strdup(UNIT_ONLY);
	double t = INFINITY;
	for (size_t c = 0; c < nc; c++) {
		if (b->node[chain[c]].t < t)
			t = b->node[chain[c]].t;
		units_add(&p.units, b->node[chain[c]].unit);
	}
	for (size_t a = 0; a < b->n; a++) /* the messages in the order they were logged */
		for (size_t c = 0; c < nc; c++)
			if (chain[c] == (int)a)
				oom_event_add_unit_msg(&p.ev, b->node[a].t, b->node[a].text);
	p.ev.time_unix_s = t;
	insert_pend(m, &p);
}

static void close_burst(struct oom_merge *m) { unit_burst_resolve(&m->burst, burst_row, m); }

/* ---- the calls -------------------------------------------------------------------------------- */

struct oom_merge *oom_merge_new(const struct oom_merge_sink *sink, double hold_s, uint64_t first_id)
{
	struct oom_merge *m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	if (sink)
		m->sink = *sink;
	m->hold_s = hold_s;
	m->next_id = first_id ? first_id : 1;
	m->last_time = -INFINITY;
	return m;
}

/* A kill takes the unit messages of its moment that came before it (the race with PID 1). */
static void absorb_earlier(struct oom_merge *m, struct pend *k)
{
	struct oom_event *ev = &k->ev;
	bool kernel = ev->source == OOM_EVENT_SOURCE_KERNEL;
	if (kernel) {
		struct unit_burst *b = &m->burst;
		for (size_t i = 0; i < b->n;) {
			struct unit_burst_node *x = &b->node[i];
			if (same_boot(b->boot_id, ev->boot_id) && fabs(x->t - ev->time_unix_s) <= RACE_S &&
			    (ev->cgroup ? unit_name_in_cgroup(x->unit, ev->cgroup) : true)) {
				oom_event_add_unit_msg(ev, x->t, x->text);
				units_add(&k->units, x->unit);
				if (better_unit(ev->unit, x->unit, ev->cgroup))
					set_unit(ev, x->unit);
				unit_burst_remove(b, i);
				continue;
			}
			i++;
		}
	}
	enum unit_msg_kind want = kernel ? UNIT_MSG_OOM_KILLED : UNIT_MSG_OOMD_KILLED;
	if (!kernel && ev->source != OOM_EVENT_SOURCE_SYSTEMD_OOMD)
		return;
	for (size_t i = 0; i < m->npend;) {
		struct pend *p = &m->pend[i];
		if (p->unit_row && p->kind == want && same_boot(p->ev.boot_id, ev->boot_id) &&
		    fabs(p->ev.time_unix_s - ev->time_unix_s) <= RACE_S &&
		    (ev->cgroup ? unit_name_in_cgroup(p->ev.unit, ev->cgroup) : true)) {
			for (size_t j = 0; j < p->ev.nunit_msgs; j++)
				oom_event_add_unit_msg(ev, p->ev.unit_msgs[j].time_unix_s, p->ev.unit_msgs[j].text);
			for (size_t j = 0; j < p->units.n; j++)
				units_add(&k->units, p->units.name[j]);
			if (better_unit(ev->unit, p->ev.unit, ev->cgroup))
				set_unit(ev, p->ev.unit);
			k->got_result = k->got_result || p->got_result;
			units_free(&p->units);
			oom_event_free(&p->ev);
			remove_pend(m, i);
			continue;
		}
		i++;
	}
}

uint64_t oom_merge_kill(struct oom_merge *m, struct oom_event *ev)
{
	struct pend p = {.ev = *ev, .key = ++m->next_key};
	oom_event_init(ev);
	if (isnan(p.ev.time_unix_s))
		p.ev.time_unix_s = m->last_time;
	else if (p.ev.time_unix_s > m->last_time)
		m->last_time = p.ev.time_unix_s;
	absorb_earlier(m, &p);
	insert_pend(m, &p);
	while (m->npend > OOM_MERGE_PENDING_MAX)
		emit_first(m);
	return p.key;
}

static ssize_t pend_of(const struct oom_merge *m, uint64_t key)
{
	for (size_t i = m->npend; i-- > 0;)
		if (m->pend[i].key == key)
			return (ssize_t)i;
	return -1;
}

void oom_merge_open(struct oom_merge *m, uint64_t key)
{
	ssize_t i = pend_of(m, key);
	if (i >= 0)
		m->pend[i].open = true;
}

struct oom_event *oom_merge_open_event(struct oom_merge *m, uint64_t key)
{
	ssize_t i = pend_of(m, key);
	return i >= 0 ? &m->pend[i].ev : NULL;
}

void oom_merge_close(struct oom_merge *m, uint64_t key)
{
	ssize_t i = pend_of(m, key);
	if (i >= 0)
		m->pend[i].open = false;
}

void oom_merge_cancel(struct oom_merge *m, uint64_t key)
{
	ssize_t i = pend_of(m, key);
	if (i < 0)
		return;
	units_free(&m->pend[i].units);
	oom_event_free(&m->pend[i].ev);
	remove_pend(m, (size_t)i);
}

static void keep_note(struct oom_merge *m, ssize_t pi, ssize_t hi, const struct oom_merge_note *n)
{
	struct oom_event_msg msg = {n->time_unix_s, (char *)(n->text ? n->text : "")};
	bool oom = n->kind != UNIT_MSG_OTHER;
	if (pi >= 0) {
		struct pend *p = &m->pend[pi];
		oom_event_add_unit_msg(&p->ev, msg.time_unix_s, msg.text);
		if (oom) {
			units_add(&p->units, n->unit);
			if (better_unit(p->ev.unit, n->unit, p->ev.cgroup))
				set_unit(&p->ev, n->unit);
		}
		if (n->kind == UNIT_MSG_RESULT_OOM)
			p->got_result = true;
		return;
	}
	struct hist *h = &m->hist[hi];
	const char *unit = NULL;
	if (oom) {
		units_add(&h->units, n->unit);
		if (better_unit(h->unit, n->unit, h->cgroup)) {
			char *c = strdup(n->unit);
			if (c) {
				free(h->unit);
				h->unit = c;
				unit = c;
			}
		}
	}
	if (n->kind == UNIT_MSG_RESULT_OOM)
		h->got_result = true;
	if (m->sink.amend)
		m->sink.amend(m->sink.ctx, h->id, unit, &msg);
}

static void unit_row(struct oom_merge *m, const struct oom_merge_note *n)
{
	struct pend p = {.unit_row = true, .kind = n->kind};
	oom_event_init(&p.ev);
	p.ev.source = n->kind == UNIT_MSG_OOMD_KILLED ? OOM_EVENT_SOURCE_SYSTEMD_OOMD
						      : OOM_EVENT_SOURCE_KERNEL;
	snprintf(p.ev.boot_id, sizeof(p.ev.boot_id), "%s", n->boot_id ? n->boot_id : "");
	p.ev.time_unix_s = n->time_unix_s;
	p.ev.unit = strdup(n->unit);
	p.ev.reason = strdup(UNIT_ONLY);
	p.got_result = n->kind == UNIT_MSG_RESULT_OOM;
	units_add(&p.units, n->unit);
	oom_event_add_unit_msg(&p.ev, n->time_unix_s, n->text);
	insert_pend(m, &p);
}

void oom_merge_note(struct oom_merge *m, const struct oom_merge_note *n)
{
	if (!n->unit || !n->unit[0] || n->kind == UNIT_MSG_NONE || isnan(n->time_unix_s))
		return;
	if (n->time_unix_s > m->last_time)
		m->last_time = n->time_unix_s;
	if (n->kind == UNIT_MSG_RESULT_OOM || n->kind == UNIT_MSG_OOMD_KILLED)
		close_burst(m); /* a unit's result comes after its kill's moment */
	ssize_t pi, hi;
	if (find_target(m, n, &pi, &hi)) {
		keep_note(m, pi, hi, n);
		return;
	}
	switch (n->kind) {
	case UNIT_MSG_OOM_KILLED:
		if (!unit_burst_fits(&m->burst, n->boot_id, n->time_unix_s, n->unit, n->manager_unit))
			close_burst(m);
		unit_burst_add(&m->burst, n->boot_id, n->time_unix_s, n->unit, n->manager_unit, n->text);
		break;
	case UNIT_MSG_OOMD_KILLED:
	case UNIT_MSG_RESULT_OOM: unit_row(m, n); break;
	default: break; /* about a unit nobody killed */
	}
}

void oom_merge_reap(struct oom_merge *m, const char *boot_id, const struct oom_event_reap *r)
{
	for (size_t i = m->npend; i-- > 0;) {
		struct oom_event *ev = &m->pend[i].ev;
		if (ev->source == OOM_EVENT_SOURCE_KERNEL && ev->victim_pid == r->pid && ev->reaped < 0 &&
		    same_boot(ev->boot_id, boot_id ? boot_id : "")) {
			ev->reaped = r->reaped;
			return;
		}
	}
	if (m->sink.reap)
		m->sink.reap(m->sink.ctx, r);
}

void oom_merge_advance(struct oom_merge *m, double now_unix_s)
{
	if (m->burst.n && now_unix_s - m->burst.last > UNIT_BURST_GAP_S)
		close_burst(m);
	while (m->npend && !m->pend[0].open && m->pend[0].ev.time_unix_s + m->hold_s <= now_unix_s &&
	       (!m->burst.n || m->pend[0].ev.time_unix_s < m->burst.first))
		emit_first(m);
}

size_t oom_merge_waiting(const struct oom_merge *m) { return m->npend; }

void oom_merge_flush(struct oom_merge *m)
{
	close_burst(m);
	while (m->npend)
		emit_first(m);
}

void oom_merge_set_hold(struct oom_merge *m, double hold_s) { m->hold_s = hold_s; }

void oom_merge_free(struct oom_merge *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->npend; i++) {
		units_free(&m->pend[i].units);
		oom_event_free(&m->pend[i].ev);
	}
	free(m->pend);
	unit_burst_free(&m->burst);
	for (size_t i = 0; i < OOM_MERGE_HISTORY; i++)
		hist_clear(&m->hist[i]);
	free(m);
}
