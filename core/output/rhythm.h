/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/output/rhythm.h — `oomtop --events --by-unit`: one line per unit with its kills and
 * their rhythm (core/estimate/rhythm.h), as text or JSON. Both append to a strbuf without a
 * trailing newline. now_unix_s tells whether the next kill is overdue.
 *
 * Text:  photo.service: 6 kills in 20h50m, every 4h10m ± 20m, last 02:14, next ≈ 06:24
 *        (clock times local; a date when not within a day of now; "(overdue)" when next is
 *        past; "1 kill", "kills at once", "every 4h10m (one interval)" where the figures
 *        stop)
 * JSON:  {"schema": 2, "unit": "photo.service", "process": null, "kills": 6, "episodes": 6,
 *         "first": <unix s>, "last": <unix s>, "interval": <s>, "spread": <s>,
 *         "next": <unix s>, "overdue": false}
 *        unknown figures are null; "process" names kills that had no unit (keyed by the
 *        victim's name instead).
 */
#ifndef OOMTOP_OUTPUT_RHYTHM_H
#define OOMTOP_OUTPUT_RHYTHM_H

#include <stddef.h>

#include "core/base/strbuf.h"
#include "core/estimate/rhythm.h"

/* A moment as these lines show it: "02:14" within a day of now, else "2025-05-19 02:14"
 * (local time); "-" for NAN. Returns buf. */
char *output_rhythm_clock(char *buf, size_t n, double t, double now_unix_s);

/* label: what the line is about ("photo.service", or "python3 (no unit)"). */
void output_rhythm_text(const struct rhythm *r, const char *label, double now_unix_s,
			struct strbuf *sb);

/* unit or process (the other NULL). */
void output_rhythm_json(const struct rhythm *r, const char *unit, const char *process,
			double now_unix_s, struct strbuf *sb);

#endif
