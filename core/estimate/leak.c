/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/estimate/leak.c — exponentially weighted least-squares slope; see leak.h for the
 * contract and the reasoning. */
#include "config.h"

#include "core/estimate/leak.h"

#include <math.h>
#include <string.h>

_Static_assert(sizeof(struct leak_series) == LEAK_SERIES_BYTES,
               "struct leak_series must stay small: it is embedded per process and per series");

void leak_reset(struct leak_series *s)
{
	memset(s, 0, sizeof(*s));
}

/* The span restarts with this sample as the only one. */
static void leak_start(struct leak_series *s, int64_t t_ms, double value)
{
	leak_reset(s);
	s->weight = 1.0;
	s->mean_y = value;
	s->t_last_ms = t_ms;
	s->nsamples = 1;
}

bool leak_push(struct leak_series *s, int64_t t_ms, double value, double window_s)
{
	if (!isfinite(value) || !(window_s > 0))
		return false;
	if (s->nsamples == 0) {
		leak_start(s, t_ms, value);
		return true;
	}
	if (t_ms < s->t_last_ms)
		return false;
	int64_t dt_ms = t_ms - s->t_last_ms;
	if ((double)dt_ms > window_s * 1000.0) {
		leak_start(s, t_ms, value); /* everything before is outside the window */
		return true;
	}

	/* Age the old samples: move the time origin to t_ms, multiply every weight by
	 * exp(-dt/tau).  Scaling all weights alike leaves the means alone. */
	double dt_s = (double)dt_ms / 1000.0;
	double decay = exp(-dt_s / (window_s * LEAK_TAU_PER_WINDOW)); /* <= 0 */
	s->weight *= decay;
	s->cxx *= decay;
	s->cxy *= decay;
	s->cyy *= decay;
	s->mean_x_s -= dt_s;

	/* Add (x = 0, y = value) with weight 1: weighted Welford update. */
	double weight = s->weight + 1.0;
	double dx = 0.0 - s->mean_x_s;
	double dy = value - s->mean_y;
	s->mean_x_s += dx / weight;
	s->mean_y += dy / weight;
	s->cxx += dx * (0.0 - s->mean_x_s);
	s->cxy += dx * (value - s->mean_y);
	s->cyy += dy * (value - s->mean_y);
	s->weight = weight;

	s->t_last_ms = t_ms;
	uint64_t span_ms = (uint64_t)s->span_ms + (uint64_t)dt_ms;
	s->span_ms = span_ms > UINT32_MAX ? UINT32_MAX : (uint32_t)span_ms;
	if (s->nsamples < UINT32_MAX)
		s->nsamples++;
	return true;
}

struct slope leak_estimate(const struct leak_series *s, int64_t now_ms, double window_s)
{
	struct slope none = {NAN, NAN};
	if (!(window_s > 0) || s->nsamples < LEAK_MIN_SAMPLES)
		return none;
	double window_ms = window_s * 1000.0;
	if ((double)s->span_ms < window_ms * LEAK_MIN_SPAN_PER_WINDOW)
		return none;
	if ((double)(now_ms - s->t_last_ms) > window_ms)
		return none; /* stale: nothing inside the window */
	if (!(s->cxx > 0))
		return none;

	struct slope r;
	r.per_s = s->cxy / s->cxx;
	if (!(s->cyy > 0)) {
		r.fit = 1.0; /* a flat line is a line */
	} else {
		r.fit = s->cxy * s->cxy / (s->cxx * s->cyy);
		if (r.fit > 1.0)
			r.fit = 1.0; /* rounding */
	}
	return r;
}

void leak_shift(struct leak_series *s, int64_t delta_ms)
{
	if (s->nsamples)
		s->t_last_ms += delta_ms;
}

double leak_eta_s(double value, double limit, struct slope s)
{
	if (!isfinite(value) || !isfinite(limit))
		return NAN;
	if (value >= limit)
		return 0.0;
	if (!(s.per_s > 0) || !isfinite(s.per_s))
		return NAN;
	return (limit - value) / s.per_s;
}

double leak_eta_down_s(double value, double floor_value, struct slope s)
{
	struct slope up = {-s.per_s, s.fit};
	return leak_eta_s(-value, -floor_value, up);
}
