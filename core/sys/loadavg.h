/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/sys/loadavg.h — /proc/loadavg: how many tasks exist. Pure. */
#ifndef OOMTOP_LOADAVG_H
#define OOMTOP_LOADAVG_H

#include <stdint.h>

/* The total of "running/total": every task (thread) on the system, also those hidepid
 * hides (and, in a pid namespace, the host's). VAL_UNKNOWN when malformed. */
int64_t loadavg_parse_tasks(const char *buf);

#endif
