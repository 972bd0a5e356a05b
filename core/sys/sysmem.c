/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/sys/sysmem.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/util.h"
#include "core/sys/arcstats.h"
#include "core/sys/meminfo.h"
#include "core/sys/psi.h"
#include "core/sys/vmstat.h"

struct sysmem_reader {
	int meminfo_fd, vmstat_fd, psi_fd, uptime_fd, arc_fd;
};

static int open_under(const char *root, const char *rel)
{
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	return open(path, O_RDONLY | O_CLOEXEC);
}

struct sysmem_reader *sysmem_open(const char *proc_root)
{
	struct sysmem_reader *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->meminfo_fd = open_under(proc_root, "meminfo");
	r->vmstat_fd = open_under(proc_root, "vmstat");
	r->psi_fd = open_under(proc_root, "pressure/memory");
	r->uptime_fd = open_under(proc_root, "uptime");
	r->arc_fd = open_under(proc_root, "spl/kstat/zfs/arcstats");
	return r;
}

int sysmem_read(struct sysmem_reader *r, struct sys_mem *out, double *uptime_s)
{
	char buf[16384]; /* arcstats is ~8 KiB */
	out->oom_kills = VAL_UNKNOWN;
	out->zfs_arc_size_bytes = out->zfs_arc_reclaimable_bytes = VAL_UNKNOWN;
	int64_t c_min;
	if (r->arc_fd >= 0 && util_pread_file(r->arc_fd, buf, sizeof(buf)) > 0 &&
	    arcstats_parse(buf, &out->zfs_arc_size_bytes, &c_min) == 0)
		out->zfs_arc_reclaimable_bytes = arcstats_reclaimable(out->zfs_arc_size_bytes, c_min);
	struct psi_memory psi = {NAN, NAN, VAL_UNKNOWN, VAL_UNKNOWN};
	*uptime_s = NAN;
	if (r->vmstat_fd >= 0 && util_pread_file(r->vmstat_fd, buf, sizeof(buf)) > 0)
		out->oom_kills = vmstat_parse_oom_kill(buf);
	if (r->psi_fd >= 0 && util_pread_file(r->psi_fd, buf, sizeof(buf)) > 0)
		psi_parse(buf, &psi);
	out->psi_some_avg10 = psi.some_avg10;
	out->psi_full_avg10 = psi.full_avg10;
	out->psi_some_total_us = psi.some_total_us;
	out->psi_full_total_us = psi.full_total_us;
	if (r->uptime_fd >= 0 && util_pread_file(r->uptime_fd, buf, sizeof(buf)) > 0)
		*uptime_s = strtod(buf, NULL); /* "350735.47 234388.90": seconds up, idle */
	if (r->meminfo_fd < 0)
		return -ENOENT;
	ssize_t n = util_pread_file(r->meminfo_fd, buf, sizeof(buf));
	if (n < 0)
		return (int)n;
	int rc = meminfo_parse(buf, out);
	out->available_bytes = out->mem_available_bytes;
	if (val_known(out->available_bytes) && val_known(out->zfs_arc_reclaimable_bytes))
		out->available_bytes = util_sat_add(out->available_bytes, out->zfs_arc_reclaimable_bytes);
	return rc;
}

void sysmem_close(struct sysmem_reader *r)
{
	if (!r)
		return;
	int fds[] = {r->meminfo_fd, r->vmstat_fd, r->psi_fd, r->uptime_fd, r->arc_fd};
	for (size_t i = 0; i < ARRAY_SIZE(fds); i++)
		if (fds[i] >= 0)
			close(fds[i]);
	free(r);
}
