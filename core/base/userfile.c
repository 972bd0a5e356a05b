/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/base/userfile.c — see userfile.h. */
#include "config.h"
#include "core/base/userfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

static int __attribute__((format(printf, 4, 5))) refuse(int err, char *why, size_t whylen, const char *fmt, ...)
{
	if (why && whylen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(why, whylen, fmt, ap);
		va_end(ap);
	}
	return -err;
}

static const char *kind_of(mode_t m)
{
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	if (S_ISSOCK(m))
		return "a socket";
	if (S_ISLNK(m))
		return "a symbolic link";
	return "not a regular file";
}

int userfile_read(const char *path, size_t max_bytes, char **out, size_t *len, char *why, size_t whylen)
{
	*out = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return refuse(errno, why, whylen, "%s", strerror(errno));
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		close(fd);
		return refuse(e, why, whylen, "%s", strerror(e));
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return refuse(EINVAL, why, whylen, "%s, not a regular file: not read", kind_of(st.st_mode));
	}
	if ((uintmax_t)st.st_size > max_bytes) {
		close(fd);
		return refuse(EFBIG, why, whylen, "%jd bytes, more than the %zu allowed: not read", (intmax_t)st.st_size,
			      max_bytes);
	}
	/* the size may change while we read: read at most max_bytes + 1 to see it grew past */
	size_t cap = (size_t)st.st_size + 1;
	char *buf = malloc(cap + 1);
	if (!buf) {
		close(fd);
		return refuse(ENOMEM, why, whylen, "out of memory");
	}
	size_t n = 0;
	for (;;) {
		if (n == cap) {
			if (cap > max_bytes)
				break;
			size_t ncap = cap * 2 > max_bytes + 1 ? max_bytes + 1 : cap * 2;
			char *nb = realloc(buf, ncap + 1);
			if (!nb)
				break;
			buf = nb;
			cap = ncap;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			free(buf);
			close(fd);
			return refuse(e, why, whylen, "%s", strerror(e));
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (n > max_bytes) {
		free(buf);
		return refuse(EFBIG, why, whylen, "grew past the %zu bytes allowed while read: not read", max_bytes);
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

/* mkdir -p of dir (missing parents 0755). */
static int make_dirs(const char *dir, char *why, size_t whylen)
{
	char tmp[4096];
	if (snprintf(tmp, sizeof(tmp), "%s", dir) >= (int)sizeof(tmp))
		return refuse(ENAMETOOLONG, why, whylen, "the path is too long");
	for (char *p = tmp + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
			return refuse(errno, why, whylen, "cannot create %s: %s", tmp, strerror(errno));
		*p = c;
		if (!c)
			break;
	}
	return 0;
}

/* Owned by the user we run as, or by root (a root-owned directory is as trusted as we are). */
static bool owned_ok(const struct stat *st)
{
	return st->st_uid == geteuid() || st->st_uid == 0;
}

static void out_close(struct userfile_out *w)
{
	if (w->fd >= 0)
		close(w->fd);
	if (w->dfd >= 0)
		close(w->dfd);
	w->fd = w->dfd = -1;
}

int userfile_begin(struct userfile_out *w, const char *dir, const char *name, mode_t mode, unsigned flags,
                   char *why, size_t whylen)
{
	memset(w, 0, sizeof(*w));
	w->fd = w->dfd = -1;
	w->flags = flags;
	if (!name[0] || strchr(name, '/') || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return refuse(EINVAL, why, whylen, "'%s' is not a file name", name);
	if (snprintf(w->dir, sizeof(w->dir), "%s", dir) >= (int)sizeof(w->dir) ||
	    snprintf(w->name, sizeof(w->name), "%s", name) >= (int)sizeof(w->name))
		return refuse(ENAMETOOLONG, why, whylen, "the path is too long");
	bool named = flags & USERFILE_NAMED;
	if (!named) {
		int rc = make_dirs(dir, why, whylen);
		if (rc < 0)
			return rc;
	}
	/* a directory the operator named may be reached through a symlink (/var/lib/x -> /srv/x) */
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (named ? 0 : O_NOFOLLOW));
	if (dfd < 0) {
		if (!named && (errno == ELOOP || errno == ENOTDIR))
			return refuse(ELOOP, why, whylen, "%s is a symbolic link or not a directory: not written into", dir);
		return refuse(errno, why, whylen, "%s: %s", dir, strerror(errno));
	}
	struct stat st;
	if (fstat(dfd, &st) != 0) {
		int e = errno;
		close(dfd);
		return refuse(e, why, whylen, "%s: %s", dir, strerror(e));
	}
	if (!named && !owned_ok(&st)) {
		close(dfd);
		return refuse(EPERM, why, whylen, "%s belongs to uid %u, not to uid %u (oomtop's): not written into", dir,
			      (unsigned)st.st_uid, (unsigned)geteuid());
	}
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		if (S_ISLNK(st.st_mode)) {
			close(dfd);
			return refuse(ELOOP, why, whylen, "%s/%s is a symbolic link: not replaced", dir, name);
		}
		if (!S_ISREG(st.st_mode)) {
			close(dfd);
			return refuse(EINVAL, why, whylen, "%s/%s is %s: not replaced", dir, name, kind_of(st.st_mode));
		}
		if (!named && !owned_ok(&st)) {
			close(dfd);
			return refuse(EPERM, why, whylen, "%s/%s belongs to uid %u, not to uid %u (oomtop's): not replaced",
				      dir, name, (unsigned)st.st_uid, (unsigned)geteuid());
		}
	} else if (errno != ENOENT) {
		int e = errno;
		close(dfd);
		return refuse(e, why, whylen, "%s/%s: %s", dir, name, strerror(e));
	}

	int fd = -1;
	for (int tries = 0; tries < 16 && fd < 0; tries++) {
		uint64_t r = 0;
		if (getrandom(&r, sizeof(r), GRND_NONBLOCK) != (ssize_t)sizeof(r))
			r = ((uint64_t)getpid() << 32) ^ (uint64_t)(uintptr_t)&r ^ (uint64_t)tries * 0x9e3779b97f4a7c15ULL;
		/* a dot name ending in .tmp: node_exporter's textfile collector reads *.prom only */
		snprintf(w->tmp, sizeof(w->tmp), ".%.100s.%016llx.tmp", name, (unsigned long long)r);
		fd = openat(dfd, w->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
		if (fd < 0 && errno != EEXIST) {
			int e = errno;
			close(dfd);
			return refuse(e, why, whylen, "cannot create a file in %s: %s", dir, strerror(e));
		}
	}
	if (fd < 0) {
		close(dfd);
		return refuse(EEXIST, why, whylen, "cannot make a temporary file in %s", dir);
	}
	w->dfd = dfd;
	w->fd = fd;
	return 0;
}

int userfile_append(struct userfile_out *w, const char *text, size_t len)
{
	if (w->fd < 0)
		return -EBADF;
	size_t off = 0;
	while (!w->err && off < len) {
		ssize_t n = write(w->fd, text + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			w->err = n < 0 ? errno : EIO;
		else
			off += (size_t)n;
	}
	return -w->err;
}

int userfile_commit(struct userfile_out *w, char *why, size_t whylen)
{
	if (w->fd < 0 || w->dfd < 0) {
		out_close(w);
		return refuse(EBADF, why, whylen, "nothing to write");
	}
	bool sync = !(w->flags & USERFILE_NO_SYNC);
	int err = w->err;
	if (!err && sync && fsync(w->fd) != 0)
		err = errno;
	if (close(w->fd) != 0 && !err)
		err = errno;
	w->fd = -1;
	if (!err && renameat(w->dfd, w->tmp, w->dfd, w->name) != 0)
		err = errno;
	if (err) {
		unlinkat(w->dfd, w->tmp, 0);
		out_close(w);
		return refuse(err, why, whylen, "cannot write %s/%s: %s", w->dir, w->name, strerror(err));
	}
	if (sync)
		fsync(w->dfd); /* the rename itself on disk */
	out_close(w);
	return 0;
}

void userfile_abort(struct userfile_out *w)
{
	if (w->dfd >= 0 && w->tmp[0])
		unlinkat(w->dfd, w->tmp, 0);
	out_close(w);
}

int userfile_write(const char *dir, const char *name, const char *text, size_t len, mode_t mode, unsigned flags,
                   char *why, size_t whylen)
{
	struct userfile_out w;
	int rc = userfile_begin(&w, dir, name, mode, flags, why, whylen);
	if (rc < 0)
		return rc;
	userfile_append(&w, text, len);
	return userfile_commit(&w, why, whylen);
}
