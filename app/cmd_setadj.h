/* core/setadj_cmd.h — `oomtop --set-adj=PID:VALUE`: one write through core/oom_adj.c, with
 * the same checks as the screen, reported in words.
 *
 * Exit codes (main returns them as they are):
 *   0  written (or it already had that value); one line on out: "pid 42 (sshd):
 *      oom_score_adj 0 -> 500", and a second, indented line when there is more to know;
 *   1  refused by --readonly or by the kernel, or the process is gone: the reason on err
 *      (names CAP_SYS_RESOURCE and oom_score_adj_min for a refused lowering);
 *   2  bad usage: ARG is not PID:VALUE or VALUE is outside -1000..1000; one line on err
 *      naming --set-adj and the accepted range.
 * Never exits, never touches the terminal.
 */
#ifndef OOMTOP_SETADJ_CMD_H
#define OOMTOP_SETADJ_CMD_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "core/control/oom_adj.h"

#define SETADJ_EXIT_OK 0
#define SETADJ_EXIT_REFUSED 1
#define SETADJ_EXIT_USAGE 2

/* arg is what follows "--set-adj=" (or the next argv). */
int setadj_cmd_run(const char *arg, bool readonly, FILE *out, FILE *err);

/* The same against another /proc or log sink (tests); env NULL = defaults. */
int setadj_cmd_run_env(const struct oom_adj_env *env, const char *arg, bool readonly, FILE *out,
                       FILE *err);

/* Pure: "PID:VALUE" → *pid, *value. Returns 0, or SETADJ_EXIT_USAGE with a one-line
 * message (no newline) in msg. Strict: decimal digits only, VALUE may have one sign,
 * no blanks; PID ≥ 1; VALUE in -1000..1000. */
int setadj_parse(const char *arg, pid_t *pid, int *value, char *msg, size_t msglen);

#endif
