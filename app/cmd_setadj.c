/* core/setadj_cmd.c — the --set-adj command (see setadj_cmd.h). */
#include "config.h"
#include "app/cmd_setadj.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>

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

int setadj_parse(const char *arg, pid_t *pid, int *value, char *msg, size_t msglen)
{
	const char *colon = arg ? strchr(arg, ':') : NULL;
	long long p, v;
	if (!colon || !parse_whole(arg, colon, false, &p) ||
	    !parse_whole(colon + 1, colon + strlen(colon), true, &v)) {
		snprintf(
		    msg, msglen,
		    "oomtop: --set-adj: expected PID:VALUE (a process id, then a value from %d "
		    "to %d), got '%s'",
		    OOM_ADJ_MIN, OOM_ADJ_MAX, arg ? arg : "");
		return SETADJ_EXIT_USAGE;
	}
	if (p < 1 || p > INT_MAX) {
		snprintf(msg, msglen,
		         "oomtop: --set-adj: PID must be a process id from 1 to %d, got %lld",
		         INT_MAX, p);
		return SETADJ_EXIT_USAGE;
	}
	if (v < OOM_ADJ_MIN || v > OOM_ADJ_MAX) {
		snprintf(msg, msglen, "oomtop: --set-adj: VALUE must be from %d to %d, got %s",
		         OOM_ADJ_MIN, OOM_ADJ_MAX, colon + 1);
		return SETADJ_EXIT_USAGE;
	}
	*pid = (pid_t)p;
	*value = (int)v;
	return 0;
}

int setadj_cmd_run_env(const struct oom_adj_env *env, const char *arg, bool readonly, FILE *out,
                       FILE *err)
{
	char msg[300];
	pid_t pid;
	int value;
	if (setadj_parse(arg, &pid, &value, msg, sizeof(msg)) != 0) {
		fprintf(err, "%s\n", msg);
		return SETADJ_EXIT_USAGE;
	}
	struct oom_adj_result r;
	oom_adj_set(env, pid, OOM_ADJ_ANY_START, value, readonly ? OOM_ADJ_F_READONLY : 0, &r);
	bool done = r.status == OOM_ADJ_OK || r.status == OOM_ADJ_UNCHANGED;
	FILE *to = done ? out : err;
	fprintf(to, "oomtop: %s\n", r.message);
	if (r.detail[0])
		fprintf(to, "  %s\n", r.detail);
	fflush(to);
	return done ? SETADJ_EXIT_OK : SETADJ_EXIT_REFUSED;
}

int setadj_cmd_run(const char *arg, bool readonly, FILE *out, FILE *err)
{
	return setadj_cmd_run_env(NULL, arg, readonly, out, err);
}
