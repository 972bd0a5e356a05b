/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/term_check.h — can this terminal show the screen? Asked once, before anything is
 * collected or drawn, so a wrong place to run the screen fails at once with a hint.
 *
 * The screen needs standard input and output on a terminal whose description can move
 * the cursor (terminfo `cup`). TERM unset or empty, TERM=dumb (what editors and CI runners
 * set), a description without `cup` or a hardcopy terminal cannot: that is bad usage
 * (exit 2), and the hint names --batch. A terminal type with no description here is left
 * to screen_init (a static build carries descriptions of its own, tui/term_fallback.h).
 */
#ifndef OOMTOP_TUI_TERM_CHECK_H
#define OOMTOP_TUI_TERM_CHECK_H

#include <stddef.h>

/* 0 when the screen can run here, else -1 with a one-line reason and hint in err. Reads
 * the terminal description (setupterm) and frees it again; writes nothing to the terminal. */
int term_check_usable(char *err, size_t errlen);

#endif
