/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/keymap.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "tui/state.h"

/* Each context's title in the help screen and the context its keys fall back to. */
static const struct {
	const char *title;
	enum key_context parent;
} contexts[KC_COUNT] = {
	[KC_GLOBAL] = {"Everywhere", KC_COUNT},
	[KC_CGROUPS] = {"Cgroup pane", KC_GLOBAL},
	[KC_PROCS] = {"Process pane", KC_GLOBAL},
	[KC_EVENTS] = {"OOM pane", KC_GLOBAL},
	[KC_HELP] = {"Help", KC_COUNT},
	[KC_EPISODE] = {"OOM episode", KC_COUNT},
	[KC_UNITS] = {"OOM kills by unit", KC_COUNT},
	[KC_UNIT_KILLS] = {"One unit's OOM kills", KC_COUNT},
	[KC_DETAIL] = {"One process (detail view)", KC_COUNT},
	[KC_MENU] = {"Menus (sort, user, theme, adj presets)", KC_COUNT},
	[KC_INPUT] = {"Prompts (search, filter, oom_score_adj value, a time)", KC_COUNT},
	[KC_CONFIRM] = {"Confirming an oom_score_adj change", KC_COUNT},
};

enum key_context keymap_context(const struct tui *t)
{
	static const enum key_context of_mode[] = {
		[TM_HELP] = KC_HELP,   [TM_EPISODE] = KC_EPISODE, [TM_UNITS] = KC_UNITS,
		[TM_UNIT_KILLS] = KC_UNIT_KILLS, [TM_DETAIL] = KC_DETAIL, [TM_MENU] = KC_MENU,
		[TM_INPUT] = KC_INPUT, [TM_CONFIRM] = KC_CONFIRM,
	};
	static const enum key_context of_pane[PANE_COUNT] = {
		[PANE_CGROUPS] = KC_CGROUPS, [PANE_PROCS] = KC_PROCS, [PANE_EVENTS] = KC_EVENTS,
	};
	if (t->mode != TM_MAIN)
		return of_mode[t->mode];
	return (unsigned)t->focus < PANE_COUNT ? of_pane[t->focus] : KC_PROCS;
}

enum key_context keymap_context_parent(enum key_context ctx)
{
	return (unsigned)ctx < KC_COUNT ? contexts[ctx].parent : KC_COUNT;
}

/* Order matters twice: the key bar shows labelled entries in this order, and the help
 * screen lists a context's entries in this order (keys of one action on one line). */
const struct keybinding keymap[] = {
	/* everywhere on the main screen */
	{KEY_FN(KEY_F(1)), KC_GLOBAL, A_HELP, "Help", "show this help"},
	{'?', KC_GLOBAL, A_HELP, NULL, "show this help"},
	{'h', KC_GLOBAL, A_HELP, NULL, "show this help"},
	{KEY_FN(KEY_F(2)), KC_GLOBAL, A_SAVE_SETTINGS, "Save", "save settings to oomtoprc"},
	{'S', KC_GLOBAL, A_SAVE_SETTINGS, NULL, "save settings to oomtoprc"},
	{KEY_FN(KEY_F(3)), KC_GLOBAL, A_SEARCH, "Search", "search processes (jump to a match)"},
	{'/', KC_GLOBAL, A_SEARCH, NULL, "search processes (jump to a match)"},
	{'n', KC_GLOBAL, A_SEARCH_NEXT, NULL, "next search match"},
	{KEY_FN(KEY_F(4)), KC_GLOBAL, A_FILTER, "Filter", "filter processes by text"},
	{'\\', KC_GLOBAL, A_FILTER, NULL, "filter processes by text"},
	{KEY_ESCAPE, KC_GLOBAL, A_CLEAR_FILTERS, NULL, "clear filter, user and cgroup choice"},
	{'u', KC_GLOBAL, A_USER_MENU, NULL, "show one user's processes"},
	{KEY_FN(KEY_F(6)), KC_GLOBAL, A_SORT_MENU, "SortBy", "choose the processes' sort column"},
	{'<', KC_GLOBAL, A_SORT_PREV, NULL, "sort the processes by the column to the left"},
	{'>', KC_GLOBAL, A_SORT_NEXT, NULL, "sort the processes by the column to the right"},
	{'I', KC_GLOBAL, A_SORT_INVERT, NULL, "invert the processes' sort order"},
	{'\t', KC_GLOBAL, A_FOCUS_NEXT, NULL, "focus the next pane"},
	{KEY_FN(KEY_BTAB), KC_GLOBAL, A_FOCUS_PREV, NULL, "focus the previous pane"},
	{'m', KC_GLOBAL, A_ZOOM, "Zoom", "enlarge the focused pane (again: back)"},
	{'1', KC_GLOBAL, A_TOGGLE_CGROUPS, NULL, "show/hide the cgroup pane"},
	{'2', KC_GLOBAL, A_TOGGLE_PROCS, NULL, "show/hide the process pane"},
	{'3', KC_GLOBAL, A_TOGGLE_EVENTS, NULL, "show/hide the OOM pane"},
	{KEY_FN(KEY_UP), KC_GLOBAL, A_UP, NULL, "select the row above"},
	{KEY_FN(KEY_DOWN), KC_GLOBAL, A_DOWN, NULL, "select the row below"},
	{KEY_FN(KEY_PPAGE), KC_GLOBAL, A_PGUP, NULL, "page up"},
	{KEY_FN(KEY_NPAGE), KC_GLOBAL, A_PGDN, NULL, "page down"},
	{KEY_FN(KEY_HOME), KC_GLOBAL, A_HOME, NULL,
	 "first row (processes: keep the top of the list selected)"},
	{KEY_FN(KEY_END), KC_GLOBAL, A_END, NULL, "last row"},
	{'K', KC_GLOBAL, A_TOGGLE_KTHREADS, NULL, "show/hide kernel threads"},
	{'G', KC_GLOBAL, A_TOGGLE_GHOSTS, NULL, "show/hide exited processes (ghosts)"},
	{'T', KC_GLOBAL, A_THEME_NEXT, NULL, "next colour theme"},
	{'t', KC_GLOBAL, A_THEME_MENU, NULL, "choose a colour theme"},
	{KEY_CTRL('l'), KC_GLOBAL, A_REFRESH, NULL, "refresh now and repaint"},
	{'z', KC_GLOBAL, A_ADJ_UNDO, NULL, "undo the last oom_score_adj change"},
	{',', KC_GLOBAL, A_TRAVEL_PREV, "Prev",
	 "history: the recorded moment before (from live: the newest)"},
	{'.', KC_GLOBAL, A_TRAVEL_NEXT, "Next", "history: the recorded moment after"},
	{'b', KC_GLOBAL, A_TRAVEL_MINUTE_BACK, NULL,
	 "history: a minute back (at least one recorded moment)"},
	{'f', KC_GLOBAL, A_TRAVEL_MINUTE_FORWARD, NULL,
	 "history: a minute forward (at least one recorded moment)"},
	{'g', KC_GLOBAL, A_TRAVEL_GOTO, NULL,
	 "history: go to a typed time (02:14, -10m, 2025-06-01 02:14)"},
	{'L', KC_GLOBAL, A_TRAVEL_LIVE, "Live", "history: back to live"},
	{KEY_FN(KEY_F(10)), KC_GLOBAL, A_QUIT, "Quit", "quit"},
	{'q', KC_GLOBAL, A_QUIT, NULL, "quit"},

	/* cgroup pane */
	{'\n', KC_CGROUPS, A_CGROUP_ONLY, "Only", "show only this cgroup's processes (again: all)"},
	{KEY_FN(KEY_ENTER), KC_CGROUPS, A_CGROUP_ONLY, NULL,
	 "show only this cgroup's processes (again: all)"},
	{KEY_FN(KEY_F(5)), KC_CGROUPS, A_CGROUP_TREE, "Tree", "tree or flat list (in the F6 order)"},
	{KEY_FN(KEY_F(6)), KC_CGROUPS, A_CGROUP_SORT_MENU, "SortBy",
	 "sort the cgroups (flat): %LIM (default), USAGE, WSET, ETA"},
	{'<', KC_CGROUPS, A_CGROUP_SORT_PREV, NULL, "sort the cgroups by the column to the left"},
	{'>', KC_CGROUPS, A_CGROUP_SORT_NEXT, NULL, "sort the cgroups by the column to the right"},
	{'I', KC_CGROUPS, A_CGROUP_SORT_INVERT, NULL, "invert the cgroups' sort order"},
	{KEY_FN(KEY_LEFT), KC_CGROUPS, A_COLLAPSE, NULL, "collapse the subtree (or go to parent)"},
	{'-', KC_CGROUPS, A_COLLAPSE, NULL, "collapse the subtree (or go to parent)"},
	{KEY_FN(KEY_RIGHT), KC_CGROUPS, A_EXPAND, NULL, "expand the subtree"},
	{'+', KC_CGROUPS, A_EXPAND, NULL, "expand the subtree"},

	/* process pane */
	{'\n', KC_PROCS, A_PROC_OPEN, NULL, "open the process: its detail view (OOM-killed: the kill's episode)"},
	{KEY_FN(KEY_ENTER), KC_PROCS, A_PROC_OPEN, NULL,
	 "open the process: its detail view (OOM-killed: the kill's episode)"},
	{KEY_FN(KEY_F(5)), KC_PROCS, A_PROC_DETAIL, NULL,
	 "the process's detail view: memory, fds by kind, limits, plots"},
	{'c', KC_PROCS, A_PROC_CGROUP, NULL, "select this process's cgroup"},
	{KEY_FN(KEY_F(7)), KC_PROCS, A_ADJ_DOWN, "Adj-",
	 "oom_score_adj -100 (protect; asks before entering <= -900)"},
	{'[', KC_PROCS, A_ADJ_DOWN, NULL, "oom_score_adj -100 (protect; asks before entering <= -900)"},
	{KEY_FN(KEY_F(8)), KC_PROCS, A_ADJ_UP, "Adj+", "oom_score_adj +100 (kill this one first)"},
	{']', KC_PROCS, A_ADJ_UP, NULL, "oom_score_adj +100 (kill this one first)"},
	{'a', KC_PROCS, A_ADJ_TYPE, NULL, "type an oom_score_adj value, with a preview of the next victim"},
	{'p', KC_PROCS, A_ADJ_PRESETS, NULL,
	 "oom_score_adj presets: protect -900, neutral 0, sacrifice +1000"},
	{' ', KC_PROCS, A_TAG, NULL, "tag/untag the process (adj changes then apply to all tagged)"},
	{'U', KC_PROCS, A_UNTAG_ALL, NULL, "untag all"},

	/* OOM pane */
	{'\n', KC_EVENTS, A_EVENT_OPEN, "Open", "open the episode: fields, task table, kernel lines"},
	{KEY_FN(KEY_ENTER), KC_EVENTS, A_EVENT_OPEN, NULL,
	 "open the episode: fields, task table, kernel lines"},
	{KEY_FN(KEY_F(5)), KC_EVENTS, A_UNITS, "ByUnit", "the kills grouped by unit, with their rhythm"},
	{'r', KC_EVENTS, A_UNITS, NULL, "the kills grouped by unit, with their rhythm"},
	{'B', KC_EVENTS, A_TRAVEL_BEFORE_KILL, NULL, /* no room in the bar at 80 columns */
	 "history: the recorded moment about a minute before this kill"},

	/* help */
	{KEY_ESCAPE, KC_HELP, A_CLOSE, "Close", "close help"},
	{'q', KC_HELP, A_CLOSE, NULL, "close help"},
	{'?', KC_HELP, A_CLOSE, NULL, "close help"},
	{KEY_FN(KEY_F(1)), KC_HELP, A_CLOSE, NULL, "close help"},
	{KEY_FN(KEY_F(10)), KC_HELP, A_CLOSE, NULL, "close help"},
	{KEY_FN(KEY_UP), KC_HELP, A_UP, NULL, "scroll up"},
	{KEY_FN(KEY_DOWN), KC_HELP, A_DOWN, NULL, "scroll down"},
	{KEY_FN(KEY_PPAGE), KC_HELP, A_PGUP, NULL, "page up"},
	{KEY_FN(KEY_NPAGE), KC_HELP, A_PGDN, NULL, "page down"},
	{KEY_FN(KEY_HOME), KC_HELP, A_HOME, NULL, "top"},
	{KEY_FN(KEY_END), KC_HELP, A_END, NULL, "bottom"},

	/* OOM episode */
	{KEY_ESCAPE, KC_EPISODE, A_CLOSE, "Close", "back (to the OOM pane, or to the unit's kills)"},
	{'q', KC_EPISODE, A_CLOSE, NULL, "back (to the OOM pane, or to the unit's kills)"},
	{KEY_FN(KEY_F(10)), KC_EPISODE, A_CLOSE, NULL, "back (to the OOM pane, or to the unit's kills)"},
	{'s', KC_EPISODE, A_EPISODE_SORT, "Sort", "task table by RSS or by pid"},
	{'B', KC_EPISODE, A_TRAVEL_BEFORE_KILL, "Before",
	 "history: the recorded moment about a minute before this kill"},
	{KEY_FN(KEY_UP), KC_EPISODE, A_UP, NULL, "scroll up"},
	{KEY_FN(KEY_DOWN), KC_EPISODE, A_DOWN, NULL, "scroll down"},
	{KEY_FN(KEY_PPAGE), KC_EPISODE, A_PGUP, NULL, "page up"},
	{KEY_FN(KEY_NPAGE), KC_EPISODE, A_PGDN, NULL, "page down"},
	{KEY_FN(KEY_HOME), KC_EPISODE, A_HOME, NULL, "top"},
	{KEY_FN(KEY_END), KC_EPISODE, A_END, NULL, "bottom"},

	/* OOM kills by unit */
	{'\n', KC_UNITS, A_UNIT_KILLS, "Kills", "list the unit's kills"},
	{KEY_FN(KEY_ENTER), KC_UNITS, A_UNIT_KILLS, NULL, "list the unit's kills"},
	{KEY_ESCAPE, KC_UNITS, A_CLOSE, "Close", "back to the main screen"},
	{'q', KC_UNITS, A_CLOSE, NULL, "back to the main screen"},
	{'r', KC_UNITS, A_CLOSE, NULL, "back to the main screen"},
	{KEY_FN(KEY_F(5)), KC_UNITS, A_CLOSE, NULL, "back to the main screen"},
	{KEY_FN(KEY_F(10)), KC_UNITS, A_CLOSE, NULL, "back to the main screen"},
	{KEY_FN(KEY_UP), KC_UNITS, A_UP, NULL, "previous unit"},
	{KEY_FN(KEY_DOWN), KC_UNITS, A_DOWN, NULL, "next unit"},
	{KEY_FN(KEY_PPAGE), KC_UNITS, A_PGUP, NULL, "page up"},
	{KEY_FN(KEY_NPAGE), KC_UNITS, A_PGDN, NULL, "page down"},
	{KEY_FN(KEY_HOME), KC_UNITS, A_HOME, NULL, "first unit"},
	{KEY_FN(KEY_END), KC_UNITS, A_END, NULL, "last unit"},

	/* one unit's OOM kills */
	{'\n', KC_UNIT_KILLS, A_UNIT_KILL_OPEN, "Open", "open the kill's episode"},
	{KEY_FN(KEY_ENTER), KC_UNIT_KILLS, A_UNIT_KILL_OPEN, NULL, "open the kill's episode"},
	{KEY_ESCAPE, KC_UNIT_KILLS, A_CLOSE, "Back", "back to the units"},
	{'q', KC_UNIT_KILLS, A_CLOSE, NULL, "back to the units"},
	{KEY_FN(KEY_F(10)), KC_UNIT_KILLS, A_CLOSE, NULL, "back to the units"},
	{'B', KC_UNIT_KILLS, A_TRAVEL_BEFORE_KILL, "Before",
	 "history: the recorded moment about a minute before this kill"},
	{KEY_FN(KEY_UP), KC_UNIT_KILLS, A_UP, NULL, "previous kill"},
	{KEY_FN(KEY_DOWN), KC_UNIT_KILLS, A_DOWN, NULL, "next kill"},
	{KEY_FN(KEY_PPAGE), KC_UNIT_KILLS, A_PGUP, NULL, "page up"},
	{KEY_FN(KEY_NPAGE), KC_UNIT_KILLS, A_PGDN, NULL, "page down"},
	{KEY_FN(KEY_HOME), KC_UNIT_KILLS, A_HOME, NULL, "newest kill"},
	{KEY_FN(KEY_END), KC_UNIT_KILLS, A_END, NULL, "oldest kill"},

	/* one process opened */
	{KEY_ESCAPE, KC_DETAIL, A_CLOSE, "Back", "back to the process list"},
	{'q', KC_DETAIL, A_CLOSE, NULL, "back to the process list"},
	{KEY_FN(KEY_F(5)), KC_DETAIL, A_CLOSE, NULL, "back to the process list"},
	{KEY_FN(KEY_F(10)), KC_DETAIL, A_CLOSE, NULL, "back to the process list"},
	{KEY_FN(KEY_F(7)), KC_DETAIL, A_ADJ_DOWN, "Adj-",
	 "oom_score_adj -100 (protect; asks before entering <= -900)"},
	{'[', KC_DETAIL, A_ADJ_DOWN, NULL, "oom_score_adj -100 (protect; asks before entering <= -900)"},
	{KEY_FN(KEY_F(8)), KC_DETAIL, A_ADJ_UP, "Adj+", "oom_score_adj +100 (kill this one first)"},
	{']', KC_DETAIL, A_ADJ_UP, NULL, "oom_score_adj +100 (kill this one first)"},
	{'a', KC_DETAIL, A_ADJ_TYPE, NULL, "type an oom_score_adj value, with a preview of the next victim"},
	{'p', KC_DETAIL, A_ADJ_PRESETS, NULL, "oom_score_adj presets: protect -900, neutral 0, sacrifice +1000"},
	{'z', KC_DETAIL, A_ADJ_UNDO, NULL, "undo the last oom_score_adj change"},
	{'e', KC_DETAIL, A_DETAIL_EPISODE, NULL, "OOM-killed: open the kill's episode"},
	{KEY_FN(KEY_UP), KC_DETAIL, A_UP, NULL, "scroll up"},
	{KEY_FN(KEY_DOWN), KC_DETAIL, A_DOWN, NULL, "scroll down"},
	{KEY_FN(KEY_PPAGE), KC_DETAIL, A_PGUP, NULL, "page up"},
	{KEY_FN(KEY_NPAGE), KC_DETAIL, A_PGDN, NULL, "page down"},
	{KEY_FN(KEY_HOME), KC_DETAIL, A_HOME, NULL, "top"},
	{KEY_FN(KEY_END), KC_DETAIL, A_END, NULL, "bottom"},

	/* menus (sort column, user, theme) */
	{'\n', KC_MENU, A_MENU_CHOOSE, "Choose", "choose the selected entry"},
	{KEY_FN(KEY_ENTER), KC_MENU, A_MENU_CHOOSE, NULL, "choose the selected entry"},
	{KEY_ESCAPE, KC_MENU, A_CLOSE, "Cancel", "cancel"},
	{'q', KC_MENU, A_CLOSE, NULL, "cancel"},
	{KEY_FN(KEY_F(10)), KC_MENU, A_CLOSE, NULL, "cancel"},
	{KEY_FN(KEY_UP), KC_MENU, A_UP, NULL, "previous entry"},
	{KEY_FN(KEY_DOWN), KC_MENU, A_DOWN, NULL, "next entry"},
	{KEY_FN(KEY_PPAGE), KC_MENU, A_PGUP, NULL, "page up"},
	{KEY_FN(KEY_NPAGE), KC_MENU, A_PGDN, NULL, "page down"},
	{KEY_FN(KEY_HOME), KC_MENU, A_HOME, NULL, "first entry"},
	{KEY_FN(KEY_END), KC_MENU, A_END, NULL, "last entry"},

	/* confirming an oom_score_adj change */
	{'y', KC_CONFIRM, A_CONFIRM_YES, "Apply", "apply the change"},
	{KEY_ESCAPE, KC_CONFIRM, A_CLOSE, "Cancel", "cancel, change nothing"},
	{'n', KC_CONFIRM, A_CLOSE, NULL, "cancel, change nothing"},
	{'q', KC_CONFIRM, A_CLOSE, NULL, "cancel, change nothing"},
	{KEY_FN(KEY_F(10)), KC_CONFIRM, A_CLOSE, NULL, "cancel, change nothing"},

	/* text prompt (search, filter, oom_score_adj value, a time); other keys type */
	{'\n', KC_INPUT, A_INPUT_ACCEPT, "Done", "accept"},
	{KEY_FN(KEY_ENTER), KC_INPUT, A_INPUT_ACCEPT, NULL, "accept"},
	{KEY_ESCAPE, KC_INPUT, A_INPUT_CANCEL, "Cancel", "cancel, restore what was there"},
	{KEY_FN(KEY_BACKSPACE), KC_INPUT, A_INPUT_BACKSPACE, NULL, "delete a character"},
	{127, KC_INPUT, A_INPUT_BACKSPACE, NULL, "delete a character"},
	{KEY_CTRL('h'), KC_INPUT, A_INPUT_BACKSPACE, NULL, "delete a character"},
	{KEY_CTRL('u'), KC_INPUT, A_INPUT_CLEAR, NULL, "clear the line"},
};
const size_t keymap_len = sizeof(keymap) / sizeof(keymap[0]);

const struct keybinding *keymap_lookup(enum key_context ctx, int key)
{
	for (; ctx != KC_COUNT; ctx = keymap_context_parent(ctx))
		for (size_t i = 0; i < keymap_len; i++)
			if (keymap[i].ctx == ctx && keymap[i].key == key)
				return &keymap[i];
	return NULL;
}

const char *keymap_key_name(int key)
{
	static char buf[16];
	if (key & 0x40000000) {
		int k = key & ~0x40000000;
		if (k >= KEY_F(1) && k <= KEY_F(24)) {
			snprintf(buf, sizeof(buf), "F%d", k - KEY_F(0));
			return buf;
		}
		switch (k) {
		case KEY_UP: return "Up";
		case KEY_DOWN: return "Down";
		case KEY_LEFT: return "Left";
		case KEY_RIGHT: return "Right";
		case KEY_PPAGE: return "PgUp";
		case KEY_NPAGE: return "PgDn";
		case KEY_HOME: return "Home";
		case KEY_END: return "End";
		case KEY_ENTER: return "Enter";
		case KEY_BTAB: return "S-Tab";
		case KEY_BACKSPACE: return "BkSp";
		default: snprintf(buf, sizeof(buf), "key%d", k); return buf;
		}
	}
	switch (key) {
	case '\n': return "Enter";
	case '\t': return "Tab";
	case ' ': return "Space";
	case KEY_ESCAPE: return "Esc";
	case 127: return "BkSp";
	}
	if (key < 0x20) {
		snprintf(buf, sizeof(buf), "^%c", key + '@');
		return buf;
	}
	snprintf(buf, sizeof(buf), "%c", key);
	return buf;
}

bool keymap_in_bar(enum key_context ctx, size_t i)
{
	return keymap_in_bar_when(ctx, i, KB_LIVE);
}

unsigned keymap_bar_when(size_t i)
{
	if (i >= keymap_len)
		return KB_ALWAYS;
	switch (keymap[i].action) {
	case A_TRAVEL_PREV:
	case A_TRAVEL_NEXT:
	case A_TRAVEL_LIVE: return KB_IN_HISTORY;
	case A_TRAVEL_BEFORE_KILL: return KB_WITH_HISTORY;
	default: return actions_live_only(keymap[i].action) ? KB_LIVE : KB_ALWAYS;
	}
}

bool keymap_in_bar_when(enum key_context ctx, size_t i, unsigned have)
{
	if (i >= keymap_len || !keymap[i].bar || (keymap_bar_when(i) & ~have))
		return false;
	enum key_context c = ctx;
	while (c != KC_COUNT && c != keymap[i].ctx)
		c = keymap_context_parent(c);
	/* in ctx or a context it falls back to, and not shadowed by ctx's own binding */
	return c != KC_COUNT && keymap_lookup(ctx, keymap[i].key) == &keymap[i];
}

const char *keymap_context_title(enum key_context ctx)
{
	return (unsigned)ctx < KC_COUNT ? contexts[ctx].title : "?";
}

bool keymap_first_of_action(size_t i)
{
	for (size_t j = 0; j < i && i < keymap_len; j++)
		if (keymap[j].ctx == keymap[i].ctx && keymap[j].action == keymap[i].action)
			return false;
	return i < keymap_len;
}

void keymap_keys_of(size_t i, char *buf, size_t n)
{
	if (!n)
		return;
	buf[0] = '\0';
	for (size_t j = 0; j < keymap_len && i < keymap_len; j++) {
		if (keymap[j].ctx != keymap[i].ctx || keymap[j].action != keymap[i].action)
			continue;
		/* Enter and the keypad's Enter (or two BkSp codes) show once */
		const char *name = keymap_key_name(keymap[j].key);
		size_t nl = strlen(name);
		bool dup = false;
		for (const char *p = buf; (p = strstr(p, name)) != NULL && !dup; p += nl)
			dup = (p == buf || p[-1] == ' ') && (p[nl] == ' ' || p[nl] == '\0');
		if (dup)
			continue;
		if (buf[0])
			strncat(buf, " ", n - strlen(buf) - 1);
		strncat(buf, name, n - strlen(buf) - 1);
	}
}
