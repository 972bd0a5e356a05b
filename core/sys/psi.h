/* core/sys/psi.h — pressure stall information for memory: /proc/pressure/memory for the
 * system, memory.pressure for a cgroup v2 (same format). Pure. */
#ifndef OOMTOP_PSI_H
#define OOMTOP_PSI_H

/* `some` and `full` avg10 (percent of the last 10 s). Returns 0, or -EINVAL when the
 * `some` line is missing; *full_avg10 stays NAN when absent. */
int psi_parse(const char *buf, double *some_avg10, double *full_avg10);

#endif
