/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/base/util.h — small helpers shared by core readers: reading whole small files,
 * monotonic and wall clocks, kernel integers, growing arrays. No allocation failure exits:
 * functions that allocate return NULL / -ENOMEM and leave their inputs untouched. */
#ifndef OOMTOP_UTIL_H
#define OOMTOP_UTIL_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Read up to cap-1 bytes of an open file from offset 0 with pread and NUL-terminate.
 * Returns the length, or -errno (ESRCH when the process behind a /proc file is gone). */
ssize_t util_pread_file(int fd, char *buf, size_t cap);

/* One pread from offset 0, NUL-terminated: for files the kernel produces in one piece
 * (single_open seq files such as /proc/PID/status, oom_score, and cgroup value files),
 * where a read that returns less than asked is the whole file. Saves the second pread
 * that only finds the end. Returns the length or -errno. */
ssize_t util_pread_once(int fd, char *buf, size_t cap);

/* Open path (relative to dirfd, or AT_FDCWD), read it like util_pread_file, close it. */
ssize_t util_read_file_at(int dirfd, const char *path, char *buf, size_t cap);
ssize_t util_read_file(const char *path, char *buf, size_t cap);

/* Read a whole file of any size into a fresh NUL-terminated buffer (caller frees).
 * Returns the buffer and sets *len, or NULL with errno set. */
char *util_slurp(const char *path, size_t *len);

/* Parse a decimal integer at *p, skipping leading blanks; advances *p past it.
 * Returns false (and leaves *p) when no digits are there. */
bool util_parse_i64(const char **p, int64_t *out);

/* A kernel "N kB" value in bytes; VAL_UNKNOWN when negative or too big for int64_t
 * (garbage, not a machine: 2^53 KiB is 8 EiB). */
int64_t util_kib_to_bytes(int64_t kib);

/* a + b, clamped to [INT64_MIN + 1, INT64_MAX] instead of overflowing (sums of values from
 * garbled files; INT64_MIN stays VAL_UNKNOWN's). */
int64_t util_sat_add(int64_t a, int64_t b);

/* Make *arr (of *cap elements of elem bytes) hold at least need elements, doubling.
 * Returns false, leaving *arr and *cap untouched, when out of memory. */
bool util_grow(void **arr, size_t *cap, size_t need, size_t elem);

/* The running kernel's page size in bytes (sysconf; 4096 if it cannot say). */
int64_t util_page_bytes(void);

/* Clocks. */
int64_t util_mono_ms(void);
double util_now_unix_s(void);

/* A failure that says nothing about what was read, only about us: out of file descriptors
 * (EMFILE, ENFILE: a tiny ulimit -n) or memory (ENOMEM). The thing is probably still
 * there; say so rather than take it for gone. */
static inline bool util_errno_starved(int e)
{
	return e == EMFILE || e == ENFILE || e == ENOMEM;
}

#endif
