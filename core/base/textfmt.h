/* core/textfmt.h — turning values and untrusted strings into text for people: sizes,
 * rates, durations, and terminal-safe copies of process names, command lines and kernel
 * log text. Shared by batch text output and the screen. Pure. */
#ifndef OOMTOP_TEXTFMT_H
#define OOMTOP_TEXTFMT_H

#include <stddef.h>
#include <stdint.h>

#include "core/base/strbuf.h"

/* 1536 → "1.5K", 215040000 → "205M"; at most 5 characters for values < 1000 P.
 * Unknown (VAL_UNKNOWN) → "-". Binary units (K = 1024). */
void fmt_bytes(char *out, size_t cap, int64_t bytes);

/* A bytes-per-second slope as per hour: 58254.2 → "+200M/h", -1024/3600 → "-1.0K/h".
 * NAN → "-". |rate| below half a unit of 1K/h → "0/h". */
void fmt_bytes_rate_h(char *out, size_t cap, double bytes_per_s);

/* A count-per-second slope as per hour: 5.0 → "+18000/h" → "+18K/h"; NAN → "-". */
void fmt_count_rate_h(char *out, size_t cap, double per_s);

/* Seconds as a short duration: 42 → "42s", 2460 → "41m", 7500 → "2h05m", 200000 → "2d07h".
 * NAN or negative → "-". */
void fmt_duration(char *out, size_t cap, double s);

/* Append s to sb so that it is harmless on a terminal and on one line: control bytes
 * (C0, DEL, C1) and bytes that are not valid UTF-8 become "\xNN"; valid UTF-8 is kept.
 * At most max_bytes of input are used (0 = all); truncation appends "...". NULL → "-". */
void text_sanitize(struct strbuf *sb, const char *s, size_t max_bytes);

/* Append s as a JSON string literal (quotes included). Invalid UTF-8 becomes U+FFFD;
 * control characters (C0, DEL, C1) \u00XX. NULL → null. */
void json_string(struct strbuf *sb, const char *s);
/* Append a number, or null when unknown. */
void json_i64(struct strbuf *sb, int64_t v);
void json_double(struct strbuf *sb, double v);

#endif
