/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxident.h — an identity reader (core/proc/identity.h) of a fixture /proc
 * tree, for the process table and collector tests: for each pid it reads PID/stat
 * (comm, ppid, flags, start time), PID/status (effective uid: the second field of Uid:)
 * and PID/cmdline (NUL-separated args, joined by spaces; absent or empty: ""), as
 * libproc2 reads the live /proc. A pid whose stat or status cannot be read or parsed is
 * skipped, as libproc2 skips one that vanished. Kernel threads are told as libproc2
 * does (PF_KTHREAD, pid 2, or a child of pid 2), with an empty command line. The user
 * name comes from getpwuid_r, the uid as digits when unknown. */
#ifndef OOMTOP_TESTS_FXIDENT_H
#define OOMTOP_TESTS_FXIDENT_H

#include "core/proc/identity.h"

/* A reader of the tree at proc_root (copied); NULL when out of memory or proc_root
 * cannot be opened. Freed with proc_identity_free. */
struct proc_identity_reader *fxident_new(const char *proc_root);

/* How many identities r has delivered so far (read after the table's refresh returned:
 * the feed has finished with the reader by then). */
unsigned long fxident_delivered(const struct proc_identity_reader *r);

#endif
