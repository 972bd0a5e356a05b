/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/cgroup/stat.c — see stat.h. */
#include "config.h"
#include "core/cgroup/stat.h"

#include <errno.h>
#include <string.h>

#include "core/base/util.h"
#include "core/model.h"

/* Keys by version. v2 (4.5+; "kernel" since 5.18, commit a8c49af3be5f — before it, the
 * sum of its parts: kernel stacks, page tables, per-cpu, vmalloc, slab; an undercount, as
 * other __GFP_ACCOUNT allocations had no line of their own):
 *   anon 52740096
 *   file 4562944
 *   kernel 3858432
 *   kernel_stack 245760
 *   pagetables 655360
 *   percpu 9360
 *   sock 0
 *   shmem 0
 *   ...
 *   inactive_file 2719744
 *   slab_reclaimable 1014008
 *   slab_unreclaimable 1766016
 * v1 (total_* since 2.6.29; this machine, 6.18):
 *   total_cache 447172608
 *   total_rss 11051008
 *   total_shmem 9170944
 *   total_inactive_file 87695360
 */
enum key {
	K_ANON, K_FILE, K_FILE_INACTIVE, K_SHMEM, K_KERNEL, K_SOCK,
	K_KERNEL_STACK, K_PAGETABLES, K_PERCPU, K_VMALLOC, K_SLAB_RECL, K_SLAB_UNRECL, K_COUNT
};

static const char *const v2_keys[K_COUNT] = {
	"anon", "file", "inactive_file", "shmem", "kernel", "sock",
	"kernel_stack", "pagetables", "percpu", "vmalloc", "slab_reclaimable", "slab_unreclaimable",
};
static const char *const v1_keys[K_COUNT] = {
	"total_rss", "total_cache", "total_inactive_file", "total_shmem", NULL, NULL,
	NULL, NULL, NULL, NULL, NULL, NULL,
};

int cgroup_stat_parse(const char *buf, int version, struct cgroup_stat *out)
{
	const char *const *keys = version == 1 ? v1_keys : v2_keys;
	int64_t v[K_COUNT];
	for (int k = 0; k < K_COUNT; k++)
		v[k] = VAL_UNKNOWN;
	int found = 0;
	for (const char *p = buf; p && *p;) {
		const char *sp = strchr(p, ' ');
		const char *nl = strchr(p, '\n');
		if (sp && (!nl || sp < nl)) {
			size_t kl = (size_t)(sp - p);
			for (int k = 0; k < K_COUNT; k++) {
				if (!keys[k] || strlen(keys[k]) != kl || memcmp(p, keys[k], kl) != 0)
					continue;
				const char *q = sp;
				int64_t x;
				if (util_parse_i64(&q, &x) && x >= 0 && !val_known(v[k])) {
					v[k] = x;
					found++;
				}
				break;
			}
		}
		p = nl ? nl + 1 : NULL;
	}
	out->anon_bytes = v[K_ANON];
	out->file_bytes = v[K_FILE];
	out->file_inactive_bytes = v[K_FILE_INACTIVE];
	out->shmem_bytes = v[K_SHMEM];
	out->sock_bytes = v[K_SOCK];
	out->kernel_bytes = v[K_KERNEL];
	if (!val_known(out->kernel_bytes) && version != 1 && val_known(v[K_KERNEL_STACK])) {
		/* before 5.18: the parts, as far as the file has them */
		int64_t sum = 0;
		for (int k = K_KERNEL_STACK; k <= K_SLAB_UNRECL; k++)
			if (val_known(v[k]))
				sum = util_sat_add(sum, v[k]);
		out->kernel_bytes = sum;
	}
	return found ? 0 : -EINVAL;
}

int64_t cgroup_stat_working_set(int64_t usage_bytes, int64_t file_inactive_bytes)
{
	if (!val_known(usage_bytes) || !val_known(file_inactive_bytes))
		return VAL_UNKNOWN;
	return usage_bytes > file_inactive_bytes ? usage_bytes - file_inactive_bytes : 0;
}
