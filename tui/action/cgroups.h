/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/action/cgroups.h — the cgroup pane: showing only the selected cgroup's processes
 * (again: all), tree or flat, collapsing and expanding subtrees, the flat list's order
 * (menu, < >, invert, a click on a header; choosing one in the tree shows the flat list).
 * Each returns R_* flags. */
#ifndef OOMTOP_TUI_ACTION_CGROUPS_H
#define OOMTOP_TUI_ACTION_CGROUPS_H

#include "tui/state.h"

unsigned action_cgroups_only(struct tui *t);
unsigned action_cgroups_tree(struct tui *t);
unsigned action_cgroups_collapse(struct tui *t); /* on a leaf or a closed node: the parent */
unsigned action_cgroups_expand(struct tui *t);
unsigned action_cgroups_sort_menu(struct tui *t);
unsigned action_cgroups_sort_prev(struct tui *t); /* the column to the left */
unsigned action_cgroups_sort_next(struct tui *t);
unsigned action_cgroups_sort_invert(struct tui *t);
/* Sort by key (enum cgview_sort), reversing when it already is the key of the flat list;
 * R_NONE when the key is not one (a column that cannot sort). */
unsigned action_cgroups_sort_by(struct tui *t, int key);

#endif
