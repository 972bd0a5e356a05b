/* app/cmd_batch.h — `--batch`: refresh, select and sort the processes, print one snapshot
 * in the chosen format, wait for the next tick; `-n` refreshes, or until a stop signal
 * (app/signals.h). Returns the exit status for main: 0, 1 when the collector fails or the
 * output cannot be written, 128 + N when stop signal N ended it. */
#ifndef OOMTOP_APP_CMD_BATCH_H
#define OOMTOP_APP_CMD_BATCH_H

#include <stdbool.h>
#include <stdio.h>

#include "app/run_config.h"
#include "core/collector.h"

/* Processes of the snapshot that pass rc->filter (-p -u -c; no kernel threads, ghosts
 * kept), sorted by the merged sort key; *rows is grown as needed (caller frees). */
size_t cmd_batch_select(const struct snapshot *s, const struct run_config *rc,
                        const struct proc_row ***rows, size_t *cap);

/* --output=FILE split into its directory ("." when it has none) and its name (pointing
 * into path). False when path names no file or the directory does not fit in dirlen. */
bool cmd_batch_output_split(const char *path, char *dir, size_t dirlen, const char **name);

/* Each snapshot to out, or with rc->output_path to that file, replacing it whole every
 * refresh (core/base/userfile.h, USERFILE_NAMED: the operator chose the place). */
int cmd_batch_run(struct collector *c, const struct run_config *rc, FILE *out, FILE *err);

#endif
