/* SPDX-License-Identifier: GPL-2.0-or-later */
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

/* The base machine with the leaking agent (4242) leaking sockets as well, its fd ETA, and
 * its detail (as the collector reads it for the detail view): PSS, fds by kind, five
 * minutes of trail. _exited: the agent exited 75 s ago and its ghost row is gone; the
 * detail keeps its last values. Static storage, as above. */
const struct snapshot *fixture_detail_snapshot(void);
const struct snapshot *fixture_detail_exited_snapshot(void);

#endif
