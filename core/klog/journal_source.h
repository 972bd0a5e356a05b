/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/journal_source.h — the systemd journal through libsystemd's sd-journal: the
 * system journal, or journal files or a directory of them. Hands on the entries an OOM
 * reader needs (core/klog/journal_entry.h), selected with journal matches — kernel lines
 * (_TRANSPORT=kernel) of every boot, systemd-oomd, earlyoom and nohang, and systemd's own
 * messages (PID 1 and user managers) — so the rest of the journal is not read.
 *
 * Built without libsystemd (configure found none, or the static build), every open fails
 * with -ENOTSUP and a message saying so. Nothing here prints or exits.
 */
#ifndef OOMTOP_JOURNAL_SOURCE_H
#define OOMTOP_JOURNAL_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/klog/journal_entry.h"

struct journal_source;

/* True when this build reads journals at all. */
bool journal_source_built(void);

/* path NULL: the system journal (this machine's files that we may read: root or the
 * systemd-journal group); a directory: the journal files in it; else one journal file.
 * Returns 0, or -errno with a one-line explanation in err: -ENOTSUP built without
 * libsystemd, -EACCES no journal file readable by us, -ENOENT no journal files. */
int journal_source_open(struct journal_source **out, const char *path, char *err, size_t errlen);

/* The descriptor to poll() for new entries (sd_journal_get_fd), or -1. */
int journal_source_fd(struct journal_source *src);

/* Non-blocking: processes pending journal changes (sd_journal_process) and hands fn the
 * entries that are there now, at most max_entries (0: no limit). Returns the number
 * handed on, or -errno. journal_source_at_end() turns true when every entry present was
 * read (more may come later). */
int journal_source_read(struct journal_source *src, size_t max_entries, journal_entry_fn fn,
			void *ctx);
bool journal_source_at_end(const struct journal_source *src);

void journal_source_close(struct journal_source *src);

/* The running boot's id (32 hex digits) into out[33]; false (out "") when unknown. */
bool journal_source_boot_id(char out[33]);

#endif
