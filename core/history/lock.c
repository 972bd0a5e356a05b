/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/lock.c — see lock.h. */
#include "config.h"
#include "core/history/lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* Below SQLite's lock bytes (PENDING_BYTE 0x40000000 .. SHARED_FIRST + SHARED_SIZE). */
#define LOCK_OFFSET (0x40000000 - 0x10000)

int history_lock_take(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(e));
		return -e;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		snprintf(err, errlen, "%s is not a regular file: refusing it", path);
		return -EINVAL;
	}
	struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = LOCK_OFFSET, .l_len = 1};
	int rc = fcntl(fd, F_OFD_SETLK, &fl);
	if (rc != 0 && errno == EINVAL) /* before Linux 3.15 */
		rc = flock(fd, LOCK_EX | LOCK_NB);
	if (rc != 0) {
		int e = errno == EACCES || errno == EWOULDBLOCK ? EAGAIN : errno;
		close(fd);
		if (e != EAGAIN)
			snprintf(err, errlen, "cannot lock %s: %s", path, strerror(e));
		else
			snprintf(err, errlen, "%s is being recorded by another oomtop", path);
		return -e;
	}
	return fd;
}

void history_lock_release(int fd)
{
	if (fd >= 0)
		close(fd);
}
