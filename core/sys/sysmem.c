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
#include "core/sys/meminfo.h"
#include "core/sys/psi.h"
#include "core/sys/vmstat.h"

struct sysmem_reader {
	int meminfo_fd, vmstat_fd, psi_fd, uptime_fd;
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
	return r;
}

int sysmem_read(struct sysmem_reader *r, struct sys_mem *out, double *uptime_s)
{
	char buf[8192];
	out->oom_kills = VAL_UNKNOWN;
	out->psi_some_avg10 = out->psi_full_avg10 = NAN;
	*uptime_s = NAN;
	if (r->vmstat_fd >= 0 && util_pread_file(r->vmstat_fd, buf, sizeof(buf)) > 0)
		out->oom_kills = vmstat_parse_oom_kill(buf);
	if (r->psi_fd >= 0 && util_pread_file(r->psi_fd, buf, sizeof(buf)) > 0)
		psi_parse(buf, &out->psi_some_avg10, &out->psi_full_avg10);
	if (r->uptime_fd >= 0 && util_pread_file(r->uptime_fd, buf, sizeof(buf)) > 0)
		*uptime_s = strtod(buf, NULL); /* "350735.47 234388.90": seconds up, idle */
	if (r->meminfo_fd < 0)
		return -ENOENT;
	ssize_t n = util_pread_file(r->meminfo_fd, buf, sizeof(buf));
	if (n < 0)
		return (int)n;
	return meminfo_parse(buf, out);
}

void sysmem_close(struct sysmem_reader *r)
{
	if (!r)
		return;
	int fds[] = {r->meminfo_fd, r->vmstat_fd, r->psi_fd, r->uptime_fd};
	for (size_t i = 0; i < ARRAY_SIZE(fds); i++)
		if (fds[i] >= 0)
			close(fds[i]);
	free(r);
}
