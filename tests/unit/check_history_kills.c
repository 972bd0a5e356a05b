/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history's OOM kills (core/history/events.h), on an in-memory SQLite: each stored
 * once, under the boot it happened in (a kill the kernel log showed while recording, and
 * the same kill the journal replays after a reboot, are one), with every killer's fields
 * (systemd-oomd, earlyoom, nohang: source, unit, cgroup, reason, unit messages) read back
 * as they were; kills that name no victim (systemd-oomd kills a whole cgroup) told apart
 * by time and cgroup. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/history/boot.h"
#include "core/history/events.h"
#include "core/history/moment.h"
#include "core/history/store.h"
#include "core/history/writer.h"
#include "core/klog/oom_event.h"
#include "tests/lib/fxhist.h"
#include "tests/lib/fxrec.h"
#include "tests/unit/ck_run.h"

#define T0 1750000000

/* Boots as the kernel names them (boot_id without dashes, as the journal's _BOOT_ID). */
#define BOOT_X "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1"
#define BOOT_Y "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2"
#define BOOT_Z "ccccccccccccccccccccccccccccccc3"
static const struct history_boot boot_a = {"boot-a", T0 - 5000};
static const struct history_boot boot_x = {BOOT_X, T0 - 5000};
static const struct history_boot boot_y = {BOOT_Y, T0 + 100000};

/* One sample at t holding the kills evs[0..n), into w (a batch committed at once). */
static int add_kills(struct history_writer *w, double t, struct oom_event *evs, size_t n)
{
	struct fxrec f;
	fxrec_init(&f, t);
	f.snap.events = evs;
	f.snap.nevents = n;
	int rc = fxhist_add(w, &f.snap);
	fxhist_commit(w);
	return rc;
}

static void kill_event(struct oom_event *ev, pid_t pid, double boot_s, int reaped)
{
	oom_event_init(ev);
	ev->boot_s = boot_s;
	ev->time_unix_s = T0 + boot_s;
	ev->victim_pid = pid;
	ev->victim_comm = "hog";
	ev->constraint = "CONSTRAINT_MEMCG";
	ev->oom_memcg = "/a";
	ev->task_memcg = "/a";
	ev->anon_rss_kb = 524288;
	ev->reaped = reaped;
}

START_TEST(kills_are_stored_once_and_read_back)
{
	struct history_store *st = fxhist_open_memory();
	struct history_writer *w = fxhist_writer(st, &boot_a, 10);
	struct oom_event evs[2];
	kill_event(&evs[0], 4242, 12.5, -1);
	struct oom_event_task task = {
	    .pid = 4242, .uid = 1000, .tgid = 4242, .rss_pages = 131072, .name = "hog"};
	evs[0].tasks = &task;
	evs[0].ntasks = 1;
	char *raw[] = {"hog invoked oom-killer", "Killed process 4242 (hog)"};
	evs[0].raw_lines = raw;
	evs[0].nraw_lines = 2;
	struct fxrec f;
	fxrec_init(&f, T0);
	f.snap.events = evs;
	f.snap.nevents = 1;
	char err[256];
	ck_assert_int_eq(history_writer_add(w, &f.snap, err, sizeof(err)), HISTORY_WRITER_KILL);
	/* the same kill again, now reaped: updated, not a new kill */
	evs[0].reaped = 1;
	fxrec_init(&f, T0 + 10);
	f.snap.events = evs;
	f.snap.nevents = 1;
	ck_assert_int_eq(history_writer_add(w, &f.snap, err, sizeof(err)), 0);
	/* the counter moves without a log line (the log unreadable): still a kill */
	fxrec_init(&f, T0 + 20);
	f.snap.sys.oom_kills = 1;
	ck_assert_int_eq(history_writer_add(w, &f.snap, err, sizeof(err)), HISTORY_WRITER_KILL);
	ck_assert_int_eq(history_writer_commit(w, err, sizeof(err)), 0);
	history_writer_free(w);
	/* a new recorder sees the kernel replay the same kill: known */
	ck_assert_int_eq(history_events_put(st, 1, &evs[0]), 0);
	kill_event(&evs[1], 777, 99, 0);
	ck_assert_int_eq(history_events_put(st, 1, &evs[1]), 1);

	struct history_events_kill *got;
	size_t n;
	ck_assert_int_eq(history_events_load(st, "boot-a", NAN, NAN, true, &got, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(got[0].ev.victim_pid, 4242);
	ck_assert_str_eq(got[0].boot_id, "boot-a");
	ck_assert_int_eq(got[0].ev.reaped, 1);
	ck_assert_str_eq(got[0].ev.constraint, "CONSTRAINT_MEMCG");
	ck_assert_int_eq(got[0].ev.anon_rss_kb, 524288);
	ck_assert(!val_known(got[0].ev.total_vm_kb));
	ck_assert_uint_eq(got[0].ev.ntasks, 1);
	ck_assert_int_eq(got[0].ev.tasks[0].rss_pages, 131072);
	ck_assert_str_eq(got[0].ev.tasks[0].name, "hog");
	ck_assert_uint_eq(got[0].ev.nraw_lines, 2);
	ck_assert_str_eq(got[0].ev.raw_lines[1], "Killed process 4242 (hog)");
	ck_assert_int_eq(got[1].ev.victim_pid, 777);
	history_events_free(got, n);
	ck_assert_int_eq(history_events_load(st, "boot-a", T0 + 50, NAN, false, &got, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(got[0].ev.victim_pid, 777);
	ck_assert_uint_eq(got[0].ev.ntasks, 0);
	history_events_free(got, n);
	history_store_close(st);
}
END_TEST

/* A journal's kill (source, boot, time as journald logged it). */
static void journal_kill(struct oom_event *ev, enum oom_event_source src, const char *boot,
                         double t, pid_t pid, const char *cgroup, const char *unit)
{
	oom_event_init(ev);
	ev->source = src;
	snprintf(ev->boot_id, sizeof(ev->boot_id), "%s", boot);
	ev->earlier_boot = true;
	ev->time_unix_s = t;
	ev->boot_s = t - (T0 - 86400);
	ev->victim_pid = pid;
	ev->cgroup = (char *)cgroup;
	ev->unit = (char *)unit;
}

START_TEST(an_earlier_boots_kill_is_stored_under_its_boot_once)
{
	struct history_store *st = fxhist_open_memory();
	/* boot X: the recorder sees a kill in the kernel log (which names no boot) */
	struct history_writer *w = fxhist_writer(st, &boot_x, 10);
	struct oom_event kmsg;
	kill_event(&kmsg, 4242, 12.5, 1);
	ck_assert_int_eq(add_kills(w, T0, &kmsg, 1), HISTORY_WRITER_KILL);
	add_kills(w, T0 + 20, &kmsg, 1);
	history_writer_free(w);

	/* after a reboot (boot Y) the journal replays it, with kills of a boot Z nobody
	 * recorded: earlyoom's, two of systemd-oomd's in one cgroup (no victim pid), one
	 * known only from a unit message (neither pid nor cgroup) */
	struct oom_event j[5];
	journal_kill(&j[0], OOM_EVENT_SOURCE_KERNEL, BOOT_X, T0 + 12.5, 4242, "/a", NULL);
	j[0].boot_s = 12.5;
	j[0].victim_comm = "hog";
	journal_kill(&j[1], OOM_EVENT_SOURCE_EARLYOOM, BOOT_Z, T0 - 90000, 777, NULL, NULL);
	journal_kill(&j[2], OOM_EVENT_SOURCE_SYSTEMD_OOMD, BOOT_Z, T0 - 80000, 0,
	             "/user.slice/app.scope", "app.scope");
	journal_kill(&j[3], OOM_EVENT_SOURCE_SYSTEMD_OOMD, BOOT_Z, T0 - 70000, 0,
	             "/user.slice/app.scope", "app.scope");
	journal_kill(&j[4], OOM_EVENT_SOURCE_KERNEL, BOOT_Z, T0 - 70000 + 0.000175, 0, NULL,
	             "user@1021.service");
	for (int run = 0; run < 2;
	     run++) { /* two recorders of boot Y: the journal replays all at each start */
		w = fxhist_writer(st, &boot_y, 10);
		ck_assert_int_eq(add_kills(w, T0 + 200000 + 100 * run, j, 5),
		                 (run ? 0 : HISTORY_WRITER_KILL));
		add_kills(w, T0 + 200010 + 100 * run, j, 5);
		history_writer_free(w);
	}
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM oom_kill"), 5);
	char buf[128];
	ck_assert_str_eq(fxhist_text(st,
	                             "SELECT b.boot_id FROM oom_kill k JOIN boot b ON b.id = "
	                             "k.boot WHERE k.victim_pid = 4242",
	                             buf, sizeof(buf)),
	                 BOOT_X);
	ck_assert_str_eq(fxhist_text(st,
	                             "SELECT b.boot_id FROM oom_kill k JOIN boot b ON b.id = "
	                             "k.boot WHERE k.victim_pid = 777",
	                             buf, sizeof(buf)),
	                 BOOT_Z);
	/* Z was never recorded: its boot row has no boot time; kills without a victim, none */
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM boot WHERE boot_id = '" BOOT_Z
	                                "' AND btime IS NULL"),
	                 1);
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM oom_kill WHERE victim_pid IS NULL"),
	                 3);
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM oom_kill WHERE victim_pid = 0"), 0);
	/* a moment's last kill is, as live, the newest kernel kill of its own boot */
	struct history_moment m;
	ck_assert_int_eq(history_moment_load(st, T0 + 20, 300, &m), 0);
	ck_assert_double_eq(m.snap.sys.last_oom_kill_unix_s, T0 + 12.5);
	history_moment_free(&m);
	ck_assert_int_eq(history_moment_load(st, T0 + 200010, 300, &m), 0);
	ck_assert(isnan(m.snap.sys.last_oom_kill_unix_s));
	history_moment_free(&m);
	/* no samples of boot Z were made up */
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM sample s JOIN boot b ON b.id = "
	                                "s.boot WHERE b.boot_id = '" BOOT_Z "'"),
	                 0);

	/* read back in boot Y: oldest first, each in its boot, earlier boots said */
	struct history_events_kill *got;
	size_t n;
	ck_assert_int_eq(history_events_load(st, BOOT_Y, NAN, NAN, true, &got, &n), 0);
	ck_assert_uint_eq(n, 5);
	ck_assert_int_eq(got[0].ev.victim_pid, 777);
	ck_assert_int_eq(got[0].ev.source, OOM_EVENT_SOURCE_EARLYOOM);
	ck_assert_int_eq(got[1].ev.source, OOM_EVENT_SOURCE_SYSTEMD_OOMD);
	ck_assert_int_eq(got[1].ev.victim_pid, 0);
	ck_assert_double_eq(got[2].ev.time_unix_s, T0 - 70000);
	ck_assert_str_eq(got[3].ev.unit, "user@1021.service");
	ck_assert_ptr_null(got[3].ev.cgroup);
	ck_assert_int_eq(got[4].ev.victim_pid, 4242);
	ck_assert_str_eq(got[4].boot_id, BOOT_X);
	ck_assert_str_eq(got[4].ev.boot_id, BOOT_X);
	ck_assert_int_eq(got[4].ev.reaped, 1); /* what the kernel log said, kept */
	for (size_t i = 0; i < n; i++)
		ck_assert(got[i].ev.earlier_boot);
	ck_assert_str_eq(got[1].ev.boot_id, BOOT_Z);
	/* the journal's copy of each is the recorded one */
	for (size_t i = 0; i < n; i++) {
		size_t same = 0;
		for (int k = 0; k < 5; k++)
			same += strcmp(j[k].boot_id, got[i].boot_id) == 0 &&
			        history_events_same_kill(&j[k], &got[i].ev);
		ck_assert_msg(same == 1, "recorded kill %zu is %zu of the journal's", i, same);
	}
	history_events_free(got, n);
	/* read in boot X, its kill is no earlier boot's */
	ck_assert_int_eq(history_events_load(st, BOOT_X, NAN, NAN, false, &got, &n), 0);
	ck_assert(!got[4].ev.earlier_boot);
	ck_assert(got[0].ev.earlier_boot);
	history_events_free(got, n);
	history_store_close(st);
}
END_TEST

START_TEST(a_user_space_kill_reads_back_with_its_killer_and_unit)
{
	struct history_store *st = fxhist_open_memory();
	struct history_writer *w = fxhist_writer(st, &boot_y, 10);
	struct oom_event evs[2];
	/* earlyoom (a journal of this boot), before systemd named the unit */
	journal_kill(&evs[0], OOM_EVENT_SOURCE_EARLYOOM, BOOT_Y, T0 + 100, 29410, NULL, NULL);
	evs[0].earlier_boot = false;
	evs[0].victim_comm = "cluster";
	evs[0].victim_uid = 1000;
	evs[0].reason = "mem 10.00%, swap 10.00% (SIGTERM)";
	char *raw[] = {
	    "low memory! at or below SIGTERM limits: mem 10.00%, swap 10.00%",
	    "sending SIGTERM to process 29410 uid 1000 \"cluster\": badness 1038, VmRSS 12 MiB"};
	evs[0].raw_lines = raw;
	evs[0].nraw_lines = 2;
	/* the kernel's, with its page size and a task table cut short */
	kill_event(&evs[1], 4242, 130.25, -1);
	snprintf(evs[1].boot_id, sizeof(evs[1].boot_id), "%s", BOOT_Y);
	evs[1].page_bytes = 16384;
	evs[1].tasks_omitted = 3;
	add_kills(w, T0 + 200, evs, 2);
	/* then systemd's unit messages name its unit */
	struct oom_event_msg msgs[] = {
	    {T0 + 100.5, "cluster.service: Main process exited, code=killed, status=15/TERM"},
	    {T0 + 100.6, "cluster.service: Failed with result 'signal'."}};
	evs[0].unit = "cluster.service";
	evs[0].unit_msgs = msgs;
	evs[0].nunit_msgs = 1;
	add_kills(w, T0 + 210, evs, 2);
	evs[0].nunit_msgs = 2;
	add_kills(w, T0 + 220, evs, 2);
	evs[0].unit_msgs = NULL; /* the log dropped the details of an older kill: nothing lost */
	evs[0].nunit_msgs = 0;
	add_kills(w, T0 + 230, evs, 2);
	history_writer_free(w);
	ck_assert_int_eq(fxhist_int(st, "SELECT count(*) FROM oom_kill"), 2);
	char buf[128];
	ck_assert_str_eq(fxhist_text(st, "SELECT source FROM oom_kill WHERE victim_pid = 29410",
	                             buf, sizeof(buf)),
	                 "earlyoom");
	ck_assert_str_eq(fxhist_text(st, "SELECT source FROM oom_kill WHERE victim_pid = 4242", buf,
	                             sizeof(buf)),
	                 "kernel");

	struct history_events_kill *got;
	size_t n;
	ck_assert_int_eq(history_events_load(st, BOOT_Y, NAN, NAN, true, &got, &n), 0);
	ck_assert_uint_eq(n, 2);
	const struct oom_event *e = &got[0].ev;
	ck_assert_int_eq(e->source, OOM_EVENT_SOURCE_EARLYOOM);
	ck_assert_int_eq(e->victim_pid, 29410);
	ck_assert_str_eq(e->victim_comm, "cluster");
	ck_assert_str_eq(e->unit, "cluster.service");
	ck_assert_str_eq(e->reason, "mem 10.00%, swap 10.00% (SIGTERM)");
	ck_assert_ptr_null(e->cgroup);
	ck_assert(!e->earlier_boot);
	ck_assert_uint_eq(e->nraw_lines, 2);
	ck_assert_uint_eq(e->nunit_msgs, 2);
	ck_assert_str_eq(e->unit_msgs[1].text, "cluster.service: Failed with result 'signal'.");
	ck_assert_double_eq(e->unit_msgs[0].time_unix_s, T0 + 100.5);
	ck_assert(!val_known(e->page_bytes));
	const struct oom_event *k = &got[1].ev;
	ck_assert_int_eq(k->source, OOM_EVENT_SOURCE_KERNEL);
	ck_assert_int_eq(k->page_bytes, 16384);
	ck_assert_int_eq(k->tasks_omitted, 3);
	ck_assert_str_eq(k->constraint, "CONSTRAINT_MEMCG");
	history_events_free(got, n);
	history_store_close(st);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("history_kills");
	TCase *tc = tcase_create("history_kills");
	tcase_add_test(tc, kills_are_stored_once_and_read_back);
	tcase_add_test(tc, an_earlier_boots_kill_is_stored_under_its_boot_once);
	tcase_add_test(tc, a_user_space_kill_reads_back_with_its_killer_and_unit);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
