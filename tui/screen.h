/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/screen.h — the only code that starts and ends curses and touches terminal modes.
 *
 * screen_init saves the terminal's modes and starts curses (keypad, no echo, mouse
 * clicks); screen_end restores them. Signals are the application's (app/signals.h): a
 * stop signal ends the loop normally, so screen_end runs; a crash signal's handler calls
 * screen_emergency_restore, which uses async-signal-safe calls only (a write of reset
 * sequences computed at init, tcsetattr).
 */
#ifndef OOMTOP_TUI_SCREEN_H
#define OOMTOP_TUI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

/* Returns 0, or -1 with a message in err when the terminal cannot be used. */
int screen_init(char *err, size_t errlen);
/* Restore the terminal and signal dispositions. Idempotent. */
void screen_end(void);

/* From a crash signal handler: mouse off, attributes off, cursor on, keypad off, leave
 * the alternate screen, the saved terminal modes back. Does nothing when no screen is up. */
void screen_emergency_restore(void);

void screen_size(int *cols, int *lines);
/* Whether the locale's charset is UTF-8 (decides the glyph set). */
bool screen_utf8(void);

#endif
