/* tests/tui/fixture.h — a fixed snapshot for screen tests: a NAS with a leaking
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

#endif
