/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "app/cmd_events.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/base/strbuf.h"
#include "core/base/util.h"
#include "core/estimate/unit_rhythm.h"
#include "core/history/boot.h"
#include "core/history/events.h"
#include "core/history/store.h"
#include "core/klog/oom_source.h"
#include "core/output/event.h"
#include "core/output/rhythm.h"
#include "core/sys/vmstat.h"

/* Events wait in a short queue so a reaper line a few lines later still makes it into the
 * printed event; once the log has been read up to now (follow mode), they go out at once. */
#define QUEUE_MAX 64
#define READ_BUDGET 4096 /* journal entries (or about as many kernel lines) per read */

struct events_run {
	FILE *out;
	const struct events_cmd_config *cfg;
	bool immediate;
	struct oom_event queue[QUEUE_MAX];
	size_t nqueue;
	struct oom_event *all; /* --by-unit: every event, details dropped */
	size_t nall, all_cap;
	bool oom;
	struct strbuf sb;
	bool write_failed;
	int write_errno; /* why it failed */
	/* the recorded kills (--history), printed in time order among the log's */
	struct history_events_kill *recorded;
	size_t nrecorded, next_recorded;
	const char *boot_id; /* the running boot's, when the live log is read; NULL: a file */
	struct history_boot boot; /* the running boot ("" unknown) */
};

static void write_failed(struct events_run *run)
{
	if (!run->write_failed)
		run->write_errno = errno ? errno : EIO;
	run->write_failed = true;
}

static void write_sb(struct events_run *run)
{
	sb_putc(&run->sb, '\n');
	if (run->sb.oom)
		run->oom = true;
	else if (fwrite(run->sb.buf, 1, run->sb.len, run->out) != run->sb.len)
		write_failed(run);
}

static void print_one(struct events_run *run, const struct oom_event *ev)
{
	sb_reset(&run->sb);
	if (run->cfg->fmt == EVENTS_FORMAT_JSON)
		output_event_json(ev, &run->sb);
	else
		output_event_text(ev, &run->sb);
	write_sb(run);
}

/* The recorded kills that came before `before` (all of them: NULL), oldest first. Times
 * are whole seconds in most logs: within one, the time since boot orders them. */
static void print_recorded(struct events_run *run, const struct oom_event *before)
{
	if (run->cfg->by_unit)
		return; /* grouped with the log's at the end */
	while (run->next_recorded < run->nrecorded) {
		const struct oom_event *ev = &run->recorded[run->next_recorded].ev;
		if (before && !isnan(ev->time_unix_s) &&
		    (ev->time_unix_s > before->time_unix_s ||
		     (ev->time_unix_s == before->time_unix_s && !(ev->boot_s <= before->boot_s))))
			break;
		print_one(run, ev);
		run->next_recorded++;
	}
}

/* A kill of the log, after the recorded ones that came before it. */
static void print_event(struct events_run *run, const struct oom_event *ev)
{
	if (!isnan(ev->time_unix_s))
		print_recorded(run, ev);
	print_one(run, ev);
}

/* A kill of the log that the recording holds already: same boot (the event's own when the
 * journal names it, else the running one's; any boot for a saved log), and the same kill
 * in it (core/history/events.h: time since boot and victim, or for a kill that names no
 * victim its time and cgroup). */
static bool recorded_already(const struct events_run *run, const struct oom_event *ev)
{
	const char *boot = ev->boot_id[0] ? ev->boot_id : run->boot_id;
	for (size_t i = 0; i < run->nrecorded; i++) {
		const struct history_events_kill *h = &run->recorded[i];
		if ((!boot || strcmp(h->boot_id, boot) == 0) && history_events_same_kill(&h->ev, ev))
			return true;
	}
	return false;
}

static void drain_queue(struct events_run *run, size_t keep)
{
	size_t n = run->nqueue > keep ? run->nqueue - keep : 0;
	for (size_t i = 0; i < n; i++) {
		print_event(run, &run->queue[i]);
		oom_event_free(&run->queue[i]);
	}
	memmove(&run->queue[0], &run->queue[n], (run->nqueue - n) * sizeof(run->queue[0]));
	run->nqueue -= n;
	if (n && fflush(run->out) != 0)
		write_failed(run);
}

static void on_event(void *ctx, struct oom_event *ev)
{
	struct events_run *run = ctx;
	if (recorded_already(run, ev)) {
		oom_event_free(ev);
		return;
	}
	if (run->cfg->by_unit) {
		oom_event_drop_details(ev);
		if (!util_grow((void **)&run->all, &run->all_cap, run->nall + 1, sizeof(*run->all))) {
			run->oom = true;
			oom_event_free(ev);
			return;
		}
		run->all[run->nall++] = *ev;
		return;
	}
	if (run->immediate) {
		print_event(run, ev);
		oom_event_free(ev);
		if (fflush(run->out) != 0)
			write_failed(run);
		return;
	}
	if (run->nqueue == QUEUE_MAX)
		drain_queue(run, QUEUE_MAX - 1);
	run->queue[run->nqueue++] = *ev;
}

static void on_reap(void *ctx, const struct oom_event_reap *r)
{
	struct events_run *run = ctx;
	oom_events_apply_reap(run->queue, run->nqueue, r);
}

static void on_amend(void *ctx, uint64_t id, const char *unit, const struct oom_event_msg *msg)
{
	struct events_run *run = ctx;
	(void)msg; /* the printed forms do not show unit messages */
	for (size_t i = 0; i < run->nqueue; i++)
		if (run->queue[i].id == id && unit)
			oom_event_set_str(&run->queue[i].unit, unit);
	for (size_t i = 0; i < run->nall; i++)
		if (run->all[i].id == id && unit)
			oom_event_set_str(&run->all[i].unit, unit);
}

/* The kill counter anyone may read, for when the log cannot be: -1 when unknown. */
static long long vmstat_oom_kills(void)
{
	char buf[16384];
	if (util_read_file("/proc/vmstat", buf, sizeof(buf)) < 0)
		return -1;
	int64_t v = vmstat_parse_oom_kill(buf);
	return val_known(v) ? (long long)v : -1;
}

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

/* --by-unit: one line per unit (or per victim name where no unit is known). */
static void print_by_unit(struct events_run *run)
{
	/* the log's kills and the recorded ones (shallow copies: the group only reads them) */
	if (!util_grow((void **)&run->all, &run->all_cap, run->nall + run->nrecorded + 1, sizeof(*run->all))) {
		run->oom = true;
		return;
	}
	for (size_t i = 0; i < run->nrecorded; i++)
		run->all[run->nall + i] = run->recorded[i].ev;
	struct unit_rhythms g;
	int r = unit_rhythm_group(run->all, run->nall + run->nrecorded, &g); /* the recorded stay run->recorded's */
	if (r < 0) {
		run->oom = true;
		return;
	}
	double now = util_now_unix_s();
	for (size_t i = 0; i < g.n; i++) {
		const struct unit_rhythm *u = &g.v[i];
		sb_reset(&run->sb);
		if (run->cfg->fmt == EVENTS_FORMAT_JSON) {
			output_rhythm_json(&u->r, u->is_unit ? u->name : NULL, u->is_unit ? NULL : u->name,
					   now, &run->sb);
		} else {
			char label[300];
			snprintf(label, sizeof(label), "%s%s", u->name, u->is_unit ? "" : " (no unit)");
			output_rhythm_text(&u->r, label, now, &run->sb);
		}
		write_sb(run);
	}
	unit_rhythm_free(&g);
}

/* The recorded kills, oldest first, into run. 0, or 1 (exit status) when a history named
 * on the command line cannot be read; a default one that cannot be is skipped, said. */
static int load_recorded(struct events_run *run, const char *path, bool given, FILE *err)
{
	struct history_store *st;
	char msg[600];
	int r = history_store_open(&st, path, HISTORY_STORE_READ, msg, sizeof(msg));
	if (r == 0) {
		r = history_events_load(st, run->boot.boot_id[0] ? run->boot.boot_id : NULL, NAN, NAN, !run->cfg->by_unit,
					&run->recorded, &run->nrecorded);
		if (r != 0)
			snprintf(msg, sizeof(msg), "cannot read the kills in %s: %s", path, strerror(-r));
		history_store_close(st);
	}
	if (r != 0)
		fprintf(err, "oomtop: history: %s%s\n", msg, given ? "" : " (going on without it)");
	return r != 0 && given ? 1 : 0;
}

static void say_open_error(const struct events_cmd_config *cfg, int r, const char *msg, bool recorded, FILE *err)
{
	fprintf(err, "oomtop: %s%s\n", msg, recorded && !cfg->follow ? " (only the recorded kills are listed)" : "");
	if (!cfg->kmsg_path && !cfg->journal && (r == -EPERM || r == -EACCES)) {
		long long kills = vmstat_oom_kills();
		if (kills >= 0)
			fprintf(err, "oomtop: OOM kills since boot (/proc/vmstat oom_kill): %lld\n", kills);
	}
}

/* What is left to say once the source is done (or could not be opened), and the status. */
static int finish(struct events_run *run, int status, FILE *err)
{
	if (run->cfg->by_unit)
		print_by_unit(run);
	drain_queue(run, 0);
	print_recorded(run, NULL);
	if (!run->write_failed && fflush(run->out) != 0)
		write_failed(run);
	if (run->oom)
		fprintf(err, "oomtop: out of memory\n");
	/* a reader that went away (| head) is no error to shout about; anything else is */
	if (run->write_failed && run->write_errno != EPIPE)
		fprintf(err, "oomtop: cannot write output: %s\n", strerror(run->write_errno));
	if ((run->write_failed || run->oom) && status == 0)
		status = 1;
	for (size_t i = 0; i < run->nqueue; i++)
		oom_event_free(&run->queue[i]);
	for (size_t i = 0; i < run->nall; i++)
		oom_event_free(&run->all[i]);
	free(run->all);
	history_events_free(run->recorded, run->nrecorded);
	sb_free(&run->sb);
	return status;
}

/* Wait for more of the source: in poll() on its descriptor where it has one (the journal,
 * /dev/kmsg, a pipe or FIFO with a writer), else a short sleep (klogctl, a regular file, a
 * pipe whose writer is gone: poll() cannot tell of more there). False on a poll error. */
static bool wait_for_more(struct oom_source *src, FILE *err)
{
	int fd = oom_source_fd(src);
	if (fd < 0) {
		sleep_ms(oom_source_kind(src) == OOM_SOURCE_FILE ? 200 : 1000);
		return true;
	}
	struct pollfd pfd = {.fd = fd, .events = POLLIN};
	if (poll(&pfd, 1, 500) < 0 && errno != EINTR) {
		fprintf(err, "oomtop: poll: %s\n", strerror(errno));
		return false;
	}
	return true;
}

int events_cmd_run(const struct events_cmd_config *cfg, FILE *out, FILE *err)
{
	struct events_run run = {.out = out, .cfg = cfg};
	sb_init(&run.sb);
	if (history_boot_read("/proc", &run.boot) == 0 && !cfg->kmsg_path && !cfg->journal_path)
		run.boot_id = run.boot.boot_id;
	if (cfg->history_path && load_recorded(&run, cfg->history_path, cfg->history_given, err) != 0)
		return finish(&run, 1, err);
	struct oom_merge_sink sink = {.event = on_event, .amend = on_amend, .reap = on_reap, .ctx = &run};
	struct oom_source_config sc = {.kmsg_path = cfg->kmsg_path, .journal = cfg->journal,
				       .journal_path = cfg->journal_path};
	struct oom_source *src;
	char msg[512];
	int r = oom_source_open(&src, &sc, &sink, msg, sizeof(msg));
	if (r < 0) {
		bool recorded = run.nrecorded > 0;
		say_open_error(cfg, r, msg, recorded, err);
		return finish(&run, recorded && !cfg->follow ? 0 : 1, err);
	}
	int status = 0;
	for (;;) {
		r = oom_source_read(src, READ_BUDGET);
		if (r < 0) {
			fprintf(err, "oomtop: reading %s: %s\n",
				cfg->kmsg_path ? cfg->kmsg_path
				: oom_source_kind(src) == OOM_SOURCE_JOURNAL ? "the journal" : "the kernel log",
				strerror(-r));
			status = 1;
			break;
		}
		if (run.write_failed || run.oom) {
			status = 1;
			break;
		}
		if (r > 0)
			continue; /* more may be there: keep reading without waiting */
		bool at_end = oom_source_at_end(src);
		/* a pipe or FIFO whose writer has nothing more yet is caught up, not at its end */
		bool idle = !at_end && oom_source_kind(src) == OOM_SOURCE_FILE && oom_source_fd(src) >= 0;
		if (!at_end && !idle)
			continue; /* a regular file mid-way */
		if (at_end && !cfg->follow)
			break;
		if (cfg->follow && !run.immediate) { /* caught up: from now on, print each kill as it comes */
			oom_source_set_live(src);
			drain_queue(&run, 0);
			print_recorded(&run, NULL);
			if (!run.write_failed && fflush(run.out) != 0)
				write_failed(&run);
			run.immediate = true;
		}
		if (!wait_for_more(src, err)) {
			status = 1;
			break;
		}
		oom_source_tick(src, util_now_unix_s());
	}
	oom_source_flush(src);
	oom_source_close(src);
	return finish(&run, status, err);
}
