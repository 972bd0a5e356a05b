/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/term_fallback.h — terminal descriptions built into the static binary.
 *
 * A static binary copied to a box without a terminfo database (a NAS, an initramfs, a
 * minimal container) finds no description for $TERM, and newterm() fails. With
 * --enable-static-binary, make embeds a few compiled descriptions from the build
 * machine's database (xterm, xterm-256color, screen, screen-256color, linux, vt100,
 * written by `infocmp -Q2` as "b64:..." strings) and screen_init retries with the one
 * closest to $TERM. Other builds have none: the system's database is there.
 */
#ifndef OOMTOP_TUI_TERM_FALLBACK_H
#define OOMTOP_TUI_TERM_FALLBACK_H

/* The built-in description closest to the terminal type term, as a value for the
 * TERMINFO environment variable ("b64:...": ncurses 6.1+ reads the compiled entry from
 * the variable itself, no file), and its terminal name in *name. NULL when this build
 * has none, or term is unset, empty, "dumb" or "unknown" (no cursor addressing wanted). */
const char *term_fallback(const char *term, const char **name);

#endif
