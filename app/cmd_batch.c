#include "config.h"
#include "app/cmd_batch.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/diag.h"
#include "app/signals.h"
#include "core/output/json.h"
#include "core/output/output.h"
#include "core/output/prom.h"
#include "core/output/text.h"
#include "core/proc/filter.h"
#include "core/base/strbuf.h"
#include "core/base/userfile.h"
#include "core/base/util.h"
#include "core/output/output.h"

size_t cmd_batch_select(const struct snapshot *s, const struct run_config *rc,
                        const struct proc_row ***rows, size_t *cap)
{
	if (!util_grow((void **)rows, cap, s->nprocs + 1, sizeof(**rows)))
		return 0;
	size_t n = 0;
	for (size_t i = 0; i < s->nprocs; i++)
		if (proc_filter_matches(s->procs[i], &rc->filter))
			(*rows)[n++] = s->procs[i];
	proc_sort(*rows, n, (enum sort_key)rc->set.sort, rc->set.sort_reverse);
	return n;
}

/* Batch output is streamed in pieces of this size: a snapshot of 10,000 processes is
 * megabytes of JSON, and the peak RSS would otherwise hold all of it. */
#define BATCH_SPILL_BYTES (64 * 1024)

struct spill_ctx {
	FILE *out;                 /* where snapshots go without --output (stdout) */
	struct userfile_out *file; /* with --output: its temporary file, while a snapshot is written */
	int err;                   /* errno of the failed write */
};

static bool spill_to_file(void *ctx, const char *buf, size_t len)
{
	struct spill_ctx *sc = ctx;
	if (sc->file) {
		int rc = userfile_append(sc->file, buf, len);
		sc->err = -rc;
		return rc == 0;
	}
	if (fwrite(buf, 1, len, sc->out) != len) {
		sc->err = errno ? errno : EIO;
		return false;
	}
	return true;
}

bool cmd_batch_output_split(const char *path, char *dir, size_t dirlen, const char **name)
{
	const char *slash = strrchr(path, '/');
	*name = slash ? slash + 1 : path;
	int w = slash == path ? snprintf(dir, dirlen, "/")
	        : slash      ? snprintf(dir, dirlen, "%.*s", (int)(slash - path), path)
	                     : snprintf(dir, dirlen, ".");
	return w > 0 && (size_t)w < dirlen && (*name)[0];
}

/* --output: the snapshot in sb (and what spilled before) replaces the file whole. */
static int output_commit(struct userfile_out *uf, const char *path, bool failed, FILE *err)
{
	char why[600];
	if (failed) {
		int e = uf->err ? uf->err : EIO;
		userfile_abort(uf);
		diag(err, "cannot write %s: %s", path, strerror(e));
		return 1;
	}
	if (userfile_commit(uf, why, sizeof(why)) < 0) {
		diag(err, "%s", why);
		return 1;
	}
	return 0;
}

/* Sleep until the monotonic deadline, waking early on a stop signal. */
static void sleep_until(int64_t deadline_ms)
{
	while (!signals_stop()) {
		int64_t left = deadline_ms - util_mono_ms();
		if (left <= 0)
			return;
		struct timespec ts = {left / 1000, (left % 1000) * 1000000};
		if (nanosleep(&ts, NULL) == 0)
			return;
	}
}

int cmd_batch_run(struct collector *c, const struct run_config *rc, FILE *out, FILE *err)
{
	const struct proc_row **rows = NULL;
	size_t cap = 0;
	struct strbuf sb;
	sb_init(&sb);
	struct spill_ctx sc = {out, NULL, 0};
	struct userfile_out uf;
	char dir[4096] = ".";
	const char *name = NULL;
	if (rc->output_path && !cmd_batch_output_split(rc->output_path, dir, sizeof(dir), &name)) {
		diag(err, "--output: '%s' does not name a file", rc->output_path);
		return 2;
	}
	sb.spill = spill_to_file;
	sb.spill_ctx = &sc;
	sb.spill_at = BATCH_SPILL_BYTES;
	int status = 0;
	int64_t interval_ms = (int64_t)(rc->set.delay_s * 1000.0 + 0.5);
	int64_t next = util_mono_ms();
	for (long i = 0; !signals_stop() && (rc->iterations == 0 || i < rc->iterations); i++) {
		if (i > 0) {
			next += interval_ms;
			if (next < util_mono_ms() - interval_ms) /* fell far behind: don't burst */
				next = util_mono_ms();
			sleep_until(next);
			if (signals_stop())
				break;
		}
		int ret = collector_refresh(c);
		if (ret < 0) {
			fprintf(err, "oomtop: cannot collect: %s\n", strerror(-ret));
			status = 1;
			break;
		}
		const struct snapshot *s = collector_snapshot(c);
		size_t n = cmd_batch_select(s, rc, &rows, &cap);
		struct output_view v = {s, rows, n};
		if (name) {
			char why[600];
			/* mode 0644: node_exporter reads it as its own user; no fsync, it is rewritten
			 * every refresh (core/base/userfile.h) */
			if (userfile_begin(&uf, dir, name, 0644, USERFILE_NAMED | USERFILE_NO_SYNC, why, sizeof(why)) < 0) {
				diag(err, "%s", why);
				status = 1;
				break;
			}
			sc.file = &uf;
		}
		sb_reset(&sb);
		switch (rc->format) {
		case OUTPUT_TEXT: output_text(&sb, &v); break;
		case OUTPUT_JSON: output_json(&sb, &v); break;
		case OUTPUT_PROMETHEUS: output_prom(&sb, &v); break;
		}
		if (sb.oom) {
			if (sc.file)
				userfile_abort(&uf);
			fprintf(err, "oomtop: out of memory formatting the snapshot\n");
			status = 1;
			break;
		}
		if (sc.file) {
			bool failed = sb.spill_failed || (sb.len && !spill_to_file(&sc, sb.buf, sb.len));
			sc.file = NULL;
			if (output_commit(&uf, rc->output_path, failed, err) != 0) {
				status = 1;
				break;
			}
			continue;
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
	/* ended by SIGTERM, SIGINT or SIGHUP: 128 + N, as a shell reports a killed command, so
	 * a timer or a script does not take an interrupted run for a complete one */
	if (status == 0 && signals_stop())
		status = 128 + signals_stop();
	return status;
}
