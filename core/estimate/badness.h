/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/estimate/badness.h — who the kernel's OOM killer would choose next, per scope. Pure:
 * reads the snapshot's values only, no I/O (the page size is the one sysconf call).
 *
 * The kernel's rule (mm/oom_kill.c, oom_badness() and oom_evaluate_task(), 4.19 … 6.18):
 *   points = rss_pages + swap_pages + pgtables_bytes / PAGE_SIZE
 *          + oom_score_adj * (totalpages / 1000)          (integer division first)
 *   never chosen: oom_score_adj -1000, kernel threads, init (pid 1);
 *   the victim has the most points; among equal points the kernel keeps the LAST one its
 *   scan meets ("points < chosen_points" skips, so an equal later task replaces the
 *   earlier one). Points may be negative and still be chosen (since 4.19; older kernels
 *   clamped them to 1).
 *
 * Scopes and their totalpages:
 *   system  — every process; totalpages = (MemTotal + SwapTotal) / PAGE_SIZE
 *             (constrained_alloc(): totalram_pages() + total_swap_pages).
 *   cgroup  — a memory cgroup OOM happens in the cgroup whose own limit is hit; the kernel
 *             then scans that cgroup and everything below it (mem_cgroup_scan_tasks) with
 *             totalpages = mem_cgroup_get_max(): its memory limit plus, when it may swap,
 *             min(its swap allowance, SwapTotal). The snapshot carries no swap limits or
 *             swappiness, so we add SwapTotal (the kernel's default: memsw/swap.max
 *             unlimited); exact on machines without swap.
 *   For a cgroup row, "its scope" is the cgroup that supplies its effective limit: the
 *   nearest row on its path to the root whose own limit_bytes equals its
 *   effective_limit_bytes (itself first); when no visible row has that limit (it comes
 *   from above a cgroup namespace), the topmost visible row. A cgroup without an effective
 *   limit has no memcg scope: only the system OOM killer applies to it.
 *   A process is in a cgroup scope when its cgroup path is the scope's path or below it.
 *
 * Tie-breaking as implemented: equal points → the later-started process (larger
 * start_ticks), then the larger pid. This is exact for the system scope, which the kernel
 * scans in task-list (creation) order. In a cgroup scope the kernel scans cgroups in
 * pre-order and each cgroup's processes in the order they joined it, which the snapshot
 * does not record: start order is our approximation there. Equal points are whole pages,
 * so ties are rare outside tiny processes.
 *
 * Candidates: live rows only (ghosts and kernel threads are skipped), pid 1 skipped, rows
 * whose rss_bytes or oom_score_adj is unknown skipped (they cannot be scored); unknown
 * swap or page tables count as 0. Not modelled: MMF_OOM_SKIP (already reaped), vfork
 * children, a task already being killed (the kernel aborts the scan), cpuset/mempolicy
 * constraints, memory.oom.group (v2 kills the whole group), BPF OOM policies.
 */
#ifndef OOMTOP_BADNESS_H
#define OOMTOP_BADNESS_H

#include <stdint.h>
#include <sys/types.h>

#include "core/model.h"

/* Scope argument: a cgroup row index (meaning the memcg OOM scope that cgroup runs into,
 * see above), or BADNESS_SCOPE_SYSTEM. */
#define BADNESS_SCOPE_SYSTEM (-1)
/* A scope that does not exist: a cgroup without an effective limit. */
#define BADNESS_SCOPE_NONE (-2)
/* badness_points() of a process the kernel never chooses. */
#define BADNESS_NEVER INT64_MIN

/* The kernel's formula. Sizes in bytes (unknown swap/pgtables: pass 0), adj -1000..1000,
 * totalpages of the scope, page_size in bytes. Returns BADNESS_NEVER for adj -1000. */
int64_t badness_points(int64_t rss_bytes, int64_t swap_bytes, int64_t pgtables_bytes, int adj,
                       uint64_t totalpages, long page_size);

/* Set s->sys.next_victim_pid, every cgroups[i].next_victim_pid (0 = no candidate, or no
 * effective limit) and every procs[i].next_victim. A process is marked when it is the
 * victim of the tightest scope that holds it: its cgroup's scope when that cgroup has an
 * effective limit, else the system. (The system's victim is always in sys.next_victim_pid,
 * marked or not.) Call after the values of a refresh are in, before handing the snapshot
 * out. Returns 0, or -ENOMEM (then nothing is marked and every victim pid is 0). */
int badness_mark_victims(struct snapshot *s);
/* Same with an explicit page size (tests). */
int badness_mark_victims_ps(struct snapshot *s, long page_size);

/* The scope a cgroup row runs into: the index of the row whose limit is hit, or
 * BADNESS_SCOPE_NONE when it has no effective limit. */
int badness_cgroup_scope(const struct snapshot *s, int cgroup);

/* The tightest scope holding procs[proc_index]: its cgroup's scope row, or
 * BADNESS_SCOPE_SYSTEM (no effective limit, or cgroup unknown). For the screen's preview. */
int badness_proc_scope(const struct snapshot *s, size_t proc_index);

/* The victim of a scope (a cgroup row index or BADNESS_SCOPE_SYSTEM), 0 when none;
 * *points_out (may be NULL) gets its points. */
pid_t badness_scope_victim(const struct snapshot *s, int scope, int64_t *points_out);

/* "What if": the victim of scope if process pid had oom_score_adj new_adj (the screen
 * previews a change before it is confirmed). 0 when none. */
pid_t badness_victim_if(const struct snapshot *s, int scope, pid_t pid, int new_adj);
/* The same for several tagged processes getting one value. */
pid_t badness_victim_if_many(const struct snapshot *s, int scope, const pid_t *pids, size_t npids,
                             int new_adj);
/* The same with a value per process (new_adjs[i] for pids[i]): a tagged group stepped by
 * ]/[ where each keeps its own offset. */
pid_t badness_victim_if_each(const struct snapshot *s, int scope, const pid_t *pids,
                             const int *new_adjs, size_t npids);

#endif
