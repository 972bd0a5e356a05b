/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/oom_derive.h"

#include <stdlib.h>
#include <string.h>

#include "core/base/scan.h"
#include "core/base/util.h"
#include "core/klog/unit_name.h"

static int64_t pow2_near(double bytes, double tolerance)
{
	for (int64_t pg = 4096; pg <= 65536; pg *= 2)
		if (bytes >= (double)pg * (1 - tolerance) && bytes <= (double)pg * (1 + tolerance))
			return pg;
	return VAL_UNKNOWN;
}

int64_t oom_derive_page_bytes(const struct oom_derive_sizes *s)
{
	if (val_known(s->total_vm_pages) && s->total_vm_pages > 0 && val_known(s->total_vm_kb) &&
	    s->total_vm_kb > 0) {
		int64_t pg = pow2_near((double)s->total_vm_kb * 1024.0 / (double)s->total_vm_pages, 0.10);
		if (val_known(pg))
			return pg;
	}
	if (val_known(s->rss_pages) && s->rss_pages > 64 && val_known(s->anon_rss_kb) &&
	    val_known(s->file_rss_kb)) {
		double kb = (double)s->anon_rss_kb + (double)s->file_rss_kb +
			    (val_known(s->shmem_rss_kb) ? (double)s->shmem_rss_kb : 0.0);
		int64_t pg = pow2_near(kb * 1024.0 / (double)s->rss_pages, 0.25);
		if (val_known(pg))
			return pg;
	}
	return util_page_bytes();
}

void oom_derive_kernel_scope(struct oom_event *ev, const char *constraint, bool memcg)
{
	ev->source = OOM_EVENT_SOURCE_KERNEL;
	if (ev->task_memcg) {
		ev->cgroup = strdup(ev->task_memcg);
		char unit[UNIT_NAME_MAX];
		if (unit_name_of_cgroup(ev->task_memcg, unit, sizeof(unit)))
			ev->unit = strdup(unit);
	}
	const char *reason;
	if (constraint && strcmp(constraint, "CONSTRAINT_MEMCG") == 0)
		reason = "memcg";
	else if (constraint && strcmp(constraint, "CONSTRAINT_NONE") == 0)
		reason = "global";
	else if (constraint)
		reason = NULL;
	else
		reason = memcg ? "memcg" : "global";
	if (reason) {
		ev->reason = strdup(reason);
	} else if ((ev->reason = malloc(strlen(constraint) + 1)) != NULL) {
		/* CONSTRAINT_CPUSET → "cpuset" */
		const char *c = scan_starts(constraint, "CONSTRAINT_") ? constraint + 11 : constraint;
		size_t i = 0;
		for (; c[i]; i++)
			ev->reason[i] = c[i] >= 'A' && c[i] <= 'Z' ? (char)(c[i] - 'A' + 'a') : c[i];
		ev->reason[i] = '\0';
	}
}
