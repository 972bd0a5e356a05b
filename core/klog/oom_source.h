/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/oom_source.h — OOM kills from wherever they can be read, one interface for
 * `--events` (app/cmd_events.c) and the collector's store (core/klog/oom_log.c).
 *
 * Which source (docs/kernel-log.md): a saved kernel log when one is named (--kmsg FILE, "-" stdin);
 * journal files or a directory when named (--journal=PATH); the system journal when
 * --journal is given alone. Otherwise the system journal when this build reads journals
 * and we may read it (root or the systemd-journal group), else /dev/kmsg, else klogctl(2).
 * Journal entries go through core/klog/oom_journal.c (every killer, earlier boots); kernel
 * logs through core/klog/oom_parse.c (the kernel's kills of this boot).
 *
 * Rows reach the sink oldest first, each with an id (1, 2, ...). Reading what is there
 * (not live), rows wait for the messages that follow them until the end of input; live,
 * they wait about a second, and what comes after reaches them through amend.
 *
 * Call order: oom_source_open(); oom_source_read() until oom_source_at_end(), and again
 * whenever oom_source_fd() is readable (or once per tick: klogctl, files);
 * oom_source_set_live() once caught up, when following; oom_source_tick() now and then
 * while following; oom_source_flush() at the end of input; oom_source_close().
 */
#ifndef OOMTOP_OOM_SOURCE_H
#define OOMTOP_OOM_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/klog/oom_merge.h"

enum oom_source_kind {
	OOM_SOURCE_JOURNAL, /* the systemd journal, or journal files */
	OOM_SOURCE_DEVKMSG,
	OOM_SOURCE_KLOGCTL,
	OOM_SOURCE_FILE,    /* a saved kernel log or stdin */
};

struct oom_source_config {
	const char *kmsg_path;    /* --kmsg: a saved kernel log, "-" stdin; NULL: not given */
	bool journal;             /* --journal given: the journal or nothing */
	const char *journal_path; /* with journal: files or a directory; NULL the system's */
	bool live;                /* following from the start (the collector) */
};

#define OOM_SOURCE_LIVE_HOLD_S 0.5

struct oom_source;

/* Returns 0, or -errno with a one-line message in err: the reason of the last source
 * tried (for /dev/kmsg without permission: kernel.dmesg_restrict and CAP_SYSLOG). */
int oom_source_open(struct oom_source **out, const struct oom_source_config *cfg,
		    const struct oom_merge_sink *sink, char *err, size_t errlen);

enum oom_source_kind oom_source_kind(const struct oom_source *s);

/* Why the system journal was passed over for the kernel log when it is there but could
 * not be read (permission: not root nor in the systemd-journal group), for a note; ""
 * when it was not tried, is in use, or there is none (no journald: nothing to say). */
const char *oom_source_journal_why(const struct oom_source *s);

/* The descriptor to poll() for POLLIN, or -1 when poll() cannot tell (klogctl, a regular
 * file, a pipe at its end: read once per tick). The journal's wakes on any journal write,
 * /dev/kmsg's on any kernel record: oom_source_news() says which told of a kill. */
int oom_source_fd(struct oom_source *s);

/* Non-blocking: reads what is there now (at most about budget lines or entries, 0 no
 * limit) and hands finished rows to the sink. Returns what was read, 0 when nothing was
 * there, or -errno. */
int oom_source_read(struct oom_source *s, size_t budget);
bool oom_source_at_end(const struct oom_source *s);

/* Caught up and following from now on: what waits goes out, later rows wait only
 * OOM_SOURCE_LIVE_HOLD_S. */
void oom_source_set_live(struct oom_source *s);

/* Following: it is now now_unix_s (wall clock); rows that waited long enough go out. */
void oom_source_tick(struct oom_source *s, double now_unix_s);

/* End of input: everything waiting goes out. */
void oom_source_flush(struct oom_source *s);

/* How many lines or entries so far told of a kill: a kill line, a reaper line, systemd's
 * message about an OOM kill (kept or not). It moves before the row comes out (rows wait
 * for what follows them): a reader polling for news compares it with an earlier value. */
uint64_t oom_source_news(const struct oom_source *s);

/* Kills read but not handed to the sink yet (the journal's wait for what follows them;
 * they go out at a tick within a second or two). */
size_t oom_source_waiting(const struct oom_source *s);

/* Kernel records overwritten before they were read (/dev/kmsg). */
uint64_t oom_source_lost(const struct oom_source *s);

/* A saved log (--kmsg on a regular file) still being read: true, with the bytes read and
 * the file's size (kmsg_source_progress). False otherwise. */
bool oom_source_progress(const struct oom_source *s, int64_t *done_bytes, int64_t *total_bytes);

void oom_source_close(struct oom_source *s);

#endif
