/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/pane/events.h — the OOM kills, newest first: when, the killer (the kernel,
 * systemd-oomd, earlyoom, nohang), the victim (a pid and name, or the cgroup a user-space
 * killer killed whole), its unit, the scope and cgroup of the kill, what the victim held,
 * its oom_score_adj, who invoked the kernel's killer or why a user-space one acted. Kills
 * of earlier boots are marked (b) and dimmed. Empty, it says why (no kills logged, or the
 * kernel log is closed to us and how many kills the kernel counted). Columns are dropped
 * by priority as the width shrinks (tui/layout.h). */
#ifndef OOMTOP_TUI_PANE_EVENTS_H
#define OOMTOP_TUI_PANE_EVENTS_H

#include <stdbool.h>

#include "tui/state.h"

void pane_events_draw(struct tui *t, struct rect r);

/* The table alone, of the kills v lists (its header on r's first line): the pane's, and
 * one unit's in the by-unit view (tui/view/units.h). */
void pane_events_table_draw(struct tui *t, struct rect r, struct evview *v, bool focused);

#endif
