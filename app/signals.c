/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/signals.c — see signals.h. */
#include "config.h"
#include "app/signals.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/base/util.h"

static int stop_pipe[2] = {-1, -1};
static volatile sig_atomic_t stop_sig;
static void (*volatile crash_restore)(void);

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int crash_signals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};

static void on_stop(int sig)
{
	int e = errno;
	if (!stop_sig)
		stop_sig = sig;
	unsigned char b = (unsigned char)sig;
	/* a full pipe already wakes the loop: nothing lost */
	if (stop_pipe[1] >= 0 && write(stop_pipe[1], &b, 1) < 0) {
	}
	errno = e;
}

static void on_crash(int sig)
{
	void (*restore)(void) = crash_restore;
	if (restore)
		restore();
	/* SA_RESETHAND put the default action back: re-raise it */
	raise(sig);
}

int signals_install(void)
{
	int rc = 0;
	if (stop_pipe[0] < 0 && pipe2(stop_pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
		rc = -errno;
		stop_pipe[0] = stop_pipe[1] = -1;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop; /* no SA_RESTART: a waiting poll() or nanosleep() returns EINTR */
	for (size_t i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++)
		sigaction(stop_signals[i], &sa, NULL);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	for (size_t i = 0; i < sizeof(crash_signals) / sizeof(crash_signals[0]); i++)
		sigaction(crash_signals[i], &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	sigaction(SIGPIPE, &sa, NULL);
	return rc;
}

int signals_fd(void)
{
	return stop_pipe[0];
}

int signals_stop(void)
{
	return stop_sig;
}

void signals_on_crash(void (*restore)(void))
{
	crash_restore = restore;
}

void signals_sleep_until(int64_t deadline_ms)
{
	while (!signals_stop()) {
		int64_t left = deadline_ms - util_mono_ms();
		if (left <= 0)
			return;
		struct timespec ts = {left / 1000, (left % 1000) * 1000000};
		if (nanosleep(&ts, NULL) == 0)
			return;
	}
}

bool signals_wait_tick(int64_t *next_ms, int64_t interval_ms)
{
	*next_ms += interval_ms;
	if (*next_ms < util_mono_ms() - interval_ms) /* fell far behind: don't burst */
		*next_ms = util_mono_ms();
	signals_sleep_until(*next_ms);
	return !signals_stop();
}
