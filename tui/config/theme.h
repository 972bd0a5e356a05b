/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/config/theme.h — semantic colours, listed once: their keys, values and defaults,
 * mapped to what the terminal has, and applied to curses.
 *
 * THEME_COLORS is the only list of colour keys: it generates the enum, the key names of
 * `theme[key]="value"` lines (themes/NAME.theme) and the built-in defaults (which equal
 * themes/default.theme; a unit test keeps them in step; tui/config/theme_file.h reads
 * and loads them). THEME_STYLES combines keys into
 * what is drawn (a foreground over a background, plus attributes), with the attributes
 * to use instead when there is no colour (--no-color, NO_COLOR, a mono terminal, or a
 * theme that leaves both colours of a style at the terminal default).
 */
#ifndef OOMTOP_TUI_THEME_H
#define OOMTOP_TUI_THEME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*  id                key               default     what it colours */
#define THEME_COLORS(X)                                                                          \
	X(C_MAIN_FG, "main_fg", "", "ordinary text")                                             \
	X(C_MAIN_BG, "main_bg", "", "background")                                                \
	X(C_TITLE, "title", "#5fafd7", "labels in the header")                                   \
	X(C_INACTIVE_FG, "inactive_fg", "#808080", "secondary text, units, empty values")        \
	X(C_SELECTED_FG, "selected_fg", "#ffffff", "selected row text")                          \
	X(C_SELECTED_BG, "selected_bg", "#005f87", "selected row background")                    \
	X(C_HEADER_FG, "header_fg", "#000000", "column headers")                                 \
	X(C_HEADER_BG, "header_bg", "#5faf5f", "column header background")                       \
	X(C_FOCUS_FG, "focus_fg", "#000000", "column headers of the focused pane")               \
	X(C_FOCUS_BG, "focus_bg", "#5fafd7", "focused pane header background")                   \
	X(C_KEY_FG, "key_fg", "", "keys in the key bar")                                         \
	X(C_KEYLABEL_FG, "keylabel_fg", "#000000", "labels in the key bar")                      \
	X(C_KEYLABEL_BG, "keylabel_bg", "#5fafaf", "label background in the key bar")            \
	X(C_STATUS_FG, "status_fg", "#ffd75f", "status line messages")                           \
	X(C_ERROR_FG, "error_fg", "#ff5f5f", "errors and refusals")                              \
	X(C_METER_EMPTY, "meter_empty", "#4e4e4e", "unused part of a bar")                       \
	X(C_MEM_USED, "mem_used", "#5faf5f", "used memory in bars")                              \
	X(C_MEM_RECLAIM, "mem_reclaimable", "#5f875f", "reclaimable memory in bars (cache, ARC)") \
	X(C_SWAP_USED, "swap_used", "#d7875f", "used swap in bars")                              \
	X(C_HIGH_MARK, "high_mark", "#ffd700", "memory.high mark in a bar")                      \
	X(C_LIMIT_NEAR, "limit_near", "#ff5f5f", "cgroup at or over the threshold of its limit") \
	X(C_LEAK_STEEP, "leak_steep", "#ff5f5f", "steep, steady growth")                         \
	X(C_LEAK_RISING, "leak_rising", "#ffaf00", "steady growth")                              \
	X(C_LEAK_NOISY, "leak_noisy", "#af8700", "growth that a line explains poorly")           \
	X(C_LEAK_FALLING, "leak_falling", "#5fafaf", "shrinking")                                \
	X(C_OOM_EVENT, "oom_event", "#ff5f5f", "OOM kills")                                      \
	X(C_NEXT_VICTIM, "next_victim", "#ff87d7", "the next OOM victim")                        \
	X(C_GHOST, "ghost", "#6c6c6c", "processes that exited")                                  \
	X(C_TAGGED, "tagged", "#ffd700", "tagged rows (Space): an adj change applies to all")     \
	X(C_TREE, "tree", "#6c6c6c", "tree lines")                                               \
	X(C_HISTORY_FG, "history_fg", "#000000", "header text in history mode (a recorded moment)") \
	X(C_HISTORY_BG, "history_bg", "#af87ff", "header background in history mode")

enum theme_color_id {
#define X(id, key, def, doc) id,
	THEME_COLORS(X)
#undef X
	C_COUNT
};

/* Attributes, curses-free so the parser and the tables stay pure. */
enum { TA_BOLD = 1, TA_DIM = 2, TA_REVERSE = 4, TA_UNDERLINE = 8 };

/*  id               fg                bg             attrs         attrs without colour */
#define THEME_STYLES(X)                                                                  \
	X(S_NORMAL, C_MAIN_FG, C_MAIN_BG, 0, 0)                                          \
	X(S_DIM, C_INACTIVE_FG, C_MAIN_BG, 0, TA_DIM)                                    \
	X(S_TITLE, C_TITLE, C_MAIN_BG, TA_BOLD, TA_BOLD)                                 \
	X(S_SELECTED, C_SELECTED_FG, C_SELECTED_BG, 0, TA_REVERSE)                       \
	X(S_HEADER, C_HEADER_FG, C_HEADER_BG, 0, TA_REVERSE)                             \
	X(S_HEADER_FOCUS, C_FOCUS_FG, C_FOCUS_BG, TA_BOLD, TA_REVERSE | TA_BOLD)         \
	X(S_KEY, C_KEY_FG, C_MAIN_BG, TA_BOLD, TA_BOLD)                                  \
	X(S_KEYLABEL, C_KEYLABEL_FG, C_KEYLABEL_BG, 0, TA_REVERSE)                       \
	X(S_STATUS, C_STATUS_FG, C_MAIN_BG, 0, 0)                                        \
	X(S_ERROR, C_ERROR_FG, C_MAIN_BG, TA_BOLD, TA_BOLD)                              \
	X(S_METER_EMPTY, C_METER_EMPTY, C_MAIN_BG, 0, TA_DIM)                            \
	X(S_MEM_USED, C_MEM_USED, C_MAIN_BG, 0, 0)                                       \
	X(S_MEM_RECLAIM, C_MEM_RECLAIM, C_MAIN_BG, 0, TA_DIM)                            \
	X(S_SWAP_USED, C_SWAP_USED, C_MAIN_BG, 0, 0)                                     \
	X(S_HIGH_MARK, C_HIGH_MARK, C_MAIN_BG, TA_BOLD, TA_BOLD)                         \
	X(S_LIMIT_NEAR, C_LIMIT_NEAR, C_MAIN_BG, TA_BOLD, TA_BOLD)                       \
	X(S_LEAK_STEEP, C_LEAK_STEEP, C_MAIN_BG, TA_BOLD, TA_BOLD | TA_UNDERLINE)        \
	X(S_LEAK_RISING, C_LEAK_RISING, C_MAIN_BG, 0, TA_BOLD)                           \
	X(S_LEAK_NOISY, C_LEAK_NOISY, C_MAIN_BG, 0, 0)                                   \
	X(S_LEAK_FALLING, C_LEAK_FALLING, C_MAIN_BG, 0, 0)                               \
	X(S_OOM, C_OOM_EVENT, C_MAIN_BG, TA_BOLD, TA_BOLD)                               \
	X(S_VICTIM, C_NEXT_VICTIM, C_MAIN_BG, TA_BOLD, TA_BOLD | TA_UNDERLINE)           \
	X(S_GHOST, C_GHOST, C_MAIN_BG, TA_DIM, TA_DIM)                                        \
	X(S_TAGGED, C_TAGGED, C_MAIN_BG, TA_BOLD, TA_BOLD)                                    \
	X(S_TREE, C_TREE, C_MAIN_BG, 0, TA_DIM)                                               \
	X(S_HISTORY, C_HISTORY_FG, C_HISTORY_BG, TA_BOLD, TA_REVERSE | TA_BOLD)

enum theme_style {
#define X(id, fg, bg, a, mono) id,
	THEME_STYLES(X)
#undef X
	S_COUNT
};

enum theme_color_kind { TCOL_DEFAULT = 0, TCOL_RGB, TCOL_INDEX };

struct theme_color {
	enum theme_color_kind kind;
	uint32_t rgb; /* 0xRRGGBB with TCOL_RGB */
	int index;    /* 0..15 with TCOL_INDEX (a colour name) */
};

struct theme {
	char name[64];
	struct theme_color col[C_COUNT];
};

/* Key name ("main_fg") and one-line description of a colour. */
const char *theme_color_key(enum theme_color_id id);
const char *theme_color_doc(enum theme_color_id id);
/* Index of a key name, or -1. */
int theme_color_from_key(const char *key);

/* Fill with the built-in defaults (the `default` theme). */
void theme_defaults(struct theme *t);

/* "#rrggbb", a colour name, or "" / "default". Returns false for anything else. */
bool theme_color_parse(const char *s, struct theme_color *out);

/* Colour mapping for terminals with fewer colours (pure): xterm 256-colour cube or grey
 * ramp index, and one of the 8 ANSI colours. */
int theme_rgb_to_256(uint32_t rgb);
int theme_rgb_to_8(uint32_t rgb);

/* --- curses --- */

/* Apply a theme to the running screen: init colour pairs for every style and put each
 * style's curses attributes (colour pair included) into attr. no_color (or a terminal
 * without colours) uses the styles' mono attributes. Call after screen_init. */
void theme_apply(const struct theme *t, bool no_color, unsigned attr[S_COUNT]);

#endif
