/* core/identity_feed.h — the identities of many new pids, read by libproc2 on a second
 * thread and handed over in order while the caller samples the ones already delivered.
 *
 * Why: on the first refresh every process is new, and libproc2's reads by path (~70 µs a
 * process on 6.18: status, stat, cmdline, cgroup) and oomtop's first sample (~55 µs) add
 * up to more than a second at 10,000 processes. Run side by side on two cores, the first
 * snapshot costs about the larger of the two.
 *
 * Threads: while a feed runs, only its thread uses the proc_identity_reader (libproc2 and
 * its user-name cache are not thread-safe); the caller must not touch the reader until
 * identity_feed_finish. Nothing else is shared: each identity is copied into a record the
 * consumer owns until the next identity_feed_next.
 *
 * The pin: for the first `max_pins` user-space processes, the feed thread opens
 * <proc_fd>/PID/statm right after libproc2 read the identity, so the held file proves the
 * identity for the process it was read from (a pid reused after that read fails the
 * open or the first pread, not silently). The consumer takes ownership of the fd.
 *
 * Without a second thread (pthread_create failed), identity_feed_start reads everything
 * before returning: slower, same results. */
#ifndef OOMTOP_IDENTITY_FEED_H
#define OOMTOP_IDENTITY_FEED_H

#include <stddef.h>
#include <sys/types.h>

#include "proc_identity.h"

struct identity_feed;

/* Starts reading the identities of pids[0..n) (the array must stay valid until
 * identity_feed_finish). NULL only when out of memory: the caller then reads inline. */
struct identity_feed *identity_feed_start(struct proc_identity_reader *r, const pid_t *pids, size_t n,
					  int proc_fd, size_t max_pins);

/* The next identity in the order libproc2 delivered them, waiting for it if need be; NULL
 * once every pid was delivered (vanished ones are skipped). *pin_fd is the statm fd opened
 * for it, now the caller's, or -1. The identity is valid until the next call. */
const struct proc_identity *identity_feed_next(struct identity_feed *f, int *pin_fd);

/* Waits for the feed thread, closes the pins nobody took, frees. */
void identity_feed_finish(struct identity_feed *f);

#endif
