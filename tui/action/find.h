/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/action/find.h — what the process list shows and in what order: the sort column
 * (menu, < >, invert, a click on a header), the `\` filter (narrows as it is typed), the
 * `/` search (jumps as it is typed; n: the next match), one user's processes, and Esc
 * clearing the filter, the user and the cgroup choice. Each returns R_* flags. */
#ifndef OOMTOP_TUI_ACTION_FIND_H
#define OOMTOP_TUI_ACTION_FIND_H

#include "tui/state.h"

unsigned action_find_sort_menu(struct tui *t);
unsigned action_find_sort_prev(struct tui *t); /* the column to the left, as shown */
unsigned action_find_sort_next(struct tui *t);
unsigned action_find_sort_invert(struct tui *t);
/* Sort by key (enum sort_key), reversing when it already is the key; R_NONE when the
 * key is not one (a column that cannot sort). */
unsigned action_find_sort_by(struct tui *t, int key);

unsigned action_find_search(struct tui *t);
unsigned action_find_search_next(struct tui *t);
unsigned action_find_filter(struct tui *t);
unsigned action_find_clear(struct tui *t);
unsigned action_find_user_menu(struct tui *t);

#endif
