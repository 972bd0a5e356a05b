/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/oom_derive.h — what a kernel OOM report implies but does not print: the page
 * size of its task table, and the cgroup, unit and reason that the journal's rows give a
 * kernel kill (tests/fixtures/journal/README.md, "expected.tsv"). Pure, apart from the
 * running kernel's page size as the last resort.
 */
#ifndef OOMTOP_OOM_DERIVE_H
#define OOMTOP_OOM_DERIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/klog/oom_event.h"

/* The victim's sizes twice: in pages from its task-table row (VAL_UNKNOWN when there is
 * no row) and in kB from the "Killed process" line. */
struct oom_derive_sizes {
	int64_t total_vm_pages, rss_pages;
	int64_t total_vm_kb, anon_rss_kb, file_rss_kb, shmem_rss_kb;
};

/* The page size they imply: total_vm pages against total-vm kB — one mapping counted
 * twice, so the ratio is the page size — or failing that rss pages against
 * anon+file+shmem kB (a moment apart, so only roughly). A power of two from 4 KiB to
 * 64 KiB within 10 % (rss: 25 %) is believed; otherwise the running kernel's page size. */
int64_t oom_derive_page_bytes(const struct oom_derive_sizes *s);

/* Fills ev's source (kernel), cgroup (a copy of task_memcg), unit (its innermost
 * .service/.scope) and reason: "memcg" or "global" from the constraint (CONSTRAINT_MEMCG,
 * CONSTRAINT_NONE; others lower-cased without the prefix: "cpuset"), and without one
 * "memcg" when memcg says the kill was announced as a memory cgroup's, else "global". */
void oom_derive_kernel_scope(struct oom_event *ev, const char *constraint, bool memcg);

#endif
