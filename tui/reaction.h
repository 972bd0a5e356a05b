/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/reaction.h — what an action asks of the loop afterwards (htop's Htop_Reaction):
 * actions change the state and return these flags; the loop (app.c) rebuilds, lays out,
 * collects and draws accordingly. Actions never draw. */
#ifndef OOMTOP_TUI_REACTION_H
#define OOMTOP_TUI_REACTION_H

enum {
	R_NONE = 0,
	R_REDRAW = 1 << 0,   /* state changed: draw again */
	R_REVIEW = 1 << 1,   /* filter or sort changed: rebuild the views, then draw */
	R_REFRESH = 1 << 2,  /* collect a new snapshot now */
	R_RETHEME = 1 << 3,  /* the theme changed: apply it */
	R_RELAYOUT = 1 << 4, /* panes changed: recompute the layout */
	R_CLEAR = 1 << 5,    /* repaint the terminal from scratch */
	R_QUIT = 1 << 6,
};

#endif
