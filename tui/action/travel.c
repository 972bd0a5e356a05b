/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/action/travel.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/base/util.h"
#include "core/history/when.h"
#include "tui/action/prompt.h"
#include "tui/reaction.h"

/* Without a recording: why, and nothing moves. */
static bool no_history(struct tui *t)
{
	if (t->travel.h)
		return false;
	tui_state_status(t, STATUS_INFO, "%s", t->travel.why);
	return true;
}

static unsigned read_failed(struct tui *t, int rc)
{
	tui_state_status(t, STATUS_ERROR, "history: cannot read the recording: %s", strerror(-rc));
	return R_REDRAW;
}

/* Show moment m: the panes get it, the selections follow their rows. */
static unsigned show(struct tui *t, int64_t m)
{
	int rc = travel_show(&t->travel, m, t->set.window_s);
	if (rc) {
		char when[32];
		tui_state_status(t, STATUS_ERROR, "history: cannot read the moment %s: %s",
		                 travel_clock(when, sizeof(when), (double)m), strerror(-rc));
		return R_REDRAW;
	}
	tui_state_set_snapshot(t, travel_snapshot(&t->travel));
	return R_REDRAW | R_RELAYOUT;
}

/* A step: where it lands, or why it does not move. */
static unsigned step(struct tui *t, enum travel_step how)
{
	if (no_history(t))
		return R_REDRAW;
	int64_t m;
	int rc = travel_find(&t->travel, how, &m);
	if (rc == 0)
		return show(t, m);
	bool back = how == TRAVEL_PREV || how == TRAVEL_MINUTE_BACK;
	if (rc == -EALREADY)
		tui_state_status(t, STATUS_INFO,
		                 "live already: , and b step back into the recording");
	else if (rc == -ENOENT && !t->travel.on)
		tui_state_status(t, STATUS_INFO, "history: nothing recorded yet");
	else if (rc == -ENOENT && back)
		tui_state_status(t, STATUS_INFO, "history: the oldest recorded moment");
	else if (rc == -ENOENT)
		tui_state_status(t, STATUS_INFO,
		                 "history: the newest recorded moment (L returns to live)");
	else
		return read_failed(t, rc);
	return R_REDRAW;
}

unsigned action_travel_prev(struct tui *t)
{
	return step(t, TRAVEL_PREV);
}

unsigned action_travel_next(struct tui *t)
{
	return step(t, TRAVEL_NEXT);
}

unsigned action_travel_minute_back(struct tui *t)
{
	return step(t, TRAVEL_MINUTE_BACK);
}

unsigned action_travel_minute_forward(struct tui *t)
{
	return step(t, TRAVEL_MINUTE_FORWARD);
}

unsigned action_travel_live(struct tui *t)
{
	if (no_history(t))
		return R_REDRAW;
	if (!t->travel.on) {
		tui_state_status(t, STATUS_INFO, "live already");
		return R_REDRAW;
	}
	travel_live(&t->travel);
	tui_state_set_snapshot(t, travel_snapshot(&t->travel));
	tui_state_status(t, STATUS_INFO, "live again");
	return R_REDRAW | R_RELAYOUT;
}

/* The clock steps from live start at (the live snapshot's), else the wall clock. */
static double now_of(const struct tui *t)
{
	return isnan(t->travel.now_unix_s) ? util_now_unix_s() : t->travel.now_unix_s;
}

/* Show the moment nearest `when`; asked says how it was asked for, in the message when
 * nothing was recorded within a minute of it. */
static unsigned go_near(struct tui *t, double when, const char *asked)
{
	int64_t m;
	int rc = travel_find_nearest(&t->travel, when, &m);
	if (rc == -ENOENT) {
		tui_state_status(t, STATUS_INFO, "history: nothing recorded yet");
		return R_REDRAW;
	}
	if (rc)
		return read_failed(t, rc);
	unsigned r = show(t, m);
	if (t->travel.on && t->travel.moment == m && fabs((double)m - when) > TRAVEL_MINUTE_S) {
		char at[32], off[32];
		tui_state_status(t, STATUS_INFO,
		                 "history: nothing recorded at %s: the nearest moment is %s %s",
		                 asked && asked[0] ? asked : travel_clock(at, sizeof(at), when),
		                 travel_span(off, sizeof(off), (double)m - when),
		                 (double)m < when ? "before" : "after");
	}
	return r;
}

unsigned action_travel_at(struct tui *t, double at_unix_s)
{
	if (no_history(t))
		return R_REDRAW;
	return go_near(t, at_unix_s, NULL);
}

static unsigned time_changed(struct tui *t)
{
	(void)t;
	return R_REDRAW;
}

static unsigned time_accept(struct tui *t)
{
	t->mode = TM_MAIN;
	char typed[sizeof(t->prompt.text)];
	snprintf(typed, sizeof(typed), "%s", t->prompt.text);
	if (!typed[0])
		return R_REDRAW;
	double when;
	if (history_when_parse(typed, now_of(t), &when) != 0) {
		tui_state_status(
		    t, STATUS_ERROR,
		    "'%s' is not a time: 02:14, 2025-06-01 02:14, -90s, -2h, -1d, @UNIX (as --at)",
		    typed);
		return R_REDRAW;
	}
	return go_near(t, when, typed);
}

static const struct tui_prompt_ops time_ops = {.changed = time_changed,
                                               .accept = time_accept,
                                               .max_len = 40};

unsigned action_travel_goto(struct tui *t)
{
	if (no_history(t))
		return R_REDRAW;
	action_prompt_open(t, INPUT_TIME, "", &time_ops);
	return R_REDRAW;
}

/* The kill the operator has selected: the open episode's, one unit's kills', the OOM
 * pane's. */
static const struct oom_event *chosen_kill(const struct tui *t)
{
	const struct snapshot *s = t->snap;
	if (!s)
		return NULL;
	if (t->mode == TM_EPISODE)
		return t->episode.index >= 0 && (size_t)t->episode.index < s->nevents
		           ? &s->events[t->episode.index]
		           : NULL;
	if (t->mode == TM_UNIT_KILLS)
		return evview_at(&t->ukills, s, t->ukills.list.sel);
	return evview_at(&t->ev, s, t->ev.list.sel);
}

unsigned action_travel_before_kill(struct tui *t)
{
	if (no_history(t))
		return R_REDRAW;
	const struct oom_event *e = chosen_kill(t);
	if (!e) {
		tui_state_status(t, STATUS_INFO, "no OOM kill selected");
		return R_REDRAW;
	}
	/* copied: the kill may leave the list of the moment shown */
	double kill = e->time_unix_s;
	pid_t pid = e->victim_pid;
	char comm[64], at[32], ago[32];
	snprintf(comm, sizeof(comm), "%s", e->victim_comm ? e->victim_comm : "?");
	int64_t m;
	int rc = travel_find_before(&t->travel, kill, &m);
	if (rc == -EDOM) {
		tui_state_status(
		    t, STATUS_INFO,
		    "the time of this kill is unknown: no moment before it can be found");
		return R_REDRAW;
	}
	if (rc == -ENOENT) {
		int64_t first, last;
		char from[48] = "";
		if (history_travel_range(t->travel.h, &first, &last) == 0)
			snprintf(from, sizeof(from), " (the recording starts %s)",
			         travel_clock(ago, sizeof(ago), (double)first));
		tui_state_status(t, STATUS_INFO,
		                 "history: nothing recorded before the kill of %d (%s) at %s%s",
		                 (int)pid, comm, travel_clock(at, sizeof(at), kill), from);
		return R_REDRAW;
	}
	if (rc)
		return read_failed(t, rc);
	unsigned r = show(t, m);
	if (t->travel.on && t->travel.moment == m) {
		t->mode = TM_MAIN; /* the machine as it was: the panes */
		tui_state_status(t, STATUS_INFO, "history: %s before the kill of %d (%s) at %s",
		                 travel_span(ago, sizeof(ago), kill - (double)m), (int)pid, comm,
		                 travel_clock(at, sizeof(at), kill));
	}
	return r;
}
