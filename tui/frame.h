/* tui/frame.h — the screen, composed: the header, the visible panes (cgroups, processes,
 * OOM events, in that order), the dialog of the mode over them (a menu, the adj dialogs)
 * or, instead of all that, a full-screen view (help, an episode); then the status line
 * (a message, the prompt being typed, or what is shown) and the key bar (the labelled
 * keys of the current key context, keymap_context). The frame is the only caller of the
 * panes, views and dialogs; they include the drawing primitives and the state, never
 * this.
 *
 * A new view is a draw function (struct tui *, struct rect) given a mode in view_of or
 * dialog_of below, its actions, and its rows in the key table. */
#ifndef OOMTOP_TUI_FRAME_H
#define OOMTOP_TUI_FRAME_H

#include "tui/state.h"

/* Draw the whole screen into stdscr (no refresh); the layout is t->lay
 * (tui_state_relayout). */
void frame_draw(struct tui *t);

#endif
