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
	uint32_t name_hash;             /* of status Name: at the first sample (core/proc/status.h) */
	struct leak_series rss_hist, fd_hist, thread_hist;
};

/* A new entry for this identity (strings copied, cmdline cut to
 * PROC_ENTRY_CMDLINE_MAX_BYTES), nothing held, every value unknown, state running; its
 * start time from boot_unix_s and the clock ticks per second hz. NULL when out of memory. */
struct proc_entry *proc_entry_new(const struct proc_identity *id, double boot_unix_s, long hz);

/* Frees e and its strings; its held files must be closed already. NULL is fine. */
void proc_entry_free(struct proc_entry *e);

#endif
