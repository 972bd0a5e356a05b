/* SPDX-License-Identifier: GPL-2.0-or-later */
/* static/systemd_stubs.c — only in the static binary (--enable-static-binary).
 *
 * Debian's libproc2.a (readproc.o, sd2proc) calls seven sd-login functions of libsystemd,
 * and Debian ships libsystemd only as a shared library: a static link fails on them.
 * libproc2 calls them only for the PIDS_SD_* items (systemd unit, slice, session, seat,
 * machine, owner uid), which oomtop never asks for (core/proc_identity.c, proc_table.c);
 * its cgroup column comes from /proc/PID/cgroup. So nothing oomtop shows is lost.
 *
 * Each stub fails with -ENOSYS, as libsystemd itself does on a machine without systemd:
 * sd2proc then stores "-" for the field, which is what procps shows there too.
 */
#include "config.h"

#include <errno.h>
#include <sys/types.h>

int sd_pid_get_session(pid_t pid, char **session);
int sd_pid_get_unit(pid_t pid, char **unit);
int sd_pid_get_user_unit(pid_t pid, char **unit);
int sd_pid_get_slice(pid_t pid, char **slice);
int sd_pid_get_machine_name(pid_t pid, char **machine);
int sd_pid_get_owner_uid(pid_t pid, uid_t *uid);
int sd_session_get_seat(const char *session, char **seat);

int sd_pid_get_session(pid_t pid, char **session)
{
	(void)pid;
	(void)session;
	return -ENOSYS;
}

int sd_pid_get_unit(pid_t pid, char **unit)
{
	(void)pid;
	(void)unit;
	return -ENOSYS;
}

int sd_pid_get_user_unit(pid_t pid, char **unit)
{
	(void)pid;
	(void)unit;
	return -ENOSYS;
}

int sd_pid_get_slice(pid_t pid, char **slice)
{
	(void)pid;
	(void)slice;
	return -ENOSYS;
}

int sd_pid_get_machine_name(pid_t pid, char **machine)
{
	(void)pid;
	(void)machine;
	return -ENOSYS;
}

int sd_pid_get_owner_uid(pid_t pid, uid_t *uid)
{
	(void)pid;
	(void)uid;
	return -ENOSYS;
}

int sd_session_get_seat(const char *session, char **seat)
{
	(void)session;
	(void)seat;
	return -ENOSYS;
}
