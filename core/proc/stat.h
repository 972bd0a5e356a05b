/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/stat.h — /proc/PID/stat, parsed without I/O: the identity of a process (comm,
 * parent, kernel thread or not, start time), for the process table and the oom_score_adj
 * writer's same-process check. */
#ifndef OOMTOP_PROC_STAT_H
#define OOMTOP_PROC_STAT_H

#include <stdint.h>
#include <sys/types.h>

struct proc_stat {
	char comm[64]; /* NUL-terminated; the kernel's TASK_COMM_LEN is 16 */
	char state;    /* field 3: R S D ... 'Z' zombie, 'X' dead */
	pid_t ppid;
	unsigned long flags; /* PROC_STAT_PF_KTHREAD marks a kernel thread */
	uint64_t start_ticks; /* field 22: clock ticks after boot */
};
#define PROC_STAT_PF_KTHREAD 0x00200000UL

/* Returns 0, or -EINVAL for a malformed line. The comm may contain spaces and ')'. */
int proc_stat_parse(const char *buf, struct proc_stat *out);

#endif
