/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/cmd_batch.h — `--batch`: refresh, select and sort the processes, print one snapshot
 * in the chosen format, wait for the next tick; `-n` refreshes, or until a stop signal
 * (app/signals.h). Returns the exit status for main: 0, 1 when the collector fails or the
 * output cannot be written, 128 + N when stop signal N ended it. */
#ifndef OOMTOP_APP_CMD_BATCH_H
#define OOMTOP_APP_CMD_BATCH_H

#include <stdbool.h>
#include <stdio.h>

#include "app/run_config.h"
#include "core/base/strbuf.h"
#include "core/base/userfile.h"
#include "core/collector.h"

/* Processes of the snapshot that pass rc->filter (-p -u -c; no kernel threads, ghosts
 * kept), sorted by the merged sort key; *rows is grown as needed (caller frees). */
size_t cmd_batch_select(const struct snapshot *s, const struct run_config *rc,
                        const struct proc_row ***rows, size_t *cap);

/* --output=FILE split into its directory ("." when it has none) and its name (pointing
 * into path). False when path names no file or the directory does not fit in dirlen. */
bool cmd_batch_output_split(const char *path, char *dir, size_t dirlen, const char **name);

/* Where snapshots are printed (batch mode and --at): streamed to out, or with an output
 * path, each snapshot replacing that file whole (core/base/userfile.h, USERFILE_NAMED: the
 * operator chose the place). The rows chosen for each are kept between snapshots.
 * init (0, or 2 with the reason said on err when the path names no file), print per
 * snapshot, free. */
struct cmd_batch_out {
	FILE *out;
	const char *path;          /* --output, or NULL for out */
	char dir[4096];
	const char *name;          /* path's file name */
	struct userfile_out file;  /* while a snapshot is written to path */
	bool in_file;
	struct strbuf sb;
	int write_errno; /* of the failed write */
	const struct proc_row **rows;
	size_t cap;
};
int cmd_batch_out_init(struct cmd_batch_out *bo, FILE *out, const char *output_path, FILE *err);

/* Print s in rc's format, its processes chosen and sorted by cmd_batch_select. False
 * when the run must stop, with the exit status in *status: 1 out of memory or a failed
 * write (said on err), 0 when the reader went away (EPIPE). */
bool cmd_batch_out_print(struct cmd_batch_out *bo, const struct snapshot *s, const struct run_config *rc, FILE *err,
                         int *status);
void cmd_batch_out_free(struct cmd_batch_out *bo);

/* --detail without -p reads the costly fields of this many processes: the first ones
 * printed (smaps_rollup and up to PROC_DETAIL_MAX_LINKS readlinks each: a refresh stays
 * cheap); with -p, of every pid named. */
#define CMD_BATCH_DETAIL_TOP 10

/* With rc->detail, the collector reads the costly fields (core/proc/detail.h) of the
 * processes printed first (CMD_BATCH_DETAIL_TOP, or every -p pid) at every refresh. */
int cmd_batch_run(struct collector *c, const struct run_config *rc, FILE *out, FILE *err);

#endif
