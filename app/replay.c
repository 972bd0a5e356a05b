/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/replay.c — see replay.h. */
#include "config.h"
#include "app/replay.h"

#include <stdlib.h>
#include <string.h>

#include "core/history/boot.h"
#include "core/history/store.h"
#include "core/history/trail.h"

int replay_open(const struct run_config *rc, double now_unix_s, struct history_replay **out, FILE *err)
{
	*out = NULL;
	if (!rc->history_path)
		return 0;
	struct history_store *st;
	char msg[600];
	int r = history_store_open(&st, rc->history_path, HISTORY_STORE_READ, msg, sizeof(msg));
	if (r != 0) {
		fprintf(err, "oomtop: history: %s%s\n", msg, rc->history_given ? "" : " (going on without it)");
		return rc->history_given ? 1 : 0;
	}
	struct history_boot boot;
	r = history_boot_read("/proc", &boot);
	if (r == 0)
		r = history_replay_load(st, &boot, now_unix_s, rc->set.window_s, out);
	if (r != 0)
		fprintf(err, "oomtop: history: cannot read %s: %s%s\n", rc->history_path, strerror(-r),
			rc->history_given ? "" : " (going on without it)");
	history_store_close(st);
	return r != 0 && rc->history_given ? 1 : 0;
}

struct replay_trail {
	struct history_store *st;
	struct history_trail *trail;
};

struct replay_trail *replay_trail_open(const struct run_config *rc)
{
	if (!rc->history_path)
		return NULL;
	struct replay_trail *r = calloc(1, sizeof(*r));
	char msg[600];
	struct history_boot boot;
	if (!r || history_store_open(&r->st, rc->history_path, HISTORY_STORE_READ, msg, sizeof(msg)) != 0) {
		free(r);
		return NULL;
	}
	if (history_boot_read("/proc", &boot) != 0 || history_trail_open(r->st, &boot, &r->trail) != 0) {
		replay_trail_close(r);
		return NULL;
	}
	return r;
}

const struct proc_trail_source *replay_trail_source(struct replay_trail *r)
{
	return r ? history_trail_source(r->trail) : NULL;
}

void replay_trail_close(struct replay_trail *r)
{
	if (!r)
		return;
	history_trail_free(r->trail);
	if (r->st)
		history_store_close(r->st);
	free(r);
}
