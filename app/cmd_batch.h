/* core/batch.h — `--batch`: refresh, select and sort the processes, print one snapshot in
 * the chosen format, wait for the next tick; `-n` refreshes, or until SIGINT/SIGTERM.
 * Returns the exit status for main (0, or 1 when the collector fails or stdout breaks). */
#ifndef OOMTOP_BATCH_H
#define OOMTOP_BATCH_H

#include <stdio.h>

#include "app/options.h"
#include "core/collector.h"

/* Processes of the snapshot selected by the options (-p -u -c, no kernel threads, ghosts
 * kept) and sorted by o->sort; *rows is reallocated as needed (caller frees). */
size_t batch_select(const struct snapshot *s, const struct options *o, const struct proc_row ***rows,
		    size_t *cap);

int batch_run(struct collector *c, const struct options *o, FILE *out, FILE *err);

#endif
