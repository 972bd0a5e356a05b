/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/signals.h — the process's signal handling, in one place (core has none; the screen
 * gets what it needs through its configuration).
 *
 * Stop signals (SIGINT, SIGTERM, SIGHUP) do not kill oomtop: they are recorded and written
 * as a byte to a pipe, so a loop waiting in poll() or sleeping wakes up, ends normally
 * (the screen restores the terminal) and main returns 128 + the signal's number.
 * SIGPIPE is ignored: a closed stdout is a write error, reported where it happens.
 * Crash signals (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL) run the hook set with
 * signals_on_crash (async-signal-safe code only: the screen's emergency restore), then
 * are re-raised with their default action, so a crash still dumps core and is reported.
 *
 * Call order: signals_install() once, early in main; signals_fd()/signals_stop() any time
 * after; signals_on_crash() when there is something to undo (a terminal in raw mode).
 */
#ifndef OOMTOP_APP_SIGNALS_H
#define OOMTOP_APP_SIGNALS_H

#include <stdbool.h>
#include <stdint.h>

/* Returns 0, or -errno when the pipe cannot be made (then stop signals still set the
 * flag, but a waiting poll() only wakes up from EINTR). */
int signals_install(void);

/* Readable after a stop signal (never drained: poll it, then ask signals_stop()); -1
 * before signals_install. */
int signals_fd(void);

/* The first stop signal received (SIGINT, SIGTERM, SIGHUP), or 0. */
int signals_stop(void);

/* Sleep until the monotonic time deadline_ms (core/base/util.h util_mono_ms), waking early
 * on a stop signal. */
void signals_sleep_until(int64_t deadline_ms);

/* The loops that refresh every interval_ms: *next_ms (set to util_mono_ms() before the
 * first tick) moves on by one interval, or to now when the loop fell more than an
 * interval behind (no burst of refreshes to catch up); then sleep until it. False when a
 * stop signal came first. */
bool signals_wait_tick(int64_t *next_ms, int64_t interval_ms);

/* What a crash signal runs before it is re-raised, or NULL; it must be async-signal-safe. */
void signals_on_crash(void (*restore)(void));

#endif
