/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/estimate/leak.h — leak-rate estimation: the slope of one series (RSS, fd count, thread
 * count, cgroup usage, MemAvailable) over the leak-rate window, how well a straight line
 * explains it, and the time until it reaches a limit.  Pure: timestamps are passed in
 * (monotonic milliseconds), no I/O, no allocation, never exits.
 *
 * Estimator: exponentially weighted least squares.  Every sample gets the weight
 * exp(-age / tau) with tau = window / 3 (LEAK_TAU_PER_WINDOW), so a sample one window old
 * still counts 5 %, two windows 0.25 %.  The state keeps the weighted means and centred
 * co-moments of (time, value) — West's incremental algorithm with a forgetting factor —
 * so it is O(1): 64 bytes whatever the window or the refresh rate, and one exp() per push.
 * Why this and not a ring of bucket means: in the same 64 bytes a ring holds only ~6
 * coarse buckets, its window edge jumps a bucket at a time, and irregular spacing needs
 * extra per-bucket centroids; the weighted fit takes the exact time of every sample.
 * How it reads noise: the slope is a linear filter of the series.  A sinusoid of amplitude
 * A and angular frequency w moves it by A*w / (1 + (w*tau)^2): at most A / (2*tau) =
 * 1.5*A / window (period ~2 windows), little for periods well under the window.  A garbage
 * collector's sawtooth of height H is a sum of such sinusoids; measured in check_leak.c
 * (1 s refresh, 30 s window, every phase, +-100 ms jitter) a 16 MiB sawtooth of any period
 * from 1.5 s to 10 s moves the slope by at most 0.27 MiB/s (~0.5*H/window) — including
 * periods that alias against the refresh (2.03 s reads as a 66 s wave); periods near the
 * window approach the bound for a step, H/(e*tau).  A straight line (a real leak) is read
 * without bias, even with irregular spacing.  White noise of deviation sigma sampled every
 * dt gives the slope a deviation of sigma*sqrt(dt / (4*tau^3)), a little better than an
 * unweighted fit over exactly one window (sigma*sqrt(12*dt / window^3)).
 * After a step of height H the slope peaks at H/(e*tau) when the step is tau old and fades
 * as (age/tau)*exp(-age/tau): to 41 % of the peak one window later, 4 % two windows later.
 *
 * "Enough data" (the man page says it this way): a slope is given once the series holds
 * at least LEAK_MIN_SAMPLES samples spanning at least half the window
 * (LEAK_MIN_SPAN_PER_WINDOW), and its newest sample is not older than one window.
 * Until then, and after a reset, leak_estimate() returns NAN for both fields.  A gap of
 * more than a window between two samples (a stalled refresh, a stopped process) starts
 * the span afresh: what came before is outside the window.  So a refresh interval longer
 * than the window never gives a slope, and one over window/4 needs more than the window to
 * reach LEAK_MIN_SAMPLES: the option parser should keep delay well under the window.
 *
 * Call order: leak_reset() (or zero-initialise) once, and again when a pid is reused;
 * leak_push() per refresh; leak_estimate() whenever a slope is wanted.  Pass the same
 * window to both; changing it mid-series is harmless (the old samples fade with the old
 * time constant, new ones with the new) and settles within a window.  A ghost row (the
 * process exited) keeps its last slope when estimated at the time of its last sample;
 * estimated at "now" it turns NAN one window after the exit. */
#ifndef OOMTOP_LEAK_H
#define OOMTOP_LEAK_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"

#define LEAK_TAU_PER_WINDOW (1.0 / 3.0) /* tau = window * this */
#define LEAK_MIN_SAMPLES 5              /* samples since the (re)start of the span */
#define LEAK_MIN_SPAN_PER_WINDOW 0.5    /* newest - oldest >= window * this */
#define LEAK_SERIES_BYTES 64            /* sizeof(struct leak_series), asserted in tests */

/* One series.  All-zero bytes is a valid empty series (same as after leak_reset()).
 * Fields are private to core/estimate/leak.c; they are here only so callers can embed the
 * state. */
struct leak_series {
	double weight;        /* sum of the sample weights, decayed to t_last_ms */
	double mean_x_s;      /* weighted mean sample time, seconds relative to t_last_ms (<= 0) */
	double mean_y;        /* weighted mean value, units of the series */
	double cxx, cxy, cyy; /* weighted centred co-moments: s^2, units*s, units^2 */
	int64_t t_last_ms;    /* newest sample, monotonic ms */
	uint32_t span_ms;     /* newest - oldest since the span (re)started; saturates */
	uint32_t nsamples;    /* since the span (re)started; saturates */
};

/* Forget everything: for a new series or a pid that now names another process. */
void leak_reset(struct leak_series *s);

/* Add one sample: `value` (units of the series) seen at monotonic time t_ms.
 * A non-finite value (unknown) or a time older than the newest sample is ignored and
 * false returned; a sample at the same time as the newest is accepted.
 * window_s > 0 is the leak-rate window in seconds (-w). */
bool leak_push(struct leak_series *s, int64_t t_ms, double value, double window_s);

/* Slope in units of the series per second over the window ending at now_ms, and its fit:
 * the weighted r^2, 0..1, the share of the series' variance a straight line explains
 * (1 = a steady ramp, or a flat line; near 0 = noise around a level).
 * Both NAN until the window holds enough data (see above). */
struct slope leak_estimate(const struct leak_series *s, int64_t now_ms, double window_s);

/* Move the series to another clock: every sample time, past and future, shifts by
 * delta_ms. A series built on one clock (a recording, in wall-clock ms) is continued on
 * another (the collector's monotonic ms) by shifting it by (mono now - wall now).
 * Exact: the state holds times only relative to its newest sample. */
void leak_shift(struct leak_series *s, int64_t delta_ms);

/* Seconds until `value` reaches `limit` going up at slope s (same units):
 * 0 when value is already at or over limit; NAN when limit or value is not finite
 * (no limit, unknown), or s.per_s is not > 0 (flat, shrinking or unknown). */
double leak_eta_s(double value, double limit, struct slope s);

/* Seconds until `value` falls to `floor_value` going down at slope s (s.per_s < 0): the
 * system's MemAvailable reaching 0.  0 when at or under; NAN as for leak_eta_s(). */
double leak_eta_down_s(double value, double floor_value, struct slope s);

#endif
