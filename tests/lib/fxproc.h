/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxproc.h — fixture /proc trees for the process table and collector tests: a
 * process's files (stat, status, statm, cmdline, oom_score, oom_score_adj, cgroup, limits,
 * and fd/ with one entry per open fd) and the system files the collector reads (stat's
 * btime, meminfo, vmstat, pressure/memory, uptime, loadavg), under a root made with
 * fxtree_make.
 *
 * Files are rewritten in place (truncated, same inode), as the kernel's change under a
 * file held open; what a real process's held file does when it exits (ESRCH) a regular
 * file cannot do: the tests say how they deal with that. Failures are Check failures. */
#ifndef OOMTOP_TESTS_FXPROC_H
#define OOMTOP_TESTS_FXPROC_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct fxproc {
	pid_t pid, ppid;
	uid_t uid;            /* real and effective */
	const char *comm;     /* status Name: and stat's (comm) */
	const char *cmdline;  /* args joined by single spaces (written NUL-separated); "" none */
	uint64_t start_ticks; /* stat field 22 */
	char state;           /* status State: and stat's letter */
	bool kernel_thread;   /* PF_KTHREAD in stat; status without Vm/Rss lines */
	bool mm_gone;         /* exiting, its memory already gone (exit_mm, the OOM reaper):
			       * status without Vm/Rss lines, statm all zero */
	int64_t rss_kib, anon_kib, file_kib, shmem_kib, swap_kib, pte_kib;
	int64_t threads;
	int fds;              /* entries in fd/ */
	int oom_score, oom_score_adj;
	const char *cgroup;   /* the path of the "0::" line (cgroup v2) */
	int64_t nofile_soft, nofile_hard; /* limits' "Max open files"; soft 0: no limits file */
	const char *exe;      /* NULL: no exe link; else the link to root/bin/EXE (made too) */
};

/* A sleeping user-space process of uid 0: start_ticks 1000 + pid, rss 10 MiB (8 anon,
 * 2 file), 64 KiB of page tables, 1 thread, 4 fds, oom_score 10, adj 0, cgroup "/",
 * fd limits 1024 (soft) and 4096 (hard). */
struct fxproc fxproc_default(pid_t pid, const char *comm);

/* Writes every file of p under root/PID (fd/ holds exactly p->fds entries). */
void fxproc_write(const char *root, const struct fxproc *p);

/* Writes one of them: "stat", "status", "statm", "cmdline", "oom_score",
 * "oom_score_adj", "cgroup", "limits", "fd" or "exe". */
void fxproc_write_file(const char *root, const struct fxproc *p, const char *name);

/* The text fxproc_write puts in root/PID/statm (pages: size resident shared text lib
 * data dt), derived from the memory values only. */
void fxproc_statm_text(const struct fxproc *p, char *buf, size_t cap);

/* Removes root/PID and everything below: the process exited. */
void fxproc_remove(const char *root, pid_t pid);

/* The system files the collector reads. */
struct fxproc_system {
	double btime_unix_s;
	int64_t mem_total_kib, mem_available_kib, swap_total_kib, swap_free_kib;
	int64_t oom_kills; /* vmstat oom_kill */
	double psi_some_avg10, psi_full_avg10;
	double uptime_s;
	int tasks; /* loadavg's total */
};

/* Writes root/stat (btime), meminfo, vmstat, pressure/memory, uptime, loadavg. */
void fxproc_write_system(const char *root, const struct fxproc_system *s);

#endif
