/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/cgroup/name.h — readable names for cgroup paths (pure).
 *   /system.slice/nas-agent.service                    → nas-agent.service
 *   /docker/2e088fe462e2<52 more hex>                  → docker 2e088fe462e2
 *   /system.slice/docker-2e088fe462e2<...>.scope       → docker 2e088fe462e2
 *   /machine.slice/libpod-<hex>.scope                  → podman <12 hex>
 *   /…/cri-containerd-<hex>.scope                      → containerd <12 hex>
 *   /…/crio-<hex>.scope                                → cri-o <12 hex>
 *   /kubepods.slice/…/kubepods-burstable-pod<uid>.slice → pod <first 8 of uid>
 *   /kubepods/burstable/pod<uid>/<64 hex>              → container <12 hex>
 *   /lxc.payload.web                                   → lxc web
 *   /                                                  → /
 * Anything else: the last path component. */
#ifndef OOMTOP_CGROUP_NAME_H
#define OOMTOP_CGROUP_NAME_H

#include <stddef.h>

/* The name of path, as above, into out (at most cap bytes, always NUL-terminated). */
void cgroup_name_readable(const char *path, char *out, size_t cap);

#endif
