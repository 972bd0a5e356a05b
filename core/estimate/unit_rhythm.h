/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/estimate/unit_rhythm.h — OOM kills grouped by what was killed, each group with its
 * rhythm (core/estimate/rhythm.h): `oomtop --events --by-unit` and the screen's by-unit view
 * group the same way. A kill belongs to the victim's unit; a kill with no unit known to the
 * victim's name ("python3 (no unit)"); a kill that names neither to one group of its own.
 * Pure: events in, groups out.
 */
#ifndef OOMTOP_UNIT_RHYTHM_H
#define OOMTOP_UNIT_RHYTHM_H

#include <stdbool.h>
#include <stddef.h>

#include "core/estimate/rhythm.h"
#include "core/klog/oom_event.h"

#define UNIT_RHYTHM_UNNAMED "(victim not named)" /* the name of kills that name no victim */

struct unit_rhythm {
	struct rhythm r;  /* r.key is internal: compare groups with unit_rhythm_has() */
	const char *name; /* the unit, or the victim's name (owned by the set) */
	bool is_unit;     /* name is a unit; else a process name (or UNIT_RHYTHM_UNNAMED) */
};

struct unit_rhythms {
	struct unit_rhythm *v; /* in rhythm_compute's order: most kills first */
	size_t n;
	char **keys; /* storage of the names, one per event */
	size_t nkeys;
};

/* Groups evs[0..n) (their time_unix_s; NAN ones are counted, not timed). out is
 * overwritten; free it with unit_rhythm_free() (also after a failure). Returns 0 or -ENOMEM
 * (out empty). */
int unit_rhythm_group(const struct oom_event *evs, size_t n, struct unit_rhythms *out);

/* The group ev belongs to: its name (a unit, the victim's name or UNIT_RHYTHM_UNNAMED; points
 * into ev or is static) and whether it is a unit. */
const char *unit_rhythm_name_of(const struct oom_event *ev, bool *is_unit);

/* Is ev one of g's kills? */
bool unit_rhythm_has(const struct unit_rhythm *g, const struct oom_event *ev);

void unit_rhythm_free(struct unit_rhythms *rs);

#endif
