/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/fdkinds.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/scan.h"
#include "core/base/util.h"

static const char *const kind_names[FD_KIND_COUNT] = {
	[FD_KIND_SOCKET] = "socket", [FD_KIND_PIPE] = "pipe", [FD_KIND_FILE] = "file",
	[FD_KIND_ANON_INODE] = "anon_inode", [FD_KIND_OTHER] = "other",
};

/* What follows "anon_inode:" in a link (brackets or not: "[eventfd]", "inotify"), and the
 * view's name for it. The kernel names anon inodes in anon_inode_getfd() callers; pidfds
 * live on pidfs from 6.9 but still read "anon_inode:[pidfd]". */
static const struct {
	const char *link, *name;
} anon_names[FD_ANON_COUNT] = {
	[FD_ANON_EVENTFD] = {"eventfd", "eventfd"},    [FD_ANON_EVENTPOLL] = {"eventpoll", "epoll"},
	[FD_ANON_TIMERFD] = {"timerfd", "timerfd"},    [FD_ANON_SIGNALFD] = {"signalfd", "signalfd"},
	[FD_ANON_INOTIFY] = {"inotify", "inotify"},    [FD_ANON_PIDFD] = {"pidfd", "pidfd"},
	[FD_ANON_IO_URING] = {"io_uring", "io_uring"}, [FD_ANON_OTHER] = {"", "other"},
};

const char *proc_fdkinds_name(enum fd_kind k)
{
	return (unsigned)k < FD_KIND_COUNT ? kind_names[k] : "?";
}

const char *proc_fdkinds_anon_name(enum fd_anon a)
{
	return (unsigned)a < FD_ANON_COUNT ? anon_names[a].name : "?";
}

static enum fd_anon anon_of(const char *what)
{
	if (*what == '[')
		what++;
	size_t n = strcspn(what, "]");
	for (int a = 0; a < FD_ANON_OTHER; a++)
		if (strlen(anon_names[a].link) == n && strncmp(what, anon_names[a].link, n) == 0)
			return (enum fd_anon)a;
	return FD_ANON_OTHER;
}

/* Links as fs/d_path.c and the file systems print them (6.18; the same since 2.6):
 *   socket:[81723]          pipe:[4412]           anon_inode:[eventfd]
 *   anon_inode:inotify      /var/log/app.log      /memfd:buf (deleted)
 *   /dev/pts/0              net:[4026531840]      (a namespace: other)
 * A path is whatever it opens: a regular file, or a directory, a device, a named pipe. */
enum fd_kind proc_fdkinds_classify(const char *link, unsigned mode, enum fd_anon *anon)
{
	if (anon)
		*anon = FD_ANON_OTHER;
	if (scan_starts(link, "socket:["))
		return FD_KIND_SOCKET;
	if (scan_starts(link, "pipe:["))
		return FD_KIND_PIPE;
	if (scan_starts(link, "anon_inode:")) {
		if (anon)
			*anon = anon_of(link + strlen("anon_inode:"));
		return FD_KIND_ANON_INODE;
	}
	if (link[0] != '/')
		return FD_KIND_OTHER;
	switch (mode & S_IFMT) {
	case S_IFREG: return FD_KIND_FILE;
	case S_IFIFO: return FD_KIND_PIPE;
	case S_IFSOCK: return FD_KIND_SOCKET;
	case 0: /* unknown: by the name */
		return scan_starts(link, "/dev/") && !scan_starts(link, "/dev/shm/") ? FD_KIND_OTHER : FD_KIND_FILE;
	default: return FD_KIND_OTHER;
	}
}

size_t proc_fdkinds_pick(size_t n, size_t k, size_t i)
{
	if (n <= k || k < 2)
		return n <= k ? i : 0;
	/* i * (n - 1) / (k - 1): 0 and n - 1 included, strictly increasing since n > k */
	return (size_t)((unsigned long long)i * (n - 1) / (k - 1));
}

int64_t proc_fdkinds_scale(int64_t count, size_t n, size_t k)
{
	if (k == 0)
		return 0;
	return (int64_t)(((unsigned long long)count * n + k / 2) / k);
}

void proc_fdkinds_scratch_free(struct proc_fdkinds_scratch *s)
{
	free(s->fds);
	s->fds = NULL;
	s->cap = 0;
}

static void unknown(struct proc_fdkinds *out)
{
	for (int k = 0; k < FD_KIND_COUNT; k++)
		out->count[k] = VAL_UNKNOWN;
	for (int a = 0; a < FD_ANON_COUNT; a++)
		out->anon[a] = VAL_UNKNOWN;
	out->listed = VAL_UNKNOWN;
	out->links = out->stats = 0;
	out->sampled = false;
}

/* The fd numbers in fd/ (dfd), into the scratch. Returns how many, or -errno. */
static ssize_t list(int dfd, struct proc_fdkinds_scratch *scratch)
{
	int d2 = dup(dfd);
	if (d2 < 0)
		return -errno;
	DIR *d = fdopendir(d2);
	if (!d) {
		int e = errno;
		close(d2);
		return -e;
	}
	size_t n = 0;
	ssize_t rc = 0;
	errno = 0;
	for (struct dirent *de; (de = readdir(d));) {
		const char *p = de->d_name;
		uint64_t v;
		if (!scan_u64(&p, p + strlen(p), &v) || *p || v > INT32_MAX)
			continue; /* "." and ".." */
		if (!util_grow((void **)&scratch->fds, &scratch->cap, n + 1, sizeof(int))) {
			rc = -ENOMEM;
			break;
		}
		scratch->fds[n++] = (int)v;
	}
	if (rc == 0 && errno)
		rc = -errno;
	closedir(d);
	return rc < 0 ? rc : (ssize_t)n;
}

/* The st_mode type of what fd/N opens, from the inode's cached attributes; 0 unknown. */
static unsigned target_mode(int dfd, const char *name)
{
#ifdef STATX_TYPE
	struct statx sx;
	if (statx(dfd, name, AT_STATX_DONT_SYNC, STATX_TYPE, &sx) == 0 && (sx.stx_mask & STATX_TYPE))
		return sx.stx_mode & S_IFMT;
	return 0;
#else
	struct stat st;
	return fstatat(dfd, name, &st, 0) == 0 ? (unsigned)(st.st_mode & S_IFMT) : 0;
#endif
}

int proc_fdkinds_read(int proc_fd, pid_t pid, size_t max_links, struct proc_fdkinds_scratch *scratch,
		      struct proc_fdkinds *out)
{
	unknown(out);
	if (max_links == 0)
		return -EINVAL;
	char path[32];
	snprintf(path, sizeof(path), "%d/fd", (int)pid);
	int dfd = openat(proc_fd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return -errno;
	ssize_t n = list(dfd, scratch);
	if (n < 0) {
		close(dfd);
		return (int)n;
	}
	size_t k = (size_t)n < max_links ? (size_t)n : max_links;
	int64_t count[FD_KIND_COUNT] = {0}, anon[FD_ANON_COUNT] = {0};
	size_t seen = 0; /* links read and classified */
	for (size_t i = 0; i < k; i++) {
		char name[16], link[4096];
		snprintf(name, sizeof(name), "%d", scratch->fds[proc_fdkinds_pick((size_t)n, k, i)]);
		ssize_t l = readlinkat(dfd, name, link, sizeof(link) - 1);
		out->links++;
		if (l < 0 && errno == ENOENT)
			continue; /* closed since the listing */
		if (l < 0) { /* EACCES: the listing is allowed, the links are not (ptrace) */
			int e = errno;
			close(dfd);
			int64_t links = out->links, stats = out->stats;
			unknown(out);
			out->links = links;
			out->stats = stats;
			return -e;
		}
		link[l] = '\0';
		unsigned mode = 0;
		if (link[0] == '/') {
			mode = target_mode(dfd, name);
			out->stats++;
		}
		enum fd_anon a;
		enum fd_kind kind = proc_fdkinds_classify(link, mode, &a);
		count[kind]++;
		if (kind == FD_KIND_ANON_INODE)
			anon[a]++;
		seen++;
	}
	close(dfd);
	out->listed = n;
	out->sampled = (size_t)n > k;
	for (int c = 0; c < FD_KIND_COUNT; c++)
		out->count[c] = out->sampled ? proc_fdkinds_scale(count[c], (size_t)n, seen) : count[c];
	for (int a = 0; a < FD_ANON_COUNT; a++)
		out->anon[a] = out->sampled ? proc_fdkinds_scale(anon[a], (size_t)n, seen) : anon[a];
	return 0;
}
