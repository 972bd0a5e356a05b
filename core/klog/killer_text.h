/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/killer_text.h — what the user-space killers' parsers share (killer_oomd.c,
 * killer_earlyoom.c, killer_nohang.c): one message line cleaned of terminal colours, and
 * the step one line means for a kill in progress. Pure.
 *
 * A killer's log is a conversation: a trigger line, the kill line, lines after it that
 * change it (earlyoom's "escalating to SIGKILL") or take it back (earlyoom's --dryrun),
 * and one that ends it ("process exited after 0.1 seconds"). Each parser turns a line into
 * a `struct killer_step`; core/klog/oom_journal.c keeps the kill in progress.
 */
#ifndef OOMTOP_KILLER_TEXT_H
#define OOMTOP_KILLER_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define KILLER_TEXT_MAX 1024 /* longer lines are cut: no pattern needs more */

enum killer_step_kind {
	KILLER_STEP_NONE,   /* nothing about a kill */
	KILLER_STEP_KILL,   /* a kill: the fields below; ends the one in progress, if any */
	KILLER_STEP_UPDATE, /* the kill in progress: reason is added to its reason (", "
			     * between), victim fields given here replace its own */
	KILLER_STEP_CANCEL, /* the kill in progress did not happen (dry run) */
	KILLER_STEP_DONE,   /* the kill in progress is complete */
};

struct killer_step {
	enum killer_step_kind kind;
	bool done;        /* KILL/UPDATE: and this line completes it */
	pid_t pid;        /* the victim; 0 unknown */
	int64_t uid;      /* INT64_MIN unknown */
	char comm[64];    /* "" unknown */
	char cgroup[512]; /* "" unknown */
	char reason[192]; /* "" unknown */
};

/* Clears everything (pid 0, uid unknown, strings ""). */
void killer_step_init(struct killer_step *st);

/* text without ANSI escape sequences (earlyoom and nohang colour some lines on a
 * terminal, and 2018-19 nohang always), control characters and trailing blanks, cut to
 * outlen-1 bytes; NULL text gives "". Returns the length. */
size_t killer_text_clean(const char *text, char *out, size_t outlen);

/* s[0..n) into dst (cap bytes), cut to fit and NUL-terminated. */
void killer_text_copy(char *dst, size_t cap, const char *s, size_t n);

/* s with runs of blanks folded to one space and no blanks at either end, into out. */
void killer_text_squeeze(const char *s, size_t len, char *out, size_t outlen);

/* A decimal at *pp (after optional blanks), advancing *pp; false when there is none or it
 * does not fit [0, INT32_MAX]. */
bool killer_text_int(const char **pp, int64_t *out);

#endif
