/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/action/travel.h — history mode's keys (tui/model/travel.h): step the whole screen
 * back and forward through the recording (`,` `.` a moment, `b` `f` a minute), go to a
 * typed time (`g`), back to live (`L`), and from a kill (the OOM pane, one unit's kills, an
 * episode: `B`) to the recorded moment shortly before it. While a moment is shown the
 * collector goes on refreshing (back to live is instant) and writes are refused
 * (actions.h: actions_live_only). Without a recording each key says why there is none.
 * Each returns R_* flags (tui/reaction.h). */
#ifndef OOMTOP_TUI_ACTION_TRAVEL_H
#define OOMTOP_TUI_ACTION_TRAVEL_H

#include "tui/state.h"

unsigned action_travel_prev(struct tui *t);
unsigned action_travel_next(struct tui *t);
unsigned action_travel_minute_back(struct tui *t);
unsigned action_travel_minute_forward(struct tui *t);
unsigned action_travel_goto(struct tui *t);
unsigned action_travel_live(struct tui *t);
unsigned action_travel_before_kill(struct tui *t);

/* The recorded moment nearest at_unix_s (--at on the screen). */
unsigned action_travel_at(struct tui *t, double at_unix_s);

#endif
