/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/cgroup/mountinfo.h — where the cgroup hierarchies are mounted, from /proc/self/mountinfo.
 * Pure parser. The mount root matters in containers: a mount whose root is "/docker/abc"
 * shows that cgroup as its top, and process paths must be made relative to it. */
#ifndef OOMTOP_MOUNTINFO_H
#define OOMTOP_MOUNTINFO_H

#include <limits.h>
#include <stdbool.h>

struct mountinfo_cgroups {
	bool has_v1_memory;
	char v1_memory_path[PATH_MAX]; /* e.g. /sys/fs/cgroup/memory */
	char v1_memory_root[PATH_MAX]; /* mountinfo field 4, "/" outside containers */
	bool has_v2;
	char v2_path[PATH_MAX]; /* e.g. /sys/fs/cgroup or /sys/fs/cgroup/unified */
	char v2_root[PATH_MAX];
};

/* Fill *out from the text of a mountinfo file (first matching mount of each kind wins).
 * Octal escapes (\040 for space) are decoded. Returns 0 (even when nothing is found). */
int mountinfo_parse(const char *buf, struct mountinfo_cgroups *out);

/* The proc mount's hidepid option: other users' processes are listed but unreadable
 * (noaccess, hidepid=1), not listed at all (invisible, 2), or shown only when the reader
 * may ptrace them (ptraceable, 4). */
enum mountinfo_hidepid {
	MOUNTINFO_HIDEPID_OFF = 0,
	MOUNTINFO_HIDEPID_NOACCESS = 1,
	MOUNTINFO_HIDEPID_INVISIBLE = 2,
	MOUNTINFO_HIDEPID_PTRACEABLE = 4,
};
/* The hidepid mode of the proc mount at mountpoint ("/proc"), from the text of a mountinfo
 * file (the last mount on that point wins: it covers the others). -1 when there is no
 * proc mount there. Pure. */
int mountinfo_proc_hidepid(const char *buf, const char *mountpoint);

#endif
