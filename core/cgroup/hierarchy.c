/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/cgroup/hierarchy.h"

#include <errno.h>
#include <libcgroup.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cgroup/mountinfo.h"
#include "core/base/util.h"

/* libcgroup's default logger prints to stdout; ours drops everything (its messages are
 * about mounts we do not use, and we report what matters ourselves). */
static void quiet_logger(void *userdata, int level, const char *fmt, va_list ap)
{
	(void)userdata;
	(void)level;
	(void)fmt;
	(void)ap;
}

/* libcgroup's view of where "memory" is mounted, or "" when it cannot say. */
static void libcgroup_memory_mount(char *out, size_t cap)
{
	static int init_rc = -1;
	static bool tried;
	out[0] = '\0';
	if (!tried) {
		tried = true;
		cgroup_set_logger(quiet_logger, CGROUP_LOG_ERROR, NULL);
		init_rc = cgroup_init();
	}
	if (init_rc != 0)
		return;
	char *mp = NULL;
	if (cgroup_get_subsys_mount_point("memory", &mp) == 0 && mp) {
		snprintf(out, cap, "%s", mp);
		free(mp);
	}
}

static bool v2_has_memory(const char *mount)
{
	char path[PATH_MAX + 32], buf[512];
	snprintf(path, sizeof(path), "%s/cgroup.controllers", mount);
	if (util_read_file(path, buf, sizeof(buf)) < 0)
		return false;
	for (char *tok = strtok(buf, " \n"); tok; tok = strtok(NULL, " \n"))
		if (strcmp(tok, "memory") == 0)
			return true;
	return false;
}

int cgroup_hierarchy_discover(const char *proc_root, struct cgroup_hierarchy *out)
{
	memset(out, 0, sizeof(*out));
	strcpy(out->mount_root, "/");

	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s/self/mountinfo", proc_root);
	char *mi = util_slurp(path, NULL);
	int slurp_errno = errno;
	struct mountinfo_cgroups m;
	if (mi) {
		mountinfo_parse(mi, &m);
		free(mi);
	} else {
		memset(&m, 0, sizeof(m));
	}

	/* libcgroup only knows the real machine (it reads /proc itself): asking it about a
	 * fixture proc root would mix the host's mounts into the answer. */
	char lib[PATH_MAX] = "";
	if (strcmp(proc_root, "/proc") == 0)
		libcgroup_memory_mount(lib, sizeof(lib));

	if (m.has_v1_memory && (!lib[0] || strcmp(lib, m.v1_memory_path) == 0)) {
		out->version = 1;
		snprintf(out->mount, sizeof(out->mount), "%s", m.v1_memory_path);
		snprintf(out->mount_root, sizeof(out->mount_root), "%s", m.v1_memory_root);
		return 0;
	}
	if (m.has_v2 && v2_has_memory(m.v2_path)) {
		out->version = 2;
		snprintf(out->mount, sizeof(out->mount), "%s", m.v2_path);
		snprintf(out->mount_root, sizeof(out->mount_root), "%s", m.v2_root);
		return 0;
	}
	if (lib[0]) { /* libcgroup knows a mount that mountinfo did not show (unusual) */
		out->version = v2_has_memory(lib) ? 2 : 1;
		snprintf(out->mount, sizeof(out->mount), "%s", lib);
		return 0;
	}
	if (!mi)
		snprintf(out->why, sizeof(out->why), "cannot read %s: %s", path, strerror(slurp_errno));
	else if (m.has_v2)
		snprintf(out->why, sizeof(out->why),
			 "no memory controller: cgroup2 at %s does not enable it and no v1 memory hierarchy is mounted",
			 m.v2_path);
	else
		snprintf(out->why, sizeof(out->why), "no memory cgroup hierarchy is mounted");
	return -ENOENT;
}
