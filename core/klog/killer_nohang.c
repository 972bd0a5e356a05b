/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/killer_nohang.h"

#include <stdio.h>
#include <string.h>

#include "core/base/scan.h"

void killer_nohang_init(struct killer_nohang *nh) { memset(nh, 0, sizeof(*nh)); }

static void copy_n(char *dst, size_t cap, const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ','))
		n--;
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* A pid: a different victim than the one named so far forgets that one's name and cgroup
 * (a report names the name first, then the pid: a report's header clears all). */
static void set_victim(struct killer_nohang *nh, int64_t pid)
{
	if (nh->pid && nh->pid != (pid_t)pid) {
		nh->comm[0] = '\0';
		nh->cgroup[0] = '\0';
	}
	nh->pid = (pid_t)pid;
}

/* ---- who the victim is ---------------------------------------------------------------------- */

/* Process with highest badness (found in 6 ms):                     (2019 – 2020: a new report)
 * Victim status (found in 12 ms):                                       (2019-06 – main)
 * Found the victim with highest badness:                                       (Dec 2018)
 *   PID: 12297, Name: tail, badness: 727                                       (2019 – 2020)
 *   PID:       4242, name: firefox, state: S (sleeping), EUID: 1000, SID: …    (v0.2 – main)
 *   PID:       4242                                   (2019 Victim status: one field a line)
 *   Name:      firefox
 *   Pid:     4242  /  PID:     4242                                           (Dec 2018)
 *   CGroup_v2: /user.slice/user-1000.slice/session-2.scope            (2019; v0.2+ cgroup_v2:)
 *   Victim is firefox, pid: 4242, badness: 512, VmRSS: 1234 MiB, VmSwap: 0 MiB  (v0.1, 2018)
 * New victim is cached victim 4242 (firefox)                                 (v0.2 – main) */
static bool victim_line(struct killer_nohang *nh, const char *t)
{
	const char *p = skip_blanks(t);
	int64_t v;
	if (scan_starts(p, "Process with highest badness") || scan_starts(p, "Victim status") ||
	    scan_starts(p, "Found the victim with highest badness") ||
	    scan_starts(p, "Found the process with highest badness") ||
	    scan_starts(p, "Found a process with highest badness") ||
	    scan_starts(p, "Found a victim with highest badness") ||
	    scan_starts(p, "TOP printed in")) {
		nh->pid = 0;
		nh->comm[0] = nh->cgroup[0] = '\0';
		return true;
	}
	if (scan_starts(p, "PID:") || scan_starts(p, "Pid:")) {
		const char *q = p + 4;
		if (!killer_text_int(&q, &v) || v == 0)
			return false;
		set_victim(nh, v);
		if (scan_starts(q, ", Name: ") || scan_starts(q, ", name: ")) {
			const char *name = q + 8;
			const char *end = strstr(name, ", badness: ");
			if (!end)
				end = strstr(name, ", state: ");
			copy_n(nh->comm, sizeof(nh->comm), name, end ? (size_t)(end - name) : strlen(name));
		}
		return true;
	}
	if (scan_starts(p, "Name:")) {
		const char *name = skip_blanks(p + 5);
		copy_n(nh->comm, sizeof(nh->comm), name, strlen(name));
		return true;
	}
	if (scan_starts(p, "CGroup_v2:") || scan_starts(p, "cgroup_v2:")) {
		const char *cg = skip_blanks(p + 10);
		if (*cg == '/')
			copy_n(nh->cgroup, sizeof(nh->cgroup), cg, strlen(cg));
		return true;
	}
	if (scan_starts(p, "Victim is ")) {
		const char *name = p + 10, *pid = strstr(name, ", pid: ");
		const char *q = pid ? pid + 7 : NULL;
		if (!q || !killer_text_int(&q, &v) || v == 0)
			return false;
		set_victim(nh, v);
		copy_n(nh->comm, sizeof(nh->comm), name, (size_t)(pid - name));
		return true;
	}
	if (scan_starts(p, "New victim is cached victim ")) {
		const char *q = p + 28;
		if (!killer_text_int(&q, &v) || v == 0)
			return false;
		set_victim(nh, v);
		if (scan_starts(q, " (") && q[strlen(q) - 1] == ')')
			copy_n(nh->comm, sizeof(nh->comm), q + 2, strlen(q + 2) - 1);
		return true;
	}
	return false;
}

/* ---- the action ------------------------------------------------------------------------------- */

/* Implement a corrective action:                                                      (2019)
 * Implementing a corrective action:                                              (2020 – main)
 * Implement corrective action:                                                    (Dec 2018)
 * Not: "Memory status before implementing a corrective action:", "Try to implement a
 * corrective action...", "Sleep 0.1 sec after implementing a corrective action". */
static bool action_line(const char *t)
{
	const char *p = skip_blanks(t);
	return strcmp(p, "Implement a corrective action:") == 0 ||
	       strcmp(p, "Implementing a corrective action:") == 0 ||
	       strcmp(p, "Implement corrective action:") == 0;
}

/*   Send SIGTERM to the victim; total response time: 13246 ms                        (2019)
 *   Sending SIGTERM to the victim                                                (2020 – main)
 *   Sending SIGTERM to the victim; OK; response time: 8 ms                    (v0.1 – Dec 2018)
 *   Run the command: kill -TERM 12297                                                 (2019)
 *   Executing the command: kill -TERM 12297                                      (2020 – main)
 *   Execute the command: kill -TERM 12297                                        (Aug – Dec 2018)
 * Not: "  Send SIGTERM to tail: 1" (statistics), "Execute the command(1) in Thread-1: …". */
static bool how_line(const char *t, char *reason, size_t cap)
{
	const char *p = skip_blanks(t);
	if (scan_starts(p, "Send SIG") || scan_starts(p, "Sending SIG")) {
		const char *sig = strchr(p, ' ') + 1, *end = strstr(sig, " to the victim");
		if (!end || end - sig > 12)
			return false;
		copy_n(reason, cap, sig, (size_t)(end - sig));
		return true;
	}
	static const char *const cmds[] = {"Run the command: ", "Executing the command: ",
					   "Execute the command: "};
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		if (scan_starts(p, cmds[i])) {
			snprintf(reason, cap, "command: %s", p + strlen(cmds[i]));
			return true;
		}
	}
	return false;
}

static void fill_victim(const struct killer_nohang *nh, struct killer_step *out)
{
	out->pid = nh->pid;
	snprintf(out->comm, sizeof(out->comm), "%s", nh->comm);
	snprintf(out->cgroup, sizeof(out->cgroup), "%s", nh->cgroup);
}

void killer_nohang_feed(struct killer_nohang *nh, const char *text, struct killer_step *out)
{
	char t[KILLER_TEXT_MAX];
	killer_step_init(out);
	killer_text_clean(text, t, sizeof(t));
	bool open = nh->action_open;
	nh->action_open = false;
	if (action_line(t)) {
		out->kind = KILLER_STEP_KILL;
		fill_victim(nh, out);
		nh->action_open = true;
		return;
	}
	char reason[sizeof(out->reason)];
	if (how_line(t, reason, sizeof(reason))) {
		out->kind = open ? KILLER_STEP_UPDATE : KILLER_STEP_KILL;
		out->done = true;
		snprintf(out->reason, sizeof(out->reason), "%s", reason);
		if (!open)
			fill_victim(nh, out);
		return;
	}
	victim_line(nh, t);
	if (open) /* the action line never came: the kill stands, its how unknown */
		out->kind = KILLER_STEP_DONE;
}
