/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/adj/tags.h — the rows the operator tagged (Space) for one oom_score_adj change, by
 * process identity (pid + start time), so a tag follows its process across refreshes,
 * sorting and filtering, and never jumps to a new process that reuses the pid. Bounded
 * (ADJ_TAGS_MAX, the size of one undo batch). Pure: no curses, no I/O. */
#ifndef OOMTOP_TUI_ADJ_TAGS_H
#define OOMTOP_TUI_ADJ_TAGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/model.h"
#include "core/control/oom_adj.h"

#define ADJ_TAGS_MAX OOM_ADJ_UNDO_MAX

struct adj_tag {
	pid_t pid;
	uint64_t start_ticks;
};

struct adj_tags {
	size_t n;
	struct adj_tag e[ADJ_TAGS_MAX]; /* in tagging order */
};

void adj_tags_clear(struct adj_tags *ts);
bool adj_tags_has(const struct adj_tags *ts, pid_t pid, uint64_t start_ticks);
/* Tag an untagged process, untag a tagged one. Returns 1 (now tagged), 0 (now untagged)
 * or -ENOSPC (ADJ_TAGS_MAX tags already: nothing changed). */
int adj_tags_toggle(struct adj_tags *ts, pid_t pid, uint64_t start_ticks);
/* Drop the tags of processes that are no longer running in s (exited, ghost rows, pid
 * reused by another process). Keeps the order of the rest. Returns how many were dropped. */
size_t adj_tags_prune(struct adj_tags *ts, const struct snapshot *s);

#endif
