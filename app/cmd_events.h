/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/cmd_events.h — `oomtop --events [--follow] [--by-unit] [--format text|json]
 * [--journal[=PATH] | --kmsg FILE|-]` (oomtop(1), docs/json.md): print the OOM kills, oldest first,
 * one per line — or, with --by-unit, one line per unit with its kills and their rhythm.
 *
 * The source is core/klog/oom_source.h's choice: the journal (every killer, this boot and
 * earlier ones) when readable, else the kernel log. Without --follow it prints every kill
 * found and returns. With follow it prints what the log holds, then each new kill about a
 * second after it is logged (reaped is then null: the reaper reports seconds later),
 * waiting on the source's descriptor between them, until a signal ends the process; a
 * file is followed like `tail -f`, a pipe or FIFO waited on in poll() while it has a writer.
 * Errors go to err as one "oomtop: ..." line (without permission: why, and the kill
 * counter anyone can read). Returns the exit status: 0 success, 1 runtime failure.
 */
#ifndef OOMTOP_EVENTS_CMD_H
#define OOMTOP_EVENTS_CMD_H

#include <stdbool.h>
#include <stdio.h>

enum events_format { EVENTS_FORMAT_TEXT, EVENTS_FORMAT_JSON };

struct events_cmd_config {
	const char *kmsg_path;    /* --kmsg FILE or "-"; NULL not given */
	bool journal;             /* --journal given */
	const char *journal_path; /* its PATH, or NULL for the system journal */
	bool follow, by_unit;
	enum events_format fmt;
	/* A recording (core/history/events.h) whose kills are listed too, in time order among
	 * the log's, each kill once (the log's copy of a recorded kill is dropped); NULL:
	 * none. history_given: named with --history (unreadable: exit 1; else a warning).
	 * When the log cannot be read, the recorded kills are still listed (exit 0 without
	 * --follow). With --by-unit they are grouped with the log's. */
	const char *history_path;
	bool history_given;
};

int events_cmd_run(const struct events_cmd_config *cfg, FILE *out, FILE *err);

#endif
