/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/state.h — the screen's state, shared by the loop (app.c), the actions and what
 * draws. It holds views over the current snapshot (never a copy of it) and what the
 * operator chose. Actions change it (and the loop, on a refresh or a resize); drawing
 * reads it, and fits each list view to the rows it is drawn in (listview_fit).
 *
 * Call order: tui_state_init → [tui_state_filter] → (tui_state_live_snapshot or
 * tui_state_set_snapshot → frame_draw)* → tui_state_free. frame_draw (frame.h) needs a
 * curses screen (screen.h).
 */
#ifndef OOMTOP_TUI_STATE_H
#define OOMTOP_TUI_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "core/control/oom_adj.h"
#include "core/proc/filter.h"
#include "tui/adj/plan.h"
#include "tui/adj/tags.h"
#include "tui/config/settings.h"
#include "tui/config/theme.h"
#include "tui/draw.h"
#include "tui/layout.h"
#include "tui/listview.h"
#include "tui/model/cgview.h"
#include "tui/model/evview.h"
#include "tui/model/procview.h"
#include "tui/model/travel.h"
#include "tui/model/unitview.h"

/* What has the keyboard, and what the frame draws: the main screen (header, panes), a
 * full-screen view (help, an episode, the kills by unit, one unit's kills), or a dialog
 * over the panes (a menu, a prompt, a confirmation). keymap_context() turns it into the
 * key table's context. */
enum tui_mode {
	TM_MAIN,
	TM_HELP,
	TM_EPISODE,
	TM_UNITS,      /* the kills grouped by unit, with their rhythm (from the OOM pane) */
	TM_UNIT_KILLS, /* one unit's kills (Enter in TM_UNITS; Esc goes back there) */
	TM_DETAIL,     /* one process opened (Enter or F5 in the process pane): t->detail */
	/* entered through tui/action/prompt.h, which sets their ops: */
	TM_MENU,    /* a list to choose from: sort key (processes, cgroups), user, theme,
	             * adj preset */
	TM_INPUT,   /* one-line prompt: search, filter, an oom_score_adj value, a time to go to */
	TM_CONFIRM, /* an oom_score_adj change waiting for y / n */
};

enum menu_kind { MENU_SORT, MENU_CGROUP_SORT, MENU_USER, MENU_THEME, MENU_ADJ };
enum input_kind { INPUT_SEARCH, INPUT_FILTER, INPUT_ADJ, INPUT_TIME };
enum status_level { STATUS_INFO, STATUS_ERROR };

#define TUI_MENU_MAX 256
#define TUI_UNDO_DEPTH 16

struct tui;

/* What a menu's, a prompt's and a confirmation's keys do, given by whoever opens it
 * (tui/action/prompt.h). Each returns R_* flags (tui/reaction.h). */
struct tui_menu_ops {
	unsigned (*choose)(struct tui *t, size_t i); /* Enter on item i; the menu is closed */
	unsigned (*cancel)(struct tui *t);           /* Esc, once closed; NULL: nothing more */
};
struct tui_prompt_ops {
	unsigned (*changed)(struct tui *t); /* the text changed (typed, deleted, cleared) */
	unsigned (*accept)(struct tui *t);  /* Enter: closes the prompt unless the text is refused */
	unsigned (*cancel)(struct tui *t);  /* Esc, once closed; NULL: nothing more */
	const char *chars;                  /* what may be typed; NULL: any printable character */
	size_t max_len;                     /* typed bytes at most; 0: as the buffer allows */
};
struct tui_confirm_ops {
	unsigned (*yes)(struct tui *t);    /* y */
	unsigned (*cancel)(struct tui *t); /* Esc, n, q, once closed */
};

struct tui_menu {
	enum menu_kind kind; /* its title; the adj presets have their own dialog */
	const struct tui_menu_ops *ops;
	char item[TUI_MENU_MAX][64];
	struct listview list; /* list.n items */
};

struct tui_prompt {
	enum input_kind kind; /* its label; an adj value has a dialog over the panes */
	const struct tui_prompt_ops *ops;
	char text[128];
	char before[128]; /* what it held when opened (Esc on the filter puts it back) */
};

struct tui_episode {
	int index;          /* into snap->events, -1: none */
	struct evkey key;   /* its identity, to find it again after a refresh */
	enum tui_mode back; /* where Esc goes: the main screen, or the unit's kills */
	bool by_pid;        /* task table order: RSS (default) or pid */
	struct listview doc;
};

/* The process the detail view shows (tui/view/detail.h), while it is open: the loop has
 * the collector read its costly fields (collector_watch). A menu, prompt or confirmation
 * opened from the view (the adj keys) is drawn over it and returns to it
 * (tui_state_home). */
struct tui_detail {
	pid_t pid; /* 0: the view is closed */
	uint64_t start_ticks;
	struct listview doc; /* the view scrolls when the terminal is short */
};

/* oom_score_adj (tui/adj/): tagged rows, the change being prepared (`a` dialog, preset
 * menu, confirmation), and the last changes for undo. */
struct tui_adj {
	struct adj_tags tags;
	struct adj_plan plan;
	char why[128];             /* the `a` dialog: why the typed text is not a value yet */
	struct oom_adj_undo *undo; /* TUI_UNDO_DEPTH changes, oldest first; z undoes the last */
	size_t nundo;
};

struct tui {
	const struct snapshot *snap;
	struct procview pv;
	struct cgview cv;
	struct evview ev;
	struct unitview uv;    /* TM_UNITS */
	struct evview ukills;  /* TM_UNIT_KILLS: the kills of uv's chosen group */

	enum pane_id focus;
	bool visible[PANE_COUNT];
	bool zoom;
	enum tui_mode mode;
	struct layout lay;
	int cols, lines;

	struct settings set;
	struct theme theme;
	struct draw_ctx dc; /* what drawing needs of the theme and the terminal */
	bool readonly;

	/* status line: a message stays until the next key after at least 3 s */
	char status[512];
	enum status_level status_level;
	int64_t status_t_ms;

	struct tui_prompt prompt;
	struct tui_menu menu;
	const struct tui_confirm_ops *confirm; /* the confirmation's keys */
	struct tui_episode episode;
	struct tui_detail detail;
	struct listview help;
	struct tui_adj adj;
	struct travel travel; /* history mode: a recorded moment shown instead of live */

	char search[128]; /* last `/` text, for n */
	int64_t now_ms;   /* for status message ageing; set by the loop */
};

/* Set up from the settings (NULL: the defaults); does not touch the terminal. Returns 0
 * or -ENOMEM. */
int tui_state_init(struct tui *t, const struct settings *set, bool utf8);
/* Show only the processes the filter names (-p -u -c; copied). Returns 0 or -ENOMEM. */
int tui_state_filter(struct tui *t, const struct proc_filter *f);
void tui_state_free(struct tui *t);

/* Point the views at a new snapshot. */
void tui_state_set_snapshot(struct tui *t, const struct snapshot *s);
/* After each refresh: the live snapshot, shown unless a recorded moment is (history mode:
 * then the moment's kills are brought up to date, tui/model/travel.h). */
void tui_state_live_snapshot(struct tui *t, const struct snapshot *s);

/* Recompute the layout for cols × lines (after a resize or a pane change) and fit the
 * panes' lists to it. */
void tui_state_relayout(struct tui *t, int cols, int lines);

/* Redo filtering/sorting after a view setting changed. */
void tui_state_review(struct tui *t);

/* Where a menu, prompt or confirmation returns when it closes: the detail view while it is
 * open (t->detail.pid), else the main screen. */
enum tui_mode tui_state_home(const struct tui *t);

/* Say something in the status line. */
void tui_state_status(struct tui *t, enum status_level lvl, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
