/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/view/help.h — the help screen, over the whole screen: generated from the key table
 * (tui/keymap.c) — per key context a title, then each action once with all its keys and
 * its help text — and a legend of the marks and colours. It scrolls (t->help). */
#ifndef OOMTOP_TUI_VIEW_HELP_H
#define OOMTOP_TUI_VIEW_HELP_H

#include "tui/state.h"

void view_help_draw(struct tui *t, struct rect r);

#endif
