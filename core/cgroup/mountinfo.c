/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/cgroup/mountinfo.h"

#include <string.h>

/* Copy one space-separated field, decoding \ooo escapes. Returns the position after it. */
static const char *field(const char *p, char *out, size_t cap)
{
	size_t n = 0;
	while (*p == ' ')
		p++;
	while (*p && *p != ' ' && *p != '\n') {
		char c = *p++;
		if (c == '\\' && p[0] >= '0' && p[0] <= '3' && p[1] >= '0' && p[1] <= '7' && p[2] >= '0' &&
		    p[2] <= '7') {
			c = (char)((p[0] - '0') * 64 + (p[1] - '0') * 8 + (p[2] - '0'));
			p += 3;
		}
		if (n + 1 < cap)
			out[n++] = c;
	}
	if (cap)
		out[n] = '\0';
	return p;
}

static bool opts_have(const char *opts, const char *word)
{
	size_t wl = strlen(word);
	for (const char *p = opts; *p;) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		if (n == wl && strncmp(p, word, wl) == 0)
			return true;
		if (!comma)
			break;
		p = comma + 1;
	}
	return false;
}

/* /proc/self/mountinfo:
 *   35 25 0:30 / /sys/fs/cgroup/memory rw,relatime shared:14 - cgroup cgroup rw,memory
 *   40 25 0:35 / /sys/fs/cgroup/unified rw,relatime shared:19 - cgroup2 cgroup2 rw
 *   1200 1199 0:27 /docker/2e08... /sys/fs/cgroup/memory ro,nosuid - cgroup cgroup rw,memory
 */
int mountinfo_parse(const char *buf, struct mountinfo_cgroups *out)
{
	memset(out, 0, sizeof(*out));
	for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		char tmp[64], root[PATH_MAX], mnt[PATH_MAX], fstype[64], opts[512];
		const char *q = p;
		q = field(q, tmp, sizeof(tmp)); /* mount id */
		q = field(q, tmp, sizeof(tmp)); /* parent id */
		q = field(q, tmp, sizeof(tmp)); /* major:minor */
		q = field(q, root, sizeof(root));
		q = field(q, mnt, sizeof(mnt));
		const char *sep = strstr(q, " - ");
		const char *nl = strchr(q, '\n');
		if (!sep || (nl && sep > nl))
			continue;
		q = field(sep + 3, fstype, sizeof(fstype));
		q = field(q, tmp, sizeof(tmp)); /* source */
		field(q, opts, sizeof(opts));
		if (!out->has_v1_memory && strcmp(fstype, "cgroup") == 0 && opts_have(opts, "memory")) {
			out->has_v1_memory = true;
			strcpy(out->v1_memory_path, mnt);
			strcpy(out->v1_memory_root, root);
		} else if (!out->has_v2 && strcmp(fstype, "cgroup2") == 0) {
			out->has_v2 = true;
			strcpy(out->v2_path, mnt);
			strcpy(out->v2_root, root);
		}
	}
	return 0;
}

/* The value of "key=value" in a comma-separated option list, into out; false when absent. */
static bool opts_value(const char *opts, const char *key, char *out, size_t cap)
{
	size_t kl = strlen(key);
	for (const char *p = opts; *p;) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		if (n > kl && strncmp(p, key, kl) == 0 && p[kl] == '=') {
			size_t vl = n - kl - 1;
			if (vl >= cap)
				vl = cap - 1;
			memcpy(out, p + kl + 1, vl);
			out[vl] = '\0';
			return true;
		}
		if (!comma)
			break;
		p = comma + 1;
	}
	return false;
}

/* /proc/self/mountinfo, the proc mount (hidepid names since 5.8, numbers before):
 *   22 27 0:21 / /proc rw,relatime - proc proc rw,hidepid=invisible
 *   22 27 0:21 / /proc rw,relatime - proc proc rw,hidepid=2,gid=27
 */
int mountinfo_proc_hidepid(const char *buf, const char *mountpoint)
{
	int found = -1;
	for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		char tmp[64], mnt[PATH_MAX], fstype[64], opts[512], val[32];
		const char *q = p;
		for (int i = 0; i < 4; i++)
			q = field(q, i == 3 ? mnt : tmp, i == 3 ? sizeof(mnt) : sizeof(tmp)); /* id parent dev root */
		q = field(q, mnt, sizeof(mnt));
		const char *sep = strstr(q, " - ");
		const char *nl = strchr(q, '\n');
		if (!sep || (nl && sep > nl) || strcmp(mnt, mountpoint) != 0)
			continue;
		q = field(sep + 3, fstype, sizeof(fstype));
		if (strcmp(fstype, "proc") != 0)
			continue;
		q = field(q, tmp, sizeof(tmp)); /* source */
		field(q, opts, sizeof(opts));
		/* a later mount on the same point covers the earlier one: the last one wins */
		found = MOUNTINFO_HIDEPID_OFF;
		if (!opts_value(opts, "hidepid", val, sizeof(val)))
			continue;
		if (strcmp(val, "1") == 0 || strcmp(val, "noaccess") == 0)
			found = MOUNTINFO_HIDEPID_NOACCESS;
		else if (strcmp(val, "2") == 0 || strcmp(val, "invisible") == 0)
			found = MOUNTINFO_HIDEPID_INVISIBLE;
		else if (strcmp(val, "4") == 0 || strcmp(val, "ptraceable") == 0)
			found = MOUNTINFO_HIDEPID_PTRACEABLE;
	}
	return found;
}
