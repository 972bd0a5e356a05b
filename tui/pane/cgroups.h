/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/pane/cgroups.h — memory cgroups as a tree (or flat, in a sort order): usage, the
 * working set (usage - inactive file: what presses on the limit), limit (the effective
 * one; "^" when it is inherited from an ancestor), high (in the high_mark style when over
 * it: throttled), a bar of the working set with the reclaimable rest lighter beside it and
 * a mark at high, percent of the effective limit, the working set's slope, the ETA
 * (cgview_eta_label: "^" an ancestor's limit, "high" throttled), OOM kills, PSI (flagged
 * at CGVIEW_PSI_STALL_PCT), process count, the next victim. A mark column shows '!' when
 * the working set is at or over the threshold (settings: threshold=80). */
#ifndef OOMTOP_TUI_PANE_CGROUPS_H
#define OOMTOP_TUI_PANE_CGROUPS_H

#include "tui/state.h"

void pane_cgroups_draw(struct tui *t, struct rect r);

#endif
