/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/killer_earlyoom.h"

#include <stdio.h>
#include <string.h>

#include "core/base/scan.h"

void killer_earlyoom_init(struct killer_earlyoom *eo) { memset(eo, 0, sizeof(*eo)); }

/* Case-insensitive ASCII prefix test. */
static bool starts_ci(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++) {
		char a = *s, b = *prefix;
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (char)(b - 'A' + 'a');
		if (a != b)
			return false;
	}
	return true;
}

static const char *signal_name(int64_t sig)
{
	return sig == 15 ? "SIGTERM" : sig == 9 ? "SIGKILL" : NULL;
}

/* ---- the line before a kill: why ------------------------------------------------------- */

/* OOM: Currently available: 1203 < minimum: 1638 (kiB)                             (v0.2)
 * Out of memory! avail: 6271 MiB < min: 6436 MiB                               (v0.3 – v1.0)
 * Out of memory! mem min: 1591 MiB, swap min: 409 MiB                                 (v1.1)
 * Low Memory! At or below sigterm limits (mem: 10 %, swap: 10 %)                      (v1.2)
 * low memory! at or below SIGTERM limits: mem 10 %, swap 10 %                   (v1.3, v1.4)
 * low memory! at or below SIGTERM limits: mem 10.00%, swap 10.00%                   (v1.5+) */
static bool trigger_line(const char *t, char *out, size_t cap)
{
	int64_t a, b;
	const char *p;
	if (scan_starts(t, "OOM: Currently available: ")) {
		p = t + 26;
		if (killer_text_int(&p, &a) && scan_starts(p, " < minimum: ") &&
		    (p += 12, killer_text_int(&p, &b))) {
			snprintf(out, cap, "avail %lld KiB < min %lld KiB", (long long)a, (long long)b);
			return true;
		}
		return false;
	}
	if (scan_starts(t, "Out of memory! avail: ")) {
		p = t + 22;
		if (killer_text_int(&p, &a) && scan_starts(p, " MiB < min: ") &&
		    (p += 12, killer_text_int(&p, &b))) {
			snprintf(out, cap, "avail %lld MiB < min %lld MiB", (long long)a, (long long)b);
			return true;
		}
		return false;
	}
	if (scan_starts(t, "Out of memory! mem min: ")) {
		p = t + 24;
		if (killer_text_int(&p, &a) && scan_starts(p, " MiB, swap min: ") &&
		    (p += 16, killer_text_int(&p, &b))) {
			snprintf(out, cap, "mem min %lld MiB, swap min %lld MiB", (long long)a, (long long)b);
			return true;
		}
		return false;
	}
	if (!starts_ci(t, "low memory! at or below "))
		return false;
	p = t + 24;
	const char *sig = starts_ci(p, "sigterm") ? "SIGTERM" : starts_ci(p, "sigkill") ? "SIGKILL" : NULL;
	if (!sig || !starts_ci(p + 7, " limits"))
		return false;
	p += 14;
	/* ": mem 10.00%, swap 10.00%" or " (mem: 10 %, swap: 10 %)": keep the words and numbers */
	char limits[128];
	size_t o = 0;
	for (; *p && o + 1 < sizeof(limits); p++)
		if (*p != '(' && *p != ')' && *p != ':')
			limits[o++] = *p;
	limits[o] = '\0';
	char squeezed[128];
	killer_text_squeeze(limits, o, squeezed, sizeof(squeezed));
	snprintf(out, cap, "%s (%s)", squeezed, sig);
	return true;
}

/* ---- the kill ------------------------------------------------------------------------------ */

/* The quoted name after *pp ("firefox": ...), up to the quote that the known fields
 * follow (the name may hold quotes; v1.8's cmdline after it holds anything). */
static bool quoted_name(const char *q, struct killer_step *st)
{
	if (*q != '"')
		return false;
	q++;
	static const char *const tails[] = {"\": badness ", "\": oom_score ", "\" with signal "};
	const char *end = NULL;
	for (size_t i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) { /* the first of them */
		const char *e = strstr(q, tails[i]);
		if (e && (!end || e < end))
			end = e;
	}
	if (!end)
		end = strstr(q, "\": ");
	if (!end)
		return false;
	killer_text_copy(st->comm, sizeof(st->comm), q, (size_t)(end - q));
	return true;
}

/* Killing process 106631 kworker/27:0-events                                   (v0.1 – v1.0)
 * Killing process: firefox, pid: 4242, badness: 512, VmRSS: 1234 MiB                  (v1.1)
 * Killing process 'firefox' with signal 15, pid: 4242, badness: 512, VmRSS: 1234 MiB  (v1.2)
 * killing process 4242 "firefox" with signal 15: badness 512, VmRSS 1234 MiB     (v1.3-rc1)
 * sending SIGTERM to process 4242 "firefox": badness 512, VmRSS 1234 MiB              (v1.3)
 * sending SIGTERM to process 29410 uid 1000 "cluster": badness 1264, VmRSS 23964 MiB
 *                                                                                (v1.4 – v1.7)
 * sending SIGKILL to process 4242 uid 1000 "firefox": oom_score 800, VmRSS 1234 MiB,
 *   cmdline "/usr/lib/firefox/firefox"                      (v1.8; v1.9 adds oom_score_adj)
 * Not kills: the self-test with signal 0 ("with signal 0", "sending 0 (no-op signal) to
 * process …", v1.2 – v1.9), and "sending SIGTERM when mem <= 4.00% …" at start-up. */
static bool kill_line(const char *t, struct killer_step *st)
{
	int64_t v;
	const char *p;
	if (scan_starts(t, "Killing process: ")) {
		const char *name = t + 17, *pid = strstr(name, ", pid: ");
		if (!pid)
			return false;
		p = pid + 7;
		if (!killer_text_int(&p, &v) || v == 0)
			return false;
		killer_text_copy(st->comm, sizeof(st->comm), name, (size_t)(pid - name));
		st->pid = (pid_t)v;
		return true;
	}
	if (scan_starts(t, "Killing process '")) {
		const char *name = t + 17, *end = strstr(name, "' with signal ");
		if (!end)
			return false;
		p = end + 14;
		int64_t sig;
		if (!killer_text_int(&p, &sig) || sig == 0 || !scan_starts(p, ", pid: "))
			return false;
		p += 7;
		if (!killer_text_int(&p, &v) || v == 0)
			return false;
		killer_text_copy(st->comm, sizeof(st->comm), name, (size_t)(end - name));
		st->pid = (pid_t)v;
		if (signal_name(sig))
			snprintf(st->reason, sizeof(st->reason), "%s", signal_name(sig));
		return true;
	}
	if (scan_starts(t, "Killing process ")) {
		p = t + 16;
		if (!killer_text_int(&p, &v) || v == 0 || *p != ' ' || !p[1])
			return false;
		st->pid = (pid_t)v;
		killer_text_copy(st->comm, sizeof(st->comm), p + 1, strlen(p + 1));
		return true;
	}
	if (scan_starts(t, "killing process ")) {
		p = t + 16;
		if (!killer_text_int(&p, &v) || v == 0 || *p != ' ' || !quoted_name(p + 1, st))
			return false;
		const char *s = strstr(p, "\" with signal ");
		int64_t sig;
		if (!s || (s += 14, !killer_text_int(&s, &sig)) || sig == 0)
			return false;
		st->pid = (pid_t)v;
		if (signal_name(sig))
			snprintf(st->reason, sizeof(st->reason), "%s", signal_name(sig));
		return true;
	}
	if (!scan_starts(t, "sending SIG"))
		return false;
	const char *sig = t + 8, *to = strstr(sig, " to process ");
	if (!to || to - sig > 12)
		return false;
	p = to + 12;
	if (!killer_text_int(&p, &v) || v == 0 || *p != ' ')
		return false;
	p++;
	if (scan_starts(p, "uid ")) {
		p += 4;
		int64_t uid;
		if (!killer_text_int(&p, &uid) || *p != ' ')
			return false;
		st->uid = uid;
		p++;
	}
	if (!quoted_name(p, st))
		return false;
	st->pid = (pid_t)v;
	killer_text_copy(st->reason, sizeof(st->reason), sig, (size_t)(to - sig));
	return true;
}

/* ---- after the kill ------------------------------------------------------------------------ */

/* escalating to SIGKILL after 2.4 seconds                               (v1.3+; 1.8: %.3f) */
static bool escalate_line(const char *t) { return scan_starts(t, "escalating to SIGKILL"); }

/* process exited after 0.1 seconds                                          (v1.3 – v1.7)
 * process 29410 exited after 0.100 seconds                             (v1.3-rc1, v1.8+)
 * kill failed: Timer expired                                                      (v1.3+)
 * process 29410 did not exit                                                      (v1.8+)
 * kill() failed: No such process. Sleeping 1 second                                (v1.2)
 * Warning: Could not kill process: No such process                            (v0.1 – v1.1)
 * timeout waiting for pid 4242 after signal 15                                 (v1.3-rc1) */
static bool end_line(const char *t)
{
	if (scan_starts(t, "process ") && (strstr(t, " exited after ") || strstr(t, " did not exit")))
		return true;
	return scan_starts(t, "kill failed: ") || scan_starts(t, "kill() failed: ") ||
	       scan_starts(t, "Warning: Could not kill process") ||
	       scan_starts(t, "timeout waiting for pid ");
}

/* dryrun, not actually sending any signal                                          (v1.5+) */
static bool dryrun_line(const char *t) { return scan_starts(t, "dryrun, not actually sending"); }

void killer_earlyoom_feed(struct killer_earlyoom *eo, const char *text, struct killer_step *out)
{
	char t[KILLER_TEXT_MAX];
	killer_step_init(out);
	killer_text_clean(text, t, sizeof(t));
	char trig[sizeof(eo->trigger)];
	if (trigger_line(t, trig, sizeof(trig))) {
		memcpy(eo->trigger, trig, sizeof(trig));
		return;
	}
	if (kill_line(t, out)) {
		out->kind = KILLER_STEP_KILL;
		if (eo->trigger[0]) /* the limits and the signal of the line before */
			snprintf(out->reason, sizeof(out->reason), "%s", eo->trigger);
		return;
	}
	if (escalate_line(t)) {
		out->kind = KILLER_STEP_UPDATE;
		snprintf(out->reason, sizeof(out->reason), "%s", "escalated to SIGKILL");
	} else if (end_line(t)) {
		out->kind = KILLER_STEP_DONE;
	} else if (dryrun_line(t)) {
		out->kind = KILLER_STEP_CANCEL;
	}
}
