/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/sanitize.h — text from processes and the kernel log made safe to draw.
 *
 * Nothing a process names itself (comm, cmdline, user, cgroup) and nothing from the kernel
 * log reaches the terminal raw: an ESC would start an escape sequence, a bidi override
 * could disguise a name. Pure: no curses, no locale changes (width comes from wcwidth(),
 * so the caller's LC_CTYPE decides what is printable in UTF-8 mode).
 */
#ifndef OOMTOP_TUI_SANITIZE_H
#define OOMTOP_TUI_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>

/* Copy `src` into `dst` (cap bytes including the NUL) as printable text, at most
 * `max_cols` display columns (negative: no limit):
 *   - C0 controls and DEL in caret notation: ESC → "^[", TAB → "^I", DEL → "^?";
 *   - C1 controls, invalid or overlong UTF-8, surrogates, and characters that are not
 *     printable or have no width (combining marks, bidi overrides) → '?';
 *   - with utf8 == false, every byte ≥ 0x80 → '?' (ASCII terminal).
 * Never splits a character or a caret pair; always NUL-terminates (cap ≥ 1).
 * Returns the display columns used. */
int sanitize_text(char *dst, size_t cap, const char *src, int max_cols, bool utf8);

/* Display columns sanitize_text would produce for the whole of `src`. */
int sanitize_width(const char *src, bool utf8);

#endif
