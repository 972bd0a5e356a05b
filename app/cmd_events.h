/* core/events_cmd.h — `oomtop --events [--follow] [--format text|json] [--kmsg FILE|-]`
 * (DESIGN §3–§4): print the kernel's OOM kills, oldest first, one per line.
 *
 * kmsg_path: NULL reads the live kernel log (/dev/kmsg, else klogctl); "-" stdin; else a
 * saved log in any shape core/klog/kmsg_text.h knows. Without --follow it prints every kill
 * found and returns. With follow it prints what the log holds, then each new kill as soon
 * as its kill line arrives (reaped is then null: the reaper reports seconds later), until
 * a signal ends the process; a file is followed like `tail -f`.
 * Errors go to err as one "oomtop: ..." line (without permission: why, and the kill
 * counter anyone can read). Returns the exit status: 0 success, 1 runtime failure.
 */
#ifndef OOMTOP_EVENTS_CMD_H
#define OOMTOP_EVENTS_CMD_H

#include <stdbool.h>
#include <stdio.h>

enum events_format { EVENTS_FORMAT_TEXT, EVENTS_FORMAT_JSON };

/* history_path: a recording (core/history/events.h) whose kills are listed too, in time
 * order among the log's, each kill once (the log's copy of a recorded kill is dropped);
 * NULL: none. history_given: it was named with --history (unreadable: exit 1; else only
 * a warning). When the log cannot be read, the recorded kills are still listed (exit 0
 * without --follow). */
int events_cmd_run(const char *kmsg_path, bool follow, enum events_format fmt, const char *history_path,
		   bool history_given, FILE *out, FILE *err);


#endif
