/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/base/util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

ssize_t util_pread_file(int fd, char *buf, size_t cap)
{
	size_t len = 0;
	if (cap == 0)
		return -EINVAL;
	while (len < cap - 1) {
		ssize_t n = pread(fd, buf + len, cap - 1 - len, (off_t)len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	buf[len] = '\0';
	return (ssize_t)len;
}

ssize_t util_pread_once(int fd, char *buf, size_t cap)
{
	if (cap == 0)
		return -EINVAL;
	ssize_t n;
	do
		n = pread(fd, buf, cap - 1, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	if ((size_t)n == cap - 1) /* filled the buffer: there may be more */
		return util_pread_file(fd, buf, cap);
	buf[n] = '\0';
	return n;
}

ssize_t util_read_file_at(int dirfd, const char *path, char *buf, size_t cap)
{
	int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ssize_t n = util_pread_file(fd, buf, cap);
	close(fd);
	return n;
}

ssize_t util_read_file(const char *path, char *buf, size_t cap)
{
	return util_read_file_at(AT_FDCWD, path, buf, cap);
}

char *util_slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	size_t cap = 0, n = 0;
	char *buf = NULL;
	for (;;) {
		/* room for a 4 KiB read and the NUL */
		if (!util_grow((void **)&buf, &cap, n + 4097, 1)) {
			free(buf);
			buf = NULL;
			errno = ENOMEM;
			break;
		}
		ssize_t r = read(fd, buf + n, cap - 1 - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			free(buf);
			buf = NULL;
			errno = e;
			break;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	int e = errno;
	close(fd);
	errno = e;
	if (buf) {
		buf[n] = '\0';
		if (len)
			*len = n;
	}
	return buf;
}

int64_t util_kib_to_bytes(int64_t kib)
{
	return kib >= 0 && kib <= INT64_MAX / 1024 ? kib * 1024 : INT64_MIN;
}

int64_t util_sat_add(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_add_overflow(a, b, &r))
		return b > 0 ? INT64_MAX : INT64_MIN + 1;
	return r == INT64_MIN ? INT64_MIN + 1 : r;
}

bool util_parse_i64(const char **p, int64_t *out)
{
	const char *s = *p;
	while (*s == ' ' || *s == '\t')
		s++;
	bool neg = false;
	if (*s == '-') {
		neg = true;
		s++;
	}
	if (!isdigit((unsigned char)*s))
		return false;
	uint64_t v = 0;
	while (isdigit((unsigned char)*s)) {
		unsigned d = (unsigned)(*s - '0');
		if (v > (UINT64_MAX - d) / 10)
			v = UINT64_MAX; /* saturate: kernel "unlimited" values can be huge */
		else
			v = v * 10 + d;
		s++;
	}
	if (v > (uint64_t)INT64_MAX)
		v = (uint64_t)INT64_MAX;
	*out = neg ? -(int64_t)v : (int64_t)v;
	*p = s;
	return true;
}

bool util_grow(void **arr, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return true;
	size_t nc = *cap ? *cap : 64;
	while (nc < need)
		nc *= 2;
	void *na = realloc(*arr, nc * elem);
	if (!na)
		return false;
	*arr = na;
	*cap = nc;
	return true;
}

int64_t util_mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

double util_now_unix_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int64_t util_page_bytes(void)
{
	static int64_t cached;
	if (!cached) {
		long v = sysconf(_SC_PAGESIZE);
		cached = v > 0 ? (int64_t)v : 4096;
	}
	return cached;
}
