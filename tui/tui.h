/* tui/tui.h — the screen's state, shared by the loop (app.c), the actions, and the
 * panes. It holds views over the current snapshot (never a copy of it) and what the
 * operator chose. Drawing reads it; only actions (and the loop, on refresh) change it.
 *
 * Call order: tui_state_init → (tui_state_set_snapshot → tui_draw)* → tui_state_free.
 * tui_draw needs a curses screen (screen.c) and draws into stdscr without refreshing.
 */
#ifndef OOMTOP_TUI_TUI_H
#define OOMTOP_TUI_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/adj/plan.h"
#include "tui/app.h"
#include "tui/model/cgview.h"
#include "core/model.h"
#include "core/control/oom_adj.h"
#include "tui/layout.h"
#include "tui/listview.h"
#include "tui/model/evview.h"
#include "tui/model/procview.h"
#include "tui/config/settings.h"
#include "tui/adj/tags.h"
#include "tui/config/theme.h"

/* Characters that differ between UTF-8 and ASCII terminals. */
struct glyphs {
	const char *bar_full, *bar_empty, *high_mark;
	const char *tree_mid, *tree_last, *tree_pipe, *tree_none;
	const char *open, *closed; /* tree node expanded / collapsed */
	const char *sort_down, *sort_up;
	const char *sep; /* between header items */
};

enum tui_mode {
	TM_MAIN,
	TM_HELP,
	TM_EPISODE,
	TM_MENU,  /* a list to choose from: sort key, user, theme */
	TM_INPUT, /* one-line prompt: search, filter, an oom_score_adj value */
	TM_CONFIRM, /* an oom_score_adj change waiting for y / n */
};

enum menu_kind { MENU_SORT, MENU_USER, MENU_THEME, MENU_ADJ };
enum input_kind { INPUT_SEARCH, INPUT_FILTER, INPUT_ADJ };
enum status_level { STATUS_INFO, STATUS_ERROR };

#define TUI_MENU_MAX 256
#define TUI_UNDO_DEPTH 16

struct tui {
	const struct snapshot *snap;
	struct procview pv;
	struct cgview cv;
	struct evview ev;

	enum pane_id focus;
	bool visible[PANE_COUNT];
	bool zoom;
	enum tui_mode mode;
	struct layout lay;
	int cols, lines;

	struct settings set;
	struct theme theme;
	bool no_color, utf8, readonly;
	const struct glyphs *g;

	/* status line: a message stays until the next key after at least 3 s */
	char status[512];
	enum status_level status_level;
	int64_t status_t_ms;

	/* prompt */
	enum input_kind input_kind;
	char input[128];
	char input_before[128]; /* restored on Esc */

	/* menu */
	enum menu_kind menu_kind;
	char menu_items[TUI_MENU_MAX][64];
	struct listview menu;

	/* episode and help views */
	int episode;             /* index into snap->events, -1 none */
	double episode_boot_s;   /* identity, to find it again after a refresh */
	pid_t episode_pid;
	bool episode_by_pid;     /* task table order: RSS (default) or pid */
	struct listview episode_doc;
	struct listview help;

	/* oom_score_adj controls: tagged rows, the change being prepared (`a` dialog, preset
	 * menu, confirmation), and the last change for undo */
	struct adj_tags tags;
	struct adj_plan plan;
	char adj_why[128]; /* the `a` dialog: why the typed text is not a value yet */
	struct oom_adj_undo *undo; /* TUI_UNDO_DEPTH changes, oldest first; z undoes the last */
	size_t nundo;

	char search[128]; /* last `/` text, for n */
	int64_t now_ms;   /* for status message ageing; set by the loop */
};

/* Set up from the screen's configuration (NULL: defaults); does not touch the terminal.
 * Returns 0 or -ENOMEM. */
int tui_state_init(struct tui *t, const struct tui_config *cfg, bool utf8);
void tui_state_free(struct tui *t);

/* Point the views at a new snapshot (after each refresh). */
void tui_state_set_snapshot(struct tui *t, const struct snapshot *s);

/* Recompute the layout for cols × lines (after a resize or a pane change). */
void tui_state_relayout(struct tui *t, int cols, int lines);

/* Redo filtering/sorting after a view setting changed. */
void tui_state_review(struct tui *t);

void tui_status(struct tui *t, enum status_level lvl, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Draw the whole screen into stdscr (no refresh). */
void tui_draw(struct tui *t);

extern const struct glyphs tui_glyphs_utf8, tui_glyphs_ascii;

#endif
