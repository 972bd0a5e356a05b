/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/action/procs.h — the process list: which processes it holds (kernel threads,
 * exited ones), and what Enter and c do on its selected row (its detail view, or the
 * kill's episode of a K row; the process's cgroup). Tagging and oom_score_adj are tui/adj/action.h's.
 * Each returns R_* flags. */
#ifndef OOMTOP_TUI_ACTION_PROCS_H
#define OOMTOP_TUI_ACTION_PROCS_H

#include "tui/state.h"

unsigned action_procs_toggle_kthreads(struct tui *t);
unsigned action_procs_toggle_ghosts(struct tui *t);
/* Enter: the selected process's detail view, or an OOM-killed row's episode. */
unsigned action_procs_open(struct tui *t);
unsigned action_procs_cgroup(struct tui *t);

#endif
