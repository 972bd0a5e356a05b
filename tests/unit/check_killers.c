/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests of the user-space killers' parsers and systemd's unit messages, one wording of
 * each published version (earlyoom v0.2 – v1.9, systemd-oomd v247 – main, nohang v0.1 –
 * main, systemd v219 – 255), and the lines that look like kills but are not. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/klog/killer_earlyoom.h"
#include "core/klog/killer_nohang.h"
#include "core/klog/killer_oomd.h"
#include "core/klog/unit_msg.h"
#include "core/klog/unit_name.h"
#include "tests/unit/ck_run.h"

/* ---- earlyoom --------------------------------------------------------------------------- */

struct eo_case {
	const char *trigger; /* NULL: none before the kill line */
	const char *line;
	int pid;             /* 0: not a kill */
	const char *comm, *reason;
};

static const struct eo_case eo_cases[] = {
	/* v0.2 */
	{"OOM: Currently available: 1203 < minimum: 1638 (kiB)", "Killing process 4242 firefox", 4242,
	 "firefox", "avail 1203 KiB < min 1638 KiB"},
	/* v0.3 – v1.0 (p4) */
	{"Out of memory! avail: 6271 MiB < min: 6436 MiB", "Killing process 106631 kworker/27:0-events",
	 106631, "kworker/27:0-events", "avail 6271 MiB < min 6436 MiB"},
	/* a name with a space */
	{NULL, "Killing process 77 Web Content", 77, "Web Content", ""},
	/* v1.1 */
	{"Out of memory! mem min: 1591 MiB, swap min: 409 MiB",
	 "Killing process: chromium, pid: 3123, badness: 812, VmRSS: 2301 MiB", 3123, "chromium",
	 "mem min 1591 MiB, swap min 409 MiB"},
	/* v1.2 */
	{"Low Memory! At or below sigterm limits (mem: 10 %, swap: 10 %)",
	 "Killing process 'java' with signal 15, pid: 918, badness: 700, VmRSS: 9000 MiB", 918, "java",
	 "mem 10 %, swap 10 % (SIGTERM)"},
	{"Low memory! At or below sigkill limits (mem: 5 %, swap: 5 %)",
	 "Killing process 'java' with signal 9, pid: 918, badness: 700, VmRSS: 9000 MiB", 918, "java",
	 "mem 5 %, swap 5 % (SIGKILL)"},
	/* v1.3-rc1 */
	{"low memory! at or below SIGTERM limits: mem 10 %, swap 10 %",
	 "killing process 918 \"java\" with signal 15: badness 700, VmRSS 9000 MiB", 918, "java",
	 "mem 10 %, swap 10 % (SIGTERM)"},
	/* v1.3 */
	{"low memory! at or below SIGKILL limits: mem 5 %, swap 5 %",
	 "sending SIGKILL to process 918 \"java\": badness 700, VmRSS 9000 MiB", 918, "java",
	 "mem 5 %, swap 5 % (SIGKILL)"},
	/* v1.4 – v1.7 (p4), PRIPCT pads */
	{"low memory! at or below SIGTERM limits: mem  4.00%, swap 10.00%",
	 "sending SIGTERM to process 29410 uid 1000 \"cluster\": badness 1264, VmRSS 23964 MiB", 29410,
	 "cluster", "mem 4.00%, swap 10.00% (SIGTERM)"},
	/* v1.8: cmdline after the name, with quotes in it */
	{NULL,
	 "sending SIGTERM to process 5150 uid 1000 \"my \"app\"\": oom_score 812, VmRSS 512 MiB, "
	 "cmdline \"/opt/app --x=\\\": badness \\\"\"",
	 5150, "my \"app\"", "SIGTERM"},
	/* v1.9 */
	{NULL,
	 "sending SIGKILL to process 5150 uid 1000 \"node\": oom_score 812, oom_score_adj 300, VmRSS "
	 "512 MiB, cmdline \"node server.js\"",
	 5150, "node", "SIGKILL"},
	/* colours of a terminal */
	{NULL, "\033[33msending SIGTERM to process 9 uid 0 \"x\": badness 1, VmRSS 1 MiB\n\033[0m", 9, "x",
	 "SIGTERM"},
	/* not kills */
	{NULL, "sending SIGTERM when mem <=  4.00% and swap <= 10.00%,", 0, NULL, NULL},
	{NULL, "        SIGKILL when mem <=  2.00% and swap <=  5.00%", 0, NULL, NULL},
	{NULL, "sending 0 (no-op signal) to process 1460 uid 0 \"earlyoom\": oom_score 0, VmRSS 2 MiB", 0,
	 NULL, NULL},
	{NULL, "Killing process 'earlyoom' with signal 0, pid: 1460, badness: 0, VmRSS: 2 MiB", 0, NULL, NULL},
	{NULL, "Could not find a process to kill. Sleeping 1 second.", 0, NULL, NULL},
	{NULL, "Invoking oom killer: done", 0, NULL, NULL},
	{NULL, "mem avail:    56 of 15881 MiB ( 0.35%), swap free: 2555 of 4095 MiB (62.38%)", 0, NULL, NULL},
	{NULL, "Killing process", 0, NULL, NULL},
	{NULL, "sending SIGTERM to process abc \"x\": badness 1", 0, NULL, NULL},
};

START_TEST(earlyoom_every_version)
{
	const struct eo_case *c = &eo_cases[_i];
	struct killer_earlyoom eo;
	struct killer_step st;
	killer_earlyoom_init(&eo);
	if (c->trigger) {
		killer_earlyoom_feed(&eo, c->trigger, &st);
		ck_assert_int_eq(st.kind, KILLER_STEP_NONE);
	}
	killer_earlyoom_feed(&eo, c->line, &st);
	if (!c->pid) {
		ck_assert_msg(st.kind == KILLER_STEP_NONE, "a kill in: %s", c->line);
		return;
	}
	ck_assert_msg(st.kind == KILLER_STEP_KILL, "no kill in: %s", c->line);
	ck_assert_int_eq(st.pid, c->pid);
	ck_assert_str_eq(st.comm, c->comm);
	ck_assert_str_eq(st.reason, c->reason);
}
END_TEST

START_TEST(earlyoom_after_the_kill)
{
	struct killer_earlyoom eo;
	struct killer_step st;
	killer_earlyoom_init(&eo);
	killer_earlyoom_feed(&eo, "escalating to SIGKILL after 2.4 seconds", &st);
	ck_assert_int_eq(st.kind, KILLER_STEP_UPDATE);
	ck_assert_str_eq(st.reason, "escalated to SIGKILL");
	const char *ends[] = {"process exited after 0.1 seconds", "process 29410 exited after 0.100 seconds",
			      "kill failed: Timer expired", "process 29410 did not exit",
			      "kill() failed: No such process. Sleeping 1 second",
			      "Warning: Could not kill process: No such process",
			      "timeout waiting for pid 4242 after signal 15"};
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		killer_earlyoom_feed(&eo, ends[i], &st);
		ck_assert_msg(st.kind == KILLER_STEP_DONE, "not an end: %s", ends[i]);
	}
	killer_earlyoom_feed(&eo, "dryrun, not actually sending any signal", &st);
	ck_assert_int_eq(st.kind, KILLER_STEP_CANCEL);
	killer_earlyoom_feed(&eo, "killing whole process group 4242 (-g flag is active)", &st);
	ck_assert_int_eq(st.kind, KILLER_STEP_NONE);
}
END_TEST

/* ---- systemd-oomd ----------------------------------------------------------------------- */

struct oomd_case {
	const char *line;
	const char *cgroup, *reason; /* reason NULL: not a kill */
};

static const struct oomd_case oomd_cases[] = {
	/* v248 – v256 (p3) */
	{"Killed /user.slice/user-1000.slice/user@1000.service/app.slice/app-kitty-47f7.scope due to "
	 "memory pressure for /user.slice/user-1000.slice/user@1000.service being 77.97% > 50.00% for "
	 "> 20s with reclaim activity",
	 "/user.slice/user-1000.slice/user@1000.service/app.slice/app-kitty-47f7.scope",
	 "memory pressure 77.97% > 50.00% for 20s"},
	{"Killed /system.slice/foo.service due to memory pressure for /system.slice being 61.02% > "
	 "60.00% for > 1min 30s with reclaim activity",
	 "/system.slice/foo.service", "memory pressure 61.02% > 60.00% for 1min 30s"},
	/* v248 – v250 swap */
	{"Killed /system.slice/foo.service due to swap used (7516192768) / total (8589930496) being "
	 "more than 90.00%",
	 "/system.slice/foo.service", "swap used > 90.00%"},
	/* v251+ */
	{"Killed /user.slice/user-1000.slice/user@1000.service/app.slice/app-gnome-firefox-1.scope due "
	 "to memory used (31876534272) / total (33260961792) and swap used (7745847296) / total "
	 "(8589930496) being more than 90.00%",
	 "/user.slice/user-1000.slice/user@1000.service/app.slice/app-gnome-firefox-1.scope",
	 "memory and swap used > 90.00%"},
	/* current main */
	{"Marked /user.slice/user-1000.slice/user@1000.service/app.slice/x.scope for killing due to "
	 "memory pressure for /user.slice/user-1000.slice/user@1000.service being 61.02% > 60.00% for "
	 "> 30s with reclaim activity",
	 "/user.slice/user-1000.slice/user@1000.service/app.slice/x.scope",
	 "memory pressure 61.02% > 60.00% for 30s"},
	{"Marked /system.slice/x.service for killing due to memory used (1) / total (2) and swap used "
	 "(3) / total (4) being more than 90.00%",
	 "/system.slice/x.service", "memory and swap used > 90.00%"},
	/* v247: the victim is not named */
	{"Memory pressure for /user.slice/user-1000.slice is greater than 60 for more than 30 seconds "
	 "and there was reclaim activity",
	 "", "memory pressure > 60% for 30s under /user.slice/user-1000.slice"},
	/* not kills */
	{"Memory pressure for /user.slice/user-1000.slice is 61.02% > 60.00% for > 30s with reclaim "
	 "activity", NULL, NULL},
	{"Considered 3 cgroups for killing, top candidates were:", NULL, NULL},
	{"oomd dry-run: Would have tried to kill /sys/fs/cgroup/system.slice/x.service with recurse=true",
	 NULL, NULL},
	{"Failed to kill any cgroup(s) under /user.slice based on pressure: No such process", NULL, NULL},
	{"Killed", NULL, NULL},
	{"Killed /x", NULL, NULL},
};

START_TEST(oomd_every_version)
{
	const struct oomd_case *c = &oomd_cases[_i];
	struct killer_step st;
	killer_oomd_feed(c->line, &st);
	if (!c->reason) {
		ck_assert_msg(st.kind == KILLER_STEP_NONE, "a kill in: %s", c->line);
		return;
	}
	ck_assert_msg(st.kind == KILLER_STEP_KILL && st.done, "no kill in: %s", c->line);
	ck_assert_str_eq(st.cgroup, c->cgroup);
	ck_assert_str_eq(st.reason, c->reason);
	ck_assert_int_eq(st.pid, 0);
}
END_TEST

/* ---- nohang ----------------------------------------------------------------------------- */

/* Feeds lines; returns the kills seen as "pid comm cgroup reason" lines, one per kill. */
static void nohang_run(const char *const *lines, char *out, size_t cap)
{
	struct killer_nohang nh;
	killer_nohang_init(&nh);
	out[0] = '\0';
	struct killer_step kill;
	bool open = false;
	for (size_t i = 0;; i++) {
		struct killer_step st;
		killer_nohang_feed(&nh, lines[i] ? lines[i] : "", &st);
		if (st.kind == KILLER_STEP_KILL || (!lines[i] && open)) {
			if (open) {
				size_t l = strlen(out);
				snprintf(out + l, cap - l, "%d %s %s %s;", (int)kill.pid, kill.comm, kill.cgroup,
					 kill.reason);
			}
			kill = st;
			open = st.kind == KILLER_STEP_KILL;
		}
		if (st.kind == KILLER_STEP_UPDATE && open)
			snprintf(kill.reason, sizeof(kill.reason), "%s", st.reason);
		if (!lines[i])
			break;
	}
}

START_TEST(nohang_every_version)
{
	char out[1024];
	/* v0.1 (2018): no "Implement" line, the action line is the kill */
	const char *v01[] = {"  Finding the process with the highest badness",
			     "  Victim is firefox, pid: 4242, badness: 900, VmRSS: 2048 MiB, VmSwap: 0 MiB",
			     "  Sending SIGTERM to the victim; OK; response time: 8 ms", NULL};
	nohang_run(v01, out, sizeof(out));
	ck_assert_str_eq(out, "4242 firefox  SIGTERM;");
	const char *v01cmd[] = {"  Victim is tail, pid: 77, badness: 900, VmRSS: 2 MiB, VmSwap: 0 MiB",
				"  Execute the command: kill -TERM 77", "  Exit status: 0; response time: 3 ms",
				NULL};
	nohang_run(v01cmd, out, sizeof(out));
	ck_assert_str_eq(out, "77 tail  command: kill -TERM 77;");
	/* Dec 2018: colours, the name before the pid, "Implement corrective action:" */
	const char *dec18[] = {"\033[4mFound the victim with highest badness:\033[0m",
			       "  Name:    \033[33mchrome\033[0m", "  PID:     \033[33m3131\033[0m",
			       "\033[4mImplement corrective action:\033[0m",
			       "  Sending \033[4mSIGKILL\033[0m to the victim; OK; response time: 2 ms", NULL};
	nohang_run(dec18, out, sizeof(out));
	ck_assert_str_eq(out, "3131 chrome  SIGKILL;");
	/* 2019 (p5): the victim line, then the action */
	const char *y19[] = {"Process with highest badness (found in 6 ms):", "  PID: 12297, Name: tail, badness: 727",
			     "Execute the command(1) in Thread-1: kill -TERM 12297", "Implement a corrective action:",
			     "  Run the command: kill -TERM 12297", "  Exit status: None; total response time: 7 ms",
			     "Total stat (what happened in the last 26 sec):", "  Run the command 'kill -TERM $PID': 1",
			     NULL};
	nohang_run(y19, out, sizeof(out));
	ck_assert_str_eq(out, "12297 tail  command: kill -TERM 12297;");
	/* 2019 Victim status with cgroup */
	const char *status19[] = {"Victim status (found in 12 ms):", "  Name:      firefox", "  State:     S",
				  "  PID:       5005", "  EUID:      1000",
				  "  CGroup_v2: /user.slice/user-1000.slice/session-2.scope",
				  "Implement a corrective action:", "  Send SIGTERM to the victim; total response time: 9 ms",
				  NULL};
	nohang_run(status19, out, sizeof(out));
	ck_assert_str_eq(out, "5005 firefox /user.slice/user-1000.slice/session-2.scope SIGTERM;");
	/* v0.2 – main */
	const char *v02[] = {"Victim status (found in 1ms):",
			     "  PID:       6006, name: chromium, state: S (sleeping), EUID: 1000, SID: 900 (gnome-session-b), lifetime: 1h",
			     "  badness:   900, oom_score:  900, oom_score_adj:  0",
			     "  cgroup_v2: /user.slice/user-1000.slice/user@1000.service/app.slice/app-chromium.scope",
			     "Implementing a corrective action:", "  Sending SIGTERM to the victim",
			     "OK; total response time: 5ms", "The victim died in 0.1s", NULL};
	nohang_run(v02, out, sizeof(out));
	ck_assert_str_eq(out, "6006 chromium /user.slice/user-1000.slice/user@1000.service/app.slice/app-chromium.scope SIGTERM;");
	const char *v02cmd[] = {"New victim is cached victim 6006 (chromium)", "Implementing a corrective action:",
				"  Executing the command: systemctl restart foo", NULL};
	nohang_run(v02cmd, out, sizeof(out));
	ck_assert_str_eq(out, "6006 chromium  command: systemctl restart foo;");
	/* p5 boot 1: no victim named */
	const char *nov[] = {"Implement a corrective action:", "  Send SIGTERM to the victim; total response time: 13246 ms", NULL};
	nohang_run(nov, out, sizeof(out));
	ck_assert_str_eq(out, "0   SIGTERM;");
	/* not kills */
	const char *none[] = {"Memory status before implementing a corrective action:", "Try to implement a corrective action...",
			      "victim badness 12 < min_badness 20; nothing to do; response time: 5 ms",
			      "Total stat (what happened in the last 32 min 0 sec):", "  Send SIGTERM to tail: 1",
			      "  [ OK ] Sending SIGTERM to tail: 3", "Sleep 0.1 sec after implementing a corrective action", NULL};
	nohang_run(none, out, sizeof(out));
	ck_assert_str_eq(out, "");
}
END_TEST

/* ---- systemd's unit messages --------------------------------------------------------------- */

START_TEST(unit_messages)
{
	struct unit_msg m;
	struct unit_msg_fields f = {"user@1021.service: A process of this unit has been killed by the OOM killer.",
				    "user@1021.service", "fe6faa94e7774663a0da52717891d8ef", NULL};
	ck_assert(unit_msg_parse(&f, &m));
	ck_assert_int_eq(m.kind, UNIT_MSG_OOM_KILLED);
	ck_assert_str_eq(m.unit, "user@1021.service");
	/* systemd 249: no MESSAGE_ID, the unit from the text */
	f = (struct unit_msg_fields){"app-kitty-47f7.scope: systemd-oomd killed 65 process(es) in this unit.", NULL, NULL, NULL};
	ck_assert(unit_msg_parse(&f, &m));
	ck_assert_int_eq(m.kind, UNIT_MSG_OOMD_KILLED);
	ck_assert_int_eq(m.nprocs, 65);
	ck_assert_str_eq(m.unit, "app-kitty-47f7.scope");
	f = (struct unit_msg_fields){"x.service: systemd-oomd killed some process(es) in this unit.", "x.service",
				     "d989611b15e44c9dbf31e3c81256e4ed", NULL};
	ck_assert(unit_msg_parse(&f, &m));
	ck_assert_int_eq(m.kind, UNIT_MSG_OOMD_KILLED);
	ck_assert_int_eq(m.nprocs, -1);
	f = (struct unit_msg_fields){"openclaw-gateway.service: Failed with result 'oom-kill'.", NULL, NULL, NULL};
	ck_assert(unit_msg_parse(&f, &m));
	ck_assert_int_eq(m.kind, UNIT_MSG_RESULT_OOM);
	f = (struct unit_msg_fields){"x.service: Failed with result 'oom-kill'.", "x.service",
				     "d9b373ed55a64feb8242e02dbe79a49c", "oom-kill"};
	ck_assert(unit_msg_parse(&f, &m));
	ck_assert_int_eq(m.kind, UNIT_MSG_RESULT_OOM);
	/* SIGKILL from anyone: an exit by a signal, no OOM kill */
	f = (struct unit_msg_fields){"x.service: Main process exited, code=killed, status=9/KILL", NULL, NULL, NULL};
	ck_assert(unit_msg_parse(&f, &m));
	ck_assert_int_eq(m.kind, UNIT_MSG_EXIT_KILLED);
	ck_assert_int_eq(m.signal, 9);
	f = (struct unit_msg_fields){"mysqld.service: main process exited, code=killed, status=15/TERM", NULL, NULL, NULL};
	ck_assert(unit_msg_parse(&f, &m));
	ck_assert_int_eq(m.kind, UNIT_MSG_EXIT_KILLED);
	ck_assert_int_eq(m.signal, 15);
	/* not OOM: results of other kinds, exits without a signal */
	const char *other[] = {"x.service: Main process exited, code=exited, status=1/FAILURE",
			       "x.service: Failed with result 'signal'.",
			       "x.service: Consumed 5h 50min 18.998s CPU time.", "x.scope: Deactivated successfully."};
	for (size_t i = 0; i < sizeof(other) / sizeof(other[0]); i++) {
		f = (struct unit_msg_fields){other[i], NULL, NULL, NULL};
		ck_assert(unit_msg_parse(&f, &m));
		ck_assert_msg(m.kind == UNIT_MSG_OTHER, "%s", other[i]);
	}
	/* no unit */
	const char *none[] = {"Child 4090866 (fail2ban-server) died (code=killed, status=9/KILL)",
			      "Unit x.service entered failed state.", "Started Session 3038 of user root.",
			      "Out of memory: Killed process 1 (x) total-vm:1kB"};
	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		f = (struct unit_msg_fields){none[i], NULL, NULL, NULL};
		ck_assert_msg(!unit_msg_parse(&f, &m), "%s", none[i]);
	}
}
END_TEST

START_TEST(unit_names)
{
	char out[UNIT_NAME_MAX];
	ck_assert(unit_name_of_cgroup("/user.slice/user-504.slice/session-2.scope", out, sizeof(out)));
	ck_assert_str_eq(out, "session-2.scope");
	ck_assert(unit_name_of_cgroup("/user.slice/user-1000.slice/user@1000.service/app.slice", out, sizeof(out)));
	ck_assert_str_eq(out, "user@1000.service");
	ck_assert(!unit_name_of_cgroup("/kubepods/burstable/pod1/abc", out, sizeof(out)));
	ck_assert(!unit_name_of_cgroup("/", out, sizeof(out)));
	ck_assert(unit_name_in_cgroup("system.slice", "/system.slice/foo.service"));
	ck_assert(!unit_name_in_cgroup("foo.service", "/system.slice/foo.service2"));
	ck_assert(!unit_name_in_cgroup("o.service", "/system.slice/foo.service"));
	ck_assert_int_eq(unit_name_depth_in_cgroup("system.slice", "/system.slice/foo.service"), 0);
	ck_assert_int_eq(unit_name_depth_in_cgroup("foo.service", "/system.slice/foo.service"), 1);
	ck_assert_int_eq(unit_name_depth_in_cgroup("app.slice", "/user.slice/user-1.slice/user@1.service/app.slice"), 3);
	ck_assert_int_eq(unit_name_depth_in_cgroup("x.service", "/system.slice/foo.service"), -1);
	ck_assert_int_eq(unit_name_depth_in_cgroup(NULL, "/system.slice"), -1);

	struct { const char *unit, *manager, *parent; } p[] = {
		{"user-1021.slice", "", "user.slice"},
		{"user.slice", "", "-.slice"},
		{"-.slice", "", NULL},
		{"system-postgresql.slice", "", "system.slice"},
		{"user@1021.service", "", "user-1021.slice"},
		{"postgresql@15-main.service", "", "system-postgresql.slice"},
		{"systemd-fsck@dev-sda1.service", "", "system-systemd\\x2dfsck.slice"},
		{"session-2.scope", "", "user-*.slice"},
		{"varnish.service", "", "system.slice"},
		{"app.slice", "user@1000.service", "user@1000.service"},
		{"app-gnome.slice", "user@1000.service", "app.slice"},
		{"app-kitty-47f7.scope", "user@1000.service", "app.slice"},
	};
	for (size_t i = 0; i < sizeof(p) / sizeof(p[0]); i++) {
		bool ok = unit_name_parent(p[i].unit, p[i].manager, out, sizeof(out));
		ck_assert_msg(ok == (p[i].parent != NULL), "%s", p[i].unit);
		if (ok)
			ck_assert_str_eq(out, p[i].parent);
	}
	ck_assert(unit_name_match("user-*.slice", "user-1000.slice"));
	ck_assert(!unit_name_match("user-*.slice", "user.slice"));
	ck_assert(unit_name_valid("user@1021.service", 17));
	ck_assert(!unit_name_valid("Out of memory", 13));
	ck_assert(!unit_name_valid("foo.bar", 7));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("killers");
	TCase *tc = tcase_create("killers");
	tcase_add_loop_test(tc, earlyoom_every_version, 0, (int)(sizeof(eo_cases) / sizeof(eo_cases[0])));
	tcase_add_test(tc, earlyoom_after_the_kill);
	tcase_add_loop_test(tc, oomd_every_version, 0, (int)(sizeof(oomd_cases) / sizeof(oomd_cases[0])));
	tcase_add_test(tc, nohang_every_version);
	tcase_add_test(tc, unit_messages);
	tcase_add_test(tc, unit_names);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
