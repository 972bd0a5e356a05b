/* tui/action/cgroups.h — the cgroup pane: showing only the selected cgroup's processes
 * (again: all), tree or flat, collapsing and expanding subtrees. Each returns R_* flags. */
#ifndef OOMTOP_TUI_ACTION_CGROUPS_H
#define OOMTOP_TUI_ACTION_CGROUPS_H

#include "tui/state.h"

unsigned action_cgroups_only(struct tui *t);
unsigned action_cgroups_tree(struct tui *t);
unsigned action_cgroups_collapse(struct tui *t); /* on a leaf or a closed node: the parent */
unsigned action_cgroups_expand(struct tui *t);

#endif
