#include "config.h"
#include "app/cmd_events.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/history/boot.h"
#include "core/history/events.h"
#include "core/history/store.h"
#include "core/klog/kmsg_source.h"
#include "core/output/event.h"
#include "core/klog/oom_parse.h"
#include "core/sys/vmstat.h"
#include "core/base/strbuf.h"
#include "core/base/util.h"

/* Events wait in a short queue so a reaper line a few lines later still makes it into the
 * printed event; once the log has been read up to now (follow mode), they go out at once. */
#define QUEUE_MAX 64

struct events_run {
	FILE *out;
	enum events_format fmt;
	bool immediate;
	struct oom_event queue[QUEUE_MAX];
	size_t nqueue;
	struct strbuf sb;
	bool write_failed;
	/* the recorded kills (--history), printed in time order among the live ones */
	struct history_events_kill *recorded;
	size_t nrecorded, next_recorded;
	const char *boot_id; /* the running boot's, when the live log is read; NULL: a file */
};

static void print_one(struct events_run *run, const struct oom_event *ev)
{
	sb_reset(&run->sb);
	if (run->fmt == EVENTS_FORMAT_JSON)
		output_event_json(ev, &run->sb);
	else
		output_event_text(ev, &run->sb);
	sb_putc(&run->sb, '\n');
	if (run->sb.oom || fwrite(run->sb.buf, 1, run->sb.len, run->out) != run->sb.len)
		run->write_failed = true;
}

/* The recorded kills that came before `before` (all of them: NULL), oldest first. Times
 * are whole seconds in most logs: within one, the time since boot orders them. */
static void print_recorded(struct events_run *run, const struct oom_event *before)
{
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

/* A live kill, after the recorded ones that came before it. */
static void print_event(struct events_run *run, const struct oom_event *ev)
{
	if (!isnan(ev->time_unix_s))
		print_recorded(run, ev);
	print_one(run, ev);
}

/* A kill of the live log that the recording holds already (same boot, time since boot
 * and victim). */
static bool recorded_already(const struct events_run *run, const struct oom_event *ev)
{
	for (size_t i = 0; i < run->nrecorded; i++) {
		const struct history_events_kill *h = &run->recorded[i];
		if (h->ev.victim_pid == ev->victim_pid &&
		    ((isnan(h->ev.boot_s) && isnan(ev->boot_s)) || h->ev.boot_s == ev->boot_s) &&
		    (!run->boot_id || strcmp(h->boot_id, run->boot_id) == 0))
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
		run->write_failed = true;
}

static void on_event(void *ctx, struct oom_event *ev)
{
	struct events_run *run = ctx;
	if (recorded_already(run, ev)) {
		oom_event_free(ev);
		return;
	}
	if (run->immediate) {
		print_event(run, ev);
		oom_event_free(ev);
		if (fflush(run->out) != 0)
			run->write_failed = true;
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

static void on_line(void *ctx, const struct kmsg_line *l) { oom_parser_feed(ctx, l); }

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

/* The recorded kills, oldest first, into run. 0, or 1 (exit status) when a history named
 * on the command line cannot be read; a default one that cannot be is skipped, said. */
static int load_recorded(struct events_run *run, const char *path, bool given, FILE *err)
{
	struct history_store *st;
	char msg[600];
	int r = history_store_open(&st, path, HISTORY_STORE_READ, msg, sizeof(msg));
	if (r == 0) {
		r = history_events_load(st, NAN, NAN, true, &run->recorded, &run->nrecorded);
		if (r != 0)
			snprintf(msg, sizeof(msg), "cannot read the kills in %s: %s", path, strerror(-r));
		history_store_close(st);
	}
	if (r != 0)
		fprintf(err, "oomtop: history: %s%s\n", msg, given ? "" : " (going on without it)");
	return r != 0 && given ? 1 : 0;
}

int events_cmd_run(const char *kmsg_path, bool follow, enum events_format fmt, const char *history_path,
		   bool history_given, FILE *out, FILE *err)
{
	char msg[512];
	struct events_run run = {.out = out, .fmt = fmt};
	sb_init(&run.sb);
	struct history_boot boot;
	if (!kmsg_path && history_boot_read("/proc", &boot) == 0)
		run.boot_id = boot.boot_id;
	if (history_path && load_recorded(&run, history_path, history_given, err) != 0) {
		sb_free(&run.sb);
		return 1;
	}
	struct kmsg_source *src;
	int r = kmsg_source_open(&src, kmsg_path, msg, sizeof(msg));
	if (r < 0) {
		bool recorded = history_path && run.recorded;
		fprintf(err, "oomtop: %s%s\n", msg, recorded && !follow ? " (only the recorded kills are listed)" : "");
		if (!kmsg_path && (r == -EPERM || r == -EACCES)) {
			long long kills = vmstat_oom_kills();
			if (kills >= 0)
				fprintf(err, "oomtop: OOM kills since boot (/proc/vmstat oom_kill): %lld\n",
					kills);
		}
		print_recorded(&run, NULL);
		int status = recorded && !follow && !run.write_failed && fflush(out) == 0 ? 0 : 1;
		history_events_free(run.recorded, run.nrecorded);
		sb_free(&run.sb);
		return status;
	}
	struct oom_parser_sink sink = {.event = on_event, .reap = on_reap, .ctx = &run};
	struct oom_parser *parser = oom_parser_new(&sink);
	int status = 0;
	if (!parser) {
		fprintf(err, "oomtop: out of memory\n");
		kmsg_source_close(src);
		return 1;
	}
	bool is_file = kmsg_source_kind(src) == KMSG_SOURCE_FILE;
	for (;;) {
		r = kmsg_source_read(src, 1 << 20, on_line, parser);
		if (r < 0) {
			fprintf(err, "oomtop: reading %s: %s\n", kmsg_path ? kmsg_path : "the kernel log",
				strerror(-r));
			status = 1;
			break;
		}
		if (run.write_failed) {
			status = 1;
			break;
		}
		if (!kmsg_source_at_end(src))
			continue; /* more is there: keep reading without waiting */
		if (is_file)
			oom_parser_flush(parser);
		if (!follow)
			break;
		if (!run.immediate) { /* caught up: from now on, print each kill as it comes */
			drain_queue(&run, 0);
			print_recorded(&run, NULL);
			if (fflush(run.out) != 0)
				run.write_failed = true;
			run.immediate = true;
		}
		int fd = kmsg_source_fd(src);
		if (fd >= 0 && !is_file) {
			struct pollfd pfd = {.fd = fd, .events = POLLIN};
			if (poll(&pfd, 1, 1000) < 0 && errno != EINTR) {
				fprintf(err, "oomtop: poll: %s\n", strerror(errno));
				status = 1;
				break;
			}
		} else {
			sleep_ms(is_file ? 200 : 1000); /* files and klogctl cannot be waited on */
		}
	}
	oom_parser_flush(parser);
	drain_queue(&run, 0);
	print_recorded(&run, NULL);
	if (fflush(run.out) != 0)
		run.write_failed = true;
	if (run.write_failed && status == 0)
		status = 1;
	oom_parser_free(parser);
	kmsg_source_close(src);
	for (size_t i = 0; i < run.nqueue; i++)
		oom_event_free(&run.queue[i]);
	history_events_free(run.recorded, run.nrecorded);
	sb_free(&run.sb);
	return status;
}
