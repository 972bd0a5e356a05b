/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxident.c — see fxident.h. */
#include "config.h"
#include "tests/lib/fxident.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/proc/stat.h"

struct fxident {
	struct proc_identity_reader base; /* first */
	int root_fd;
	unsigned long delivered;
	char stat[4096], status[8192], cmdline[8192], user[64]; /* one thread at a time */
};

/* PID/name into buf (NUL-terminated); the length, or -1 when it cannot be read. */
static ssize_t read_pid_file(int root_fd, pid_t pid, const char *name, char *buf, size_t cap)
{
	char path[64];
	snprintf(path, sizeof(path), "%d/%s", (int)pid, name);
	int fd = openat(root_fd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t n = 0;
	ssize_t k;
	while (n + 1 < cap && (k = read(fd, buf + n, cap - 1 - n)) > 0)
		n += (size_t)k;
	close(fd);
	buf[n] = '\0';
	return (ssize_t)n;
}

/* The second field of "Uid:" in a status text, or -1. */
static long status_euid(const char *status)
{
	const char *p = strstr(status, "\nUid:");
	if (!p && strncmp(status, "Uid:", 4) == 0)
		p = status - 1;
	if (!p)
		return -1;
	char *end;
	strtol(p + 5, &end, 10);
	long euid = strtol(end, &end, 10);
	return euid;
}

static int fx_read(struct proc_identity_reader *base, const pid_t *pids, const int *pins, size_t n,
		   proc_identity_cb cb, void *ctx)
{
	(void)pins; /* read by path, as libproc2 does */
	struct fxident *r = (struct fxident *)base;
	char *stat = r->stat, *status = r->status, *cmdline = r->cmdline, *user = r->user;
	int found = 0;
	for (size_t i = 0; i < n; i++) {
		struct proc_stat sf;
		if (read_pid_file(r->root_fd, pids[i], "stat", stat, sizeof(r->stat)) <= 0 || proc_stat_parse(stat, &sf) != 0 ||
		    read_pid_file(r->root_fd, pids[i], "status", status, sizeof(r->status)) <= 0)
			continue;
		long euid = status_euid(status);
		if (euid < 0)
			continue;
		struct proc_identity id = {0};
		id.pid = pids[i];
		id.ppid = sf.ppid;
		id.uid = (uid_t)euid;
		id.comm = sf.comm;
		id.start_ticks = sf.start_ticks;
		id.kernel_thread = (sf.flags & PROC_STAT_PF_KTHREAD) || id.pid == 2 || id.ppid == 2;
		ssize_t len = read_pid_file(r->root_fd, pids[i], "cmdline", cmdline, sizeof(r->cmdline));
		if (id.kernel_thread || len <= 0) {
			cmdline[0] = '\0';
		} else {
			while (len > 0 && cmdline[len - 1] == '\0')
				len--;
			for (ssize_t k = 0; k < len; k++)
				if (cmdline[k] == '\0')
					cmdline[k] = ' ';
			cmdline[len] = '\0';
		}
		id.cmdline = cmdline;
		struct passwd pw, *found_pw = NULL;
		char pwbuf[1024];
		if (getpwuid_r(id.uid, &pw, pwbuf, sizeof(pwbuf), &found_pw) == 0 && found_pw)
			snprintf(user, sizeof(r->user), "%s", pw.pw_name);
		else
			snprintf(user, sizeof(r->user), "%u", (unsigned)id.uid);
		id.user = user;
		cb(ctx, &id);
		r->delivered++;
		found++;
	}
	return found;
}

static void fx_free(struct proc_identity_reader *base)
{
	struct fxident *r = (struct fxident *)base;
	close(r->root_fd);
	free(r);
}

static const struct proc_identity_ops fx_ops = {fx_read, fx_free};

struct proc_identity_reader *fxident_new(const char *proc_root)
{
	struct fxident *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->base.ops = &fx_ops;
	r->root_fd = open(proc_root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (r->root_fd < 0) {
		free(r);
		return NULL;
	}
	return &r->base;
}

unsigned long fxident_delivered(const struct proc_identity_reader *r)
{
	return ((const struct fxident *)r)->delivered;
}
