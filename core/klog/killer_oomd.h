/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/killer_oomd.h — systemd-oomd's messages about its kills, every wording from
 * v247 to current main (systemd src/oom/oomd-manager.c). Pure and stateless: each kill is
 * one line.
 *
 * systemd-oomd kills a whole cgroup (SIGKILL to every process in it), so a kill names a
 * cgroup, not a pid. The cgroup is the one killed; the reason is what oomd measured, as
 * logged ("memory pressure 77.97% > 50.00% for 20s", "swap used > 90.00%").
 */
#ifndef OOMTOP_KILLER_OOMD_H
#define OOMTOP_KILLER_OOMD_H

#include "core/klog/killer_text.h"

/* One message line of systemd-oomd → KILLER_STEP_KILL (done: the line is the whole kill)
 * with cgroup and reason, or KILLER_STEP_NONE. */
void killer_oomd_feed(const char *text, struct killer_step *out);

#endif
