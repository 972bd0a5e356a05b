/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/timetravel.c — see timetravel.h. */
#include "config.h"
#include "app/timetravel.h"

#include <errno.h>
#include <math.h>

#include "core/history/travel.h"
#include "core/history/when.h"

int timetravel_open(const struct run_config *rc, bool no_history, double now_unix_s,
                    struct tui_config *tc, char *why, size_t whylen, FILE *err)
{
	tc->history = NULL;
	tc->history_why = why;
	tc->at_unix_s = NAN;
	if (!rc->history_path) {
		snprintf(why, whylen,
		         no_history ? "no recorded history (--no-history)"
		                    : "no recorded history here: oomtop --record records one, "
		                      "--history=PATH reads one");
		return 0;
	}
	char msg[600];
	int r = history_travel_open(&tc->history, rc->history_path, msg, sizeof(msg));
	if (r != 0) {
		snprintf(why, whylen, "history: %s", msg);
		if (!rc->at)
			return 0;
		fprintf(err, "oomtop: history: %s\n", msg);
		return 1;
	}
	if (!rc->at)
		return 0;
	double when;
	int64_t t;
	if (history_when_parse(rc->at, now_unix_s, &when) != 0) { /* checked by the options */
		fprintf(err, "oomtop: --at: '%s' is not a time\n", rc->at);
		timetravel_close(tc);
		return 2;
	}
	r = history_travel_nearest(tc->history, when, &t);
	if (r != 0) {
		fprintf(err, "oomtop: %s holds no recorded moment%s\n", rc->history_path,
		        r == -ENOENT ? "" : " that can be read");
		timetravel_close(tc);
		return 1;
	}
	tc->at_unix_s = when;
	return 0;
}

void timetravel_close(struct tui_config *tc)
{
	history_travel_close(tc->history);
	tc->history = NULL;
}
