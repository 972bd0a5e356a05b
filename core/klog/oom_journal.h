/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/oom_journal.h — journal entries → OOM kills of every killer. Pure: the entries
 * come from core/klog/journal_source.c or from a test.
 *
 * Each entry goes to the reader of its sender: kernel lines (_TRANSPORT=kernel) to the
 * kernel's OOM report parser (core/klog/oom_parse.c, one per boot, the entry's realtime
 * and monotonic times on every line; a MESSAGE of several lines is one record of several
 * lines), systemd-oomd's, earlyoom's and nohang's lines to their parsers
 * (core/klog/killer_*.c, one state per process), and systemd's unit messages
 * (core/klog/unit_msg.c); core/klog/oom_merge.c makes the rows. Events get the entry's
 * boot id, and earlier_boot when it is not current_boot_id.
 *
 * Call order: oom_journal_new(); oom_journal_feed() per entry in journal order;
 * oom_journal_advance() when time passes without entries (live following);
 * oom_journal_flush() at the end of input; oom_journal_free().
 */
#ifndef OOMTOP_OOM_JOURNAL_H
#define OOMTOP_OOM_JOURNAL_H

#include "core/klog/journal_entry.h"
#include "core/klog/oom_merge.h"

enum oom_journal_sender {
	OOM_JOURNAL_OTHER,
	OOM_JOURNAL_KERNEL,   /* _TRANSPORT=kernel */
	OOM_JOURNAL_OOMD,     /* systemd-oomd */
	OOM_JOURNAL_EARLYOOM,
	OOM_JOURNAL_NOHANG,   /* nohang, nohang-desktop */
	OOM_JOURNAL_MANAGER,  /* systemd: PID 1 or a user manager */
};

/* Who wrote the entry, from its identifier, command name and unit. */
enum oom_journal_sender oom_journal_sender(const struct journal_entry *e);

struct oom_journal;

/* hold_s: how long rows wait for messages about them (oom_merge.h): long when reading
 * what is there, a second when following live. current_boot_id: "" or NULL when unknown.
 * Returns NULL when out of memory. */
struct oom_journal *oom_journal_new(const struct oom_merge_sink *sink, const char *current_boot_id,
				    double hold_s);

void oom_journal_feed(struct oom_journal *j, const struct journal_entry *e);

/* How many entries fed so far told of a kill — a kernel kill or reaper line, a user-space
 * killer's kill, systemd's message about an OOM kill (not its other unit messages, not
 * the rest of a kernel report) — whether its row came out yet or not. */
uint64_t oom_journal_news(const struct oom_journal *j);

/* Kills read but not handed out yet: they wait for what follows them (oom_merge.h). */
size_t oom_journal_waiting(const struct oom_journal *j);

/* No entry for a while and it is now now_unix_s: rows and user-space kills that waited long
 * enough go out. */
void oom_journal_advance(struct oom_journal *j, double now_unix_s);

void oom_journal_flush(struct oom_journal *j);

/* From now on rows wait hold_s; those waiting go out now (caught up, and following). */
void oom_journal_set_hold(struct oom_journal *j, double hold_s);

void oom_journal_free(struct oom_journal *j);

#endif
