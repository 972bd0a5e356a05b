/* oomtop.c — main(): parse options, then run batch mode, the events command, a one-off
 * oom_score_adj write, or the screen. The only place that exits (DESIGN §6). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/cmd_batch.h"
#include "app/cmd_events.h"
#include "app/options.h"
#include "app/selfprotect.h"
#include "app/cmd_setadj.h"
#include "core/collector.h"
#include "tui/app.h"

int main(int argc, char **argv)
{
	struct options o;
	char err[512];
	if (options_parse(&o, argc, argv, getenv("NO_COLOR"), err, sizeof(err)) != 0) {
		fprintf(stderr, "oomtop: %s\n", err);
		return 2;
	}
	switch (o.mode) {
	case MODE_HELP:
		fputs(options_usage(), stdout);
		return 0;
	case MODE_VERSION:
		puts(PACKAGE_STRING);
		return 0;
	case MODE_SET_ADJ:
		return setadj_cmd_run(o.set_adj, o.readonly, stdout, stderr);
	case MODE_EVENTS:
		return events_cmd_run(o.kmsg_path, o.follow,
				      o.format == OUTPUT_JSON ? EVENTS_FORMAT_JSON : EVENTS_FORMAT_TEXT, stdout, stderr);
	case MODE_BATCH:
	case MODE_SCREEN:
		break;
	}

	/* files named on the command line must exist: exit 1 now, not a note later */
	if (o.kmsg_path && strcmp(o.kmsg_path, "-") != 0 && access(o.kmsg_path, R_OK) != 0) {
		fprintf(stderr, "oomtop: cannot open %s: %s\n", o.kmsg_path, strerror(errno));
		return 1;
	}
	if (o.mode == MODE_SCREEN && o.theme && strchr(o.theme, '/') && access(o.theme, R_OK) != 0) {
		fprintf(stderr, "oomtop: cannot open theme %s: %s\n", o.theme, strerror(errno));
		return 1;
	}

	/* it watches machines running out of memory: be the process that survives */
	struct selfprotect sp;
	selfprotect_apply("/proc", o.readonly, &sp);

	struct collector_config cfg;
	collector_config_defaults(&cfg);
	cfg.extra_note = sp.note;
	cfg.kmsg_path = o.kmsg_path; /* --kmsg: the events of batch and screen come from it */
	cfg.interval_s = o.delay_s;
	cfg.window_s = o.window_s;
	struct collector *c = collector_new(&cfg, err, sizeof(err));
	if (!c) {
		fprintf(stderr, "oomtop: %s\n", err);
		return 1;
	}
	int status;
	if (o.mode == MODE_BATCH) {
		status = batch_run(c, &o, stdout, stderr);
	} else {
		struct tui_options to;
		tui_options_defaults(&to);
		to.delay_s = o.delay_s;
		if (o.sort_given) {
			to.sort = (int)o.sort;
		}
		to.pids = o.pids;
		to.npids = o.npids;
		to.by_uid = o.by_uid;
		to.uid = o.uid;
		to.cgroup = o.cgroup;
		to.theme = o.theme;
		to.no_color = o.no_color;
		to.readonly = o.readonly;
		to.iterations = o.iterations;
		status = tui_run(c, &to);
	}
	collector_free(c);
	return status;
}
