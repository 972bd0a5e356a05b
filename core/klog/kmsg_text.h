/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/kmsg_text.h — saved kernel logs decoded line by line, in any common shape.
 * Pure (dates without an offset are read in the local time zone). The transports
 * (core/klog/kmsg_source.h) feed it lines: a file's or stdin's, and /dev/kmsg's records.
 *
 * Shapes understood (detected line by line, so concatenated logs work):
 *   raw /dev/kmsg dump     6,417,68003077,-;oom-kill:constraint=...      (\xNN escapes, \x0a
 *                          splits a record; " KEY=value" dictionary lines are skipped)
 *   dmesg                  [  139.201253] text    (also [..][ T123] caller ids, <4>[..] text,
 *                          `dmesg -x` "kern  :warn  : [..] text"; indented continuation
 *                          lines without a timestamp belong to the line above)
 *   dmesg -T               [Di Aug 12 03:54:03 2025] text   (any locale, see kmsg_date.h)
 *   dmesg --time-format iso  2025-08-12T03:54:03,123456+02:00 text
 *   syslog / rsyslog       May  1 11:11:51 host kernel: [  12.3] text   (#012 splits lines)
 *   rsyslog RFC 3339       2025-05-19T18:14:43.123+00:00 host kernel: text
 *   journalctl -k          May 07 11:11:51 host kernel: text    (short, locale month names)
 *   journalctl short-monotonic  [ 1234.567890] host kernel: text
 *   bare kernel lines      text
 *
 * Time rules (documented in docs/kernel-log.md):
 *   - boot_s comes from the line's own [seconds] or the /dev/kmsg usec field; NAN otherwise.
 *   - time_unix_s: live sources add boot_s to the boot time (realtime - CLOCK_BOOTTIME, as
 *     dmesg -T does); saved logs use the line's own date, read in the reader's local time
 *     zone unless the date carries an offset; a raw dump or bare dmesg gives NAN.
 *   - Year-less dates (syslog, journalctl short) take the year of the anchor (the file's
 *     mtime, or now for stdin), or the year before when that would put the line more than
 *     a day after the anchor.
 */
#ifndef OOMTOP_KMSG_TEXT_H
#define OOMTOP_KMSG_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/klog/kmsg_line.h"

/* Longer lines are cut to this many bytes: bounded memory on garbage. */
#define KMSG_TEXT_LINE_MAX_BYTES (64 * 1024)

/* State carried from line to line of a saved log: the last timestamp (for dmesg
 * continuation lines), whether the last line was a /dev/kmsg record (for dictionary lines),
 * and the anchor for year-less dates. */
struct kmsg_text_state {
	time_t year_anchor_unix_s; /* file mtime, or now */
	double boot_unix_s;        /* live sources: turns boot_s into time_unix_s; NAN for files */
	double last_boot_s, last_time_unix_s;
	int last_prio;
	enum kmsg_line_origin last_origin;
	bool last_was_record;
	bool have_last;
	/* /dev/kmsg continuation fragments (flags 'c' then '+', kernels before ~4.9) are
	 * joined into one line here; kmsg_text_flush() emits a line still being joined. */
	char *frag;
	size_t frag_len, frag_cap;
};
void kmsg_text_state_init(struct kmsg_text_state *st, time_t year_anchor_unix_s);
/* Emits a pending joined fragment line, if any. Returns the number of lines emitted. */
int kmsg_text_flush(struct kmsg_text_state *st, kmsg_line_fn fn, void *ctx);
void kmsg_text_state_free(struct kmsg_text_state *st);

/* One line of a saved log (without its '\n'; may contain NULs or any bytes). Detects the
 * shape, strips the prefix, and emits one or more lines. Returns the number emitted. */
int kmsg_text_line_parse(struct kmsg_text_state *st, const char *line, size_t len,
			 kmsg_line_fn fn, void *ctx);

#endif
