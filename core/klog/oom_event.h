/* core/klog/oom_event.h — one OOM kill as the kernel logged it (DESIGN §4, `--events`).
 *
 * Produced by core/klog/oom_parse.c from kernel-log lines; each field is what the log held,
 * VAL_UNKNOWN / NAN / NULL where it did not say. Memory figures keep the kernel's units:
 * *_kb from the "Killed process" line, task-table columns in pages except pgtables_bytes.
 * An event owns its strings, tasks and raw lines; oom_event_free() releases them.
 */
#ifndef OOMTOP_OOM_EVENT_H
#define OOMTOP_OOM_EVENT_H

#include "core/model.h"

struct oom_event_task { /* one row of the task table the kernel dumped */
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

	struct oom_event_task *tasks;
	size_t ntasks;

	char **raw_lines; /* the episode's kernel lines, as read (unsanitised) */
	size_t nraw_lines;
};

/* Bounds per event (a global OOM on a big host dumps thousands of rows): rows past
 * OOM_EVENT_TASKS_MAX and lines past the raw caps are left out (kill lines are kept). */
#define OOM_EVENT_TASKS_MAX 2048
#define OOM_EVENT_RAW_LINES_MAX 2000
#define OOM_EVENT_RAW_BYTES_MAX (256 * 1024)

/* What an oom_reaper line says about an earlier kill (4.6+; may come seconds later). */
struct oom_event_reap {
	pid_t pid;
	int reaped; /* 1 "reaped process", 0 "unable to reap" */
	int64_t anon_rss_kb, file_rss_kb, shmem_rss_kb; /* left after reaping; VAL_UNKNOWN */
	double boot_s;
};

/* Every field unknown (VAL_UNKNOWN, NAN, NULL, reaped -1, invoker_pid 0), nothing owned. */
void oom_event_init(struct oom_event *ev);

/* Releases what the event owns (strings, tasks, raw lines) and re-inits it. The struct
 * itself is not freed: events live in arrays. */
void oom_event_free(struct oom_event *ev);

/* Releases only the task table and raw lines (the store keeps details for recent events). */
void oom_event_drop_details(struct oom_event *ev);

/* Deep copy into dst (initialised or not). Returns 0 or -ENOMEM (dst then empty). */
int oom_event_copy(struct oom_event *dst, const struct oom_event *src);

/* Applies r to the newest of events[0..n) that is r's pid and not yet reaped-or-failed.
 * Returns the index updated, or -1 when none matches. */
int oom_events_apply_reap(struct oom_event *events, size_t n, const struct oom_event_reap *r);

#endif
