/* tui/action/events.h — the OOM kills: opening a kill's episode (Enter in the OOM pane)
 * and the episode view's task table order. Each returns R_* flags. */
#ifndef OOMTOP_TUI_ACTION_EVENTS_H
#define OOMTOP_TUI_ACTION_EVENTS_H

#include "tui/state.h"

unsigned action_events_open(struct tui *t);
unsigned action_events_episode_sort(struct tui *t);
/* Open the episode of snapshot event idx (< snap->nevents) over the whole screen. */
unsigned action_events_open_episode(struct tui *t, int idx);

#endif
