/* core/history/events.h — the OOM kills a recording saw, kept after the kernel's ring
 * buffer has lost them: one row of oom_kill per kill (a kill is its boot, its time since
 * boot and its victim's pid), the task table the kernel dumped in oom_kill_task, its
 * kernel lines in oom_kill.raw; read back as struct oom_event (core/klog/oom_event.h), so
 * every rendering of events (core/output/event.h) shows recorded kills as it shows live
 * ones. New event fields become new columns (schema.h: version). */
#ifndef OOMTOP_HISTORY_EVENTS_H
#define OOMTOP_HISTORY_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/history/boot.h"
#include "core/history/store.h"
#include "core/klog/oom_event.h"

/* Store ev, a kill of the boot whose row is boot_row, unless it is stored already; then
 * only a reaper's verdict that came later is added. Returns 1 when stored now, 0 when it
 * was known, -EIO on failure. In the caller's transaction, if one is open. */
int history_events_put(struct history_store *st, int64_t boot_row, const struct oom_event *ev);

struct history_events_kill {
	struct oom_event ev;                  /* owns its strings (oom_event_free) */
	char boot_id[HISTORY_BOOT_ID_MAX];    /* the boot it happened in */
};

/* The recorded kills whose time is in [from_unix_s, to_unix_s] (NAN: no bound; a kill of
 * unknown time passes only unbounded filters), oldest first (boot, then time since boot),
 * into a new array. with_details: with task tables and kernel lines. 0 or -errno. */
int history_events_load(struct history_store *st, double from_unix_s, double to_unix_s, bool with_details,
			struct history_events_kill **out, size_t *n);

void history_events_free(struct history_events_kill *v, size_t n);

#endif
