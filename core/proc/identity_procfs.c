/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/identity_procfs.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/util.h"
#include "core/proc/entry.h"
#include "core/proc/stat.h"

/* uid → user name, for the uids met (a machine has a few dozen): linear, bounded */
#define USER_CACHE_MAX 256
#define USER_NAME_MAX 64

struct user_name {
	uid_t uid;
	char name[USER_NAME_MAX];
};

struct procfs_reader {
	struct proc_identity_reader base; /* first: a pointer to one is a pointer to the other */
	int proc_fd;
	struct user_name *users;
	size_t nusers;
	char stat[1024], cmdline[8192], user[USER_NAME_MAX];
};

static const char *user_name(struct procfs_reader *r, uid_t uid)
{
	for (size_t i = 0; i < r->nusers; i++)
		if (r->users[i].uid == uid)
			return r->users[i].name;
	struct passwd pw, *found = NULL;
	char buf[1024];
	if (getpwuid_r(uid, &pw, buf, sizeof(buf), &found) == 0 && found)
		snprintf(r->user, sizeof(r->user), "%s", pw.pw_name);
	else
		snprintf(r->user, sizeof(r->user), "%u", (unsigned)uid);
	if (r->nusers < USER_CACHE_MAX) {
		r->users[r->nusers].uid = uid;
		memcpy(r->users[r->nusers].name, r->user, sizeof(r->user));
		r->nusers++;
	}
	return r->user;
}

/* name of pid, through its pin or by path, into buf (NUL-terminated): the length or -errno */
static ssize_t read_at(struct procfs_reader *r, pid_t pid, int pin, const char *name, char *buf, size_t cap)
{
	char path[64];
	snprintf(path, sizeof(path), "%d/%s", (int)pid, name);
	int fd = pin >= 0 ? openat(pin, name, O_RDONLY | O_CLOEXEC) : openat(r->proc_fd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ssize_t n = util_pread_once(fd, buf, cap);
	close(fd);
	return n;
}

static int procfs_read(struct proc_identity_reader *base, const pid_t *pids, const int *pins, size_t n,
		       proc_identity_cb cb, void *ctx)
{
	struct procfs_reader *r = (struct procfs_reader *)base;
	int found = 0;
	for (size_t i = 0; i < n; i++) {
		pid_t pid = pids[i];
		int pin = pins ? pins[i] : -1;
		struct proc_stat sf;
		if (read_at(r, pid, pin, "stat", r->stat, sizeof(r->stat)) <= 0 || proc_stat_parse(r->stat, &sf) != 0)
			continue;
		struct proc_identity id = {0};
		id.pid = pid;
		id.ppid = sf.ppid;
		id.comm = sf.comm;
		id.start_ticks = sf.start_ticks;
		id.kernel_thread = (sf.flags & PROC_STAT_PF_KTHREAD) || pid == 2 || sf.ppid == 2;
		/* the owner of /proc/PID, as libproc2 reports the effective uid */
		struct stat st;
		char path[16];
		snprintf(path, sizeof(path), "%d", (int)pid);
		if ((pin >= 0 ? fstat(pin, &st) : fstatat(r->proc_fd, path, &st, 0)) != 0)
			continue;
		id.uid = st.st_uid;
		id.user = user_name(r, id.uid);
		if (id.kernel_thread)
			r->cmdline[0] = '\0';
		else
			proc_entry_join_cmdline(r->cmdline, read_at(r, pid, pin, "cmdline", r->cmdline, sizeof(r->cmdline)));
		id.cmdline = r->cmdline;
		cb(ctx, &id);
		found++;
	}
	return found;
}

static void procfs_free(struct proc_identity_reader *base)
{
	struct procfs_reader *r = (struct procfs_reader *)base;
	free(r->users);
	free(r);
}

static const struct proc_identity_ops procfs_ops = {procfs_read, procfs_free};

struct proc_identity_reader *proc_identity_procfs_new(int proc_fd)
{
	struct procfs_reader *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->users = calloc(USER_CACHE_MAX, sizeof(*r->users));
	if (!r->users) {
		free(r);
		return NULL;
	}
	r->base.ops = &procfs_ops;
	r->proc_fd = proc_fd;
	return &r->base;
}
