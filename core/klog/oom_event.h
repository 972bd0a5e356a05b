/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/oom_event.h — one OOM kill, by any killer (docs/json.md, `--events`): the kernel's
 * OOM killer (core/klog/oom_parse.c) or a user-space one read from the journal
 * (systemd-oomd, earlyoom, nohang: core/klog/killer_*.c), with systemd's unit messages
 * about it (core/klog/oom_merge.c).
 *
 * Each field is what the log held, VAL_UNKNOWN / NAN / NULL where it did not say. Memory
 * figures keep the log's units: *_kb from the "Killed process" line, task-table columns in
 * pages (page_bytes says how big a page is) except pgtables_bytes.
 * An event owns its strings, tasks and lines; oom_event_free() releases them.
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
	int64_t pgtables_bytes; /* 4.15+ print bytes; older kernels' nr_ptes (+ nr_pmds)
				 * pages are converted with the event's page_bytes */
	int64_t swapents_pages;
	int64_t oom_score_adj;
	char *name;
};

/* Who killed. The kernel's OOM killer, or a user-space killer that read memory pressure. */
enum oom_event_source {
	OOM_EVENT_SOURCE_KERNEL = 0,
	OOM_EVENT_SOURCE_SYSTEMD_OOMD,
	OOM_EVENT_SOURCE_EARLYOOM,
	OOM_EVENT_SOURCE_NOHANG,
};
#define OOM_EVENT_SOURCES 4

/* A line kept with the event besides the kernel's: systemd's unit messages about the kill
 * ("x.service: Failed with result 'oom-kill'."), with the time it was logged. */
struct oom_event_msg {
	double time_unix_s;
	char *text;
};
#define OOM_EVENT_UNIT_MSGS_MAX 16

struct oom_event {
	uint64_t id;    /* 1, 2, ... in the order a reader produced them; 0 before */
	enum oom_event_source source;
	char boot_id[33]; /* 32 hex digits of the boot it happened in; "" when not known */
	bool earlier_boot; /* known to be of a boot before the running one (the journal says) */
	char *unit;     /* the victim's systemd unit (x.service, y.scope); NULL unknown */
	char *cgroup;   /* what was killed in: the kernel's task_memcg, the cgroup systemd-oomd
			 * killed, nohang's CGroup_v2; NULL unknown */
	char *reason;   /* why, in words: "memcg", "global", "memory pressure 77.97% > 50.00%
			 * for 20s", "mem 10.00%, swap 10.00% (SIGTERM)"; NULL unknown */

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
	int64_t tasks_omitted; /* rows the kernel printed past OOM_EVENT_TASKS_MAX (left out, but
				* counted); VAL_UNKNOWN when the report had no task table */

	int64_t page_bytes; /* page size of the task table's page columns: implied by the log
			     * (total_vm pages against total-vm kB), else the running kernel's;
			     * VAL_UNKNOWN when there is no table */

	char **raw_lines; /* the episode's lines as read (unsanitised): the kernel's report, or
			   * the user-space killer's own lines around the kill */
	size_t nraw_lines;
	struct oom_event_msg *unit_msgs; /* systemd's unit messages about this kill */
	size_t nunit_msgs;
};

/* "kernel", "systemd-oomd", "earlyoom", "nohang" (the JSON and text names). */
const char *oom_event_source_name(enum oom_event_source s);

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

/* Releases only the task table, raw lines and unit messages (the store keeps details for
 * recent events). */
void oom_event_drop_details(struct oom_event *ev);

/* Deep copy into dst (initialised or not). Returns 0 or -ENOMEM (dst then empty). */
int oom_event_copy(struct oom_event *dst, const struct oom_event *src);

/* Appends a copy of text (logged at time_unix_s) to ev's unit messages; past
 * OOM_EVENT_UNIT_MSGS_MAX it is dropped. Returns 0 or -ENOMEM. */
int oom_event_add_unit_msg(struct oom_event *ev, double time_unix_s, const char *text);

/* Sets *dst to a copy of src (NULL for NULL), freeing what it held. Returns 0 or -ENOMEM. */
int oom_event_set_str(char **dst, const char *src);

/* Is this kill that of the process pid named comm (its first 15 bytes, as the kernel's
 * comm) that started at start_unix_s (NAN unknown)? Only kills that name a pid (the
 * kernel's, earlyoom's, nohang's) of the running boot, and not older than the process. */
bool oom_event_names_victim(const struct oom_event *ev, pid_t pid, const char *comm,
			    double start_unix_s);

/* Is this a kill of a whole cgroup (systemd-oomd names no pid) that took the process found
 * gone at exited_unix_s, which was in cgroup (same spelling as the event's)? Its cgroup is
 * the killed one or below it, of the running boot, found gone between a second before the
 * kill was logged and slack_s after (the next look at the processes). */
bool oom_event_names_member(const struct oom_event *ev, const char *cgroup, double exited_unix_s,
			    double slack_s);

/* Applies r to the newest of events[0..n) that is r's pid and not yet reaped-or-failed.
 * Returns the index updated, or -1 when none matches. */
int oom_events_apply_reap(struct oom_event *events, size_t n, const struct oom_event_reap *r);

#endif
