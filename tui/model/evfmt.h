/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/model/evfmt.h — OOM event fields as the OOM pane, the by-unit view and the episode
 * show them. Pure. */
#ifndef OOMTOP_TUI_EVFMT_H
#define OOMTOP_TUI_EVFMT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/klog/oom_event.h"

/* "Jun 12 14:03:22" (local time), or "boot+12345s" when only the boot offset is known;
 * a kill of another year than now_unix_s's (NAN: any) gets its date in full,
 * "2017-05-01 11:11:51" (long) or "2017-05-01 11:11" (!long, for a table column). */
char *evfmt_time(char *buf, size_t n, const struct oom_event *e, double now_unix_s, bool long_form);
/* "global", "memcg", "cpuset", "mempolicy", or "?"; "-" for a user-space killer's kill. */
const char *evfmt_scope(const struct oom_event *e);
/* The cgroup that matters: the one whose limit was hit, else the victim's, else the one a
 * user-space killer acted on. May be NULL. */
const char *evfmt_cgroup(const struct oom_event *e);
/* Who killed, in a word: "kernel", "oomd", "earlyoom", "nohang". */
const char *evfmt_killer(const struct oom_event *e);
/* A kill of a whole cgroup (systemd-oomd): no victim pid, a cgroup. */
bool evfmt_cgroup_kill(const struct oom_event *e);
/* name cut to at most w columns where it is longer: a little too long, at its end
 * ("nas-agent.servi…"), else in the middle, keeping its type
 * ("cri-containerd-9192…0e12e8a64987.scope" → "cri-containerd-91….scope"); ell is the
 * ellipsis ("…" or "~", one column). Printable ASCII names only are cut here; others are
 * left to the caller's clipping. Returns buf. */
char *evfmt_fit(char *buf, size_t n, const char *name, int w, const char *ell);
/* One line about the kill for the status line: the killer, its boot, the whole unit and
 * cgroup, the reason ("kernel kill, boot 8324e1c3 (earlier), unit x.service, cgroup /a,
 * memcg"). */
char *evfmt_describe(char *buf, size_t n, const struct oom_event *e);

#endif
