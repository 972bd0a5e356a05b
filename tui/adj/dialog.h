/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/adj/dialog.h — the oom_score_adj dialogs over the panes: the `a` value prompt (the
 * value is typed in the status line; the dialog follows it), the preset menu (`p`) and
 * the confirmation of a prepared change (t->adj.plan). Each shows who changes from what
 * to what, the warning for the protected zone, the preview of the kernel's next victim
 * (adj_plan_preview) and how to make the value survive a restart
 * (oom_adj_persist_hint). Each draws a dialog box inside r, the panes' area. */
#ifndef OOMTOP_TUI_ADJ_DIALOG_H
#define OOMTOP_TUI_ADJ_DIALOG_H

#include "tui/state.h"

void adj_dialog_value_draw(struct tui *t, struct rect r);
/* The menu (t->menu), then the preview of the highlighted preset. */
void adj_dialog_presets_draw(struct tui *t, struct rect r);
void adj_dialog_confirm_draw(struct tui *t, struct rect r);

#endif
