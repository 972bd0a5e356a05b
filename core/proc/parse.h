/* core/proc_parse.h — pure parsers for the per-process /proc files oomtop reads.
 * No I/O: each takes the file's text. */
#ifndef OOMTOP_PROC_PARSE_H
#define OOMTOP_PROC_PARSE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Values that change every refresh, from /proc/PID/status. Bytes; VAL_UNKNOWN when absent
 * (kernel threads have no Vm* lines; RssAnon/RssFile/RssShmem need 4.5+). */
struct proc_sample {
	int64_t rss_bytes, rss_anon_bytes, rss_file_bytes, rss_shmem_bytes;
	int64_t swap_bytes, pgtables_bytes;
	int64_t threads;
	int64_t uid; /* real uid (first field of Uid:) */
	int64_t ppid;
	char state; /* State: letter (R S D Z X ...), '?' when absent; Z/X: dead, values gone */
	uint32_t name_hash; /* FNV-1a of the Name: value, 0 when absent: a change means exec() */
};

/* Returns 0, or -EINVAL when the buffer is not a status file (no Name:/Threads: line). */
int status_parse(const char *buf, struct proc_sample *out);

/* Fields of /proc/PID/stat that oomtop needs. */
struct proc_stat_fields {
	char comm[64];
	char state;
	pid_t ppid;
	unsigned long flags; /* PF_KTHREAD = 0x00200000 marks a kernel thread */
	uint64_t start_ticks;
};
#define PROC_PF_KTHREAD 0x00200000UL

/* Returns 0, or -EINVAL for a malformed line. The comm may contain spaces and ')'. */
int stat_parse(const char *buf, struct proc_stat_fields *out);

/* Find the process's path in the memory hierarchy in /proc/PID/cgroup.
 * version 1: the line whose controller list holds "memory"; version 2: the "0::" line.
 * Writes the path (e.g. "/system.slice/foo.service") into out. Returns 0, or -ENOENT when
 * there is no such line, -ENAMETOOLONG when it does not fit. */
int proc_cgroup_parse(const char *buf, int version, char *out, size_t cap);

#endif
