/* core/proc/identity_procfs.h — an identity reader (core/proc/identity.h) that reads the
 * files itself, through each process's pin (or by path under <proc_root> without one):
 * stat (comm, ppid, flags, start time), status, cmdline, and the owner of /proc/PID, the
 * uid libproc2 reports as the effective one (its owner is root for a process that is not
 * dumpable). With a pin it delivers the status values too, so the first sample does not
 * read status again.
 *
 * For a one-shot run (core/proc/table.h), which reads every process once: libproc2 reads
 * status for the Tgid and drops it, stats /proc/PID and reads cmdline to its end with a
 * second read, then the first sample reads status again. Here each file is read once: at
 * ~10,000 processes on 6.18, ~32 µs a process instead of ~60 (README, "What oomtop
 * costs"). The user name comes from getpwuid_r, cached by uid (the uid as digits when
 * unknown, as libproc2 prints it); kernel threads as libproc2 tells them (PF_KTHREAD, pid
 * 2, or a child of pid 2), with an empty command line.
 *
 * Threads: one at a time, as any reader. proc_fd stays the caller's. */
#ifndef OOMTOP_PROC_IDENTITY_PROCFS_H
#define OOMTOP_PROC_IDENTITY_PROCFS_H

#include "core/proc/identity.h"

/* NULL when out of memory. Freed with proc_identity_free. */
struct proc_identity_reader *proc_identity_procfs_new(int proc_fd);

#endif
