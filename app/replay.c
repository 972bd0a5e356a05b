/* app/replay.c — see replay.h. */
#include "config.h"
#include "app/replay.h"

#include <string.h>

#include "core/history/boot.h"
#include "core/history/store.h"

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
