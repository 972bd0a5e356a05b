/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/actions.h — everything a key can do, listed once. ACTIONS names each action and
 * the function that does it; the functions live in tui/action/ by what they act on
 * (nav: panes and moving; find: sort, filter, search, user; procs; detail: one process
 * opened; cgroups; events: the OOM pane and episodes; prefs: theme and settings; prompt:
 * menus, prompts, confirmations; travel: history mode) and in tui/adj/action.c
 * (oom_score_adj). Each changes the state and returns R_* flags (tui/reaction.h); none
 * draws or touches the terminal. keymap.c binds keys to these ids. */
#ifndef OOMTOP_TUI_ACTIONS_H
#define OOMTOP_TUI_ACTIONS_H

#include <stdbool.h>

struct tui;

#define ACTIONS(X)                                                                               \
	X(A_QUIT, action_nav_quit)                                                               \
	X(A_HELP, action_nav_help)                                                               \
	X(A_FOCUS_NEXT, action_nav_focus_next)                                                   \
	X(A_FOCUS_PREV, action_nav_focus_prev)                                                   \
	X(A_ZOOM, action_nav_zoom)                                                               \
	X(A_TOGGLE_CGROUPS, action_nav_toggle_cgroups)                                           \
	X(A_TOGGLE_PROCS, action_nav_toggle_procs)                                               \
	X(A_TOGGLE_EVENTS, action_nav_toggle_events)                                             \
	X(A_UP, action_nav_up)                                                                   \
	X(A_DOWN, action_nav_down)                                                               \
	X(A_PGUP, action_nav_pgup)                                                               \
	X(A_PGDN, action_nav_pgdn)                                                               \
	X(A_HOME, action_nav_home)                                                               \
	X(A_END, action_nav_end)                                                                 \
	X(A_SORT_MENU, action_find_sort_menu)                                                    \
	X(A_SORT_PREV, action_find_sort_prev)                                                    \
	X(A_SORT_NEXT, action_find_sort_next)                                                    \
	X(A_SORT_INVERT, action_find_sort_invert)                                                \
	X(A_SEARCH, action_find_search)                                                          \
	X(A_SEARCH_NEXT, action_find_search_next)                                                \
	X(A_FILTER, action_find_filter)                                                          \
	X(A_CLEAR_FILTERS, action_find_clear)                                                    \
	X(A_USER_MENU, action_find_user_menu)                                                    \
	X(A_TOGGLE_KTHREADS, action_procs_toggle_kthreads)                                       \
	X(A_TOGGLE_GHOSTS, action_procs_toggle_ghosts)                                           \
	X(A_THEME_MENU, action_prefs_theme_menu)                                                 \
	X(A_THEME_NEXT, action_prefs_theme_next)                                                 \
	X(A_SAVE_SETTINGS, action_prefs_save)                                                    \
	X(A_REFRESH, action_nav_refresh)                                                         \
	X(A_CGROUP_ONLY, action_cgroups_only)                                                    \
	X(A_CGROUP_TREE, action_cgroups_tree)                                                    \
	X(A_COLLAPSE, action_cgroups_collapse)                                                   \
	X(A_EXPAND, action_cgroups_expand)                                                       \
	X(A_CGROUP_SORT_MENU, action_cgroups_sort_menu)                                          \
	X(A_CGROUP_SORT_PREV, action_cgroups_sort_prev)                                          \
	X(A_CGROUP_SORT_NEXT, action_cgroups_sort_next)                                          \
	X(A_CGROUP_SORT_INVERT, action_cgroups_sort_invert)                                      \
	X(A_PROC_OPEN, action_procs_open)                                                        \
	X(A_PROC_DETAIL, action_detail_open)                                                     \
	X(A_DETAIL_EPISODE, action_detail_episode)                                               \
	X(A_PROC_CGROUP, action_procs_cgroup)                                                    \
	X(A_EVENT_OPEN, action_events_open)                                                      \
	X(A_CLOSE, action_nav_close)                                                             \
	X(A_EPISODE_SORT, action_events_episode_sort)                                            \
	X(A_UNITS, action_events_units)                                                          \
	X(A_UNIT_KILLS, action_events_unit_kills)                                                \
	X(A_UNIT_KILL_OPEN, action_events_unit_kill_open)                                        \
	X(A_MENU_CHOOSE, action_prompt_menu_choose)                                              \
	X(A_INPUT_ACCEPT, action_prompt_accept)                                                  \
	X(A_INPUT_CANCEL, action_prompt_cancel)                                                  \
	X(A_INPUT_BACKSPACE, action_prompt_backspace)                                            \
	X(A_INPUT_CLEAR, action_prompt_clear)                                                    \
	X(A_ADJ_UP, adj_action_up)                                                               \
	X(A_ADJ_DOWN, adj_action_down)                                                           \
	X(A_ADJ_TYPE, adj_action_type)                                                           \
	X(A_ADJ_PRESETS, adj_action_presets)                                                     \
	X(A_ADJ_UNDO, adj_action_undo)                                                           \
	X(A_TAG, adj_action_tag)                                                                 \
	X(A_UNTAG_ALL, adj_action_untag_all)                                                     \
	X(A_CONFIRM_YES, action_prompt_confirm_yes)                                              \
	X(A_TRAVEL_PREV, action_travel_prev)                                                     \
	X(A_TRAVEL_NEXT, action_travel_next)                                                     \
	X(A_TRAVEL_MINUTE_BACK, action_travel_minute_back)                                       \
	X(A_TRAVEL_MINUTE_FORWARD, action_travel_minute_forward)                                 \
	X(A_TRAVEL_GOTO, action_travel_goto)                                                     \
	X(A_TRAVEL_LIVE, action_travel_live)                                                     \
	X(A_TRAVEL_BEFORE_KILL, action_travel_before_kill)

enum action {
#define X(id, fn) id,
	ACTIONS(X)
#undef X
	A_COUNT
};

/* Run one action; returns R_* flags. A status message seen for 3 s goes first. While a
 * recorded moment is shown (history mode), an action that acts on the live machine is
 * refused, with the reason in the status line. */
unsigned actions_run(struct tui *t, enum action a);

/* Whether a acts on the live machine (oom_score_adj: a change, its undo, tagging rows for
 * one): refused in history mode, and left out of the key bar there. */
bool actions_live_only(enum action a);

#endif
