/* tui/config/theme_file.h — the .theme format, pure (no I/O, no curses).
 *
 *   # comment
 *   theme[main_fg]=""            empty: the terminal's default colour
 *   theme[selected_bg]="#005f87" #rrggbb
 *   theme[oom_event]="red"       a colour name: black red green yellow blue magenta
 *                                cyan white, bright_<name>, or default
 *
 * Each problem (unknown key, bad value, malformed line) is reported as
 * "FILE:LINE: message" and that line is skipped; the key keeps the value it had.
 */
#ifndef OOMTOP_TUI_THEME_FILE_H
#define OOMTOP_TUI_THEME_FILE_H

#include "tui/config/theme.h"

/* "#rrggbb", a colour name, or "" / "default". Returns false for anything else. */
bool theme_color_parse(const char *s, struct theme_color *out);

/* Apply the lines of buf to t (which the caller filled, usually with theme_defaults).
 * fname names the file in messages. Returns the number of problems reported. */
int theme_parse(struct theme *t, const char *buf, const char *fname, conf_report_fn report,
                void *ud);

#endif
