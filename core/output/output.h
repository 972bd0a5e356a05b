/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/output/output.h — what the batch output formats share: which format, and the view
 * they render. Each format appends to a strbuf that the caller writes out, and is pure:
 * text (like top -b, text.h), JSON (docs/json.md, one object per refresh per line, json.h),
 * Prometheus exposition text (docs/prometheus.md, prom.h). */
#ifndef OOMTOP_OUTPUT_H
#define OOMTOP_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"

enum output_format { OUTPUT_TEXT, OUTPUT_JSON, OUTPUT_PROMETHEUS };

/* `rows` are the processes to show, already filtered and sorted; cgroups and system values
 * come from the snapshot. With `detail` (--detail), the costly fields the snapshot has for
 * a row (snapshot.details) are printed too. */
struct output_view {
	const struct snapshot *snap;
	const struct proc_row *const *rows;
	size_t nrows;
	bool detail;
};

#endif
