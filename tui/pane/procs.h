/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/pane/procs.h — the process table: PID USER CGROUP RSS RSS/h SWAP SCORE ADJ FDS
 * FD/h THR COMMAND (the columns of tui/model/proc_columns.h the settings enable, as many as
 * fit). A one-cell mark column comes first: V next OOM victim in its scope, K killed by
 * the OOM killer (ghost), x exited (ghost). A tagged row (Space) has a '*' before its pid
 * and the `tagged` colour. The header marks the sort column and counts shown/all. */
#ifndef OOMTOP_TUI_PANE_PROCS_H
#define OOMTOP_TUI_PANE_PROCS_H

#include "tui/state.h"

void pane_procs_draw(struct tui *t, struct rect r);

#endif
