/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests of the counting rules (core/klog/oom_merge.c through oom_journal.c) on entries
 * built by hand: what is one kill, what is the same kill, what is no kill — the cases the
 * sample journals do not show (a unit message logged just before the kernel's line, a
 * result 13 s later, a user manager and PID 1 reporting one kill, a service in a slice its
 * name does not tell, earlyoom's dry run and escalation, following live). */
#include "config.h"

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/klog/oom_journal.h"
#include "tests/lib/fxjournal.h"
#include "tests/unit/ck_run.h"

#define BOOT "_BOOT_ID=11111111111111111111111111111111"
#define T0 1700000000.0

struct collect {
	struct oom_event ev[32];
	size_t n;
	size_t amends;
	char amend_unit[64];
	uint64_t amend_id;
};

static void collect_event(void *ctx, struct oom_event *ev)
{
	struct collect *c = ctx;
	ck_assert_uint_lt(c->n, 32);
	c->ev[c->n++] = *ev;
}

static void collect_amend(void *ctx, uint64_t id, const char *unit, const struct oom_event_msg *msg)
{
	struct collect *c = ctx;
	c->amends++;
	c->amend_id = id;
	if (unit)
		snprintf(c->amend_unit, sizeof(c->amend_unit), "%s", unit);
	ck_assert_ptr_nonnull(msg);
}

static struct oom_journal *start(struct collect *c, double hold_s)
{
	memset(c, 0, sizeof(*c));
	struct oom_merge_sink sink = {.event = collect_event, .amend = collect_amend, .ctx = c};
	struct oom_journal *j = oom_journal_new(&sink, "11111111111111111111111111111111", hold_s);
	ck_assert_ptr_nonnull(j);
	return j;
}

static void finish(struct oom_journal *j) { oom_journal_flush(j); oom_journal_free(j); }

static void collect_free(struct collect *c)
{
	for (size_t i = 0; i < c->n; i++)
		oom_event_free(&c->ev[i]);
}

/* One entry at T0 + dt seconds; the rest of the fields as "NAME=value" strings. */
static void put_fields(struct oom_journal *j, double dt, ...)
{
	char rt[64];
	snprintf(rt, sizeof(rt), "__REALTIME_TIMESTAMP=%.0f", (T0 + dt) * 1e6);
	const char *fields[16] = {rt};
	size_t n = 1;
	bool boot = false;
	va_list ap;
	va_start(ap, dt);
	for (const char *f; n < 14 && (f = va_arg(ap, const char *)) != NULL;) {
		fields[n++] = f;
		boot = boot || strncmp(f, "_BOOT_ID=", 9) == 0;
	}
	va_end(ap);
	if (!boot) /* this boot unless the entry says otherwise */
		fields[n++] = BOOT;
	fields[n] = NULL;
	struct journal_entry e;
	fxjournal_entry(&e, fields);
	oom_journal_feed(j, &e);
}
#define put(j, dt, ...) put_fields(j, dt, __VA_ARGS__, (const char *)NULL)

#define KERNEL "_TRANSPORT=kernel", "SYSLOG_FACILITY=0"
#define PID1 "_TRANSPORT=journal", "SYSLOG_IDENTIFIER=systemd", "_PID=1"
#define USERMGR "_TRANSPORT=journal", "SYSLOG_IDENTIFIER=systemd", "_PID=1348"
#define EARLYOOM "_TRANSPORT=stdout", "SYSLOG_IDENTIFIER=earlyoom", "_PID=700"

static void kernel_kill(struct oom_journal *j, double dt, int pid, const char *memcg)
{
	char summary[512], kill[512];
	snprintf(summary, sizeof(summary),
		 "MESSAGE=oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,"
		 "oom_memcg=%s,task_memcg=%s,task=leaker,pid=%d,uid=0", memcg, memcg, pid);
	snprintf(kill, sizeof(kill),
		 "MESSAGE=Memory cgroup out of memory: Killed process %d (leaker) total-vm:1000kB, "
		 "anon-rss:900kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0", pid);
	put(j, dt - 0.001, KERNEL, summary);
	put(j, dt, KERNEL, kill);
}

START_TEST(unit_message_just_before_the_kernel_line_is_that_kill)
{
	struct collect c;
	struct oom_journal *j = start(&c, 600);
	put(j, -0.010, PID1, "UNIT=leak.service",
	    "MESSAGE=leak.service: A process of this unit has been killed by the OOM killer.");
	put(j, -0.009, PID1, "UNIT=system.slice",
	    "MESSAGE=system.slice: A process of this unit has been killed by the OOM killer.");
	kernel_kill(j, 0, 4242, "/system.slice/leak.service");
	put(j, 13, PID1, "UNIT=leak.service", "MESSAGE=leak.service: Failed with result 'oom-kill'.");
	put(j, 13.1, PID1, "UNIT=leak.service", "MESSAGE=leak.service: Consumed 1min CPU time.");
	finish(j);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_int_eq(c.ev[0].source, OOM_EVENT_SOURCE_KERNEL);
	ck_assert_int_eq(c.ev[0].victim_pid, 4242);
	ck_assert_str_eq(c.ev[0].unit, "leak.service");
	ck_assert_str_eq(c.ev[0].reason, "memcg");
	ck_assert_uint_eq(c.ev[0].nunit_msgs, 4);
	ck_assert(!c.ev[0].earlier_boot);
	collect_free(&c);
}
END_TEST

START_TEST(kernel_kill_without_cgroup_takes_the_unit_of_its_message)
{
	struct collect c;
	struct oom_journal *j = start(&c, 600);
	put(j, 0, KERNEL, "MESSAGE=Out of memory: Kill process 300 (java) score 900 or sacrifice child");
	put(j, 0.001, KERNEL, "MESSAGE=Killed process 300 (java) total-vm:1000kB, anon-rss:900kB, file-rss:0kB");
	put(j, 1, PID1, "UNIT=app.service", "MESSAGE=app.service: A process of this unit has been killed by the OOM killer.");
	put(j, 1.1, PID1, "UNIT=system.slice", "MESSAGE=system.slice: A process of this unit has been killed by the OOM killer.");
	finish(j);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_str_eq(c.ev[0].unit, "app.service");
	ck_assert_ptr_null(c.ev[0].cgroup);
	ck_assert_str_eq(c.ev[0].reason, "global");
	collect_free(&c);
}
END_TEST

/* RHEL 7 (3.10: no task_memcg, systemd 219): the unit comes from its main process's exit */
START_TEST(exit_by_the_killers_signal_names_a_kill_without_unit)
{
	struct collect c;
	struct oom_journal *j = start(&c, 600);
	put(j, 0, KERNEL, "MESSAGE=Out of memory: Kill process 300 (mysqld) score 900 or sacrifice child");
	put(j, 0.001, KERNEL, "MESSAGE=Killed process 300 (mysqld) total-vm:1000kB, anon-rss:900kB, file-rss:0kB");
	put(j, 0.5, PID1, "MESSAGE=mysqld.service: main process exited, code=killed, status=9/KILL");
	put(j, 0.6, PID1, "MESSAGE=Unit mysqld.service entered failed state.");
	/* earlyoom's SIGTERM, the service's exit a moment later */
	put(j, 100, EARLYOOM, "MESSAGE=sending SIGTERM to process 77 uid 0 \"java\": badness 900, VmRSS 9 MiB");
	put(j, 101, PID1, "UNIT=app.service", "MESSAGE=app.service: Main process exited, code=killed, status=15/TERM");
	/* a kernel kill is SIGKILL: a SIGTERM exit is someone else's */
	put(j, 200, KERNEL, "MESSAGE=Out of memory: Killed process 400 (x) total-vm:1kB, anon-rss:1kB, file-rss:0kB, shmem-rss:0kB");
	put(j, 200.5, PID1, "UNIT=y.service", "MESSAGE=y.service: Main process exited, code=killed, status=15/TERM");
	/* too late to be this kill's */
	put(j, 300, KERNEL, "MESSAGE=Out of memory: Killed process 500 (z) total-vm:1kB, anon-rss:1kB, file-rss:0kB, shmem-rss:0kB");
	put(j, 320, PID1, "UNIT=z.service", "MESSAGE=z.service: Main process exited, code=killed, status=9/KILL");
	/* alone: no kill */
	put(j, 900, PID1, "UNIT=w.service", "MESSAGE=w.service: Main process exited, code=killed, status=9/KILL");
	/* a "Kill process" line whose "Killed process" line the journal lost is no kill */
	put(j, 950, KERNEL, "MESSAGE=Out of memory: Kill process 450 (lost) score 900 or sacrifice child");
	finish(j);
	ck_assert_uint_eq(c.n, 4);
	ck_assert_str_eq(c.ev[0].unit, "mysqld.service");
	ck_assert_str_eq(c.ev[1].unit, "app.service");
	ck_assert_int_eq(c.ev[1].source, OOM_EVENT_SOURCE_EARLYOOM);
	ck_assert_ptr_null(c.ev[2].unit);
	ck_assert_ptr_null(c.ev[3].unit);
	collect_free(&c);
}
END_TEST

struct moment_case {
	const char *units[6];     /* "u:" a user manager's unit, else PID 1's */
	const char *rows[3];      /* innermost units, in time order */
};

static const struct moment_case moments[] = {
	/* a service and its slice */
	{{"system.slice", "foo.service"}, {"foo.service"}},
	/* p6: two kills at one moment, ancestors reported in between */
	{{"user-1021.slice", "system-postgresql.slice", "user@1021.service", "user.slice", "system.slice"},
	 {"user@1021.service", "system-postgresql.slice"}},
	/* a template instance in its system-<template>.slice */
	{{"system-postgresql.slice", "postgresql@15-main.service", "system.slice"}, {"postgresql@15-main.service"}},
	/* a service in a slice its name does not tell (Slice=batch.slice) */
	{{"batch.slice", "nightly.service"}, {"nightly.service"}},
	/* a login session */
	{{"user.slice", "user-1000.slice", "session-3.scope"}, {"session-3.scope"}},
	/* a user manager's app and PID 1's view of the same kill */
	{{"u:app-kitty-1.scope", "u:app.slice", "user@1000.service", "user-1000.slice", "user.slice"},
	 {"app-kitty-1.scope"}},
	/* two services of system.slice */
	{{"a.service", "b.service", "system.slice"}, {"a.service", "b.service"}},
	/* one service killed twice in a row: a moment names a unit once */
	{{"a.service", "system.slice", "a.service", "system.slice"}, {"a.service", "a.service"}},
};

START_TEST(one_row_per_innermost_unit_of_a_moment)
{
	const struct moment_case *mc = &moments[_i];
	struct collect c;
	struct oom_journal *j = start(&c, 600);
	for (size_t i = 0; i < 6 && mc->units[i]; i++) {
		bool user = strncmp(mc->units[i], "u:", 2) == 0;
		const char *u = user ? mc->units[i] + 2 : mc->units[i];
		char unit[128], msg[256];
		snprintf(unit, sizeof(unit), "%s=%s", user ? "USER_UNIT" : "UNIT", u);
		snprintf(msg, sizeof(msg), "MESSAGE=%s: A process of this unit has been killed by the OOM killer.", u);
		if (user)
			put(j, 0.0001 * (double)i, USERMGR, "_SYSTEMD_UNIT=user@1000.service", unit, msg);
		else
			put(j, 0.0001 * (double)i, PID1, unit, msg);
	}
	finish(j);
	size_t want = 0;
	while (want < 3 && mc->rows[want])
		want++;
	ck_assert_uint_eq(c.n, want);
	for (size_t i = 0; i < want; i++) {
		ck_assert_str_eq(c.ev[i].unit, mc->rows[i]);
		ck_assert_str_eq(c.ev[i].reason, "unknown (unit message only)");
		ck_assert_int_eq(c.ev[i].source, OOM_EVENT_SOURCE_KERNEL);
		ck_assert_int_eq(c.ev[i].victim_pid, 0);
	}
	/* the row's time is its first message's */
	ck_assert_double_eq_tol(c.ev[0].time_unix_s, T0, 1e-6);
	collect_free(&c);
}
END_TEST

START_TEST(kills_of_one_unit_at_different_moments_are_different_kills)
{
	struct collect c;
	struct oom_journal *j = start(&c, 600);
	put(j, 0, PID1, "UNIT=leak.service", "MESSAGE=leak.service: A process of this unit has been killed by the OOM killer.");
	put(j, 2, PID1, "UNIT=leak.service", "MESSAGE=leak.service: Failed with result 'oom-kill'.");
	put(j, 600, PID1, "UNIT=leak.service", "MESSAGE=leak.service: A process of this unit has been killed by the OOM killer.");
	put(j, 900, PID1, "UNIT=other.service", "MESSAGE=other.service: Failed with result 'oom-kill'.");
	finish(j);
	ck_assert_uint_eq(c.n, 3);
	ck_assert_str_eq(c.ev[0].unit, "leak.service");
	ck_assert_uint_eq(c.ev[0].nunit_msgs, 2);
	ck_assert_str_eq(c.ev[1].unit, "leak.service");
	ck_assert_str_eq(c.ev[2].unit, "other.service"); /* a result alone is the row */
	collect_free(&c);
}
END_TEST

START_TEST(oomd_unit_message_alone_is_an_oomd_row)
{
	struct collect c;
	struct oom_journal *j = start(&c, 600);
	put(j, 0, USERMGR, "_SYSTEMD_UNIT=user@1000.service", "USER_UNIT=app-x.scope",
	    "MESSAGE=app-x.scope: systemd-oomd killed 12 process(es) in this unit.");
	put(j, 0.5, USERMGR, "_SYSTEMD_UNIT=user@1000.service", "USER_UNIT=app-x.scope",
	    "MESSAGE=app-x.scope: Failed with result 'oom-kill'.");
	finish(j);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_int_eq(c.ev[0].source, OOM_EVENT_SOURCE_SYSTEMD_OOMD);
	ck_assert_str_eq(c.ev[0].unit, "app-x.scope");
	collect_free(&c);
}
END_TEST

/* systemd-oomd killed a slice: its unit is the slice the manager names, not the
 * user@.service above it that the path alone would give */
START_TEST(a_unit_deeper_in_the_cgroup_than_its_innermost_service_names_the_kill)
{
	struct collect c;
	struct oom_journal *j = start(&c, 600);
	put(j, 0, "_TRANSPORT=journal", "SYSLOG_IDENTIFIER=systemd-oomd", "_PID=840",
	    "MESSAGE=Killed /user.slice/user-1001.slice/user@1001.service/app.slice/app-gnome-x.slice due to "
	    "memory pressure for /user.slice/user-1001.slice/user@1001.service being 51.07% > 50.00% for > 20s "
	    "with reclaim activity");
	put(j, 0.1, USERMGR, "_SYSTEMD_UNIT=user@1001.service", "USER_UNIT=app-gnome-x.slice",
	    "MESSAGE=app-gnome-x.slice: systemd-oomd killed 4 process(es) in this unit.");
	put(j, 0.2, PID1, "UNIT=user@1001.service", "MESSAGE=user@1001.service: Consumed 1min CPU time.");
	finish(j);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_int_eq(c.ev[0].source, OOM_EVENT_SOURCE_SYSTEMD_OOMD);
	ck_assert_str_eq(c.ev[0].unit, "app-gnome-x.slice");
	ck_assert_str_eq(c.ev[0].reason, "memory pressure 51.07% > 50.00% for 20s");
	collect_free(&c);
}
END_TEST

START_TEST(earlyoom_dry_run_and_escalation)
{
	struct collect c;
	struct oom_journal *j = start(&c, 600);
	put(j, 0, EARLYOOM, "MESSAGE=low memory! at or below SIGTERM limits: mem 10.00%, swap 10.00%");
	put(j, 0.1, EARLYOOM, "MESSAGE=sending SIGTERM to process 77 uid 0 \"hog\": badness 900, VmRSS 9 MiB");
	put(j, 0.2, EARLYOOM, "MESSAGE=dryrun, not actually sending any signal");
	put(j, 10, EARLYOOM, "MESSAGE=sending SIGTERM to process 78 uid 0 \"hog\": badness 900, VmRSS 9 MiB");
	put(j, 11, EARLYOOM, "MESSAGE=escalating to SIGKILL after 1.0 seconds");
	put(j, 11.5, EARLYOOM, "MESSAGE=process 78 exited after 1.500 seconds");
	finish(j);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_int_eq(c.ev[0].victim_pid, 78);
	ck_assert_int_eq(c.ev[0].source, OOM_EVENT_SOURCE_EARLYOOM);
	ck_assert_str_eq(c.ev[0].reason, "mem 10.00%, swap 10.00% (SIGTERM), escalated to SIGKILL");
	ck_assert_double_eq_tol(c.ev[0].time_unix_s, T0 + 10, 1e-6);
	ck_assert_uint_ge(c.ev[0].nraw_lines, 3); /* its lines around the kill */
	collect_free(&c);
}
END_TEST

START_TEST(no_kill_in_sigkill_from_anyone_or_quotes)
{
	struct collect c;
	struct oom_journal *j = start(&c, 600);
	put(j, 0, PID1, "UNIT=x.service", "MESSAGE=x.service: Main process exited, code=killed, status=9/KILL");
	put(j, 0.1, PID1, "UNIT=x.service", "MESSAGE=x.service: Failed with result 'signal'.");
	/* a program writing to /dev/kmsg (facility 1), and a program quoting the kernel */
	put(j, 1, "_TRANSPORT=kernel", "SYSLOG_FACILITY=1",
	    "MESSAGE=Out of memory: Killed process 5 (x) total-vm:1kB, anon-rss:1kB, file-rss:0kB");
	put(j, 2, "_TRANSPORT=stdout", "SYSLOG_IDENTIFIER=node-problem-detector",
	    "MESSAGE=Memory cgroup out of memory: Killed process 5 (x) total-vm:1kB, anon-rss:1kB");
	put(j, 3, "_TRANSPORT=stdout", "SYSLOG_IDENTIFIER=java", "MESSAGE=java.lang.OutOfMemoryError: Java heap space");
	finish(j);
	ck_assert_uint_eq(c.n, 0);
}
END_TEST

START_TEST(live_rows_go_out_at_once_and_later_messages_amend_them)
{
	struct collect c;
	struct oom_journal *j = start(&c, 0.5);
	kernel_kill(j, 0, 4242, "/system.slice/leak.service");
	ck_assert_uint_eq(c.n, 0);
	oom_journal_advance(j, T0 + 1); /* a second later, no entries: out */
	ck_assert_uint_eq(c.n, 1);
	ck_assert_uint_eq(c.ev[0].id, 1);
	put(j, 13, PID1, "UNIT=leak.service", "MESSAGE=leak.service: Failed with result 'oom-kill'.");
	ck_assert_uint_eq(c.amends, 1);
	ck_assert_uint_eq(c.amend_id, 1);
	/* an oom_reaper line for it comes later still: no new row */
	put(j, 14, KERNEL, "MESSAGE=oom_reaper: reaped process 4242 (leaker), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB");
	finish(j);
	ck_assert_uint_eq(c.n, 1);
	collect_free(&c);
}
END_TEST

START_TEST(events_of_other_boots_are_marked)
{
	struct collect c;
	struct oom_journal *j = start(&c, 600);
	put(j, 0, "_BOOT_ID=22222222222222222222222222222222", PID1, "UNIT=x.service",
	    "MESSAGE=x.service: A process of this unit has been killed by the OOM killer.");
	kernel_kill(j, 10, 9, "/system.slice/y.service");
	finish(j);
	ck_assert_uint_eq(c.n, 2);
	ck_assert_str_eq(c.ev[0].boot_id, "22222222222222222222222222222222");
	ck_assert(c.ev[0].earlier_boot);
	ck_assert_str_eq(c.ev[1].boot_id, "11111111111111111111111111111111");
	ck_assert(!c.ev[1].earlier_boot);
	collect_free(&c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("merge");
	TCase *tc = tcase_create("merge");
	tcase_add_test(tc, unit_message_just_before_the_kernel_line_is_that_kill);
	tcase_add_test(tc, kernel_kill_without_cgroup_takes_the_unit_of_its_message);
	tcase_add_test(tc, exit_by_the_killers_signal_names_a_kill_without_unit);
	tcase_add_loop_test(tc, one_row_per_innermost_unit_of_a_moment, 0, (int)(sizeof(moments) / sizeof(moments[0])));
	tcase_add_test(tc, kills_of_one_unit_at_different_moments_are_different_kills);
	tcase_add_test(tc, oomd_unit_message_alone_is_an_oomd_row);
	tcase_add_test(tc, a_unit_deeper_in_the_cgroup_than_its_innermost_service_names_the_kill);
	tcase_add_test(tc, earlyoom_dry_run_and_escalation);
	tcase_add_test(tc, no_kill_in_sigkill_from_anyone_or_quotes);
	tcase_add_test(tc, live_rows_go_out_at_once_and_later_messages_amend_them);
	tcase_add_test(tc, events_of_other_boots_are_marked);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
