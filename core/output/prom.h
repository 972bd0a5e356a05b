/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/output/prom.h — a snapshot as Prometheus exposition text: system and cgroup gauges
 * and counters (PSI also as _seconds_total counters, as node_exporter exports it), and
 * per-process series for a bounded set of processes: the steepest leakers, or while no
 * leak rate is known yet (`-n 1`) the largest by RSS; each process family's HELP says
 * which. Docs: docs/prometheus.md. Pure. */
#ifndef OOMTOP_OUTPUT_PROM_H
#define OOMTOP_OUTPUT_PROM_H

#include "core/base/strbuf.h"
#include "core/output/output.h"

/* Per-process series for at most this many processes. */
#define OUTPUT_PROM_MAX_PROCS 20

/* Append every metric family for v to sb. */
void output_prom(struct strbuf *sb, const struct output_view *v);

#endif
