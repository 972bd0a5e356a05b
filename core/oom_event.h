/* core/oom_event.h — one OOM kill as the kernel logged it (DESIGN §4, `--events`).
 *
 * Produced by core/oom_parse.c from kernel-log lines; each field is what the log held,
 * VAL_UNKNOWN / NAN / NULL where it did not say. Memory figures keep the kernel's units:
 * *_kb from the "Killed process" line, task-table columns in pages except pgtables_bytes.
 * An event owns its strings, tasks and raw lines; oom_event_free() releases them.
 */
#ifndef OOMTOP_OOM_EVENT_H
#define OOMTOP_OOM_EVENT_H

#include "model.h"

struct oom_task { /* one row of the task table the kernel dumped */
	pid_t pid;
	int64_t uid;
	pid_t tgid;
	int64_t total_vm_pages;
	int64_t rss_pages;
	int64_t rss_anon_pages, rss_file_pages, rss_shmem_pages; /* 6.8+ only */
	int64_t pgtables_bytes; /* 4.15+; older kernels print nr_ptes (pages): converted ×4096 */
	int64_t swapents_pages;
	int64_t oom_score_adj;
	char *name;
};

struct oom_event {
	double boot_s;  /* seconds since boot, from the log; NAN when the log has no timestamp */
	double time_unix_s; /* wall clock; NAN when it cannot be known */

	pid_t victim_pid;
	char *victim_comm;
	int64_t victim_uid;
	char *constraint;  /* "CONSTRAINT_MEMCG", ...; NULL when the log does not say */
	char *oom_memcg;   /* the cgroup whose limit was hit; NULL for global */
	char *task_memcg;  /* the victim's cgroup */
	int64_t total_vm_kb, anon_rss_kb, file_rss_kb, shmem_rss_kb, pgtables_kb;
	int64_t oom_score_adj;
	char *invoker_comm;
	pid_t invoker_pid; /* 0 when unknown */
	char *gfp_mask;    /* as printed: "0xcc0(GFP_KERNEL)" */
	int64_t order;
	int reaped;        /* 1 reaped, 0 reaper failed, -1 no reaper line (yet) */

	struct oom_task *tasks;
	size_t ntasks;

	char **raw_lines; /* the episode's kernel lines, as read (unsanitised) */
	size_t nraw_lines;
};

#endif
