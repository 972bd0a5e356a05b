/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/killer_earlyoom.h — earlyoom's messages (stderr through journald, or syslog with
 * --syslog), every published wording from v0.2 to v1.9 (rfjakob/earlyoom main.c, kill.c).
 * Pure: feed the lines of one earlyoom process in order.
 *
 * A kill is the line that names the victim ("Killing process …", "sending SIGTERM to
 * process …"); its reason is the low-memory line before it, as logged ("mem 10.00%, swap
 * 10.00% (SIGTERM)", "avail 6271 MiB < min 6436 MiB"). "escalating to SIGKILL" is the same
 * kill; "process exited" / "kill failed" end it; --dryrun's "not actually sending any
 * signal" takes it back. Start-up lines ("sending SIGTERM when mem <= …") and the
 * signal-0 self-test are no kills.
 */
#ifndef OOMTOP_KILLER_EARLYOOM_H
#define OOMTOP_KILLER_EARLYOOM_H

#include "core/klog/killer_text.h"

struct killer_earlyoom {
	char trigger[160]; /* the last low-memory line's limits; "" before one */
};

void killer_earlyoom_init(struct killer_earlyoom *eo);

/* One message line (raw: colours are removed here) → what it means for the kill. */
void killer_earlyoom_feed(struct killer_earlyoom *eo, const char *text, struct killer_step *out);

#endif
