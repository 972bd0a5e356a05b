/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "app/cmd_batch.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "app/diag.h"
#include "app/signals.h"
#include "core/output/json.h"
#include "core/output/output.h"
#include "core/output/prom.h"
#include "core/output/text.h"
#include "core/proc/filter.h"
#include "core/base/util.h"

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

static bool spill_to_file(void *ctx, const char *buf, size_t len)
{
	struct cmd_batch_out *bo = ctx;
	if (bo->in_file) {
		int rc = userfile_append(&bo->file, buf, len);
		bo->write_errno = -rc;
		return rc == 0;
	}
	if (fwrite(buf, 1, len, bo->out) != len) {
		bo->write_errno = errno ? errno : EIO;
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

int cmd_batch_out_init(struct cmd_batch_out *bo, FILE *out, const char *output_path, FILE *err)
{
	memset(bo, 0, sizeof(*bo));
	bo->out = out;
	sb_init(&bo->sb);
	bo->sb.spill = spill_to_file;
	bo->sb.spill_ctx = bo;
	bo->sb.spill_at = BATCH_SPILL_BYTES;
	if (output_path && !cmd_batch_output_split(output_path, bo->dir, sizeof(bo->dir), &bo->name)) {
		diag(err, "--output: '%s' does not name a file", output_path);
		return 2;
	}
	bo->path = output_path;
	return 0;
}

/* --output: the snapshot in sb (and what spilled before) replaces the file whole. */
static bool output_commit(struct cmd_batch_out *bo, bool failed, FILE *err)
{
	char why[600];
	bo->in_file = false;
	if (failed) {
		int e = bo->file.err ? bo->file.err : bo->write_errno ? bo->write_errno : EIO;
		userfile_abort(&bo->file);
		diag(err, "cannot write %s: %s", bo->path, strerror(e));
		return false;
	}
	if (userfile_commit(&bo->file, why, sizeof(why)) < 0) {
		diag(err, "%s", why);
		return false;
	}
	return true;
}

bool cmd_batch_out_print(struct cmd_batch_out *bo, const struct snapshot *s, const struct run_config *rc, FILE *err,
                         int *status)
{
	struct strbuf *sb = &bo->sb;
	size_t n = cmd_batch_select(s, rc, &bo->rows, &bo->cap);
	struct output_view v = {s, bo->rows, n, rc->detail};
	if (bo->path) {
		char why[600];
		/* mode 0644: node_exporter reads it as its own user; no fsync, it is rewritten
		 * every refresh (core/base/userfile.h) */
		if (userfile_begin(&bo->file, bo->dir, bo->name, 0644, USERFILE_NAMED | USERFILE_NO_SYNC, why,
		                   sizeof(why)) < 0) {
			diag(err, "%s", why);
			*status = 1;
			return false;
		}
		bo->in_file = true;
	}
	sb_reset(sb);
	switch (rc->format) {
	case OUTPUT_TEXT: output_text(sb, &v); break;
	case OUTPUT_JSON: output_json(sb, &v); break;
	case OUTPUT_PROMETHEUS: output_prom(sb, &v); break;
	}
	if (sb->oom) {
		if (bo->in_file) {
			bo->in_file = false;
			userfile_abort(&bo->file);
		}
		fprintf(err, "oomtop: out of memory formatting the snapshot\n");
		*status = 1;
		return false;
	}
	if (bo->in_file) {
		bool failed = sb->spill_failed || (sb->len && !spill_to_file(bo, sb->buf, sb->len));
		if (!output_commit(bo, failed, err)) {
			*status = 1;
			return false;
		}
		return true;
	}
	if (!sb->spill_failed && ((sb->len && !spill_to_file(bo, sb->buf, sb->len)) || fflush(bo->out) != 0))
		sb->spill_failed = true;
	if (sb->spill_failed) {
		int e = bo->write_errno ? bo->write_errno : errno;
		if (e != EPIPE)
			fprintf(err, "oomtop: cannot write output: %s\n", strerror(e));
		*status = e == EPIPE ? 0 : 1;
		return false;
	}
	return true;
}

void cmd_batch_out_free(struct cmd_batch_out *bo)
{
	sb_free(&bo->sb);
	free(bo->rows);
}

int cmd_batch_run(struct collector *c, const struct run_config *rc, FILE *out, FILE *err)
{
	struct cmd_batch_out bo;
	int status = cmd_batch_out_init(&bo, out, rc->output_path, err);
	if (status)
		return status;
	if (rc->detail)
		collector_detail_top(c, &rc->filter, (enum sort_key)rc->set.sort, rc->set.sort_reverse,
				     rc->filter.npids ? rc->filter.npids : CMD_BATCH_DETAIL_TOP);
	int64_t interval_ms = (int64_t)(rc->set.delay_s * 1000.0 + 0.5);
	int64_t next = util_mono_ms();
	for (long i = 0; !signals_stop() && (rc->iterations == 0 || i < rc->iterations); i++) {
		if (i > 0 && !signals_wait_tick(&next, interval_ms))
			break;
		int ret = collector_refresh(c);
		if (ret < 0) {
			fprintf(err, "oomtop: cannot collect: %s\n", strerror(-ret));
			status = 1;
			break;
		}
		if (!cmd_batch_out_print(&bo, collector_snapshot(c), rc, err, &status))
			break;
	}
	cmd_batch_out_free(&bo);
	/* ended by SIGTERM, SIGINT or SIGHUP: 128 + N, as a shell reports a killed command, so
	 * a timer or a script does not take an interrupted run for a complete one */
	if (status == 0 && signals_stop())
		status = 128 + signals_stop();
	return status;
}
