/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/travel.c — see travel.h. */
#include "config.h"
#include "core/history/travel.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>

#include "core/history/moment.h"
#include "core/history/store.h"
#include "core/history/timeline.h"

struct history_travel {
	struct history_store *st;
	struct history_moment m; /* the loaded moment, when loaded */
	bool loaded;
};

int history_travel_open(struct history_travel **out, const char *path, char *err, size_t errlen)
{
	*out = NULL;
	struct history_travel *tr = calloc(1, sizeof(*tr));
	if (!tr)
		return -ENOMEM;
	int rc = history_store_open(&tr->st, path, HISTORY_STORE_READ, err, errlen);
	if (rc) {
		free(tr);
		return rc;
	}
	*out = tr;
	return 0;
}

void history_travel_unload(struct history_travel *tr)
{
	if (tr && tr->loaded) {
		history_moment_free(&tr->m);
		tr->loaded = false;
	}
}

void history_travel_close(struct history_travel *tr)
{
	if (!tr)
		return;
	history_travel_unload(tr);
	history_store_close(tr->st);
	free(tr);
}

int history_travel_range(struct history_travel *tr, int64_t *first, int64_t *last)
{
	return history_timeline_range(tr->st, first, last);
}

int history_travel_nearest(struct history_travel *tr, double t, int64_t *out)
{
	return history_timeline_nearest(tr->st, t, out);
}

int history_travel_step(struct history_travel *tr, int64_t t, int dir, int64_t *out)
{
	return history_timeline_step(tr->st, t, dir, out);
}

int history_travel_at_or_before(struct history_travel *tr, double t, int64_t *out)
{
	return history_timeline_at_or_before(tr->st, t, out);
}

int history_travel_load(struct history_travel *tr, int64_t t, double window_s,
                        const struct snapshot **out)
{
	struct history_moment m;
	int rc = history_moment_load(tr->st, t, window_s, &m);
	if (rc)
		return rc;
	history_travel_unload(tr);
	tr->m = m;
	tr->loaded = true;
	*out = &tr->m.snap;
	return 0;
}
