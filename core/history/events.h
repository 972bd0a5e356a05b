/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/events.h — the OOM kills a recording saw, by any killer (the kernel's,
 * systemd-oomd, earlyoom, nohang), kept after the kernel's ring buffer or the journal has
 * lost them: one row of oom_kill per kill, under the boot it happened in; the task table
 * the kernel dumped in oom_kill_task, systemd's unit messages about it in
 * oom_kill_unit_msg, its log lines in oom_kill.raw; read back as struct oom_event
 * (core/klog/oom_event.h), so every rendering of events (core/output/event.h) shows
 * recorded kills as it shows live ones. New event fields become new columns (schema.h).
 *
 * A kill is its boot and, when it names its victim, its time since boot and the victim's
 * pid; a kill that names none (systemd-oomd kills a whole cgroup; a unit message alone)
 * is its boot, its time and the cgroup it acted on. */
#ifndef OOMTOP_HISTORY_EVENTS_H
#define OOMTOP_HISTORY_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/history/boot.h"
#include "core/history/store.h"
#include "core/klog/oom_event.h"

/* Are a and b, of the same boot (the caller compares boots), the same kill (see above)? */
bool history_events_same_kill(const struct oom_event *a, const struct oom_event *b);

/* Store ev under its own boot (ev->boot_id, its boot row made when missing) or, when it
 * names none, under the running boot's row running_boot_row, unless it is stored already;
 * then only what came later is added (a reaper's verdict, the unit systemd named, more
 * unit messages). Returns 1 when stored now, 0 when it was known, -EIO on failure. In the
 * caller's transaction, if one is open. */
int history_events_put(struct history_store *st, int64_t running_boot_row, const struct oom_event *ev);

struct history_events_kill {
	struct oom_event ev;                  /* owns its strings (oom_event_free) */
	char boot_id[HISTORY_BOOT_ID_MAX];    /* the boot it happened in */
};

/* The recorded kills whose time is in [from_unix_s, to_unix_s] (NAN: no bound; a kill of
 * unknown time passes only unbounded filters), oldest first, into a new array. Each has
 * its boot's id (ev.boot_id too when it is the kernel's 32 hex digits), and earlier_boot
 * set when that is not running_boot_id (NULL: unknown, never set). with_details: with
 * task tables, log lines and unit messages. 0 or -errno. */
int history_events_load(struct history_store *st, const char *running_boot_id, double from_unix_s,
			double to_unix_s, bool with_details, struct history_events_kill **out, size_t *n);

void history_events_free(struct history_events_kill *v, size_t n);

#endif
