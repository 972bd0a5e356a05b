/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/base/scan.h — reading text by hand, without the C library's locale: a prefix test,
 * digit values, and scanners over a bounded buffer [*pp, end) that advance *pp only when
 * they succeed (the kernel-log decoders in core/klog/ are built from them). Pure. */
#ifndef OOMTOP_SCAN_H
#define OOMTOP_SCAN_H

#include <stdbool.h>
#include <stdint.h>

/* '0'..'9' only, whatever the locale. */
static inline bool scan_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* True when the NUL-terminated s begins with prefix. */
bool scan_starts(const char *s, const char *prefix);

/* 0..15 for 0-9, a-f, A-F; -1 for any other c. */
int scan_hex_digit(int c);

/* An unsigned decimal at *pp (no sign, no blanks), saturating at UINT64_MAX. False when
 * no digit is there. */
bool scan_u64(const char **pp, const char *end, uint64_t *out);

/* The literal lit at *pp; false (and *pp unchanged) when it is not there in full. */
bool scan_lit(const char **pp, const char *end, const char *lit);

/* A size in bytes: digits, then nothing or one of K, M, G, T (KiB, MiB, GiB, TiB; either
 * case, optionally followed by "iB" or "B": binary units however spelt), the whole
 * NUL-terminated s ("512K", "8M", "64MiB", "0"). False for anything else (a fraction, a
 * sign, blanks), and when the size is over max (*out then unchanged). Every size an
 * operator types (--held-kmem, --history-size, their settings keys) is read this way. */
bool scan_size(const char *s, uint64_t max, uint64_t *out);

/* p moved past spaces and tabs, not beyond end. */
const char *scan_blanks(const char *p, const char *end);

#endif
