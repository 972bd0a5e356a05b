#include "config.h"
#include "app/cmd_batch.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

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
	if (fwrite(buf, 1, len, bo->out) != len) {
		bo->write_errno = errno ? errno : EIO;
		return false;
	}
	return true;
}

void cmd_batch_out_init(struct cmd_batch_out *bo, FILE *out)
{
	memset(bo, 0, sizeof(*bo));
	bo->out = out;
	sb_init(&bo->sb);
	bo->sb.spill = spill_to_file;
	bo->sb.spill_ctx = bo;
	bo->sb.spill_at = BATCH_SPILL_BYTES;
}

bool cmd_batch_out_print(struct cmd_batch_out *bo, const struct snapshot *s, const struct run_config *rc, FILE *err,
                         int *status)
{
	struct strbuf *sb = &bo->sb;
	size_t n = cmd_batch_select(s, rc, &bo->rows, &bo->cap);
	struct output_view v = {s, bo->rows, n};
	sb_reset(sb);
	switch (rc->format) {
	case OUTPUT_TEXT: output_text(sb, &v); break;
	case OUTPUT_JSON: output_json(sb, &v); break;
	case OUTPUT_PROMETHEUS: output_prom(sb, &v); break;
	}
	if (sb->oom) {
		fprintf(err, "oomtop: out of memory formatting the snapshot\n");
		*status = 1;
		return false;
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
	cmd_batch_out_init(&bo, out);
	int status = 0;
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
	return status;
}
