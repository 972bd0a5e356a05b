/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/selfprotect.h — oomtop guards itself before it watches a machine under pressure.
 *
 * It runs where memory runs out, often in the same cgroup as the runaway process, and must
 * be the one that survives to show the kill:
 *   1. it lowers its own oom_score_adj to SELFPROTECT_ADJ through the one writer
 *      (core/oom_adj.c). The kernel allows lowering below oom_score_adj_min only with
 *      CAP_SYS_RESOURCE; without it the value stays and the note says why (no error).
 *   2. it locks its memory, mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT): only the pages
 *      it touches, so locked memory stays its RSS, not every mapped library. Only with
 *      CAP_IPC_LOCK or an unlimited RLIMIT_MEMLOCK: under a finite limit MCL_FUTURE would
 *      turn later allocations into failures. Not under AddressSanitizer (terabytes of
 *      shadow mappings).
 * Where neither is permitted it stays small (bounded tables, no per-process growth).
 * --readonly refuses every write, this one too.
 * Never exits, never prints: the outcome is one line for the snapshot notes.
 */
#ifndef OOMTOP_SELFPROTECT_H
#define OOMTOP_SELFPROTECT_H

#include <stdbool.h>
#include <stddef.h>

#define SELFPROTECT_ADJ (-900) /* nearly unkillable, yet below -1000's "never" */

struct selfprotect {
	bool adj_lowered; /* oom_score_adj is now SELFPROTECT_ADJ (or was already lower) */
	int adj;          /* oom_score_adj after the attempt; OOM_ADJ_UNKNOWN when unreadable */
	bool locked;      /* mlockall succeeded */
	char note[256];   /* what was done and what was not, and why: one line */
};

/* proc_root: "/proc" normally. readonly: --readonly. Fills *out completely. */
void selfprotect_apply(const char *proc_root, bool readonly, struct selfprotect *out);

#endif
