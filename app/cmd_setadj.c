/* SPDX-License-Identifier: GPL-2.0-or-later */
/* app/cmd_setadj.c — see cmd_setadj.h. */
#include "config.h"
#include "app/cmd_setadj.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/escape.h"

/* Decimal integer spanning exactly [p, end): optional sign when allow_sign, then digits. */
static bool parse_whole(const char *p, const char *end, bool allow_sign, long long *out)
{
	bool neg = false;
	if (allow_sign && p < end && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	if (p == end)
		return false;
	long long v = 0;
	for (; p < end; p++) {
		if (!isdigit((unsigned char)*p))
			return false;
		if (v > (LLONG_MAX - 9) / 10)
			v = LLONG_MAX / 10; /* saturate: still reported as out of range */
		else
			v = v * 10 + (*p - '0');
	}
	*out = neg ? -v : v;
	return true;
}

int cmd_setadj_parse(const char *arg, pid_t *pid, int *value, char *msg, size_t msglen)
{
	const char *colon = arg ? strchr(arg, ':') : NULL;
	long long p, v;
	char shown[128];
	if (!colon || !parse_whole(arg, colon, false, &p) ||
	    !parse_whole(colon + 1, colon + strlen(colon), true, &v)) {
		snprintf(
		    msg, msglen,
		    "oomtop: --set-adj: expected PID:VALUE (a process id, then a value from %d "
		    "to %d), got '%s'",
		    OOM_ADJ_MIN, OOM_ADJ_MAX, escape_text_buf(shown, sizeof(shown), arg ? arg : "", 80));
		return CMD_SETADJ_EXIT_USAGE;
	}
	if (p < 1 || p > INT_MAX) {
		snprintf(msg, msglen,
		         "oomtop: --set-adj: PID must be a process id from 1 to %d, got %lld",
		         INT_MAX, p);
		return CMD_SETADJ_EXIT_USAGE;
	}
	if (v < OOM_ADJ_MIN || v > OOM_ADJ_MAX) {
		snprintf(msg, msglen, "oomtop: --set-adj: VALUE must be from %d to %d, got %s",
		         OOM_ADJ_MIN, OOM_ADJ_MAX, escape_text_buf(shown, sizeof(shown), colon + 1, 80));
		return CMD_SETADJ_EXIT_USAGE;
	}
	*pid = (pid_t)p;
	*value = (int)v;
	return 0;
}

struct pair {
	pid_t pid;
	int value;
};

/* Every pair of every argument into pairs (comma-separated within one). */
static int parse_all(const char *const *args, size_t nargs, struct pair *pairs, size_t *n, FILE *err)
{
	char msg[400];
	*n = 0;
	for (size_t a = 0; a < nargs; a++) {
		char *copy = strdup(args[a] ? args[a] : "");
		if (!copy) {
			fprintf(err, "oomtop: out of memory\n");
			return CMD_SETADJ_EXIT_REFUSED;
		}
		int rc = 0;
		char *save = NULL, *tok = strtok_r(copy, ",", &save);
		if (!tok) /* "" or ",": say what was expected */
			rc = cmd_setadj_parse("", &pairs[0].pid, &pairs[0].value, msg, sizeof(msg));
		for (; tok && rc == 0; tok = strtok_r(NULL, ",", &save)) {
			if (*n == CMD_SETADJ_MAX_PAIRS) {
				snprintf(msg, sizeof(msg), "oomtop: --set-adj: at most %d processes at once",
				         CMD_SETADJ_MAX_PAIRS);
				rc = CMD_SETADJ_EXIT_USAGE;
				break;
			}
			struct pair *p = &pairs[*n];
			rc = cmd_setadj_parse(tok, &p->pid, &p->value, msg, sizeof(msg));
			for (size_t i = 0; rc == 0 && i < *n; i++)
				if (pairs[i].pid == p->pid) {
					snprintf(msg, sizeof(msg), "oomtop: --set-adj: pid %d is given twice",
					         (int)p->pid);
					rc = CMD_SETADJ_EXIT_USAGE;
				}
			if (rc == 0)
				(*n)++;
		}
		free(copy);
		if (rc) {
			fprintf(err, "%s\n", msg);
			return rc;
		}
	}
	return 0;
}

int cmd_setadj_run(const struct oom_adj_env *env, const char *const *args, size_t nargs, unsigned flags,
                   FILE *out, FILE *err)
{
	struct pair *pairs = calloc(CMD_SETADJ_MAX_PAIRS, sizeof(*pairs));
	if (!pairs) {
		fprintf(err, "oomtop: out of memory\n");
		return CMD_SETADJ_EXIT_REFUSED;
	}
	size_t n = 0;
	int status = parse_all(args, nargs, pairs, &n, err);
	if (status != 0)
		n = 0; /* one bad pair: nothing is written */
	for (size_t i = 0; i < n; i++) { /* a refused pair does not stop the others */
		struct oom_adj_result r;
		oom_adj_set(env, pairs[i].pid, OOM_ADJ_ANY_START, pairs[i].value, flags, &r);
		bool done = r.status == OOM_ADJ_OK || r.status == OOM_ADJ_UNCHANGED;
		FILE *to = done ? out : err;
		fprintf(to, "oomtop: %s\n", r.message);
		if (r.detail[0])
			fprintf(to, "  %s\n", r.detail);
		fflush(to);
		if (!done)
			status = CMD_SETADJ_EXIT_REFUSED;
	}
	free(pairs);
	return status;
}
