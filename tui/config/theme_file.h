/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/config/theme_file.h — theme files: their format (pure: a buffer of lines parsed
 * into a theme) and where they are (I/O: the theme folders, loading one by name,
 * listing them). The colour keys and values are tui/config/theme.h's. No curses.
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

#include <stdbool.h>
#include <stddef.h>

#include "tui/config/conffile.h"
#include "tui/config/theme.h"

/* Apply the lines of buf to t (which the caller filled, usually with theme_defaults).
 * fname names the file in messages. Returns the number of problems reported. */
int theme_file_parse(struct theme *t, const char *buf, size_t len, const char *fname,
                     conffile_report_fn report, void *ud);

/* --- the files (I/O) --- */

/* Where theme files are looked for, in order: $XDG_CONFIG_HOME/oomtop/themes (or
 * ~/.config/oomtop/themes), $OOMTOP_THEMEDIR when set, and the configured data dir
 * (OOMTOP_THEMEDIR at build time: $(pkgdatadir)/themes). Never beside the binary: an
 * installed /usr/bin/oomtop must not read /usr/bin/themes (an uninstalled build is run
 * with OOMTOP_THEMEDIR=themes). Fills up to max dirs (each PATH_MAX bytes); returns how many. */
size_t theme_file_dirs(char dirs[][4096], size_t max);

/* Load a theme by name ("light": NAME.theme in the theme dirs) or path (contains '/').
 * Starts from the defaults; problems are reported one line each (file:line: message) via
 * report and counted in *nproblems. Returns 0, or -errno when the file cannot be read
 * (the theme then holds the defaults). "default" without a file is the built-in one. */
int theme_file_load(struct theme *t, const char *name_or_path, conffile_report_fn report,
                    void *ud, int *nproblems);

/* Sorted, de-duplicated theme names found in the theme dirs (always including
 * "default"). Returns the count; names[i] are static storage valid until the next call. */
size_t theme_file_list(const char **names, size_t max);

#endif
