/* tui/screen.h — the only code that starts and ends curses and touches terminal modes
 * and signal dispositions.
 *
 * screen_init saves the terminal's modes, starts curses (keypad, no echo, mouse clicks),
 * and installs handlers: SIGINT, SIGTERM and SIGHUP are turned into a byte on a pipe the
 * loop polls (screen_signal_fd), so the loop ends and screen_end restores the terminal
 * normally; SIGSEGV, SIGABRT, SIGBUS, SIGFPE and SIGILL restore the terminal with
 * async-signal-safe calls only (write of precomputed reset sequences, tcsetattr) and are
 * re-raised with the default action, so a crash still dumps core and is reported.
 */
#ifndef OOMTOP_TUI_SCREEN_H
#define OOMTOP_TUI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

/* Returns 0, or -1 with a message in err when the terminal cannot be used. */
int screen_init(char *err, size_t errlen);
/* Restore the terminal and signal dispositions. Idempotent. */
void screen_end(void);

int screen_signal_fd(void);
/* The first terminating signal received (SIGINT...), or 0. Drains the pipe. */
int screen_take_signal(void);

void screen_size(int *cols, int *lines);
/* Whether the locale's charset is UTF-8 (decides the glyph set). */
bool screen_utf8(void);

#endif
