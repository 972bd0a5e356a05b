/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/view/units.h — the OOM kills grouped by unit, over the whole screen (F5 / r in the
 * OOM pane): per unit (or, without one, per victim name) its kills, over how long, how
 * often ("every 4h10m ± 20m"), the last and when the next is due — the figures of
 * `oomtop --events --by-unit` (core/estimate/unit_rhythm.h), from the kills the snapshot
 * keeps. Enter lists one unit's kills (view_unit_kills_draw: its rhythm in words, then the
 * OOM pane's table of its kills); Esc goes back a step. Both select (t->uv, t->ukills). */
#ifndef OOMTOP_TUI_VIEW_UNITS_H
#define OOMTOP_TUI_VIEW_UNITS_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/state.h"

void view_units_draw(struct tui *t, struct rect r);
void view_unit_kills_draw(struct tui *t, struct rect r);

/* The selected unit's line for the status line, as `--by-unit` prints it (its name
 * uncut); false when none is selected. */
bool view_units_describe(const struct tui *t, char *buf, size_t n);

#endif
