/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/journal_entry.h — one systemd journal entry, reduced to the fields the OOM
 * readers look at. Filled by core/klog/journal_source.c (sd-journal) or by tests; read by
 * core/klog/oom_journal.c. Strings are NUL-terminated, NULL when the entry lacks the
 * field, and valid only during the callback that hands the entry on.
 */
#ifndef OOMTOP_JOURNAL_ENTRY_H
#define OOMTOP_JOURNAL_ENTRY_H

#include <stddef.h>
#include <stdint.h>

struct journal_entry {
	uint64_t realtime_us;  /* __REALTIME_TIMESTAMP: when journald stored it */
	uint64_t monotonic_us; /* _SOURCE_MONOTONIC_TIMESTAMP of kernel lines (the kernel's own
				* time stamp), else __MONOTONIC_TIMESTAMP; 0 unknown */
	char boot_id[33];      /* _BOOT_ID, 32 hex digits; "" unknown */
	const char *transport;    /* _TRANSPORT: "kernel", "journal", "stdout", "syslog", ... */
	const char *identifier;   /* SYSLOG_IDENTIFIER */
	const char *comm;         /* _COMM */
	const char *systemd_unit; /* _SYSTEMD_UNIT */
	const char *unit;         /* UNIT= (PID 1 about a unit) */
	const char *user_unit;    /* USER_UNIT= (a user manager about a unit) */
	const char *message_id;   /* MESSAGE_ID= */
	const char *unit_result;  /* UNIT_RESULT= */
	int64_t pid;              /* _PID; -1 unknown */
	int facility;             /* SYSLOG_FACILITY; -1 unknown */
	const char *message;      /* MESSAGE: may hold newlines (one record of several lines) */
	size_t message_len;
};

typedef void (*journal_entry_fn)(void *ctx, const struct journal_entry *e);

#endif
