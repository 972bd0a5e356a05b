/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/unit_name.h — systemd unit names as the journal shows them: recognising one at
 * the start of a message, the unit of a cgroup path, and where a unit sits in the tree of
 * slices by systemd's naming rules (systemd.slice(5), systemd.unit(5) "Implicit
 * dependencies"). Pure.
 *
 *   /user.slice/user-1000.slice/user@1000.service/app.slice/app-kitty-47f7.scope
 *   system-postgresql.slice  (the slice of postgresql@15-main.service)
 */
#ifndef OOMTOP_UNIT_NAME_H
#define OOMTOP_UNIT_NAME_H

#include <stdbool.h>
#include <stddef.h>

#define UNIT_NAME_MAX 256 /* systemd's UNIT_NAME_MAX */

/* Does s[0..len) look like a unit name: [A-Za-z0-9:_.\@-] characters ending in a unit
 * type suffix (.service .scope .slice .socket .mount .swap .timer .target .path
 * .automount .device), and shorter than UNIT_NAME_MAX? */
bool unit_name_valid(const char *s, size_t len);

/* True when name ends in ".slice". */
bool unit_name_is_slice(const char *name);

/* The innermost component of a cgroup path that ends in .service or .scope, copied into
 * out (size outlen); false (out "") when there is none or cgroup is NULL. */
bool unit_name_of_cgroup(const char *cgroup, char *out, size_t outlen);

/* True when unit is one of the components of the cgroup path. */
bool unit_name_in_cgroup(const char *unit, const char *cgroup);

/* How deep unit sits in the cgroup path: 0 for the first component, -1 when it is not one
 * (or either is NULL). */
int unit_name_depth_in_cgroup(const char *unit, const char *cgroup);

/* The slice (or, for a user manager's top-level units, the user@UID.service) that holds
 * unit by systemd's naming rules, into out. manager_unit is "" for PID 1, or the user
 * manager's own unit ("user@1000.service"). The answer may be a pattern with one '*'
 * ("user-*.slice" holds session-N.scope): compare with unit_name_match(). Returns false
 * for the root ("-.slice" of PID 1) or when nothing can be said.
 *   a-b.slice → a.slice → -.slice;  user@1000.service → user-1000.slice;
 *   postgresql@15-main.service → system-postgresql.slice;  x.service → system.slice;
 *   (user manager) app.slice → user@1000.service;  x.scope → app.slice */
bool unit_name_parent(const char *unit, const char *manager_unit, char *out, size_t outlen);

/* name equals pattern, where a '*' in pattern stands for any run of characters. */
bool unit_name_match(const char *pattern, const char *name);

#endif
