/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/cmd_record.c — see cmd_record.h. */
#include "config.h"
#include "app/cmd_record.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "app/signals.h"
#include "core/base/util.h"
#include "core/history/boot.h"
#include "core/history/retention.h"
#include "core/history/writer.h"

#define RETENTION_EVERY_MS (3600 * 1000) /* downsampling and pruning, hourly */

struct recording {
	struct history_store *st;
	struct history_writer *w;
	struct history_retention keep;
	int64_t last_retention_ms;
	FILE *err;
	bool failed; /* the last write failed */
};

/* Write the batch (with the hourly retention work in the same transaction: one write). */
static void commit(struct recording *r)
{
	char msg[600];
	int64_t now_ms = util_mono_ms();
	if (history_writer_pending(r->w) && now_ms - r->last_retention_ms >= RETENTION_EVERY_MS) {
		r->last_retention_ms = now_ms;
		if (history_retention_run(r->st, &r->keep, (int64_t)util_now_unix_s(), msg, sizeof(msg)) != 0)
			fprintf(r->err, "oomtop: %s\n", msg);
	}
	if (history_writer_commit(r->w, msg, sizeof(msg)) != 0) {
		fprintf(r->err, "oomtop: %s\n", msg);
		r->failed = true;
	} else {
		r->failed = false;
	}
}

int cmd_record_run(struct collector *c, struct history_store *st, const struct run_config *rc, FILE *err)
{
	struct history_boot boot;
	int e = history_boot_read("/proc", &boot);
	if (e != 0) {
		fprintf(err, "oomtop: cannot tell which boot this is (/proc/sys/kernel/random/boot_id): %s\n",
			strerror(-e));
		return 1;
	}
	char host[256] = "";
	if (gethostname(host, sizeof(host) - 1) != 0)
		host[0] = '\0';
	char msg[600];
	struct recording r = {.st = st, .err = err, .last_retention_ms = util_mono_ms()};
	history_retention_defaults(&r.keep);
	r.keep.max_bytes = rc->history_size_bytes;
	if (history_retention_run(st, &r.keep, (int64_t)util_now_unix_s(), msg, sizeof(msg)) != 0)
		fprintf(err, "oomtop: %s\n", msg);
	r.w = history_writer_new(st, &boot, rc->set.delay_s, host, msg, sizeof(msg));
	if (!r.w) {
		fprintf(err, "oomtop: %s\n", msg);
		return 1;
	}
	int status = 0;
	int64_t interval_ms = (int64_t)(rc->set.delay_s * 1000.0 + 0.5);
	int64_t flush_ms = (int64_t)(rc->history_flush_s * 1000.0 + 0.5);
	int64_t next = util_mono_ms(), last_commit = next;
	for (long i = 0; !signals_stop() && (rc->iterations == 0 || i < rc->iterations); i++) {
		if (i > 0 && !signals_wait_tick(&next, interval_ms))
			break;
		int ret = collector_refresh(c);
		if (ret < 0) {
			fprintf(err, "oomtop: cannot collect: %s\n", strerror(-ret));
			status = 1;
			break;
		}
		int flags = history_writer_add(r.w, collector_snapshot(c), msg, sizeof(msg));
		if (flags < 0) {
			fprintf(err, "oomtop: %s\n", msg);
			r.failed = true;
			continue;
		}
		int64_t now = util_mono_ms();
		if ((flags & HISTORY_WRITER_KILL) || now - last_commit >= flush_ms) {
			commit(&r);
			last_commit = now;
		}
	}
	commit(&r); /* what the stop signal, or -n, left unwritten */
	if (r.failed && status == 0)
		status = 1;
	history_writer_free(r.w);
	return status;
}
