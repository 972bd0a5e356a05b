/* core/util.h — small helpers shared by core readers: reading whole small files,
 * monotonic and wall clocks, a growable string buffer. No allocation failure exits:
 * functions that allocate return NULL / -ENOMEM and leave their inputs untouched. */
#ifndef OOMTOP_UTIL_H
#define OOMTOP_UTIL_H

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

/* Clocks. */
int64_t util_mono_ms(void);
double util_now_unix_s(void);

/* Growable string buffer. On allocation failure sb->oom is set and later appends are ignored;
 * the caller checks it once at the end. */
struct strbuf {
	char *buf;
	size_t len, cap;
	bool oom;
	/* Optional streaming: when spill is set, an append that would take len past spill_at
	 * first hands the bytes so far to spill() and empties the buffer, so memory stays
	 * bounded however long the output. spill returns false on failure: the bytes are
	 * dropped, spill_failed is set, and later appends are ignored. */
	bool (*spill)(void *ctx, const char *buf, size_t len);
	void *spill_ctx;
	size_t spill_at;
	bool spill_failed;
};
void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_putc(struct strbuf *sb, char c);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putn(struct strbuf *sb, const char *s, size_t n);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Like sb_printf("%lld"), without printf: the refresh path formats thousands of numbers. */
void sb_put_i64(struct strbuf *sb, int64_t v);
/* The same right-aligned in width columns, like "%*lld". */
void sb_put_i64_padded(struct strbuf *sb, int64_t v, size_t width);
/* The n bytes at s padded with spaces to width, like "%-*.*s" (left) or "%*.*s". */
void sb_put_padded(struct strbuf *sb, const char *s, size_t n, size_t width, bool left);

#endif
