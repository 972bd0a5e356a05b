/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/killer_nohang.h — nohang's messages (stdout through journald, one entry per
 * printed line; identifier nohang or nohang-desktop), every wording from v0.1 (2018) to
 * v0.3 and main (hakavlad/nohang, nohang / src/nohang). Pure: feed the lines of one nohang
 * process in order.
 *
 * A kill is nohang's "corrective action": the "Implement a corrective action:" line
 * (2019; "Implement corrective action:" Dec 2018, "Implementing a corrective action:" 2020+)
 * with the action on the next line (a signal, or a command run instead); before Dec 2018
 * the action line alone ("  Sending SIGTERM to the victim; …"). The victim is the one
 * named before it ("  PID: 12297, Name: tail, badness: 727", or a "Victim status" report
 * with its own PID:, Name: and CGroup_v2: lines). Statistics ("  Send SIGTERM to tail: 1")
 * and passes that do nothing ("victim badness 12 < min_badness 20; nothing to do") are no
 * kills.
 */
#ifndef OOMTOP_KILLER_NOHANG_H
#define OOMTOP_KILLER_NOHANG_H

#include "core/klog/killer_text.h"

struct killer_nohang {
	pid_t pid;          /* the victim named last; 0 none yet */
	char comm[64];
	char cgroup[512];
	bool action_open;   /* an "Implement…" line waits for its action line */
};

void killer_nohang_init(struct killer_nohang *nh);

/* One message line (raw: colours are removed here) → what it means for the kill. */
void killer_nohang_feed(struct killer_nohang *nh, const char *text, struct killer_step *out);

#endif
