/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/killer_oomd.h"

#include <stdio.h>
#include <string.h>

#include "core/base/scan.h"

/* The text between `from` and the first `to` after it, squeezed, into out. */
static bool between(const char *from, const char *to, char *out, size_t cap)
{
	const char *end = strstr(from, to);
	if (!end)
		return false;
	killer_text_squeeze(from, (size_t)(end - from), out, cap);
	return out[0] != '\0';
}

/* What follows "due to " in a kill line, in a few words.
 *   memory pressure for /user.slice/user-1000.slice/user@1000.service being 77.97% > 50.00%
 *     for > 20s with reclaim activity            → memory pressure 77.97% > 50.00% for 20s
 *   memory used (31G) / total (32G) and swap used (7G) / total (8G) being more than 90.00%
 *                                                → memory and swap used > 90.00%
 *   swap used (7516192768) / total (8589930496) being more than 90.00%
 *                                                → swap used > 90.00% */
static void reason_of(const char *due, char *out, size_t cap)
{
	char a[32], b[32], d[32];
	const char *being = strstr(due, " being ");
	if (scan_starts(due, "memory pressure for ") && being &&
	    between(being + 7, " > ", a, sizeof(a))) {
		const char *gt = strstr(being + 7, " > ") + 3;
		const char *dur = strstr(gt, " for > ");
		if (dur && between(gt, " for > ", b, sizeof(b)) &&
		    (between(dur + 7, " with", d, sizeof(d)) ||
		     (killer_text_squeeze(dur + 7, strlen(dur + 7), d, sizeof(d)), d[0]))) {
			snprintf(out, cap, "memory pressure %s > %s for %s", a, b, d);
			return;
		}
	}
	const char *more = strstr(due, "being more than ");
	if (more) {
		killer_text_squeeze(more + 16, strlen(more + 16), a, sizeof(a));
		if (scan_starts(due, "memory used ") && strstr(due, " and swap used "))
			snprintf(out, cap, "memory and swap used > %s", a);
		else if (scan_starts(due, "swap used "))
			snprintf(out, cap, "swap used > %s", a);
		else
			snprintf(out, cap, "%s", due);
		return;
	}
	killer_text_squeeze(due, strlen(due), out, cap);
}

/* Killed /user.slice/user-1000.slice/user@1000.service/app.slice/app-kitty-47f7.scope due to
 *   memory pressure for /user.slice/user-1000.slice/user@1000.service being 77.97% > 50.00%
 *   for > 20s with reclaim activity                                     (v248 – v256, notice)
 * Killed /system.slice/foo.service due to swap used (7516192768) / total (8589930496) being
 *   more than 90.00%                                                             (v248 – v250)
 * Killed /x due to memory used (…) / total (…) and swap used (…) / total (…) being more than
 *   90.00%                                                                            (v251+)
 * Marked /x for killing due to memory pressure for /y being 61.02% > 60.00% for > 30s with
 *   reclaim activity      (current main: the kill follows after pre-kill hooks; also swap)
 * Memory pressure for /user.slice/user-1000.slice is greater than 60 for more than 30
 *   seconds and there was reclaim activity                     (v247: the only line of a kill;
 *   the victim is not named, so the cgroup is left unknown)
 * Not kills: "Memory pressure for /x is 61.02% > 60.00% for > 30s with reclaim activity"
 * (v248 – v250 notice before the Killed line), "Considered N cgroups for killing, top
 * candidates were:", "oomd dry-run: Would have tried to kill …", "Failed to kill any
 * cgroup(s) …". */
void killer_oomd_feed(const char *text, struct killer_step *out)
{
	char t[KILLER_TEXT_MAX];
	killer_step_init(out);
	killer_text_clean(text, t, sizeof(t));
	const char *path = NULL, *due = NULL;
	if (scan_starts(t, "Killed /")) {
		path = t + 7;
		due = strstr(path, " due to ");
		if (due)
			killer_text_copy(out->cgroup, sizeof(out->cgroup), path, (size_t)(due - path));
		due = due ? due + 8 : NULL;
	} else if (scan_starts(t, "Marked /")) {
		path = t + 7;
		due = strstr(path, " for killing due to ");
		if (due)
			killer_text_copy(out->cgroup, sizeof(out->cgroup), path, (size_t)(due - path));
		due = due ? due + 20 : NULL;
	} else if (scan_starts(t, "Memory pressure for /")) {
		const char *gt = strstr(t, " is greater than ");
		const char *more = gt ? strstr(gt + 17, " for more than ") : NULL;
		if (!gt || !more || !strstr(more, " seconds") || gt < t + 21)
			return;
		char lim[32], secs[32], where[160];
		killer_text_squeeze(gt + 17, (size_t)(more - gt - 17), lim, sizeof(lim));
		between(more + 15, " seconds", secs, sizeof(secs));
		killer_text_squeeze(t + 20, (size_t)(gt - t - 20), where, sizeof(where));
		out->kind = KILLER_STEP_KILL;
		out->done = true;
		snprintf(out->reason, sizeof(out->reason), "memory pressure > %s%% for %ss under %s",
			 lim, secs, where);
		return;
	}
	if (!due || !out->cgroup[0]) {
		out->cgroup[0] = '\0';
		return;
	}
	out->kind = KILLER_STEP_KILL;
	out->done = true;
	reason_of(due, out->reason, sizeof(out->reason));
}
