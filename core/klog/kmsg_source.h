/* core/kmsg_source.h — kernel-log lines from wherever they are: live /dev/kmsg, klogctl(2),
 * or a saved log (file or stdin) in any common shape.
 *
 * Every source turns its input into `struct kmsg_line`s: the message text with the transport
 * prefix removed, multi-line records split into lines, plus what the transport says about
 * time and origin. Consumers (core/oom_parse.c) never see a transport.
 *
 * Shapes understood in saved logs (detected line by line, so concatenated logs work):
 *   raw /dev/kmsg dump     6,417,68003077,-;oom-kill:constraint=...      (\xNN escapes, \x0a
 *                          splits a record; " KEY=value" dictionary lines are skipped)
 *   dmesg                  [  139.201253] text    (also [..][ T123] caller ids, <4>[..] text,
 *                          `dmesg -x` "kern  :warn  : [..] text"; indented continuation
 *                          lines without a timestamp belong to the line above)
 *   dmesg -T               [Di Aug 12 03:54:03 2025] text   (any locale, see month table)
 *   dmesg --time-format iso  2025-08-12T03:54:03,123456+02:00 text
 *   syslog / rsyslog       May  1 11:11:51 host kernel: [  12.3] text   (#012 splits lines)
 *   rsyslog RFC 3339       2025-05-19T18:14:43.123+00:00 host kernel: text
 *   journalctl -k          May 07 11:11:51 host kernel: text    (short, locale month names)
 *   journalctl short-monotonic  [ 1234.567890] host kernel: text
 *   bare kernel lines      text
 *
 * Time rules (documented in the README):
 *   - boot_s comes from the line's own [seconds] or the /dev/kmsg usec field; NAN otherwise.
 *   - time_unix_s: live sources add boot_s to the boot time (realtime - CLOCK_BOOTTIME, as
 *     dmesg -T does); saved logs use the line's own date, read in the reader's local time
 *     zone unless the date carries an offset; a raw dump or bare dmesg gives NAN.
 *   - Year-less dates (syslog, journalctl short) take the year of the anchor (the file's
 *     mtime, or now for stdin), or the year before when that would put the line more than
 *     a day after the anchor.
 *
 * Origin: KERNEL when the transport says so (/dev/kmsg facility 0, syslog tag "kernel",
 * dmesg -x "kern"); OTHER for anything a program wrote (/dev/kmsg facility ≥ 1 such as
 * `echo > /dev/kmsg`, syslog tags like "systemd[1]"); UNKNOWN when the shape cannot tell
 * (dmesg, bare lines). Consumers drop OTHER lines.
 */
#ifndef OOMTOP_KMSG_SOURCE_H
#define OOMTOP_KMSG_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

enum kmsg_origin {
	KMSG_ORIGIN_UNKNOWN = 0,
	KMSG_ORIGIN_KERNEL,
	KMSG_ORIGIN_OTHER,
};

struct kmsg_line {
	double boot_s;      /* seconds since boot; NAN unknown */
	double time_unix_s; /* seconds since the epoch; NAN unknown */
	int prio;           /* syslog priority facility*8+level; -1 unknown */
	enum kmsg_origin origin;
	bool continuation;  /* a further line of a multi-line record (\x0a, #012, dmesg indent) */
	const char *text;   /* NUL-terminated, valid only during the callback; raw bytes */
	size_t text_len;
};

/* Called once per produced line. */
typedef void (*kmsg_line_fn)(void *ctx, const struct kmsg_line *line);

/* ---- pure parsers ---------------------------------------------------------------------- */

/* One /dev/kmsg record as one read() returns it (dictionary lines included), e.g.
 *   "3,418,68003097,-;Memory cgroup out of memory: Killed process 2473 (python3) ...\n"
 * (Documentation/ABI/testing/dev-kmsg, 3.5+). Unescapes \xNN, splits at \x0a, ignores
 * dictionary lines. boot_unix_s (NAN if unknown) turns usec into time_unix_s.
 * *flag gets the record's flags character ('-', 'c', '+'), *seq its sequence number.
 * Returns the number of lines emitted, or -EINVAL for something that is not a record. */
int kmsg_record_parse(const char *rec, size_t len, double boot_unix_s, char *flag, uint64_t *seq,
		      kmsg_line_fn fn, void *ctx);

/* State carried from line to line of a saved log: the last timestamp (for dmesg
 * continuation lines), whether the last line was a /dev/kmsg record (for dictionary lines),
 * and the anchor for year-less dates. */
struct kmsg_text_state {
	time_t year_anchor_unix_s; /* file mtime, or now */
	double boot_unix_s;        /* live sources: turns boot_s into time_unix_s; NAN for files */
	double last_boot_s, last_time_unix_s;
	int last_prio;
	enum kmsg_origin last_origin;
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

/* Parses a localised month token ("May", "Mai", "avril", "févr.", "1月") → 1..12, or 0. */
int kmsg_month_parse(const char *tok, size_t len);

/* ---- sources --------------------------------------------------------------------------- */

struct kmsg_source;

enum kmsg_kind { KMSG_DEVKMSG, KMSG_KLOGCTL, KMSG_FILE };

/* path NULL: live kernel log — /dev/kmsg, or klogctl(2) when /dev/kmsg does not exist.
 * path "-": stdin. Anything else: a saved log file.
 * Returns 0, or -errno with a one-line explanation in err (for EPERM/EACCES on the live log
 * it names kernel.dmesg_restrict and CAP_SYSLOG). Never prints. */
int kmsg_source_open(struct kmsg_source **out, const char *path, char *err, size_t errlen);

enum kmsg_kind kmsg_source_kind(const struct kmsg_source *src);

/* The descriptor to poll() for POLLIN, or -1 (klogctl: poll by calling read periodically). */
int kmsg_source_fd(const struct kmsg_source *src);

/* Non-blocking: reads what is available now (at most about max_bytes of input; 0 means
 * no limit) and emits its lines. Returns the number of lines emitted, 0 when nothing is
 * available yet, or -errno. kmsg_source_at_end() turns true when a file reached its end or
 * the live log was drained once (what the ring held at open has been replayed). */
int kmsg_source_read(struct kmsg_source *src, size_t max_bytes, kmsg_line_fn fn, void *ctx);
bool kmsg_source_at_end(const struct kmsg_source *src);

/* Records the kernel overwrote before we read them (/dev/kmsg EPIPE), for a note. */
uint64_t kmsg_source_lost(const struct kmsg_source *src);

void kmsg_source_close(struct kmsg_source *src);

/* Boot time as dmesg -T computes it: CLOCK_REALTIME - CLOCK_BOOTTIME, in unix seconds. */
double kmsg_boot_unix_s(void);

#endif
