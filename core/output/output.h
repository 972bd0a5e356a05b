/* core/output.h — batch output formats: text (like top -b), JSON (DESIGN §4, one object
 * per refresh per line) and Prometheus exposition text. Each appends to a strbuf; the
 * caller writes it out. `rows` are the processes to show, already filtered and sorted;
 * cgroups and system values come from the snapshot. Pure. */
#ifndef OOMTOP_OUTPUT_H
#define OOMTOP_OUTPUT_H

#include "core/model.h"
#include "core/base/strbuf.h"

enum out_format { OUT_TEXT, OUT_JSON, OUT_PROMETHEUS };

struct out_view {
	const struct snapshot *snap;
	const struct proc_row *const *rows;
	size_t nrows;
};

void out_text(struct strbuf *sb, const struct out_view *v);
void out_json(struct strbuf *sb, const struct out_view *v);
/* Per-process series only for the first OUT_PROM_MAX_PROCS rows with a known leak rate. */
#define OUT_PROM_MAX_PROCS 20
void out_prom(struct strbuf *sb, const struct out_view *v);

#endif
