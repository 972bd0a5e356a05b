/* tui/model/evfmt.h — OOM event fields as the OOM pane and the episode show them. Pure. */
#ifndef OOMTOP_TUI_EVFMT_H
#define OOMTOP_TUI_EVFMT_H

#include <stddef.h>

#include "core/klog/oom_event.h"

/* "Jun 12 14:03:22" (local time), or "boot+12345s" when only the boot offset is known. */
char *evfmt_time(char *buf, size_t n, const struct oom_event *e);
/* "global", "memcg", "cpuset", "mempolicy", or "?". */
const char *evfmt_scope(const struct oom_event *e);
/* The cgroup that matters: the one whose limit was hit, else the victim's. May be NULL. */
const char *evfmt_cgroup(const struct oom_event *e);

#endif
