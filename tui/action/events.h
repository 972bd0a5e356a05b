/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/action/events.h — the OOM kills: opening a kill's episode (Enter in the OOM pane),
 * the episode view's task table order, the kills grouped by unit (F5 / r in the OOM pane)
 * and one unit's kills (Enter there; Enter again opens a kill's episode, Esc goes back a
 * step: tui/action/nav.h). Each returns R_* flags. */
#ifndef OOMTOP_TUI_ACTION_EVENTS_H
#define OOMTOP_TUI_ACTION_EVENTS_H

#include "tui/state.h"

unsigned action_events_open(struct tui *t);
unsigned action_events_episode_sort(struct tui *t);
/* Open the episode of snapshot event idx (< snap->nevents) over the whole screen; Esc
 * returns to the main screen, or to the detail view it was opened from. */
unsigned action_events_open_episode(struct tui *t, int idx);

unsigned action_events_units(struct tui *t);
unsigned action_events_unit_kills(struct tui *t);
unsigned action_events_unit_kill_open(struct tui *t);

#endif
