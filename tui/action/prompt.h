/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/action/prompt.h — what asks the operator something: menus (a list to choose
 * from), one-line prompts (typed text) and confirmations (y / n). Whoever opens one
 * gives its ops (state.h: what choosing, typing, Enter and Esc do); the keys that work
 * in them are the key table's KC_MENU, KC_INPUT and KC_CONFIRM rows. Each action returns
 * R_* flags (tui/reaction.h). */
#ifndef OOMTOP_TUI_ACTION_PROMPT_H
#define OOMTOP_TUI_ACTION_PROMPT_H

#include "tui/state.h"

/* Open an empty menu of kind k (TM_MENU); the first item is selected. */
void action_prompt_menu_open(struct tui *t, enum menu_kind k, const struct tui_menu_ops *ops);
/* Add an item (at most TUI_MENU_MAX, 63 bytes each). */
void action_prompt_menu_add(struct tui *t, const char *item);
/* Enter: close the menu and let its ops choose the selected item. */
unsigned action_prompt_menu_choose(struct tui *t);

/* Open a prompt of kind k (TM_INPUT) holding `initial`; the status line is cleared. */
void action_prompt_open(struct tui *t, enum input_kind k, const char *initial,
                        const struct tui_prompt_ops *ops);
unsigned action_prompt_accept(struct tui *t);
unsigned action_prompt_cancel(struct tui *t);
unsigned action_prompt_backspace(struct tui *t); /* one whole UTF-8 character */
unsigned action_prompt_clear(struct tui *t);
/* A key the table does not bind, typed into the prompt: a printable character (not a
 * control, not C1), if the prompt's ops allow it. */
unsigned action_prompt_type(struct tui *t, int wch);

/* Ask y / n (TM_CONFIRM); the status line is cleared. */
void action_prompt_confirm_open(struct tui *t, const struct tui_confirm_ops *ops);
unsigned action_prompt_confirm_yes(struct tui *t);

#endif
