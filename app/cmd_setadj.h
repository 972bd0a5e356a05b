/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/cmd_setadj.h — `oomtop --set-adj=PID:VALUE[,PID:VALUE...]` (repeatable): writes
 * through the one writer (core/control/oom_adj.h), with the same checks as the screen,
 * each reported in words.
 *
 * Every pair is parsed before anything is written: one bad pair, or a pid given twice,
 * writes nothing. Then each pair is written in the order given, with one line each:
 * "oomtop: pid 42 (sshd): oom_score_adj 0 -> 500" on out for a change (or "is already"),
 * the refusal and its reason on err (and an indented second line when there is more to
 * know). Process names are escaped by the writer; the arguments echoed in messages are
 * escaped here. pid 1 and kernel threads are refused unless --force (OOM_ADJ_F_FORCE).
 *
 * Exit codes (main returns them as they are):
 *   0  every pair written (or it already had that value);
 *   1  at least one refused (--readonly, pid 1 or a kernel thread without --force, the
 *      kernel, the process gone) — the others were still written;
 *   2  bad usage, nothing written: a pair is not PID:VALUE, VALUE is outside -1000..1000,
 *      or a pid is given twice; one line on err naming --set-adj.
 * Never exits, never touches the terminal.
 */
#ifndef OOMTOP_APP_CMD_SETADJ_H
#define OOMTOP_APP_CMD_SETADJ_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "core/control/oom_adj.h"

#define CMD_SETADJ_EXIT_OK 0
#define CMD_SETADJ_EXIT_REFUSED 1
#define CMD_SETADJ_EXIT_USAGE 2
#define CMD_SETADJ_MAX_PAIRS 256

/* args[0..nargs): what follows each --set-adj. flags: enum oom_adj_flags (READONLY, FORCE).
 * env NULL: /proc and syslog. */
int cmd_setadj_run(const struct oom_adj_env *env, const char *const *args, size_t nargs, unsigned flags,
                   FILE *out, FILE *err);

/* Pure: one "PID:VALUE" → *pid, *value. Returns 0, or CMD_SETADJ_EXIT_USAGE with a
 * one-line message (no newline, the argument escaped) in msg. Strict: decimal digits only,
 * VALUE may have one sign, no blanks; PID ≥ 1; VALUE in -1000..1000. */
int cmd_setadj_parse(const char *arg, pid_t *pid, int *value, char *msg, size_t msglen);

#endif
