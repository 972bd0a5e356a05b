/* core/output/prom.h — a snapshot as Prometheus exposition text: system and cgroup gauges,
 * and per-process series for the steepest leakers only. Pure. */
#ifndef OOMTOP_OUTPUT_PROM_H
#define OOMTOP_OUTPUT_PROM_H

#include "core/base/strbuf.h"
#include "core/output/output.h"

/* Per-process series only for the first OUTPUT_PROM_MAX_PROCS rows with a known leak rate. */
#define OUTPUT_PROM_MAX_PROCS 20

/* Append every metric family for v to sb. */
void output_prom(struct strbuf *sb, const struct output_view *v);

#endif
