/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/model/rate.h — how steep and how steady a series rises: the colour of a rate on the screen
 * (the number itself is core/base/fmt.h's). Pure. */
#ifndef OOMTOP_TUI_RATE_H
#define OOMTOP_TUI_RATE_H

#include <stdbool.h>

#include "core/model.h"
#include "tui/config/theme.h"

enum rate_class {
	RATE_UNKNOWN, /* not enough samples */
	RATE_FLAT,    /* small either way */
	RATE_FALLING,
	RATE_NOISY,   /* rising, but a straight line explains it poorly (fit < 0.5) */
	RATE_RISING,  /* rising steadily */
	RATE_STEEP,   /* rising steadily and fast */
};

/* bytes: flat below 1 MiB/h, steep from 100 MiB/h; counts: flat below 1/h, steep from
 * 100/h. NULL or an unknown slope → RATE_UNKNOWN. */
enum rate_class rate_classify(const struct slope *s, bool bytes);

/* The style a rate is drawn in: the leak styles by its class, dimmed while unknown. */
enum theme_style rate_theme_style(const struct slope *s, bool bytes);

#endif
