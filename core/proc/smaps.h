/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/smaps.h — a process's proportional memory: /proc/PID/smaps_rollup (4.14+),
 * parsed without I/O, and its reader, which sums /proc/PID/smaps on older kernels. Costly
 * (~40 µs a read on 6.18, and the kernel walks every page table of the process): read for
 * the detail view and --detail only (core/proc/detail.h), never for every process.
 * Needs ptrace read access to the process (root, or the same user). */
#ifndef OOMTOP_PROC_SMAPS_H
#define OOMTOP_PROC_SMAPS_H

#include <stdint.h>
#include <sys/types.h>

/* Bytes; VAL_UNKNOWN when the kernel does not print the line (Pss_Anon, Pss_File and
 * Pss_Shmem need 5.7; SwapPss 4.3). */
struct proc_smaps {
	int64_t rss_bytes, pss_bytes, pss_anon_bytes, pss_file_bytes, pss_shmem_bytes;
	int64_t swap_bytes, swap_pss_bytes;
};

/* The text of smaps_rollup, or of smaps (each key summed over the mappings). Returns 0, or
 * -EINVAL when it holds no Pss: line (every value then unknown). */
int proc_smaps_parse(const char *buf, struct proc_smaps *out);

/* Reads <proc_fd>/PID/smaps_rollup, or PID/smaps where there is no rollup. Returns 0 or
 * -errno (ESRCH/ENOENT: gone; EACCES: not ours), the values then unknown. */
int proc_smaps_read(int proc_fd, pid_t pid, struct proc_smaps *out);

#endif
