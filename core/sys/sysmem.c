#include "config.h"
#include "core/sys/sysmem.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/util.h"

/* Value in kB of "Key:   123 kB" lines, as bytes; VAL_UNKNOWN when the key is absent. */
static int64_t meminfo_kb(const char *buf, const char *key)
{
	size_t klen = strlen(key);
	for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, key, klen) == 0 && p[klen] == ':') {
			const char *q = p + klen + 1;
			int64_t v;
			if (util_parse_i64(&q, &v))
				return util_kib_to_bytes(v);
			return VAL_UNKNOWN;
		}
	}
	return VAL_UNKNOWN;
}

int64_t loadavg_parse_tasks(const char *buf)
{
	const char *slash = strchr(buf, '/');
	const char *nl = strchr(buf, '\n');
	int64_t v;
	if (!slash || (nl && slash > nl))
		return VAL_UNKNOWN;
	const char *p = slash + 1;
	return util_parse_i64(&p, &v) && v >= 0 ? v : VAL_UNKNOWN;
}

/* /proc/meminfo (MemAvailable needs 3.14+):
 *   MemTotal:       24593452 kB
 *   MemFree:        23842604 kB
 *   MemAvailable:   24012332 kB
 *   ...
 *   SwapTotal:             0 kB
 *   SwapFree:              0 kB
 */
int meminfo_parse(const char *buf, struct sys_mem *out)
{
	out->mem_total_bytes = meminfo_kb(buf, "MemTotal");
	out->mem_available_bytes = meminfo_kb(buf, "MemAvailable");
	out->swap_total_bytes = meminfo_kb(buf, "SwapTotal");
	out->swap_free_bytes = meminfo_kb(buf, "SwapFree");
	out->mem_available_estimated = false;
	if (!val_known(out->mem_total_bytes))
		return -EINVAL;
	if (!val_known(out->mem_available_bytes)) {
		/* Before 3.14: free + page cache (Cached, without shared memory) + reclaimable
		 * slab, roughly what the kernel later computed. Said so on the screen. */
		int64_t fr = meminfo_kb(buf, "MemFree"), ca = meminfo_kb(buf, "Cached");
		int64_t sr = meminfo_kb(buf, "SReclaimable"), sh = meminfo_kb(buf, "Shmem");
		if (val_known(fr)) {
			/* saturating: a garbled file must not overflow (found by fuzz_meminfo) */
			int64_t est = fr;
			if (val_known(ca))
				est = util_sat_add(est, util_sat_add(ca, val_known(sh) ? -sh : 0));
			if (val_known(sr))
				est = util_sat_add(est, sr);
			if (est > out->mem_total_bytes)
				est = out->mem_total_bytes;
			out->mem_available_bytes = est;
			out->mem_available_estimated = true;
		}
	}
	return 0;
}

/* /proc/vmstat (oom_kill added in 4.13):
 *   nr_free_pages 5960651
 *   ...
 *   oom_kill 3
 */
int64_t vmstat_parse_oom_kill(const char *buf)
{
	static const char key[] = "oom_kill ";
	for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, key, sizeof(key) - 1) == 0) {
			const char *q = p + sizeof(key) - 1;
			int64_t v;
			return util_parse_i64(&q, &v) ? v : VAL_UNKNOWN;
		}
	}
	return VAL_UNKNOWN;
}

static bool psi_line(const char *line, const char *kind, double *avg10)
{
	size_t n = strlen(kind);
	if (strncmp(line, kind, n) != 0 || line[n] != ' ')
		return false;
	/* look for avg10= on this line only: a `some` line without it must not borrow the
	 * `full` line's value */
	const char *eol = strchr(line, '\n');
	size_t len = eol ? (size_t)(eol - line) : strlen(line);
	const char *a = memmem(line, len, "avg10=", 6);
	if (!a)
		return false;
	char *end;
	double v = strtod(a + 6, &end);
	if (end == a + 6)
		return false;
	*avg10 = v;
	return true;
}

/* /proc/pressure/memory (4.20+, CONFIG_PSI), and cgroup v2 memory.pressure:
 *   some avg10=0.00 avg60=0.00 avg300=0.00 total=0
 *   full avg10=0.00 avg60=0.00 avg300=0.00 total=0
 */
int psi_parse(const char *buf, double *some_avg10, double *full_avg10)
{
	*some_avg10 = NAN;
	*full_avg10 = NAN;
	bool some = false;
	for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		some |= psi_line(p, "some", some_avg10);
		psi_line(p, "full", full_avg10);
	}
	return some ? 0 : -EINVAL;
}

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
		*uptime_s = strtod(buf, NULL);
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
