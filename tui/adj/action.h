/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/adj/action.h — oom_score_adj from the process pane: ] and [ step the selected (or
 * every tagged) process by 100 (in the detail view: the process it shows, tags aside), `a` types a value, `p` offers presets, Space tags rows,
 * U untags, z undoes. A change that enters the protected zone (≤ -900) or touches a
 * tagged group asks first (y); every write goes through core/control/oom_adj.c and its
 * result, or the kernel's refusal and why, goes to the status line. --readonly refuses
 * every write. Each returns R_* flags (tui/reaction.h). */
#ifndef OOMTOP_TUI_ADJ_ACTION_H
#define OOMTOP_TUI_ADJ_ACTION_H

#include "tui/state.h"

unsigned adj_action_up(struct tui *t);
unsigned adj_action_down(struct tui *t);
unsigned adj_action_type(struct tui *t);
unsigned adj_action_presets(struct tui *t);
unsigned adj_action_undo(struct tui *t);
/* Tag or untag the selected process, then select the next row. */
unsigned adj_action_tag(struct tui *t);
unsigned adj_action_untag_all(struct tui *t);

#endif
