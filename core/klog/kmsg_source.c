/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/kmsg_source.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/util.h"
#include "core/klog/kmsg_text.h"

#define KMSG_RECORD_BYTES 16384 /* one /dev/kmsg record (6.x: ≤ 2 KiB text + dict) */
#define FILE_CHUNK_BYTES 65536

struct kmsg_source {
	enum kmsg_source_kind kind;
	int fd;
	bool own_fd;
	bool at_end;
	bool waitable; /* files: poll() says when there is more (a pipe, a FIFO, a terminal) */
	bool ended;    /* files: read() said end of file (a pipe's writer closed) */
	uint64_t lost;
	struct kmsg_text_state st;
	char *buf; /* files: partial line; devkmsg: one record; klogctl: the ring copy */
	size_t len, cap;
	bool dropping; /* files: inside a line longer than KMSG_TEXT_LINE_MAX_BYTES */
	int64_t read_bytes; /* files: bytes read so far */
	bool regular;       /* files: a regular file, whose size says how much is left */
	/* klogctl: lines already emitted are those up to this timestamp (count at equal ts) */
	double klog_last_boot_s;
	size_t klog_at_last;
};

double kmsg_source_boot_unix_s(void)
{
	struct timespec rt, bt;
	if (clock_gettime(CLOCK_REALTIME, &rt) != 0 || clock_gettime(CLOCK_BOOTTIME, &bt) != 0)
		return NAN;
	return (double)(rt.tv_sec - bt.tv_sec) + (double)(rt.tv_nsec - bt.tv_nsec) / 1e9;
}

static void permission_message(const char *what, int e, char *err, size_t errlen)
{
	char val[16] = "?";
	ssize_t r = util_read_file("/proc/sys/kernel/dmesg_restrict", val, sizeof(val));
	if (r > 0 && val[r - 1] == '\n')
		val[r - 1] = '\0';
	snprintf(err, errlen,
		 "cannot read the kernel log (%s: %s): kernel.dmesg_restrict=%s lets only "
		 "processes with CAP_SYSLOG read it; run as root, or set "
		 "sysctl kernel.dmesg_restrict=0. OOM kills are counted only "
		 "(/proc/vmstat oom_kill, memory.events, memory.oom_control)",
		 what, strerror(e), val);
}

/* What a saved log may be: a regular file, a pipe or FIFO, a socket, or a terminal (a log
 * pasted in on standard input). Not a directory, nor a device that never ends
 * (/dev/zero, /dev/urandom: read for ever, a line never complete) or is a disk. tty: the
 * descriptor is a terminal. 0, or -errno with a message. */
static int readable_kind(const struct stat *sb, bool tty, const char *what, char *err, size_t errlen)
{
	if (S_ISDIR(sb->st_mode)) {
		snprintf(err, errlen, "cannot read %s: %s", what, strerror(EISDIR));
		return -EISDIR;
	}
	if ((S_ISCHR(sb->st_mode) && !tty) || S_ISBLK(sb->st_mode)) {
		snprintf(err, errlen, "%s is a device, not a saved kernel log (a file, a pipe or -; the live log "
		         "is read without --kmsg)", what);
		return -EINVAL;
	}
	return 0;
}

static int fd_readable_kind(int fd, const char *what, struct stat *sb, char *err, size_t errlen)
{
	if (fstat(fd, sb) != 0) {
		int e = errno;
		snprintf(err, errlen, "cannot read %s: %s", what, strerror(e));
		return -e;
	}
	return readable_kind(sb, isatty(fd), what, err, errlen);
}

/* Without opening it: a FIFO opened and closed again would let its writer in and then
 * break its pipe before the real reader comes. */
int kmsg_source_probe(const char *path, char *err, size_t errlen)
{
	struct stat sb;
	if (strcmp(path, "-") == 0)
		return fd_readable_kind(STDIN_FILENO, "standard input", &sb, err, errlen);
	if (stat(path, &sb) != 0 || access(path, R_OK) != 0) {
		int e = errno;
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(e));
		return -e;
	}
	return readable_kind(&sb, false, path, err, errlen);
}

int kmsg_source_open(struct kmsg_source **out, const char *path, char *err, size_t errlen)
{
	*out = NULL;
	if (errlen)
		err[0] = '\0';
	struct kmsg_source *src = calloc(1, sizeof(*src));
	if (!src) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	src->fd = -1;
	src->klog_last_boot_s = -1;
	kmsg_text_state_init(&src->st, time(NULL));

	if (path == NULL) {
		int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd >= 0) {
			src->kind = KMSG_SOURCE_DEVKMSG;
			src->fd = fd;
			src->own_fd = true;
			src->st.boot_unix_s = kmsg_source_boot_unix_s();
			*out = src;
			return 0;
		}
		int e = errno;
		if (e == EPERM || e == EACCES) {
			permission_message("/dev/kmsg", e, err, errlen);
			free(src);
			return -e;
		}
		/* no /dev/kmsg (kernel < 3.5, or a container without it): klogctl */
		int size = klogctl(10 /* SYSLOG_ACTION_SIZE_BUFFER */, NULL, 0);
		if (size < 0) {
			int ke = errno;
			if (ke == EPERM || ke == EACCES)
				permission_message("klogctl", ke, err, errlen);
			else
				snprintf(err, errlen, "cannot read the kernel log: /dev/kmsg: %s; "
					 "klogctl: %s", strerror(e), strerror(ke));
			free(src);
			return -ke;
		}
		src->kind = KMSG_SOURCE_KLOGCTL;
		src->cap = (size_t)size + 1;
		if (src->cap < 4096)
			src->cap = 4096;
		src->buf = malloc(src->cap);
		if (!src->buf) {
			free(src);
			snprintf(err, errlen, "out of memory");
			return -ENOMEM;
		}
		src->st.boot_unix_s = kmsg_source_boot_unix_s();
		*out = src;
		return 0;
	}

	src->kind = KMSG_SOURCE_FILE;
	bool is_stdin = strcmp(path, "-") == 0;
	src->fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (src->fd < 0) {
		int e = errno;
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(e));
		free(src);
		return -e;
	}
	src->own_fd = !is_stdin;
	struct stat sb;
	int r = fd_readable_kind(src->fd, is_stdin ? "standard input" : path, &sb, err, errlen);
	if (r < 0) {
		if (src->own_fd)
			close(src->fd);
		free(src);
		return r;
	}
	if (S_ISREG(sb.st_mode)) {
		src->st.year_anchor_unix_s = sb.st_mtime;
		src->regular = true;
	}
	src->waitable = !S_ISREG(sb.st_mode);
	*out = src;
	return 0;
}

enum kmsg_source_kind kmsg_source_kind(const struct kmsg_source *src) { return src->kind; }

int kmsg_source_fd(const struct kmsg_source *src)
{
	if (src->kind == KMSG_SOURCE_KLOGCTL)
		return -1;
	/* a regular file is always "readable", at its end too; a pipe whose writer closed
	 * stays readable (POLLHUP) for ever: neither is news */
	if (src->kind == KMSG_SOURCE_FILE && (!src->waitable || src->ended))
		return -1;
	return src->fd;
}

bool kmsg_source_at_end(const struct kmsg_source *src) { return src->at_end; }

bool kmsg_source_progress(const struct kmsg_source *src, int64_t *done_bytes, int64_t *total_bytes)
{
	struct stat sb;
	if (src->kind != KMSG_SOURCE_FILE || !src->regular || src->at_end || fstat(src->fd, &sb) != 0)
		return false;
	*done_bytes = src->read_bytes;
	*total_bytes = sb.st_size > src->read_bytes ? (int64_t)sb.st_size : src->read_bytes;
	return true;
}

uint64_t kmsg_source_lost(const struct kmsg_source *src) { return src->lost; }

static bool fd_readable_now(int fd)
{
	struct pollfd pfd = {.fd = fd, .events = POLLIN};
	int r;
	do
		r = poll(&pfd, 1, 0);
	while (r < 0 && errno == EINTR);
	return r > 0;
}

static int read_devkmsg(struct kmsg_source *src, size_t max_bytes, kmsg_line_fn fn, void *ctx)
{
	if (!src->buf) {
		src->buf = malloc(KMSG_RECORD_BYTES);
		if (!src->buf)
			return -ENOMEM;
		src->cap = KMSG_RECORD_BYTES;
	}
	int n = 0;
	size_t total = 0;
	for (;;) {
		if (max_bytes && total >= max_bytes)
			return n;
		ssize_t r = read(src->fd, src->buf, src->cap - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE) { /* records overwritten before we read them */
				src->lost++;
				continue;
			}
			if (errno == EAGAIN) {
				n += kmsg_text_flush(&src->st, fn, ctx);
				src->at_end = true;
				return n;
			}
			return n > 0 ? n : -errno;
		}
		if (r == 0) {
			src->at_end = true;
			return n;
		}
		total += (size_t)r;
		/* the record, then its dictionary lines: feed line by line */
		const char *p = src->buf, *end = src->buf + r;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
			int k = kmsg_text_line_parse(&src->st, p, l, fn, ctx);
			n += k > 0 ? k : 0;
			p += l + (nl ? 1 : 0);
		}
	}
}

static int read_file(struct kmsg_source *src, size_t max_bytes, kmsg_line_fn fn, void *ctx)
{
	if (!src->buf) {
		src->cap = FILE_CHUNK_BYTES + KMSG_TEXT_LINE_MAX_BYTES + 1;
		src->buf = malloc(src->cap);
		if (!src->buf)
			return -ENOMEM;
	}
	int n = 0;
	size_t total = 0;
	for (;;) {
		if (max_bytes && total >= max_bytes)
			return n;
		if (!fd_readable_now(src->fd))
			return n;
		ssize_t r = read(src->fd, src->buf + src->len, FILE_CHUNK_BYTES);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				return n;
			return n > 0 ? n : -errno;
		}
		if (r == 0) { /* end of file: a last line without '\n' counts too */
			if (src->len > 0 && !src->dropping)
				n += kmsg_text_line_parse(&src->st, src->buf, src->len, fn, ctx);
			src->len = 0;
			src->dropping = false;
			n += kmsg_text_flush(&src->st, fn, ctx);
			src->at_end = true;
			src->ended = true;
			return n;
		}
		src->at_end = false;
		src->ended = false; /* a FIFO's new writer */
		total += (size_t)r;
		src->read_bytes += r;
		size_t have = src->len + (size_t)r;
		char *p = src->buf, *end = src->buf + have;
		for (;;) {
			char *nl = memchr(p, '\n', (size_t)(end - p));
			if (!nl)
				break;
			if (!src->dropping)
				n += kmsg_text_line_parse(&src->st, p, (size_t)(nl - p), fn, ctx);
			src->dropping = false;
			p = nl + 1;
		}
		size_t rest = (size_t)(end - p);
		if (rest > KMSG_TEXT_LINE_MAX_BYTES) { /* overlong line: keep its start, drop the rest */
			if (!src->dropping)
				n += kmsg_text_line_parse(&src->st, p, KMSG_TEXT_LINE_MAX_BYTES, fn, ctx);
			src->dropping = true;
			rest = 0;
		}
		memmove(src->buf, p, rest);
		src->len = rest;
	}
}

struct klog_filter {
	struct kmsg_source *src;
	kmsg_line_fn fn;
	void *ctx;
	double max_boot_s;
	size_t at_max;
	int emitted;
};

/* klogctl hands back the whole ring each time: pass on only lines newer than the last
 * read (by timestamp; lines without one are passed only on the first read). */
static void klog_filter_line(void *ctx, const struct kmsg_line *l)
{
	struct klog_filter *kf = ctx;
	struct kmsg_source *src = kf->src;
	if (!isnan(l->boot_s)) {
		if (l->boot_s > kf->max_boot_s) {
			kf->max_boot_s = l->boot_s;
			kf->at_max = 0;
		}
		if (l->boot_s == kf->max_boot_s)
			kf->at_max++;
		if (l->boot_s < src->klog_last_boot_s)
			return;
		if (l->boot_s == src->klog_last_boot_s && kf->at_max <= src->klog_at_last)
			return;
	} else if (src->at_end) {
		return;
	}
	kf->fn(kf->ctx, l);
	kf->emitted++;
}

static int read_klogctl(struct kmsg_source *src, kmsg_line_fn fn, void *ctx)
{
	int r = klogctl(3 /* SYSLOG_ACTION_READ_ALL */, src->buf, (int)(src->cap - 1));
	if (r < 0)
		return -errno;
	struct klog_filter kf = {src, fn, ctx, -1, 0, 0};
	struct kmsg_text_state st;
	kmsg_text_state_init(&st, time(NULL));
	st.boot_unix_s = src->st.boot_unix_s;
	const char *p = src->buf, *end = src->buf + r;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		kmsg_text_line_parse(&st, p, l, klog_filter_line, &kf);
		p += l + (nl ? 1 : 0);
	}
	kmsg_text_state_free(&st);
	if (kf.max_boot_s > src->klog_last_boot_s ||
	    (kf.max_boot_s == src->klog_last_boot_s && kf.at_max > src->klog_at_last)) {
		src->klog_last_boot_s = kf.max_boot_s;
		src->klog_at_last = kf.at_max;
	}
	src->at_end = true;
	return kf.emitted;
}

int kmsg_source_read(struct kmsg_source *src, size_t max_bytes, kmsg_line_fn fn, void *ctx)
{
	switch (src->kind) {
	case KMSG_SOURCE_DEVKMSG:
		return read_devkmsg(src, max_bytes, fn, ctx);
	case KMSG_SOURCE_KLOGCTL:
		return read_klogctl(src, fn, ctx);
	case KMSG_SOURCE_FILE:
		return read_file(src, max_bytes, fn, ctx);
	}
	return -EINVAL;
}

void kmsg_source_close(struct kmsg_source *src)
{
	if (!src)
		return;
	if (src->own_fd && src->fd >= 0)
		close(src->fd);
	kmsg_text_state_free(&src->st);
	free(src->buf);
	free(src);
}
