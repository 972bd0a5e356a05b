/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/cgroup/procs.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/util.h"

struct member {
	pid_t pid;
	int path; /* index into paths, or -1: listed more than once */
};

struct cgroup_procs {
	const char *const *paths;
	struct member *v;
	size_t n, cap;
	char *buf; /* the text of one cgroup.procs, reused */
	size_t bufcap;
	int cur;   /* the path being read */
	bool oom;
};

void cgroup_procs_parse(const char *text, void (*cb)(void *ctx, pid_t pid), void *ctx)
{
	const char *p = text;
	while (*p) {
		long v = 0;
		bool digits = false, too_big = false;
		while (*p >= '0' && *p <= '9') {
			too_big = too_big || v > (INT_MAX - 9) / 10;
			if (!too_big)
				v = v * 10 + (*p - '0');
			digits = true;
			p++;
		}
		bool whole = *p == '\n' || *p == '\0';
		if (digits && whole && !too_big && v > 0)
			cb(ctx, (pid_t)v);
		while (*p && *p != '\n')
			p++;
		if (*p == '\n')
			p++;
	}
}

struct cgroup_procs *cgroup_procs_new(void)
{
	return calloc(1, sizeof(struct cgroup_procs));
}

static void add(void *ctx, pid_t pid)
{
	struct cgroup_procs *m = ctx;
	if (!util_grow((void **)&m->v, &m->cap, m->n + 1, sizeof(*m->v))) {
		m->oom = true;
		return;
	}
	m->v[m->n++] = (struct member){pid, m->cur};
}

/* The whole file into m->buf (NUL-terminated), growing it: the root's lists every
 * process of the machine in v1. Returns the length or -errno. */
static ssize_t slurp(struct cgroup_procs *m, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	size_t len = 0;
	for (;;) {
		if (len + 4096 + 1 > m->bufcap) {
			size_t want = m->bufcap ? m->bufcap * 2 : 16384;
			char *nb = realloc(m->buf, want);
			if (!nb) {
				close(fd);
				return -ENOMEM;
			}
			m->buf = nb;
			m->bufcap = want;
		}
		ssize_t k = read(fd, m->buf + len, m->bufcap - len - 1);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			int e = errno;
			close(fd);
			return -e;
		}
		if (k == 0)
			break;
		len += (size_t)k;
	}
	close(fd);
	m->buf[len] = '\0';
	return (ssize_t)len;
}

static int by_pid(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

int cgroup_procs_read(struct cgroup_procs *m, const char *mount, const char *const *paths, size_t n)
{
	m->paths = paths;
	m->n = 0;
	m->oom = false;
	char file[PATH_MAX + 32];
	for (size_t i = 0; i < n && !m->oom; i++) {
		snprintf(file, sizeof(file), "%s%s/cgroup.procs", mount, strcmp(paths[i], "/") == 0 ? "" : paths[i]);
		ssize_t len = slurp(m, file);
		if (len == -ENOMEM)
			m->oom = true;
		if (len <= 0)
			continue;
		m->cur = (int)i;
		cgroup_procs_parse(m->buf, add, m);
	}
	if (m->oom) {
		m->n = 0;
		return -ENOMEM;
	}
	if (m->n)
		qsort(m->v, m->n, sizeof(*m->v), by_pid);
	/* a pid listed twice is answered by nobody: fold the runs to one entry of -1 */
	size_t w = 0;
	for (size_t r = 0; r < m->n; r++) {
		if (w > 0 && m->v[w - 1].pid == m->v[r].pid) {
			m->v[w - 1].path = -1;
			continue;
		}
		m->v[w++] = m->v[r];
	}
	m->n = w;
	return 0;
}

const char *cgroup_procs_find(const struct cgroup_procs *m, pid_t pid)
{
	size_t lo = 0, hi = m->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->v[mid].pid < pid)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < m->n && m->v[lo].pid == pid && m->v[lo].path >= 0)
		return m->paths[m->v[lo].path];
	return NULL;
}

void cgroup_procs_free(struct cgroup_procs *m)
{
	if (!m)
		return;
	free(m->v);
	free(m->buf);
	free(m);
}
