/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/pane/header.h — the header: the host line (name, uptime, refresh interval, leak
 * window, clock), the memory and swap meters (used/total, growth, time to exhaustion;
 * on ZFS the ARC above its minimum counts as available, and the meter says so), PSI,
 * the OOM kill counter and the next victim. In history mode (tui/model/travel.h) the host
 * line is drawn in the history colours instead: RECORDED, the moment's date and time, how
 * long ago, and how to get back to live. Smaller terminals get fewer lines: the meters
 * side by side (3 lines), a one-line summary (1–2 lines). */
#ifndef OOMTOP_TUI_PANE_HEADER_H
#define OOMTOP_TUI_PANE_HEADER_H

#include "tui/state.h"

void pane_header_draw(struct tui *t, struct rect r);

#endif
