/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/keymap.h — the one key table. It drives dispatch (keymap_lookup in the context
 * keymap_context gives), the key bar (entries with a bar label, in the same context) and
 * the help screen (every entry's help text, grouped by context). A key is a character
 * (its code point) or KEY_FN(curses KEY_* code).
 *
 * The oom_score_adj controls (oomtop(1) "CHANGING OOM_SCORE_ADJ", issue 6) live in the process pane: `]`/F8 +100,
 * `[`/F7 -100, `a` a typed value, `p` presets, Space tags, `U` untags, `z` undoes; all
 * but the tags work in the detail view too, on the process it shows.
 * History mode (tui/action/travel.h): `,` `.` a recorded moment back and forward, `b` `f` a
 * minute, `g` a typed time, `L` live; `B` on a kill, the moment shortly before it.
 */
#ifndef OOMTOP_TUI_KEYMAP_H
#define OOMTOP_TUI_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/actions.h"

#define KEY_FN(k) (0x40000000 | (k))
#define KEY_CTRL(c) ((c) & 0x1f)
#define KEY_ESCAPE 27

enum key_context {
	KC_GLOBAL,  /* main screen, whichever pane has focus */
	KC_CGROUPS, /* main screen, cgroup pane focused (falls back to KC_GLOBAL) */
	KC_PROCS,
	KC_EVENTS,
	KC_HELP, /* the modal views: only their own keys, no fall-back */
	KC_EPISODE,
	KC_UNITS,      /* the kills grouped by unit */
	KC_UNIT_KILLS, /* one unit's kills */
	KC_DETAIL,     /* one process opened */
	KC_MENU,
	KC_INPUT,
	KC_CONFIRM, /* an oom_score_adj change waiting for y / n */
	KC_COUNT
};

struct tui;

/* The context keys are looked up in now: the mode's (help, episode, the by-unit view, menu,
 * prompt, confirmation), else the focused pane's. Dispatch and the key bar both ask here. */
enum key_context keymap_context(const struct tui *t);
/* The context whose keys also work in ctx (KC_GLOBAL for a pane), or KC_COUNT. */
enum key_context keymap_context_parent(enum key_context ctx);

struct keybinding {
	int key;
	enum key_context ctx;
	enum action action;
	const char *bar;  /* label in the key bar, or NULL */
	const char *help; /* one line for the help screen (never NULL) */
};

extern const struct keybinding keymap[];
extern const size_t keymap_len;

/* The binding for key in ctx, else in its parent context. NULL: none. */
const struct keybinding *keymap_lookup(enum key_context ctx, int key);

/* "F1", "Enter", "Tab", "^L", "Up", "Space", "q". Static storage. */
const char *keymap_key_name(int key);

/* Whether the key bar shows keymap[i] in ctx: it has a label, belongs to ctx or a context
 * ctx falls back to, and ctx does not bind its key to something else (F6 sorts the
 * cgroups in the cgroup pane, the processes elsewhere). */
bool keymap_in_bar(enum key_context ctx, size_t i);

/* When the bar shows a labelled entry (its key works whenever its context is current):
 * always, or only with a recording to step through (`B` on a kill), or only while a
 * recorded moment is shown (history mode's steps and `L`), or only live (what
 * actions_live_only refuses in history mode). */
enum { KB_ALWAYS = 0, KB_WITH_HISTORY = 1, KB_IN_HISTORY = 2, KB_LIVE = 4 };
unsigned keymap_bar_when(size_t i);
/* keymap_in_bar, and keymap_bar_when(i) is among have (KB_*: what is there now). */
bool keymap_in_bar_when(enum key_context ctx, size_t i, unsigned have);

const char *keymap_context_title(enum key_context ctx);

/* The help screen and the man page list each action of a context once, with all its keys:
 * keymap[i] is the first entry of its (context, action) pair... */
bool keymap_first_of_action(size_t i);
/* ...and these are the names of every key bound to that pair, joined by spaces. */
void keymap_keys_of(size_t i, char *buf, size_t n);

#endif
