/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/kmsg_record.h — /dev/kmsg records decoded (Documentation/ABI/testing/dev-kmsg,
 * 3.5+): the header, \xNN escapes, \x0a line breaks, dictionary lines. Pure. */
#ifndef OOMTOP_KMSG_RECORD_H
#define OOMTOP_KMSG_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "core/klog/kmsg_line.h"

/* The header "PRIO,SEQ,USEC,FLAGS[,more];" at rec (end bounds it): fills the numbers and
 * *flag ('-', 'c' or '+'), returns a pointer to the text after ';', or NULL when rec does
 * not start with a record header. */
const char *kmsg_record_header(const char *rec, const char *end, uint64_t *prio, uint64_t *seq,
			       uint64_t *usec, char *flag);

/* One record as one read() returns it (dictionary lines included), e.g.
 *   "3,418,68003097,-;Memory cgroup out of memory: Killed process 2473 (python3) ...\n"
 * Unescapes \xNN, splits at \x0a, ignores dictionary lines. boot_unix_s (NAN if unknown)
 * turns usec into time_unix_s. flag and seq may be NULL; *flag gets the record's flags
 * character, *seq its sequence number. Returns the number of lines emitted, -EINVAL for
 * something that is not a record, -ENOMEM. */
int kmsg_record_parse(const char *rec, size_t len, double boot_unix_s, char *flag, uint64_t *seq,
		      kmsg_line_fn fn, void *ctx);

#endif
