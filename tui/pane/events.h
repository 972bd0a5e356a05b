/* tui/pane/events.h — the kernel's OOM kills, newest first: when, the victim, the scope
 * and cgroup of the kill, what the victim held, its oom_score_adj, who invoked the OOM
 * killer. Empty, it says why (no kills logged, or the kernel log is closed to us and
 * how many kills the kernel counted). */
#ifndef OOMTOP_TUI_PANE_EVENTS_H
#define OOMTOP_TUI_PANE_EVENTS_H

#include "tui/state.h"

void pane_events_draw(struct tui *t, struct rect r);

#endif
