/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/identity_procfs.h — an identity reader (core/proc/identity.h) that reads the
 * files itself, through each process's pin (or by path under <proc_root> without one):
 * stat (comm, ppid, flags, start time), cmdline, and the owner of /proc/PID, the uid
 * libproc2 reports as the effective one (its owner is root for a process that is not
 * dumpable).
 *
 * For a one-shot run (core/proc/table.h), which reads every process once: libproc2 reads
 * status for the Tgid and drops it (the first sample reads it again), and stats
 * /proc/PID by path; here each file is read once, and the pin is fstat'ed: ~19 µs a
 * process on 6.18 instead of ~37 (README, "What oomtop costs"). The user name comes from
 * getpwuid_r, cached by uid (the uid as digits when unknown, as libproc2 prints it);
 * kernel threads as libproc2 tells them (PF_KTHREAD, pid 2, or a child of pid 2), with an
 * empty command line.
 *
 * Threads: one at a time, as any reader. proc_fd stays the caller's. */
#ifndef OOMTOP_PROC_IDENTITY_PROCFS_H
#define OOMTOP_PROC_IDENTITY_PROCFS_H

#include "core/proc/identity.h"

/* NULL when out of memory. Freed with proc_identity_free. */
struct proc_identity_reader *proc_identity_procfs_new(int proc_fd);

#endif
