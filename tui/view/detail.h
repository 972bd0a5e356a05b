/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/view/detail.h — one process over the whole screen (Enter or F5 in the process pane):
 * who it is (command line, user, start, parents, cgroup and unit), its memory (RSS and its
 * parts, PSS from smaps_rollup), its fds by kind with their slopes (sampled past
 * PROC_DETAIL_MAX_LINKS fds, and said so), threads, its limits (fds and the cgroup's) with
 * both ETAs, oom_score, oom_score_adj and whether it is the next victim of its scope; then
 * plots of RSS, fds and threads over the leak-rate window (tui/model/plot.h; block glyphs,
 * ASCII in a non-UTF-8 locale). What it shows comes from the snapshot: the process's row
 * and its detail (snapshot.details, read because the loop watches it). A process that
 * exits stays, marked, with the last values read. It scrolls (t->detail.doc) when the
 * terminal is too short for it. */
#ifndef OOMTOP_TUI_VIEW_DETAIL_H
#define OOMTOP_TUI_VIEW_DETAIL_H

#include "tui/state.h"

void view_detail_draw(struct tui *t, struct rect r);

/* The status line's words for the view: what is read of the process at each refresh. */
void view_detail_describe(const struct tui *t, char *buf, size_t n);

#endif
