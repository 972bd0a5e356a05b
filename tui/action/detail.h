/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/action/detail.h — one process opened (tui/view/detail.h): F5 or Enter on a process
 * opens the view (and the loop has the collector read its costly fields: collector_watch
 * in tui/app.c), Esc closes it (tui/action/nav.h), `e` opens the episode of its OOM kill.
 * The adj keys act on the process it shows (tui/adj/action.c asks action_detail_row).
 * Each returns R_* flags. */
#ifndef OOMTOP_TUI_ACTION_DETAIL_H
#define OOMTOP_TUI_ACTION_DETAIL_H

#include "tui/state.h"

/* Open the view on the process selected in the process pane (live only: in history mode
 * a recorded moment's processes have no files to read). */
unsigned action_detail_open(struct tui *t);
/* The kill's episode of the process shown, when it was OOM-killed; Esc comes back. */
unsigned action_detail_episode(struct tui *t);

/* The row of the process the view shows in the current snapshot (running or a ghost), or
 * NULL (closed, or the process is in no row any more). */
const struct proc_row *action_detail_row(const struct tui *t);

#endif
