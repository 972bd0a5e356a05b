/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/estimate/rhythm.h — the rhythm of a unit's OOM kills: how many, how often, when the
 * next one is due ("photo.service: 6 kills in 24 h, every 4h10m ± 20m, last 02:14,
 * next ≈ 06:24"). Pure: kills in, figures out; no clock (the caller compares `next` with
 * now).
 *
 * How:
 *   - kills of one key (a unit) closer than RHYTHM_EPISODE_GAP_S to the one before are one
 *     episode (memory.oom.group kills a container's every process at once; a unit's kill
 *     and its restart's kill a few seconds later are one pressure event). The rhythm is
 *     that of episodes; intervals run from one episode's first kill to the next's.
 *   - interval: the median of the intervals, not the mean: one missed kill (a reboot that
 *     reset the leak, a kill the journal lost) doubles one interval, and the mean follows
 *     it while the median does not.
 *   - spread: the median absolute deviation of the intervals from that median — the same
 *     robustness for the "±"; it is the typical distance of an interval from the rhythm.
 *   - next: the last episode's start plus the interval.
 *   - 1 episode: no interval, spread or next (one kill says nothing about a rhythm).
 *     2 episodes: one interval is the interval and gives next, but no spread (one interval
 *     cannot say how regular it is). From 3 episodes on, all three.
 * Intervals are wall-clock (realtime) and run across reboots: a leak that kills every 4 h
 * keeps its rhythm whether or not the box rebooted in between.
 */
#ifndef OOMTOP_RHYTHM_H
#define OOMTOP_RHYTHM_H

#include <stddef.h>
#include <sys/types.h>

#define RHYTHM_EPISODE_GAP_S 5.0

struct rhythm_kill {
	const char *key;    /* the unit (or what stands for it); NULL: not counted */
	double time_unix_s; /* NAN: counted as a kill, left out of the timing */
};

struct rhythm {
	const char *key;          /* points into the input */
	size_t kills;             /* kills of this key */
	size_t episodes;          /* of which this many episodes (timed kills only) */
	double first_unix_s, last_unix_s; /* first and last kill; NAN when none is timed */
	double last_episode_unix_s; /* start of the last episode */
	double interval_s;        /* median interval between episodes; NAN < 2 episodes */
	double spread_s;          /* median absolute deviation of the intervals; NAN < 3 */
	double next_unix_s;       /* last_episode_unix_s + interval_s; NAN < 2 episodes */
};

/* One rhythm per key of kills[0..n), most kills first (then the latest last kill, then the
 * key). *out is allocated (free() it; NULL when there are none). Returns how many, or -1
 * when out of memory. */
ssize_t rhythm_compute(const struct rhythm_kill *kills, size_t n, struct rhythm **out);

#endif
