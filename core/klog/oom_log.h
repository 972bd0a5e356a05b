/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/oom_log.h — the OOM kills for the snapshot and the screen: a source
 * (core/klog/oom_source.h: the journal, else the kernel log) behind a non-blocking poll,
 * with a bounded store of the most recent events.
 *
 * Call order: oom_log_open() once; oom_log_poll() once per refresh; oom_log_wake() whenever
 * oom_log_fd() is readable in between, to learn whether a refresh should come sooner;
 * oom_log_events() any time (the array is valid until the next poll or close: a wake
 * leaves it as it is); oom_log_close(). At open the source replays what it holds (the journal: every
 * boot it keeps; the kernel log: its ring); the first polls bring those events, later ones
 * the new kills, each about a second after it is logged.
 *
 * Bounds: OOM_LOG_EVENTS_MAX events (oldest dropped first); only the newest
 * OOM_LOG_DETAILED_MAX keep their task table, raw lines and unit messages; one poll reads
 * at most OOM_LOG_POLL_ENTRIES journal entries (or about as many kernel lines), so a huge
 * log never stalls a refresh — except a saved log (--kmsg FILE), read on in such chunks for
 * up to OOM_LOG_REPLAY_MS per poll until its end (200 MB take seconds, not one chunk per
 * refresh for an hour); oom_log_replaying() says how far it is.
 */
#ifndef OOMTOP_OOM_LOG_H
#define OOMTOP_OOM_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/klog/oom_event.h"
#include "core/klog/oom_source.h"

#define OOM_LOG_EVENTS_MAX 64
#define OOM_LOG_DETAILED_MAX 16
#define OOM_LOG_POLL_ENTRIES 2048
#define OOM_LOG_REPLAY_MS 100

struct oom_log;

/* cfg: as core/klog/oom_source.h (kmsg_path NULL and journal false: the journal when
 * readable, else /dev/kmsg, else klogctl); followed live. Returns 0, or -errno with a
 * one-line message in err that the caller shows (without permission it says why:
 * kernel.dmesg_restrict, CAP_SYSLOG). */
int oom_log_open(struct oom_log **out, const struct oom_source_config *cfg, char *err, size_t errlen);

/* Where the kills come from. */
enum oom_source_kind oom_log_source(const struct oom_log *log);

/* Why the system journal was passed over for the kernel log, or "" (oom_source.h). */
const char *oom_log_journal_why(const struct oom_log *log);

/* Descriptor to poll() for POLLIN next to the keyboard, or -1 (klogctl, a regular file, a
 * pipe at its end: just poll per tick). It wakes on any journal write or kernel record,
 * not only on kills. */
int oom_log_fd(const struct oom_log *log);

/* The descriptor woke: reads what is there (never blocks) without changing the store —
 * what it brings goes in at the next oom_log_poll(). Returns 1 when the next poll has news
 * of a kill: something read since the last poll told of one (a kill, a reaper line,
 * systemd's message about one), or a kill read earlier still waits in the source to come
 * out (the journal holds a kill a moment for what follows it); 0 when not (another
 * program's journal entry, another kernel record), or -errno. Also worth calling after a
 * poll, without a wake-up, to learn whether to poll again soon. */
int oom_log_wake(struct oom_log *log);

/* Reads what is available now (never blocks) and parses it. Returns the number of new
 * events, or -errno when the source failed (the store is kept). */
int oom_log_poll(struct oom_log *log);

/* The recent events, oldest first. */
const struct oom_event *oom_log_events(const struct oom_log *log, size_t *n);

/* Kills seen since open, including those that fell out of the store. */
uint64_t oom_log_total(const struct oom_log *log);

/* Bumped whenever the store changes (new event, a reaper line or a unit message
 * updating one). */
uint64_t oom_log_generation(const struct oom_log *log);

/* True once what the source held at open has been read (ring replayed, file read to end). */
bool oom_log_caught_up(const struct oom_log *log);

/* A saved log still being read (see above): true, with the bytes read and the file's size. */
bool oom_log_replaying(const struct oom_log *log, int64_t *done_bytes, int64_t *total_bytes);

/* Records lost because the kernel overwrote them before they were read. */
uint64_t oom_log_lost(const struct oom_log *log);

void oom_log_close(struct oom_log *log);

#endif
