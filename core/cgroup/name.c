/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/cgroup/name.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Length of the run of hex digits at s (stops at the first non-hex). */
static size_t hex_run(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && isxdigit((unsigned char)s[n]))
		n++;
	return n;
}

/* "<prefix><hex...><suffix>" with at least 12 hex digits → writes "<label> <12 hex>". */
static bool container_id(const char *last, size_t len, const char *prefix, const char *suffix,
			 const char *label, char *out, size_t cap)
{
	size_t pl = strlen(prefix), sl = strlen(suffix);
	if (len < pl + sl + 12 || strncmp(last, prefix, pl) != 0 ||
	    strncmp(last + len - sl, suffix, sl) != 0)
		return false;
	size_t idlen = len - pl - sl;
	if (hex_run(last + pl, idlen) != idlen)
		return false;
	snprintf(out, cap, "%s %.12s", label, last + pl);
	return true;
}

/* kubepods pod uid: "pod" + uuid (with '-' or '_' in systemd slices) */
static bool pod_uid(const char *s, size_t len, char *out, size_t cap)
{
	if (len < 3 + 8 || strncmp(s, "pod", 3) != 0)
		return false;
	for (size_t i = 3; i < len; i++)
		if (!isxdigit((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
			return false;
	snprintf(out, cap, "pod %.8s", s + 3);
	return true;
}

void cgroup_name_readable(const char *path, char *out, size_t cap)
{
	if (!cap)
		return;
	size_t plen = strlen(path);
	while (plen > 1 && path[plen - 1] == '/')
		plen--;
	if (plen <= 1) {
		if (cap >= 2)
			memcpy(out, "/", 2);
		else
			out[0] = '\0';
		return;
	}
	const char *last = path + plen;
	while (last > path && last[-1] != '/')
		last--;
	size_t len = (size_t)(path + plen - last);

	/* parent component, for cgroupfs-driver layouts (/docker/<id>, /kubepods/.../pod<uid>/<id>) */
	const char *parent = NULL;
	size_t parent_len = 0;
	if (last > path + 1) {
		const char *pe = last - 1;
		parent = pe;
		while (parent > path && parent[-1] != '/')
			parent--;
		parent_len = (size_t)(pe - parent);
	}

	if (container_id(last, len, "docker-", ".scope", "docker", out, cap) ||
	    container_id(last, len, "libpod-", ".scope", "podman", out, cap) ||
	    container_id(last, len, "cri-containerd-", ".scope", "containerd", out, cap) ||
	    container_id(last, len, "crio-", ".scope", "cri-o", out, cap))
		return;
	if (len >= 12 && hex_run(last, len) == len) {
		const char *label = "container";
		if (parent && parent_len == 6 && strncmp(parent, "docker", 6) == 0)
			label = "docker";
		else if (parent && parent_len >= 6 && strncmp(parent, "libpod", 6) == 0)
			label = "podman";
		snprintf(out, cap, "%s %.12s", label, last);
		return;
	}
	/* kubepods-burstable-pod<uid>.slice / kubepods-pod<uid>.slice */
	if (len > 6 && strcmp(last + len - 6, ".slice") == 0) {
		const char *pod = NULL;
		for (const char *s = last; s + 3 < last + len; s++)
			if ((s == last || s[-1] == '-') && strncmp(s, "pod", 3) == 0)
				pod = s;
		if (pod && strncmp(last, "kubepods", 8) == 0 &&
		    pod_uid(pod, (size_t)(last + len - 6 - pod), out, cap))
			return;
	}
	if (pod_uid(last, len, out, cap))
		return;
	if (len > 12 && strncmp(last, "lxc.payload.", 12) == 0) {
		snprintf(out, cap, "lxc %.*s", (int)(len - 12), last + 12);
		return;
	}
	/* the common case, once per row of output: no printf */
	if (len > cap - 1)
		len = cap - 1;
	memcpy(out, last, len);
	out[len] = '\0';
}
