/* tests/tui/fixture.h — fixed snapshots for screen tests: a NAS with a leaking
 * agent near its cgroup limit, a samba throttled over its memory.high, a container full
 * of page cache, a child growing towards its parent's limit, a ghost,
 * an OOM-killed ghost linked to its event, a hostile command line, a kernel thread, and
 * two OOM kills (one global, one memcg with a task table and raw kernel lines). */
#ifndef OOMTOP_TEST_FIXTURE_H
#define OOMTOP_TEST_FIXTURE_H

#include "core/model.h"
#include "core/klog/oom_event.h"

/* Static storage; the same snapshot every call. */
const struct snapshot *fixture_snapshot(void);

/* The same machine with its kills read from the systemd journal: a kill of an earlier boot
 * (varnish.service), photo.service killed every 4h10m ± 20m (6 kills, the newest with 16 KiB
 * pages and systemd's unit messages), systemd-oomd killing a terminal's whole scope, and
 * earlyoom's victim, whose ghost row links to its kill. Static storage, as above (a call
 * to one gives the other's base anew). */
const struct snapshot *fixture_journal_snapshot(void);

#endif
