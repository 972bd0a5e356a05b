/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxjournal.h — journal entries for the unit tests without libsystemd: the
 * Journal Export Format (https://systemd.io/JOURNAL_EXPORT_FORMATS/, what `journalctl -o
 * export` writes and the tests/fixtures/journal/pN-....txt sources of the sample journals are)
 * read into `struct journal_entry`s, and entries built by hand.
 *
 * Failures are test failures (ck_assert), naming the file. */
#ifndef OOMTOP_TESTS_FXJOURNAL_H
#define OOMTOP_TESTS_FXJOURNAL_H

#include <stddef.h>

#include "core/klog/journal_entry.h"

/* Every entry of the export file at path, in file order (the sample files are in time
 * order), to fn. Returns the number of entries. */
size_t fxjournal_read_export(const char *path, journal_entry_fn fn, void *ctx);

/* An entry built from "FIELD=value" strings (NULL-terminated list): __REALTIME_TIMESTAMP,
 * _BOOT_ID, _TRANSPORT, SYSLOG_IDENTIFIER, _COMM, _PID, UNIT, USER_UNIT, _SYSTEMD_UNIT,
 * MESSAGE_ID, UNIT_RESULT, SYSLOG_FACILITY, MESSAGE. Strings point into fields (keep
 * them alive while the entry is used). */
void fxjournal_entry(struct journal_entry *e, const char *const *fields);

#endif
