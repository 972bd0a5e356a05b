/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/kmsg_source.h — kernel-log lines from wherever they are: the transports. Live
 * /dev/kmsg, klogctl(2) where there is no /dev/kmsg, or a saved log (file or stdin). Each
 * turns its input into `struct kmsg_line`s (kmsg_line.h) with the pure decoders:
 * kmsg_text.h (every saved-log shape, and the time rules) and kmsg_record.h. Nothing here
 * prints or exits. */
#ifndef OOMTOP_KMSG_SOURCE_H
#define OOMTOP_KMSG_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/klog/kmsg_line.h"

struct kmsg_source;

enum kmsg_source_kind { KMSG_SOURCE_DEVKMSG, KMSG_SOURCE_KLOGCTL, KMSG_SOURCE_FILE };

/* path NULL: live kernel log — /dev/kmsg, or klogctl(2) when /dev/kmsg does not exist.
 * path "-": stdin. Anything else: a saved log file.
 * Returns 0, or -errno with a one-line explanation in err (for EPERM/EACCES on the live log
 * it names kernel.dmesg_restrict and CAP_SYSLOG). Never prints. */
int kmsg_source_open(struct kmsg_source **out, const char *path, char *err, size_t errlen);

/* Whether path ("-": standard input) can be opened as a saved log (kmsg_source_open's
 * checks, without keeping it open): 0, or -errno with a one-line message in err. A
 * directory or a device other than a terminal is refused (-EISDIR, -EINVAL). */
int kmsg_source_probe(const char *path, char *err, size_t errlen);

enum kmsg_source_kind kmsg_source_kind(const struct kmsg_source *src);

/* The descriptor to poll() for POLLIN, or -1 when poll() cannot tell of more: klogctl, a
 * regular file (always readable, at its end too), a pipe or FIFO after its end of file
 * (readable for ever). Then call read periodically. */
int kmsg_source_fd(const struct kmsg_source *src);

/* Non-blocking: reads what is available now (at most about max_bytes of input; 0 means
 * no limit) and emits its lines. Returns the number of lines emitted, 0 when nothing is
 * available yet, or -errno. kmsg_source_at_end() turns true when a file reached its end or
 * the live log was drained once (what the ring held at open has been replayed). */
int kmsg_source_read(struct kmsg_source *src, size_t max_bytes, kmsg_line_fn fn, void *ctx);
bool kmsg_source_at_end(const struct kmsg_source *src);

/* A saved log (a regular file) not read to its end yet: true, with the bytes read so far
 * and the file's size now. False for everything else, and once at the end. */
bool kmsg_source_progress(const struct kmsg_source *src, int64_t *done_bytes, int64_t *total_bytes);

/* Records the kernel overwrote before we read them (/dev/kmsg EPIPE), for a note. */
uint64_t kmsg_source_lost(const struct kmsg_source *src);

void kmsg_source_close(struct kmsg_source *src);

/* Boot time as dmesg -T computes it: CLOCK_REALTIME - CLOCK_BOOTTIME, in unix seconds. */
double kmsg_source_boot_unix_s(void);

#endif
