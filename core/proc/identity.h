/* core/proc_identity.h — who a process is, read once when it is first seen, with libproc2
 * (<libproc2/pids.h>): pid, ppid, effective uid and user name, comm, cmdline, start time,
 * kernel-thread flag. (The cgroup is not identity: processes migrate, so proc_table reads
 * /proc/PID/cgroup itself, first at the first sample.)
 * libproc2 always reads the live /proc (it has no root parameter). */
#ifndef OOMTOP_PROC_IDENTITY_H
#define OOMTOP_PROC_IDENTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct proc_identity {
	pid_t pid, ppid;
	uid_t uid;
	const char *user;    /* user name, or the uid as digits */
	const char *comm;
	const char *cmdline; /* args joined by spaces; "" when the process has none */
	uint64_t start_ticks;
	bool kernel_thread;
};
/* The strings above are valid only during the callback. */
typedef void (*proc_identity_cb)(void *ctx, const struct proc_identity *id);

struct proc_identity_reader;

/* NULL with errno set when libproc2 cannot start (e.g. /proc not mounted). */
struct proc_identity_reader *proc_identity_new(void);

/* Read the identity of each pid in pids[0..n) and call cb for those that still exist
 * (a pid that vanished in the meantime is skipped: normal). Returns the number found, or
 * -errno when libproc2 fails as a whole. */
int proc_identity_read(struct proc_identity_reader *r, const pid_t *pids, size_t n, proc_identity_cb cb,
		       void *ctx);

void proc_identity_free(struct proc_identity_reader *r);

#endif
