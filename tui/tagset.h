/* tui/tagset.h — the rows the operator tagged (Space), by process identity (pid + start
 * time), so a tag follows its process across refreshes, sorting and filtering, and never
 * jumps to a new process that reuses the pid. Bounded (TAGSET_MAX, the size of one undo
 * batch). Pure: no curses, no I/O. */
#ifndef OOMTOP_TUI_TAGSET_H
#define OOMTOP_TUI_TAGSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/model.h"
#include "core/control/oom_adj.h"

#define TAGSET_MAX OOM_ADJ_UNDO_MAX

struct tag_id {
	pid_t pid;
	uint64_t start_ticks;
};

struct tagset {
	size_t n;
	struct tag_id e[TAGSET_MAX]; /* in tagging order */
};

void tagset_clear(struct tagset *ts);
bool tagset_has(const struct tagset *ts, pid_t pid, uint64_t start_ticks);
/* Tag an untagged process, untag a tagged one. Returns 1 (now tagged), 0 (now untagged)
 * or -ENOSPC (TAGSET_MAX tags already: nothing changed). */
int tagset_toggle(struct tagset *ts, pid_t pid, uint64_t start_ticks);
/* Drop the tags of processes that are no longer running in s (exited, ghost rows, pid
 * reused by another process). Keeps the order of the rest. Returns how many were dropped. */
size_t tagset_prune(struct tagset *ts, const struct snapshot *s);

#endif
