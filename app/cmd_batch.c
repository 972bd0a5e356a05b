#include "config.h"
#include "app/cmd_batch.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/output/json.h"
#include "core/output/output.h"
#include "core/output/prom.h"
#include "core/output/text.h"
#include "core/proc/filter.h"
#include "core/base/strbuf.h"
#include "core/base/util.h"

static volatile sig_atomic_t stop_requested;

static void on_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
}

size_t batch_select(const struct snapshot *s, const struct options *o, const struct proc_row ***rows, size_t *cap)
{
	if (*cap < s->nprocs + 1) {
		const struct proc_row **nr = realloc(*rows, (s->nprocs + 1) * sizeof(**rows));
		if (!nr)
			return 0;
		*rows = nr;
		*cap = s->nprocs + 1;
	}
	struct proc_filter f = {
		.pids = o->pids,
		.npids = o->npids,
		.by_uid = o->by_uid,
		.uid = o->uid,
		.cgroup = o->cgroup,
		.ghosts = true,
	};
	size_t n = 0;
	for (size_t i = 0; i < s->nprocs; i++)
		if (proc_filter_matches(s->procs[i], &f))
			(*rows)[n++] = s->procs[i];
	proc_sort(*rows, n, o->sort, false);
	return n;
}

/* Batch output is streamed in pieces of this size: a snapshot of 10,000 processes is
 * megabytes of JSON, and the peak RSS would otherwise hold all of it. */
#define BATCH_SPILL_BYTES (64 * 1024)

struct spill_ctx {
	FILE *out;
	int err; /* errno of the failed write */
};

static bool spill_to_file(void *ctx, const char *buf, size_t len)
{
	struct spill_ctx *sc = ctx;
	if (fwrite(buf, 1, len, sc->out) != len) {
		sc->err = errno ? errno : EIO;
		return false;
	}
	return true;
}

/* Sleep until the monotonic deadline, waking early on a stop request. */
static void sleep_until(int64_t deadline_ms)
{
	while (!stop_requested) {
		int64_t left = deadline_ms - util_mono_ms();
		if (left <= 0)
			return;
		struct timespec ts = {left / 1000, (left % 1000) * 1000000};
		if (nanosleep(&ts, NULL) == 0)
			return;
	}
}

int batch_run(struct collector *c, const struct options *o, FILE *out, FILE *err)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	const struct proc_row **rows = NULL;
	size_t cap = 0;
	struct strbuf sb;
	sb_init(&sb);
	struct spill_ctx sc = {out, 0};
	sb.spill = spill_to_file;
	sb.spill_ctx = &sc;
	sb.spill_at = BATCH_SPILL_BYTES;
	int status = 0;
	int64_t interval_ms = (int64_t)(o->delay_s * 1000.0 + 0.5);
	int64_t next = util_mono_ms();
	for (long i = 0; !stop_requested && (o->iterations == 0 || i < o->iterations); i++) {
		if (i > 0) {
			next += interval_ms;
			if (next < util_mono_ms() - interval_ms) /* fell far behind: don't burst */
				next = util_mono_ms();
			sleep_until(next);
			if (stop_requested)
				break;
		}
		int rc = collector_refresh(c);
		if (rc < 0) {
			fprintf(err, "oomtop: cannot collect: %s\n", strerror(-rc));
			status = 1;
			break;
		}
		const struct snapshot *s = collector_snapshot(c);
		size_t n = batch_select(s, o, &rows, &cap);
		struct output_view v = {s, rows, n};
		sb_reset(&sb);
		switch (o->format) {
		case OUTPUT_TEXT: output_text(&sb, &v); break;
		case OUTPUT_JSON: output_json(&sb, &v); break;
		case OUTPUT_PROMETHEUS: output_prom(&sb, &v); break;
		}
		if (sb.oom) {
			fprintf(err, "oomtop: out of memory formatting the snapshot\n");
			status = 1;
			break;
		}
		if (!sb.spill_failed && ((sb.len && !spill_to_file(&sc, sb.buf, sb.len)) || fflush(out) != 0))
			sb.spill_failed = true;
		if (sb.spill_failed) {
			int e = sc.err ? sc.err : errno;
			if (e != EPIPE)
				fprintf(err, "oomtop: cannot write output: %s\n", strerror(e));
			status = e == EPIPE ? 0 : 1;
			break;
		}
	}
	sb_free(&sb);
	free(rows);
	return status;
}
