/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/kmsg_line.h — one kernel-log line as every decoder hands it on: the message
 * text with the transport's prefix removed, plus what the transport said about time and
 * origin. Consumers (core/klog/oom_parse.c) never see a transport.
 *
 * Origin: KERNEL when the transport says so (/dev/kmsg facility 0, syslog tag "kernel",
 * dmesg -x "kern"); OTHER for anything a program wrote (/dev/kmsg facility ≥ 1 such as
 * `echo > /dev/kmsg`, syslog tags like "systemd[1]"); UNKNOWN when the shape cannot tell
 * (dmesg, bare lines). Consumers drop OTHER lines.
 */
#ifndef OOMTOP_KMSG_LINE_H
#define OOMTOP_KMSG_LINE_H

#include <stdbool.h>
#include <stddef.h>

enum kmsg_line_origin {
	KMSG_LINE_ORIGIN_UNKNOWN = 0,
	KMSG_LINE_ORIGIN_KERNEL,
	KMSG_LINE_ORIGIN_OTHER,
};

struct kmsg_line {
	double boot_s;      /* seconds since boot; NAN unknown */
	double time_unix_s; /* seconds since the epoch; NAN unknown */
	int prio;           /* syslog priority facility*8+level; -1 unknown */
	enum kmsg_line_origin origin;
	bool continuation;  /* a further line of a multi-line record (\x0a, #012, dmesg indent) */
	const char *text;   /* NUL-terminated, valid only during the callback; raw bytes */
	size_t text_len;
};

/* Called once per produced line. */
typedef void (*kmsg_line_fn)(void *ctx, const struct kmsg_line *line);

/* Hand fn one line: proto with text a NUL-terminated copy of text[0..len) and the given
 * continuation flag. Out of memory: the line is dropped. */
void kmsg_line_emit(kmsg_line_fn fn, void *ctx, const struct kmsg_line *proto, const char *text,
		    size_t len, bool continuation);

/* The same for text split at '\n' (no empty line after a final '\n'): the first line keeps
 * proto's continuation flag, the others are continuations. Returns the lines handed on. */
int kmsg_line_emit_split(kmsg_line_fn fn, void *ctx, const struct kmsg_line *proto,
			 const char *text, size_t len);

#endif
