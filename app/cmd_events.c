#include "config.h"
#include "app/cmd_events.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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
};

static void print_event(struct events_run *run, const struct oom_event *ev)
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

int events_cmd_run(const char *kmsg_path, bool follow, enum events_format fmt, FILE *out,
		   FILE *err)
{
	char msg[512];
	struct kmsg_source *src;
	int r = kmsg_source_open(&src, kmsg_path, msg, sizeof(msg));
	if (r < 0) {
		fprintf(err, "oomtop: %s\n", msg);
		if (!kmsg_path && (r == -EPERM || r == -EACCES)) {
			long long kills = vmstat_oom_kills();
			if (kills >= 0)
				fprintf(err, "oomtop: OOM kills since boot (/proc/vmstat oom_kill): %lld\n",
					kills);
		}
		return 1;
	}
	struct events_run run = {.out = out, .fmt = fmt};
	sb_init(&run.sb);
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
	if (run.write_failed && status == 0)
		status = 1;
	oom_parser_free(parser);
	kmsg_source_close(src);
	for (size_t i = 0; i < run.nqueue; i++)
		oom_event_free(&run.queue[i]);
	sb_free(&run.sb);
	return status;
}
