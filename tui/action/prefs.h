/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/action/prefs.h — the operator's preferences: the colour theme (a menu, or the
 * next one), switched live, and saving the settings to oomtoprc. Each returns R_*
 * flags. */
#ifndef OOMTOP_TUI_ACTION_PREFS_H
#define OOMTOP_TUI_ACTION_PREFS_H

#include "tui/state.h"

unsigned action_prefs_theme_menu(struct tui *t);
unsigned action_prefs_theme_next(struct tui *t);
unsigned action_prefs_save(struct tui *t);

#endif
