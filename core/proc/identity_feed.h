/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/identity_feed.h — the identities of new pids, read by an identity reader
 * (core/proc/identity.h: libproc2 on the live /proc) on a second thread and handed over in
 * order while the caller samples the ones already delivered.
 *
 * Why: on the first refresh every process is new, and libproc2's reads by path (~65 µs a
 * process on 6.18: status, stat, cmdline) and oomtop's first sample (~60 µs, with the
 * cgroup) add up to more than a second at 10,000 processes. Run side by side on two
 * cores, the first snapshot costs about the larger of the two.
 *
 * Threads: one feed thread for the life of the feed, started with the first batch, and
 * the only thread that uses the proc_identity_reader while it exists (libproc2 and its
 * user-name cache are not thread-safe, and libproc2 keeps per-thread buffers it never
 * frees, so a thread per batch would leak them; any reader works the same way). The caller must not use the reader
 * until identity_feed_free. Nothing else is shared: each identity is copied into a record
 * the consumer owns until the next identity_feed_next. Creating the feed limits malloc to
 * one arena (mallopt M_ARENA_MAX): a second arena would cost more resident memory than
 * the thread saves in time. Signals are blocked on the feed thread.
 *
 * The pin: for the first `max_pins` processes of a batch, the feed thread opens
 * <proc_fd>/PID (O_PATH | O_DIRECTORY) before the reader reads the identity (by chunks of
 * 64 pids), so the held directory proves the identity: if the pid was reused in between,
 * the identity read is the new process's but the pin is the old one's, and the first read
 * through it fails (core/proc/sampler.h). The consumer takes ownership of it. Kernel
 * threads' pins are closed again: they hold nothing.
 *
 * Without a thread (pthread_create failed), identity_feed_begin reads the whole batch
 * before returning: slower, same results. */
#ifndef OOMTOP_IDENTITY_FEED_H
#define OOMTOP_IDENTITY_FEED_H

#include <stddef.h>
#include <sys/types.h>

#include "core/proc/identity.h"

struct identity_feed;

/* NULL when out of memory. The reader and proc_fd stay the caller's and must outlive it. */
struct identity_feed *identity_feed_new(struct proc_identity_reader *r, int proc_fd);

/* Starts reading the identities of pids[0..n) (the array must stay valid until
 * identity_feed_end). One batch at a time. */
void identity_feed_begin(struct identity_feed *f, const pid_t *pids, size_t n, size_t max_pins);

/* The next identity of the batch in the order the reader delivered them, waiting for it if
 * need be; NULL once every pid was delivered (vanished ones are skipped). *pin_fd is the
 * statm fd opened for it, now the caller's, or -1. Valid until the next call. */
const struct proc_identity *identity_feed_next(struct identity_feed *f, int *pin_fd);

/* Waits for the batch to be read, closes the pins nobody took. */
void identity_feed_end(struct identity_feed *f);

/* Stops the thread and frees. NULL is fine. */
void identity_feed_free(struct identity_feed *f);

#endif
