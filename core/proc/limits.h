/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/limits.h — /proc/PID/limits, the one line of it oomtop needs: "Max open files",
 * the soft and hard RLIMIT_NOFILE. A pure parser, a thin reader, and when to read it.
 *
 * When: a process's fd limit is read at its first sample, then again every
 * PROC_LIMITS_EVERY refreshes (staggered by pid), and at every refresh while its fd count
 * is at PROC_LIMITS_NEAR of the limit or more. Why so rarely: the file costs ~16 µs a read
 * by path (measured on 6.18 with ~10,000 processes; statm by path costs 9), ~9 µs through
 * the held /proc/PID directory (statm: 4), and a limit
 * changes only by setrlimit/prlimit — once, early, in most programs that do it (servers,
 * Go's runtime raises the soft limit to the hard one at start), or by an operator's
 * prlimit --pid. Where the limit matters — a process near it, whose fd ETA is being
 * shown — a change is seen at the next refresh; elsewhere within PROC_LIMITS_EVERY
 * refreshes (10 minutes at the default 1 s). The file is world-readable (0444), so this
 * works unprivileged. */
#ifndef OOMTOP_PROC_LIMITS_H
#define OOMTOP_PROC_LIMITS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#define PROC_LIMITS_EVERY 600  /* refreshes between two reads of a process's limits */
#define PROC_LIMITS_NEAR 0.75  /* of the soft limit: from there on, read every refresh */
#define PROC_LIMITS_UNLIMITED INT64_MAX /* "unlimited" in the file */

struct proc_limits {
	int64_t nofile_soft, nofile_hard; /* fds; PROC_LIMITS_UNLIMITED, or VAL_UNKNOWN when absent */
};

/* The text of /proc/PID/limits. Returns 0, or -EINVAL when it has no "Max open files" line
 * with two values (both then unknown). */
int proc_limits_parse(const char *buf, struct proc_limits *out);

/* Reads <proc_fd>/PID/limits (proc_fd: an open directory fd of the proc root). Returns 0,
 * or -errno (ESRCH/ENOENT: gone; EINVAL: not parsed), the values then unknown. */
int proc_limits_read(int proc_fd, pid_t pid, struct proc_limits *out);

/* Whether a refresh (its sequence number seq) reads the limits of process pid that has
 * `fds` open fds and whose soft limit read last time is `limit` (VAL_UNKNOWN: never read,
 * or unreadable — then every refresh tries). */
bool proc_limits_due(int64_t fds, int64_t limit, unsigned long seq, pid_t pid);

/* The soft limit as the row's fd_limit: VAL_UNKNOWN for unlimited or unknown. */
int64_t proc_limits_fd_limit(const struct proc_limits *l);

#endif
