/* app/cmd_batch.h — `--batch`: refresh, select and sort the processes, print one snapshot
 * in the chosen format, wait for the next tick; `-n` refreshes, or until a stop signal
 * (app/signals.h). Returns the exit status for main (0, or 1 when the collector fails or
 * stdout breaks). */
#ifndef OOMTOP_APP_CMD_BATCH_H
#define OOMTOP_APP_CMD_BATCH_H

#include <stdbool.h>
#include <stdio.h>

#include "app/run_config.h"
#include "core/base/strbuf.h"
#include "core/collector.h"

/* Processes of the snapshot that pass rc->filter (-p -u -c; no kernel threads, ghosts
 * kept), sorted by the merged sort key; *rows is grown as needed (caller frees). */
size_t cmd_batch_select(const struct snapshot *s, const struct run_config *rc,
                        const struct proc_row ***rows, size_t *cap);

/* Where snapshots are printed: streamed to out, the rows chosen for each kept between
 * snapshots. init, print per snapshot, free. */
struct cmd_batch_out {
	FILE *out;
	struct strbuf sb;
	int write_errno; /* of the failed write */
	const struct proc_row **rows;
	size_t cap;
};
void cmd_batch_out_init(struct cmd_batch_out *bo, FILE *out);

/* Print s in rc's format, its processes chosen and sorted by cmd_batch_select. False
 * when the run must stop, with the exit status in *status: 1 out of memory or a failed
 * write (said on err), 0 when the reader went away (EPIPE). */
bool cmd_batch_out_print(struct cmd_batch_out *bo, const struct snapshot *s, const struct run_config *rc, FILE *err,
                         int *status);
void cmd_batch_out_free(struct cmd_batch_out *bo);

int cmd_batch_run(struct collector *c, const struct run_config *rc, FILE *out, FILE *err);

#endif
