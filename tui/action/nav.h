/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/action/nav.h — moving around: which panes are shown and which has the keyboard,
 * moving in the list that has it (rows, pages, ends: the focused pane's, a menu's, or the
 * scrolling of the help and episode views), opening help, closing a view, repainting,
 * quitting. Each returns R_* flags (tui/reaction.h). */
#ifndef OOMTOP_TUI_ACTION_NAV_H
#define OOMTOP_TUI_ACTION_NAV_H

#include "tui/state.h"

unsigned action_nav_quit(struct tui *t);
unsigned action_nav_help(struct tui *t);
unsigned action_nav_refresh(struct tui *t);
/* Back to the main screen from help, an episode, a menu or a confirmation (the menu's or
 * confirmation's cancel then says what did not happen). */
unsigned action_nav_close(struct tui *t);

unsigned action_nav_focus_next(struct tui *t);
unsigned action_nav_focus_prev(struct tui *t);
unsigned action_nav_zoom(struct tui *t);
/* Show or hide a pane (never the last one shown); a pane shown gets the focus. */
unsigned action_nav_toggle_cgroups(struct tui *t);
unsigned action_nav_toggle_procs(struct tui *t);
unsigned action_nav_toggle_events(struct tui *t);

unsigned action_nav_up(struct tui *t);
unsigned action_nav_down(struct tui *t);
unsigned action_nav_pgup(struct tui *t);
unsigned action_nav_pgdn(struct tui *t);
/* The first row; in the process pane, also back to following the top of the list. */
unsigned action_nav_home(struct tui *t);
unsigned action_nav_end(struct tui *t);
/* Move in what has the keyboard by delta rows (±0x7fffffff: to an end). */
unsigned action_nav_move(struct tui *t, long delta);

#endif
