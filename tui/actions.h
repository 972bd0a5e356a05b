/* tui/actions.h — everything a key (or click) can do. Each action changes the state and
 * returns what the loop must do next; actions never draw and never touch the terminal.
 * ACTIONS is the only list; keymap.c binds keys to these ids. */
#ifndef OOMTOP_TUI_ACTIONS_H
#define OOMTOP_TUI_ACTIONS_H

struct tui;

/* Reaction flags (htop's Htop_Reaction). */
enum {
	R_NONE = 0,
	R_REDRAW = 1 << 0,  /* state changed: draw again */
	R_REVIEW = 1 << 1,  /* filter or sort changed: rebuild the views, then draw */
	R_REFRESH = 1 << 2, /* collect a new snapshot now */
	R_RETHEME = 1 << 3, /* the theme changed: apply it */
	R_RELAYOUT = 1 << 4,/* panes changed: recompute the layout */
	R_CLEAR = 1 << 5,   /* repaint the terminal from scratch */
	R_QUIT = 1 << 6,
};

#define ACTIONS(X)                                                                               \
	X(A_QUIT, act_quit)                                                                      \
	X(A_HELP, act_help)                                                                      \
	X(A_FOCUS_NEXT, act_focus_next)                                                          \
	X(A_FOCUS_PREV, act_focus_prev)                                                          \
	X(A_ZOOM, act_zoom)                                                                      \
	X(A_TOGGLE_CGROUPS, act_toggle_cgroups)                                                  \
	X(A_TOGGLE_PROCS, act_toggle_procs)                                                      \
	X(A_TOGGLE_EVENTS, act_toggle_events)                                                    \
	X(A_UP, act_up)                                                                          \
	X(A_DOWN, act_down)                                                                      \
	X(A_PGUP, act_pgup)                                                                      \
	X(A_PGDN, act_pgdn)                                                                      \
	X(A_HOME, act_home)                                                                      \
	X(A_END, act_end)                                                                        \
	X(A_SORT_MENU, act_sort_menu)                                                            \
	X(A_SORT_PREV, act_sort_prev)                                                            \
	X(A_SORT_NEXT, act_sort_next)                                                            \
	X(A_SORT_INVERT, act_sort_invert)                                                        \
	X(A_SEARCH, act_search)                                                                  \
	X(A_SEARCH_NEXT, act_search_next)                                                        \
	X(A_FILTER, act_filter)                                                                  \
	X(A_CLEAR_FILTERS, act_clear_filters)                                                    \
	X(A_USER_MENU, act_user_menu)                                                            \
	X(A_TOGGLE_KTHREADS, act_toggle_kthreads)                                                \
	X(A_TOGGLE_GHOSTS, act_toggle_ghosts)                                                    \
	X(A_THEME_MENU, act_theme_menu)                                                          \
	X(A_THEME_NEXT, act_theme_next)                                                          \
	X(A_SAVE_SETTINGS, act_save_settings)                                                    \
	X(A_REFRESH, act_refresh)                                                                \
	X(A_CGROUP_ONLY, act_cgroup_only)                                                        \
	X(A_CGROUP_TREE, act_cgroup_tree)                                                        \
	X(A_COLLAPSE, act_collapse)                                                              \
	X(A_EXPAND, act_expand)                                                                  \
	X(A_PROC_EPISODE, act_proc_episode)                                                      \
	X(A_PROC_CGROUP, act_proc_cgroup)                                                        \
	X(A_EVENT_OPEN, act_event_open)                                                          \
	X(A_CLOSE, act_close)                                                                    \
	X(A_EPISODE_SORT, act_episode_sort)                                                      \
	X(A_MENU_CHOOSE, act_menu_choose)                                                        \
	X(A_INPUT_ACCEPT, act_input_accept)                                                      \
	X(A_INPUT_CANCEL, act_input_cancel)                                                      \
	X(A_INPUT_BACKSPACE, act_input_backspace)                                                \
	X(A_INPUT_CLEAR, act_input_clear)                                                        \
	X(A_ADJ_UP, act_adj_up)                                                                  \
	X(A_ADJ_DOWN, act_adj_down)                                                              \
	X(A_ADJ_TYPE, act_adj_type)                                                              \
	X(A_ADJ_PRESETS, act_adj_presets)                                                        \
	X(A_ADJ_UNDO, act_adj_undo)                                                              \
	X(A_TAG, act_tag)                                                                        \
	X(A_UNTAG_ALL, act_untag_all)                                                            \
	X(A_CONFIRM_YES, act_confirm_yes)

enum action {
#define X(id, fn) id,
	ACTIONS(X)
#undef X
	A_COUNT
};

/* Run one action; returns R_* flags. */
unsigned actions_run(struct tui *t, enum action a);

/* Typed text in a prompt (not a table key: any printable character). */
unsigned actions_input_char(struct tui *t, int wch);

/* Mouse: a press at (y, x), or wheel (+1 down / -1 up). */
unsigned actions_click(struct tui *t, int y, int x);
unsigned actions_wheel(struct tui *t, int y, int x, int dir);

/* Sort by a key, reversing when it already is the key (menu, header click). */
unsigned actions_sort_by(struct tui *t, int key);

#endif
