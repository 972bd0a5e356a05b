/* core/sysmem.h — system-wide memory: /proc/meminfo, /proc/vmstat, /proc/pressure/memory.
 * Pure parsers on buffers, and a reader that holds the three files open and re-reads them
 * with pread each refresh. */
#ifndef OOMTOP_SYSMEM_H
#define OOMTOP_SYSMEM_H

#include "core/model.h"

/* Fill mem_total, mem_available (estimated when the kernel has no MemAvailable: sets
 * mem_available_estimated), swap_total, swap_free. Returns 0, or -EINVAL when MemTotal
 * is missing. Fields it cannot find are VAL_UNKNOWN. */
int meminfo_parse(const char *buf, struct sys_mem *out);

/* The `oom_kill` counter of /proc/vmstat (4.13+), or VAL_UNKNOWN. */
int64_t vmstat_parse_oom_kill(const char *buf);

/* `some` and `full` avg10 of a PSI file (/proc/pressure/memory, memory.pressure).
 * Returns 0, or -EINVAL when the `some` line is missing; *full stays NAN when absent. */
int psi_parse(const char *buf, double *some_avg10, double *full_avg10);

/* The total of "running/total" in /proc/loadavg: every task (thread) on the system, also
 * those hidepid hides (and, in a pid namespace, the host's). VAL_UNKNOWN when malformed.
 *   0.42 0.35 0.30 2/2085 12381 */
int64_t loadavg_parse_tasks(const char *buf);

struct sysmem_reader;

/* proc_root: "/proc" or a fixture directory. Never fails for missing files: they read as
 * unknown. Returns NULL only when out of memory. */
struct sysmem_reader *sysmem_open(const char *proc_root);
/* Fill the system fields of *out (not slopes, not next victim). Returns 0 or -errno when
 * meminfo could not be read. */
int sysmem_read(struct sysmem_reader *r, struct sys_mem *out, double *uptime_s);
void sysmem_close(struct sysmem_reader *r);

#endif
