/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/model/travel.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void travel_init(struct travel *tv)
{
	memset(tv, 0, sizeof(*tv));
	tv->now_unix_s = NAN;
}

void travel_attach(struct travel *tv, struct history_travel *h, const char *why)
{
	tv->h = h;
	snprintf(tv->why, sizeof(tv->why), "%s",
	         h               ? ""
	         : why && why[0] ? why
	                         : "no recorded history");
}

void travel_free(struct travel *tv)
{
	free(tv->kills);
	tv->kills = NULL;
	tv->cap = 0;
	tv->shown.events = NULL;
	tv->shown.nevents = 0;
}

/* shown's kills: the live ones that had happened by the moment (oldest first, as live). A
 * kill of unknown time cannot be placed: left out. Out of memory: none. */
static void graft_kills(struct travel *tv)
{
	const struct snapshot *s = tv->live;
	size_t n = 0;
	if (s && s->nevents > tv->cap) {
		struct oom_event *k = realloc(tv->kills, s->nevents * sizeof(*k));
		if (k) {
			tv->kills = k;
			tv->cap = s->nevents;
		}
	}
	for (size_t i = 0; s && i < s->nevents && n < tv->cap; i++)
		if (!isnan(s->events[i].time_unix_s) &&
		    s->events[i].time_unix_s <= (double)tv->moment)
			tv->kills[n++] = s->events[i];
	tv->shown.events = n ? tv->kills : NULL;
	tv->shown.nevents = n;
	tv->shown.events_unavailable = s ? s->events_unavailable : NULL;
}

void travel_live_snapshot(struct travel *tv, const struct snapshot *live)
{
	tv->live = live;
	if (live)
		tv->now_unix_s = live->time_unix_s;
	if (tv->on)
		graft_kills(tv);
}

/* Where steps from live start: the live clock; before the first refresh, the newest
 * moment recorded. */
static int now_of(struct travel *tv, double *now)
{
	int64_t first, last;
	if (!isnan(tv->now_unix_s)) {
		*now = tv->now_unix_s;
		return 0;
	}
	int rc = history_travel_range(tv->h, &first, &last);
	*now = (double)last;
	return rc;
}

/* The oldest moment at or after t. */
static int at_or_after(struct travel *tv, int64_t t, int64_t *out)
{
	return history_travel_step(tv->h, t - 1, 1, out);
}

int travel_find(struct travel *tv, enum travel_step step, int64_t *out)
{
	if (!tv->h)
		return -ENODEV;
	if (!tv->on && (step == TRAVEL_NEXT || step == TRAVEL_MINUTE_FORWARD))
		return -EALREADY;
	double from = (double)tv->moment;
	int rc = tv->on ? 0 : now_of(tv, &from);
	if (rc)
		return rc;
	int64_t first, last;
	switch (step) {
	case TRAVEL_PREV:
		if (tv->on)
			return history_travel_step(tv->h, tv->moment, -1, out);
		return history_travel_at_or_before(tv->h, from, out);
	case TRAVEL_NEXT:
		return history_travel_step(tv->h, tv->moment, 1, out);
	case TRAVEL_MINUTE_BACK:
		rc = history_travel_at_or_before(tv->h, from - TRAVEL_MINUTE_S, out);
		if (rc != -ENOENT)
			return rc;
		/* less than a minute is left: the oldest, unless it is shown already */
		if ((rc = history_travel_range(tv->h, &first, &last)))
			return rc;
		if ((double)first >= from)
			return -ENOENT;
		*out = first;
		return 0;
	case TRAVEL_MINUTE_FORWARD:
		rc = at_or_after(tv, tv->moment + TRAVEL_MINUTE_S, out);
		if (rc != -ENOENT)
			return rc;
		if ((rc = history_travel_range(tv->h, &first, &last)))
			return rc;
		if (last <= tv->moment)
			return -ENOENT;
		*out = last;
		return 0;
	}
	return -EINVAL;
}

int travel_find_nearest(struct travel *tv, double t, int64_t *out)
{
	return tv->h ? history_travel_nearest(tv->h, t, out) : -ENODEV;
}

int travel_find_before(struct travel *tv, double kill_unix_s, int64_t *out)
{
	if (!tv->h)
		return -ENODEV;
	if (!isfinite(kill_unix_s))
		return -EDOM;
	int rc = history_travel_nearest(tv->h, kill_unix_s - TRAVEL_BEFORE_KILL_S, out);
	if (rc || (double)*out < kill_unix_s)
		return rc;
	/* recorded only from less than that before it: the last moment before it */
	return history_travel_step(tv->h, (int64_t)ceil(kill_unix_s), -1, out);
}

int travel_show(struct travel *tv, int64_t t, double window_s)
{
	if (!tv->h)
		return -ENODEV;
	const struct snapshot *s;
	int rc = history_travel_load(tv->h, t, window_s, &s);
	if (rc)
		return rc;
	tv->shown = *s;
	tv->moment = t;
	tv->on = true;
	graft_kills(tv);
	return 0;
}

void travel_live(struct travel *tv)
{
	tv->on = false;
	if (tv->h)
		history_travel_unload(tv->h);
	memset(&tv->shown, 0, sizeof(tv->shown));
}

const struct snapshot *travel_snapshot(const struct travel *tv)
{
	return tv->on ? &tv->shown : tv->live;
}

char *travel_clock(char *buf, size_t n, double t_unix_s)
{
	time_t tt = (time_t)floor(t_unix_s);
	struct tm tm;
	if (!isfinite(t_unix_s) || !localtime_r(&tt, &tm) ||
	    !strftime(buf, n, "%Y-%m-%d %H:%M:%S", &tm))
		snprintf(buf, n, "?");
	return buf;
}

char *travel_span(char *buf, size_t n, double s)
{
	long v = isfinite(s) ? lround(fabs(s)) : -1;
	if (v < 0)
		snprintf(buf, n, "?");
	else if (v < 60)
		snprintf(buf, n, "%lds", v);
	else if (v < 3600)
		snprintf(buf, n, "%ldm%02lds", v / 60, v % 60);
	else if (v < 86400)
		snprintf(buf, n, "%ldh%02ldm", v / 3600, (v % 3600) / 60);
	else
		snprintf(buf, n, "%ldd%02ldh", v / 86400, (v % 86400) / 3600);
	return buf;
}
