/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/input.h — what the operator's keys and mouse do. A key is looked up in the key
 * table (keymap.h) in the current key context (keymap_context, the same the key bar
 * shows) and runs its action; in a prompt, a key the table does not bind types. A click
 * focuses the pane under it and selects the row (or, on the process or cgroup table's
 * header, sorts by that column); the wheel moves three rows. Each returns R_* flags
 * (tui/reaction.h). */
#ifndef OOMTOP_TUI_INPUT_H
#define OOMTOP_TUI_INPUT_H

#include "tui/state.h"

/* key: a character or KEY_FN(curses code) as in the key table; wch: what was typed (a
 * prompt takes it when the table does not bind key). */
unsigned input_key(struct tui *t, int key, int wch);
/* A button press at screen cell (y, x). */
unsigned input_click(struct tui *t, int y, int x);
/* The wheel at (y, x): dir +1 down, -1 up. */
unsigned input_wheel(struct tui *t, int y, int x, int dir);

#endif
