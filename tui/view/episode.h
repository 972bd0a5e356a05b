/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/view/episode.h — one OOM kill in full, over the whole screen: the parsed fields,
 * the task table the kernel dumped (by RSS, or by pid: t->episode.by_pid), and the raw
 * kernel lines (sanitised). It scrolls (t->episode.doc). */
#ifndef OOMTOP_TUI_VIEW_EPISODE_H
#define OOMTOP_TUI_VIEW_EPISODE_H

#include "tui/state.h"

void view_episode_draw(struct tui *t, struct rect r);

#endif
