/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/oom_merge.h — one list of kills from every killer and systemd's unit messages,
 * by the counting rules of tests/fixtures/journal/README.md. Pure: times are the
 * journal's, passed in.
 *
 *   - Every kill of a killer (kernel, systemd-oomd, earlyoom, nohang) is a row.
 *   - A unit message about an OOM kill ("A process of this unit has been killed by the OOM
 *     killer.", "systemd-oomd killed … process(es) in this unit.", "Failed with result
 *     'oom-kill'.") that belongs to a kill — its unit is in the kill's cgroup, a moment
 *     around it — adds no row: it is kept with the kill, and names its unit when the
 *     killer did not, or when it sits deeper in the cgroup than the innermost
 *     .service/.scope the kill has from its cgroup (a slice systemd-oomd killed).
 *   - A unit message alone is the row (killer kernel, or systemd-oomd for "systemd-oomd
 *     killed …"; reason "unknown (unit message only)"). PID 1 reports the victim's unit and
 *     every ancestor at one moment: the messages of one moment make one row per innermost
 *     unit (core/klog/unit_name.h says which slice holds which unit).
 *   - Other messages about a killed unit are kept with the kill; "Main process exited,
 *     code=killed" right after a kill that names no unit (a kernel without task_memcg,
 *     earlyoom, nohang) names it: its signal must be the killer's (the kernel: SIGKILL).
 *
 * Kills wait hold_s (journal time) before they are handed out, so messages logged after
 * them (or, racing, just before) still count; what comes later still reaches a kill
 * already handed out through the amend callback. Rows come out oldest first.
 *
 * Call order: oom_merge_new(); oom_merge_kill() / oom_merge_unit_msg() / oom_merge_reap()
 * as entries come, oom_merge_advance() as time passes; oom_merge_flush() at the end (or
 * whenever everything waiting should go out); oom_merge_free().
 */
#ifndef OOMTOP_OOM_MERGE_H
#define OOMTOP_OOM_MERGE_H

#include <stdint.h>

#include "core/klog/oom_event.h"
#include "core/klog/unit_msg.h"

#define OOM_MERGE_PENDING_MAX 4096 /* rows waiting; past it the oldest goes out early */
#define OOM_MERGE_HISTORY 64       /* rows handed out that later messages can still reach */

struct oom_merge_sink {
	/* A row, final: takes ownership of what ev owns (copy the struct by value). */
	void (*event)(void *ctx, struct oom_event *ev);
	/* More about row id, handed out before: its unit (NULL: unchanged) and a unit message
	 * (NULL: none). May be NULL. */
	void (*amend)(void *ctx, uint64_t id, const char *unit, const struct oom_event_msg *msg);
	/* An oom_reaper line for a kernel kill handed out before. May be NULL. */
	void (*reap)(void *ctx, const struct oom_event_reap *r);
	void *ctx;
};

/* A systemd manager's message about a unit (core/klog/unit_msg.h). */
struct oom_merge_note {
	const char *boot_id;      /* "" unknown */
	double time_unix_s;
	enum unit_msg_kind kind;
	const char *unit;
	const char *manager_unit; /* "" for PID 1, "user@1000.service" for a user manager */
	const char *text;         /* the message as logged */
	int signal;               /* UNIT_MSG_EXIT_KILLED: the signal */
};

struct oom_merge;

/* Returns NULL when out of memory. ids are given to rows from first_id on. */
struct oom_merge *oom_merge_new(const struct oom_merge_sink *sink, double hold_s, uint64_t first_id);

/* A killer's kill: source, boot_id, time_unix_s, victim and cgroup set. Takes ownership of
 * what ev owns. Returns a key for the open-kill calls below. */
uint64_t oom_merge_kill(struct oom_merge *m, struct oom_event *ev);

/* A kill its killer is still telling about (earlyoom until "process exited"): it waits,
 * and rows after it with it, until oom_merge_close(); meanwhile oom_merge_open_event()
 * gives the event to change (valid until the next oom_merge_* call; NULL when it went
 * out or was cancelled), and oom_merge_cancel() takes it back (a dry run). */
void oom_merge_open(struct oom_merge *m, uint64_t key);
struct oom_event *oom_merge_open_event(struct oom_merge *m, uint64_t key);
void oom_merge_close(struct oom_merge *m, uint64_t key);
void oom_merge_cancel(struct oom_merge *m, uint64_t key);

void oom_merge_note(struct oom_merge *m, const struct oom_merge_note *note);

/* A kernel oom_reaper line of boot boot_id. */
void oom_merge_reap(struct oom_merge *m, const char *boot_id, const struct oom_event_reap *r);

/* Journal time is now now_unix_s: rows older than hold_s go out (none past an open one). */
void oom_merge_advance(struct oom_merge *m, double now_unix_s);

/* Rows waiting to go out (they will within hold_s, or when an open kill closes). */
size_t oom_merge_waiting(const struct oom_merge *m);

/* Everything waiting goes out, open kills too. */
void oom_merge_flush(struct oom_merge *m);

/* Rows from now on wait hold_s. */
void oom_merge_set_hold(struct oom_merge *m, double hold_s);

void oom_merge_free(struct oom_merge *m);

#endif
