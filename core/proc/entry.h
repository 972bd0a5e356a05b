/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/entry.h — one process as the process table keeps it: its row, the strings the
 * row points at, the files it holds open and its leak series. Live entries are sampled
 * (core/proc/sampler.h); exited ones become ghosts (core/proc/ghosts.h).
 *
 * Ownership: the entry owns its strings and, while live, its held files (the sampler
 * opens and closes those). An entry is freed only once its held files are closed. */
#ifndef OOMTOP_PROC_ENTRY_H
#define OOMTOP_PROC_ENTRY_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/estimate/leak.h"
#include "core/model.h"
#include "core/proc/held.h"
#include "core/proc/identity.h"

/* Command lines are kept up to this many bytes (a cut character shows as invalid UTF-8):
 * an argument may be 128 KiB and a command line 2 MiB, from any user. */
#define PROC_ENTRY_CMDLINE_MAX_BYTES 4096

struct proc_entry {
	struct proc_row row; /* row.user/comm/cmdline/cgroup point at the strings below */
	char *user, *comm, *cmdline, *cgroup;
	int held_fds[PROC_HELD_NFILES]; /* by enum proc_held_file; -1 when not held */
	int held_level;                 /* how many files of the held order are held */
	uint64_t statm_hash;            /* of the last statm text read: a change means re-read status */
	uint8_t statm_same;             /* statm reads in a row that found it unchanged (saturates) */
	bool cgroup_read;               /* /proc/PID/cgroup was read once (first sample) */
	uint32_t name_hash;             /* of status Name: as last read (core/proc/status.h) */
	bool image_known;               /* image_dev/ino hold what /proc/PID/exe was at the first
					 * sample, or after the last exec (core/proc/sampler.h) */
	uint64_t image_dev, image_ino;
	struct leak_series rss_hist, fd_hist, thread_hist;
};

/* A new entry for this identity (strings copied, cmdline cut to
 * PROC_ENTRY_CMDLINE_MAX_BYTES), nothing held, every value unknown, state running; its
 * start time from boot_unix_s and the clock ticks per second hz. NULL when out of memory. */
struct proc_entry *proc_entry_new(const struct proc_identity *id, double boot_unix_s, long hz);

/* The process renamed itself (comm) or became another program (comm and cmdline):
 * replace the string and the row's pointer to it. False when out of memory (the old one
 * stays). The old string is freed: a snapshot built before must not be read after. */
bool proc_entry_set_comm(struct proc_entry *e, const char *comm);
bool proc_entry_set_cmdline(struct proc_entry *e, const char *cmdline);

/* /proc/PID/cmdline as read (len bytes, NUL-separated arguments) into the form rows
 * show, in place: arguments joined by single spaces, trailing NULs dropped; "" when
 * len <= 0. buf must have room for len + 1 bytes. */
void proc_entry_join_cmdline(char *buf, ssize_t len);

/* Frees e and its strings; its held files must be closed already. NULL is fine. */
void proc_entry_free(struct proc_entry *e);

#endif
