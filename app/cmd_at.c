/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/cmd_at.c — see cmd_at.h. */
#include "config.h"
#include "app/cmd_at.h"

#include <errno.h>
#include <string.h>

#include "app/cmd_batch.h"
#include "app/signals.h"
#include "core/history/moment.h"
#include "core/history/store.h"
#include "core/history/timeline.h"
#include "core/history/when.h"

int cmd_at_run(const struct run_config *rc, double now_unix_s, FILE *out, FILE *err)
{
	double when;
	if (history_when_parse(rc->at, now_unix_s, &when) != 0) { /* checked by the options */
		fprintf(err, "oomtop: --at: '%s' is not a time\n", rc->at);
		return 2;
	}
	struct history_store *st;
	char msg[600];
	if (history_store_open(&st, rc->history_path, HISTORY_STORE_READ, msg, sizeof(msg)) != 0) {
		fprintf(err, "oomtop: history: %s\n", msg);
		return 1;
	}
	int64_t t;
	int rc_t = history_timeline_nearest(st, when, &t);
	if (rc_t != 0) {
		fprintf(err, "oomtop: %s holds no recorded moment%s\n", rc->history_path,
			rc_t == -ENOENT ? "" : " that can be read");
		history_store_close(st);
		return 1;
	}
	struct cmd_batch_out bo;
	int status = cmd_batch_out_init(&bo, out, rc->output_path, err);
	if (status) {
		history_store_close(st);
		return status;
	}
	for (long i = 0; !signals_stop() && (rc->iterations == 0 ? i < 1 : i < rc->iterations); i++) {
		if (i > 0 && history_timeline_step(st, t, 1, &t) != 0)
			break; /* the recording ends here */
		struct history_moment m;
		int r = history_moment_load(st, t, rc->set.window_s, &m);
		if (r != 0) {
			fprintf(err, "oomtop: history: cannot read the moment %lld: %s\n", (long long)t, strerror(-r));
			status = 1;
			break;
		}
		bool go_on = cmd_batch_out_print(&bo, &m.snap, rc, err, &status);
		history_moment_free(&m);
		if (!go_on)
			break;
	}
	cmd_batch_out_free(&bo);
	history_store_close(st);
	return status;
}
