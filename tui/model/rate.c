/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/model/rate.h"

#include <math.h>

enum rate_class rate_classify(const struct slope *s, bool bytes)
{
	if (!s || isnan(s->per_s))
		return RATE_UNKNOWN;
	double h = s->per_s * 3600.0;
	double flat = bytes ? 1024.0 * 1024.0 : 1.0;
	double steep = bytes ? 100.0 * 1024.0 * 1024.0 : 100.0;
	if (fabs(h) < flat)
		return RATE_FLAT;
	if (h < 0)
		return RATE_FALLING;
	if (!isnan(s->fit) && s->fit < 0.5)
		return RATE_NOISY;
	return h >= steep ? RATE_STEEP : RATE_RISING;
}

enum theme_style rate_theme_style(const struct slope *s, bool bytes)
{
	switch (rate_classify(s, bytes)) {
	case RATE_STEEP: return S_LEAK_STEEP;
	case RATE_RISING: return S_LEAK_RISING;
	case RATE_NOISY: return S_LEAK_NOISY;
	case RATE_FALLING: return S_LEAK_FALLING;
	case RATE_UNKNOWN: return S_DIM;
	default: return S_NORMAL;
	}
}
