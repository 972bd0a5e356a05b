/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/model/travel.h — history mode, as data: whether the screen shows a recorded moment or
 * live, where a key's step through the recording lands, and what the panes are given for a
 * moment: the recorded snapshot (core/history/travel.h, with the slopes of then) with the
 * live reader's OOM kills that had happened by then (a recorded moment has no kernel-log
 * events of its own). The recording is reached only through core/history/travel.h, never
 * SQLite. Pure: no curses.
 *
 * Steps, from the moment shown (from live: from now): the moment before or after; a minute
 * back or forward, at least one moment (TRAVEL_MINUTE_S); the nearest to a time (--at, the
 * `g` prompt); about a minute before a kill (TRAVEL_BEFORE_KILL_S). They stop at the ends of the
 * recording: going past one is -ENOENT and nothing moves.
 *
 * Call order: travel_init → [travel_attach] → (travel_live_snapshot after each refresh,
 * travel_find* → travel_show, travel_live)* → travel_free. */
#ifndef OOMTOP_TUI_MODEL_TRAVEL_H
#define OOMTOP_TUI_MODEL_TRAVEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/history/travel.h"
#include "core/klog/oom_event.h"
#include "core/model.h"

/* b / f: a minute back or forward. At the recorder's default -d 10 six moments, after a day
 * (kept at one a minute) one, later (one every ten minutes) one moment still. */
#define TRAVEL_MINUTE_S 60
/* B on a kill: the recorded moment nearest to this long before it (one before the kill). Its
 * processes and cgroups are as they were while the leak grew, their slopes not yet bent by
 * the reclaim and thrashing of the last seconds, and the kill is a minute of `.` steps ahead
 * (six at the recorder's default -d 10; one after a day, when a moment a minute is kept). */
#define TRAVEL_BEFORE_KILL_S 60

enum travel_step {
	TRAVEL_PREV,          /* the moment before (from live: the newest at or before now) */
	TRAVEL_NEXT,          /* the moment after */
	TRAVEL_MINUTE_BACK,   /* the newest at least a minute back, else the oldest */
	TRAVEL_MINUTE_FORWARD /* the oldest at least a minute on, else the newest */
};

struct travel {
	struct history_travel *h; /* the recording (the caller's), or NULL: none */
	char why[256];            /* without one: why there is none, for the status line */
	bool on;                  /* history mode: a recorded moment is shown */
	int64_t moment;           /* which, in unix s (when on) */
	struct snapshot shown;    /* what the panes get when on: the moment and kills */
	struct oom_event *kills;  /* shown.events: copies of the live kills up to the moment,
	                           * sharing the live snapshot's strings */
	size_t cap;
	const struct snapshot *live; /* the newest live snapshot, or NULL */
	double now_unix_s;           /* its clock: how long ago a moment is; NAN before one */
};

void travel_init(struct travel *tv);
/* A recording to travel in (h, not owned; NULL: none, and why says why, e.g. "--no-history"). */
void travel_attach(struct travel *tv, struct history_travel *h, const char *why);
/* Frees the kills' copies; the recording's moment is the handle's (history_travel_close). */
void travel_free(struct travel *tv);

/* After each refresh: the live snapshot, for the clock and, when a moment is shown, its
 * kills (copied again: the live snapshot's strings live until its next refresh). */
void travel_live_snapshot(struct travel *tv, const struct snapshot *live);

/* Where step lands from the moment shown (live: from now), without going there. 0 with
 * *out; -ENOENT past the end of the recording it steps towards (nothing recorded there);
 * -EALREADY for a forward step from live; -ENODEV without a recording; -EIO. */
int travel_find(struct travel *tv, enum travel_step step, int64_t *out);
/* The moment nearest t (unix s). 0, -ENOENT (nothing recorded), -ENODEV, -EIO. */
int travel_find_nearest(struct travel *tv, double t, int64_t *out);
/* The moment nearest to TRAVEL_BEFORE_KILL_S before kill_unix_s, if it is before the kill,
 * else the last one before it. 0, -ENOENT (nothing recorded before the kill), -EDOM (its time
 * is unknown), -ENODEV, -EIO. */
int travel_find_before(struct travel *tv, double kill_unix_s, int64_t *out);

/* Show the recorded moment t, with slopes over window_s: history mode. 0, or -errno and
 * nothing changes. */
int travel_show(struct travel *tv, int64_t t, double window_s);
/* Back to live; the moment's memory is freed. */
void travel_live(struct travel *tv);

/* What the panes show: the moment when on, else the live snapshot (NULL before one). */
const struct snapshot *travel_snapshot(const struct travel *tv);

/* t as local date and time, "2025-06-01 02:13:05" (buf: 20 bytes at least). */
char *travel_clock(char *buf, size_t n, double t_unix_s);
/* A time span, to the second below an hour: "42s", "20m30s", "2h05m", "3d04h". */
char *travel_span(char *buf, size_t n, double s);

#endif
