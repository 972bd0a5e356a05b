/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/frame.h — the screen, composed: the header, the visible panes (cgroups, processes,
 * OOM events, in that order), the dialog of the mode over them (a menu, the adj dialogs)
 * or, instead of all that, a full-screen view (help, an episode, the kills by unit, one
 * unit's kills, one process: the adj dialogs opened from it are drawn over it); then the status line (a message, the prompt being typed, or what is
 * shown) and the key bar (the labelled keys of the current key context, keymap_context).
 * The frame is the only caller of the panes, views and dialogs; they include the drawing
 * primitives and the state, never this (one unit's kills are drawn with the OOM pane's
 * table).
 *
 * A new view or mode: a draw function (struct tui *, struct rect) and its case in
 * frame.c's view_of (full screen) or dialog_of (over the panes); its mode (state.h) and
 * key context (keymap.c: the contexts table, keymap_context); its actions (actions.h)
 * and their keys (keymap.c); if it scrolls or selects, a struct listview in the state
 * and its case in tui/action/nav.c's mode_list. */
#ifndef OOMTOP_TUI_FRAME_H
#define OOMTOP_TUI_FRAME_H

#include "tui/state.h"

/* Draw the whole screen into stdscr (no refresh); the layout is t->lay
 * (tui_state_relayout). */
void frame_draw(struct tui *t);

#endif
