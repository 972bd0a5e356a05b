/* core/mountinfo.h — where the cgroup hierarchies are mounted, from /proc/self/mountinfo.
 * Pure parser. The mount root matters in containers: a mount whose root is "/docker/abc"
 * shows that cgroup as its top, and process paths must be made relative to it. */
#ifndef OOMTOP_MOUNTINFO_H
#define OOMTOP_MOUNTINFO_H

#include <limits.h>
#include <stdbool.h>

struct cgroup_mounts {
	bool has_v1_memory;
	char v1_memory_path[PATH_MAX]; /* e.g. /sys/fs/cgroup/memory */
	char v1_memory_root[PATH_MAX]; /* mountinfo field 4, "/" outside containers */
	bool has_v2;
	char v2_path[PATH_MAX]; /* e.g. /sys/fs/cgroup or /sys/fs/cgroup/unified */
	char v2_root[PATH_MAX];
};

/* Fill *out from the text of a mountinfo file (first matching mount of each kind wins).
 * Octal escapes (\040 for space) are decoded. Returns 0 (even when nothing is found). */
int mountinfo_parse(const char *buf, struct cgroup_mounts *out);

#endif
