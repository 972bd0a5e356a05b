/* tui/pane/cgroups.h — memory cgroups as a tree (or flat, fullest first): usage, limit
 * (the effective one; "^" when it is inherited from an ancestor), high, a usage/limit
 * bar with a mark at high, percent of the effective limit, slope, ETA to the limit, OOM
 * kills, PSI, process count, the next victim. A mark column shows '!' at or over the
 * threshold (settings: threshold=80). */
#ifndef OOMTOP_TUI_PANE_CGROUPS_H
#define OOMTOP_TUI_PANE_CGROUPS_H

#include "tui/state.h"

void pane_cgroups_draw(struct tui *t, struct rect r);

#endif
