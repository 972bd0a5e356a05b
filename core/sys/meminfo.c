/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/sys/meminfo.h"

#include <errno.h>
#include <string.h>

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
