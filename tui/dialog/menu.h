/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/dialog/menu.h — a menu over the panes (sort column, user, theme): its title, the
 * items with the selected one highlighted (t->menu, scrolled to keep it in sight), and
 * what Enter and Esc do. The oom_score_adj presets have their own dialog
 * (tui/adj/dialog.h). */
#ifndef OOMTOP_TUI_DIALOG_MENU_H
#define OOMTOP_TUI_DIALOG_MENU_H

#include "tui/state.h"

/* Inside r (the panes' area): 34 columns wide, centred, as tall as it has items. */
void dialog_menu_draw(struct tui *t, struct rect r);

#endif
