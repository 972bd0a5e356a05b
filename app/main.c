/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/main.c — main(): parse the command line, then run one command: the screen (live, or
 * from a recorded moment with --at), batch output (live, or a recorded moment with --at),
 * the recorder, the OOM kills (the journal or the kernel log, and the recorded ones), or a
 * one-off oom_score_adj write. The only
 * place that exits (README "Layout": app → tui → core): every command returns its exit
 * status here. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/cmd_at.h"
#include "app/cmd_batch.h"
#include "app/cmd_events.h"
#include "app/cmd_record.h"
#include "app/cmd_setadj.h"
#include "app/diag.h"
#include "app/replay.h"
#include "app/run_config.h"
#include "app/options.h"
#include "app/selfprotect.h"
#include "app/signals.h"
#include "app/timetravel.h"
#include "core/base/util.h"
#include "core/collector.h"
#include "core/klog/journal_source.h"
#include "core/klog/kmsg_source.h"
#include "core/history/store.h"
#include "tui/app.h"
#include "tui/screen.h"
#include "tui/term_check.h"

/* Settings-file problems: to stderr at once (before the screen, they stay readable after
 * it ends); the screen also shows the first one in its status line. */
static void report_stderr(void *ud, const char *msg)
{
	(void)ud;
	diag(stderr, "%s", msg);
}

/* Batch output or the screen: the settings merged with the command line, a collector. */
static int run_collecting(const struct options *o)
{
	char err[512];
	struct run_config rc;
	int status = run_config_load(&rc, o, RUN_CONFIG_SYSTEM_RC, report_stderr, NULL, err, sizeof(err));
	if (status != 0) {
		diag(stderr, "%s", err);
		return status;
	}
	/* files named on the command line must exist: exit 1 now, not a note later */
	if (rc.kmsg_path && kmsg_source_probe(rc.kmsg_path, err, sizeof(err)) < 0) {
		diag(stderr, "%s", err);
		return 1;
	}
	if (rc.journal_path && access(rc.journal_path, R_OK) != 0) {
		diag(stderr, "cannot open journal %s: %s", rc.journal_path, strerror(errno));
		return 1;
	}
	if (rc.journal && !journal_source_built()) {
		diag(stderr, "--journal: built without journal support (libsystemd)");
		return 1;
	}
	if (rc.output_path) { /* --output's directory must exist: exit 1 now, not after a refresh */
		char dir[4096];
		const char *name;
		struct stat st;
		if (!cmd_batch_output_split(rc.output_path, dir, sizeof(dir), &name)) {
			diag(stderr, "--output: '%s' does not name a file", rc.output_path);
			return 2;
		}
		if (stat(dir, &st) != 0) {
			diag(stderr, "cannot write %s: %s: %s", rc.output_path, dir, strerror(errno));
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			diag(stderr, "cannot write %s: %s is not a directory", rc.output_path, dir);
			return 1;
		}
	}
	if (o->mode == MODE_SCREEN && o->theme && strchr(o->theme, '/') && access(o->theme, R_OK) != 0) {
		diag(stderr, "cannot open theme %s: %s", o->theme, strerror(errno));
		return 1;
	}
	/* a screen that cannot be drawn here is a usage mistake: say so before collecting */
	if (o->mode == MODE_SCREEN && term_check_usable(err, sizeof(err)) != 0) {
		diag(stderr, "%s", err);
		return 2;
	}
	signals_install();
	if (rc.at && !rc.history_path) {
		fprintf(stderr, "oomtop: --at: no recorded history here (give --history=PATH; "
				"oomtop --record records one)\n");
		return 1;
	}
	if (rc.at && o->mode == MODE_BATCH) /* a moment: nothing of the running machine is read */
		return cmd_at_run(&rc, util_now_unix_s(), stdout, stderr);
	struct history_replay *past;
	status = replay_open(&rc, util_now_unix_s(), &past, stderr);
	if (status != 0)
		return status;
	/* the screen: the recording its history keys step through, and where --at opens it */
	struct tui_config tc;
	char why[700];
	run_config_screen(&rc, signals_fd(), signals_stop, &tc);
	if (o->mode == MODE_SCREEN)
		status = timetravel_open(&rc, o->no_history, util_now_unix_s(), &tc, why,
		                         sizeof(why), stderr);
	if (status != 0) {
		history_replay_free(past);
		return status;
	}

	/* it watches machines running out of memory: be the process that survives */
	struct selfprotect sp;
	selfprotect_apply("/proc", rc.readonly, &sp);

	struct collector_config cc;
	run_config_collector(&rc, &cc);
	cc.extra_note = sp.note;
	cc.past = past ? history_replay_past(past) : NULL; /* the collector frees it */
	struct collector *c = collector_new(&cc, err, sizeof(err));
	if (!c) {
		diag(stderr, "%s", err);
		timetravel_close(&tc);
		return 1;
	}
	struct replay_trail *trail = NULL;
	if (o->mode == MODE_BATCH) {
		status = cmd_batch_run(c, &rc, stdout, stderr);
	} else {
		/* the detail view's plots start with the recorded window */
		trail = replay_trail_open(&rc);
		collector_trail_source(c, replay_trail_source(trail));
		signals_on_crash(screen_emergency_restore);
		status = tui_run(c, &tc);
		signals_on_crash(NULL);
	}
	collector_free(c);
	timetravel_close(&tc);
	replay_trail_close(trail);
	return status;
}

/* --record: the history opened for writing (refusing what is not ours, or held by another
 * recorder), self-protection, a collector, the recorder's loop. */
static int run_recording(const struct options *o)
{
	char err[600];
	struct run_config rc;
	int status = run_config_load(&rc, o, RUN_CONFIG_SYSTEM_RC, report_stderr, NULL, err, sizeof(err));
	if (status != 0) {
		diag(stderr, "%s", err);
		return status;
	}
	signals_install();
	struct history_store *st;
	if (history_store_open(&st, rc.history_path, HISTORY_STORE_RECORD, err, sizeof(err)) != 0) {
		diag(stderr, "%s", err);
		return 1;
	}
	struct selfprotect sp;
	selfprotect_apply("/proc", rc.readonly, &sp);
	struct collector_config cc;
	run_config_collector(&rc, &cc);
	cc.extra_note = sp.note;
	struct collector *c = collector_new(&cc, err, sizeof(err));
	if (!c) {
		diag(stderr, "%s", err);
		history_store_close(st);
		return 1;
	}
	status = cmd_record_run(c, st, &rc, stderr);
	collector_free(c);
	history_store_close(st);
	return status;
}

/* --events: the kernel's kills, and the recorded ones (a history needs no settings). */
static int run_events(const struct options *o)
{
	char err[600];
	struct run_config rc;
	memset(&rc, 0, sizeof(rc));
	int status = run_config_history_here(&rc, o, err, sizeof(err));
	if (status != 0) {
		diag(stderr, "%s", err);
		return status;
	}
	struct events_cmd_config ec = {
		.kmsg_path = o->kmsg_path, .journal = o->journal, .journal_path = o->journal_path,
		.follow = o->follow, .by_unit = o->by_unit,
		.fmt = o->format == OUTPUT_JSON ? EVENTS_FORMAT_JSON : EVENTS_FORMAT_TEXT,
		.history_path = rc.history_path, .history_given = rc.history_given,
	};
	return events_cmd_run(&ec, stdout, stderr);
}

int main(int argc, char **argv)
{
	struct options o;
	char err[512];
	if (options_parse(&o, argc, argv, getenv("NO_COLOR"), err, sizeof(err)) != 0) {
		diag(stderr, "%s", err);
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
		return cmd_setadj_run(NULL, o.set_adj, o.nset_adj,
				      (o.readonly ? OOM_ADJ_F_READONLY : 0) | (o.force ? OOM_ADJ_F_FORCE : 0), stdout,
				      stderr);
	case MODE_EVENTS:
		return run_events(&o);
	case MODE_RECORD:
		return run_recording(&o);
	case MODE_BATCH:
	case MODE_SCREEN:
		break;
	}
	return run_collecting(&o);
}
