/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/file.c — see file.h. */
#include "config.h"
#include "core/history/file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The first 100 bytes of every SQLite 3 database (https://sqlite.org/fileformat.html):
 *   0  "SQLite format 3\0"
 *  60  user_version (4 bytes, big-endian)
 *  68  application_id (4 bytes, big-endian) */
#define SQLITE_HEADER_BYTES 100
static const char sqlite_magic[16] = "SQLite format 3";

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static const char *kind_name(mode_t m)
{
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISSOCK(m))
		return "a socket";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	return "not a regular file";
}

/* What the header says, for a file that is not ours: one reason. */
static int classify(const char *path, const unsigned char *h, ssize_t n, char *err, size_t errlen)
{
	if (n == 0) {
		snprintf(err, errlen, "%s is an empty file, not an oomtop history: refusing to overwrite it", path);
		return -EILSEQ;
	}
	if (n < SQLITE_HEADER_BYTES || memcmp(h, sqlite_magic, sizeof(sqlite_magic)) != 0) {
		snprintf(err, errlen, "%s is not an SQLite database (nor an oomtop history): refusing to overwrite it",
			 path);
		return -EILSEQ;
	}
	uint32_t app = be32(h + 68);
	if (app != HISTORY_FILE_APPLICATION_ID) {
		snprintf(err, errlen,
			 "%s is an SQLite database of another program (application_id 0x%08x, oomtop's is "
			 "0x%08x): refusing to touch it",
			 path, (unsigned)app, (unsigned)HISTORY_FILE_APPLICATION_ID);
		return -EILSEQ;
	}
	return 0;
}

int history_file_check(const char *path, enum history_file_state *state, char *err, size_t errlen)
{
	struct stat st;
	if (lstat(path, &st) != 0) {
		if (errno == ENOENT) {
			*state = HISTORY_FILE_ABSENT;
			return 0;
		}
		int e = errno;
		snprintf(err, errlen, "%s: %s", path, strerror(e));
		return -e;
	}
	if (S_ISLNK(st.st_mode)) {
		snprintf(err, errlen, "%s is a symbolic link: refusing to follow it (give the real path)", path);
		return -ELOOP;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s is %s, not a database: refusing it", path, kind_name(st.st_mode));
		return -EINVAL;
	}
	/* it may have been swapped since lstat: O_NOFOLLOW and O_NONBLOCK, then fstat again */
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		if (e == ELOOP)
			snprintf(err, errlen, "%s is a symbolic link: refusing to follow it (give the real path)", path);
		else
			snprintf(err, errlen, "cannot open %s: %s", path, strerror(e));
		return -e;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		snprintf(err, errlen, "%s is %s, not a database: refusing it", path, kind_name(st.st_mode));
		return -EINVAL;
	}
	unsigned char h[SQLITE_HEADER_BYTES];
	ssize_t n;
	do
		n = pread(fd, h, sizeof(h), 0);
	while (n < 0 && errno == EINTR);
	int e = errno;
	close(fd);
	if (n < 0) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(e));
		return -e;
	}
	int rc = classify(path, h, n, err, errlen);
	if (rc != 0)
		return rc;
	*state = HISTORY_FILE_OURS;
	return 0;
}

int history_file_make_dir(const char *path, char *err, size_t errlen)
{
	char dir[PATH_MAX];
	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir)) {
		snprintf(err, errlen, "%s: path too long", path);
		return -ENAMETOOLONG;
	}
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0; /* the current directory, or / */
	*slash = '\0';
	bool root = geteuid() == 0;
	for (char *p = dir + 1;; p++) {
		bool last = *p == '\0';
		if (*p != '/' && !last)
			continue;
		*p = '\0';
		if (mkdir(dir, root ? 0755 : 0777) == 0) {
			if (root && chmod(dir, 0755) != 0) { /* whatever the umask */
			}
		} else if (errno != EEXIST) {
			int e = errno;
			snprintf(err, errlen, "cannot create the directory %s: %s", dir, strerror(e));
			return -e;
		}
		if (last)
			break;
		*p = '/';
	}
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s is not a directory", dir);
		return -ENOTDIR;
	}
	return 0;
}

/* 0644 for root (the service's database, readable by every user), else what the user's
 * umask gives a new file. */
static mode_t new_file_mode(void)
{
	if (geteuid() == 0)
		return 0644;
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

/* Link tmp to path without ever replacing what is at path. */
static int link_no_replace(const char *tmp, const char *path)
{
	if (link(tmp, path) == 0)
		return 0;
	if (errno == EEXIST)
		return -EEXIST;
	/* a filesystem without hard links: renameat2's RENAME_NOREPLACE does the same */
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
		return 0;
	return -errno;
}

int history_file_create(const char *path, history_file_init_fn init, void *ctx, char *err, size_t errlen)
{
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof(tmp), "%s.new-XXXXXX", path) >= (int)sizeof(tmp)) {
		snprintf(err, errlen, "%s: path too long", path);
		return -ENAMETOOLONG;
	}
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		snprintf(err, errlen, "cannot create a file beside %s: %s", path, strerror(e));
		return -e;
	}
	int rc = fchmod(fd, new_file_mode()) == 0 ? 0 : -errno;
	close(fd);
	if (rc != 0)
		snprintf(err, errlen, "cannot set the mode of %s: %s", tmp, strerror(-rc));
	if (rc == 0)
		rc = init(ctx, tmp, err, errlen);
	if (rc == 0) {
		rc = link_no_replace(tmp, path);
		if (rc != 0 && rc != -EEXIST)
			snprintf(err, errlen, "cannot create %s: %s", path, strerror(-rc));
	}
	unlink(tmp); /* after link: the database stays at path; after rename: already gone */
	return rc;
}

static bool absolute(const char *s)
{
	return s && s[0] == '/';
}

bool history_file_default_path(char *buf, size_t n, bool root, const char *xdg_state_home, const char *home)
{
	int w;
	if (root)
		w = snprintf(buf, n, "%s", HISTORY_FILE_SYSTEM_PATH);
	else if (absolute(xdg_state_home))
		w = snprintf(buf, n, "%s/oomtop/history.db", xdg_state_home);
	else if (absolute(home))
		w = snprintf(buf, n, "%s/.local/state/oomtop/history.db", home);
	else
		return false;
	return w > 0 && (size_t)w < n;
}
