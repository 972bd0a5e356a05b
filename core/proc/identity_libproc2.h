/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/identity_libproc2.h — the default identity reader (core/proc/identity.h):
 * libproc2 (<libproc2/pids.h>), which reads the live /proc by path (status, stat,
 * cmdline) and has no root parameter. Not thread-safe, and it keeps per-thread buffers
 * it never frees: use it from one thread for its life (core/proc/identity_feed.h). */
#ifndef OOMTOP_PROC_IDENTITY_LIBPROC2_H
#define OOMTOP_PROC_IDENTITY_LIBPROC2_H

#include "core/proc/identity.h"

/* NULL with errno set when libproc2 cannot start (e.g. /proc not mounted). Freed with
 * proc_identity_free. */
struct proc_identity_reader *proc_identity_libproc2_new(void);

#endif
