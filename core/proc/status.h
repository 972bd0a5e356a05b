/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/status.h — /proc/PID/status, parsed without I/O: the values of a process that
 * change every refresh (the process table), its effective uid and capabilities (the
 * oom_score_adj writer). */
#ifndef OOMTOP_PROC_STATUS_H
#define OOMTOP_PROC_STATUS_H

#include <stdint.h>
#include <sys/types.h>

/* Bytes; VAL_UNKNOWN when absent (kernel threads have no Vm* lines; RssAnon/RssFile/RssShmem
 * need 4.5+). */
struct proc_status {
	int64_t rss_bytes, rss_anon_bytes, rss_file_bytes, rss_shmem_bytes;
	int64_t swap_bytes, pgtables_bytes;
	int64_t threads;
	int64_t uid; /* real uid (first field of Uid:) */
	int64_t ppid;
	char state; /* State: letter (R S D Z X ...), '?' when absent; Z/X: dead, values gone */
	uint32_t name_hash; /* FNV-1a of the Name: value, 0 when absent: a change means a new
			     * name (a rename or an exec: core/proc/sampler.h tells which) */
	char name[64];      /* the Name: value, the kernel's escapes (\\n, \\\\) undone; "" absent */
};

/* Returns 0, or -EINVAL when the buffer is not a status file (no Name:/Threads: line). */
int proc_status_parse(const char *buf, struct proc_status *out);

/* The effective uid (second field of Uid:). Returns 0, or -EINVAL when absent. */
int proc_status_parse_euid(const char *buf, uid_t *euid);

/* The effective capability set (CapEff:, 64 bits), e.g. of /proc/self/status. Returns 0,
 * or -EINVAL when absent. */
int proc_status_parse_capeff(const char *buf, uint64_t *capeff);

#endif
