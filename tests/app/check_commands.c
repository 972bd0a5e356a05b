/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for the commands of app/: --set-adj (its strict argument parser, and its
 * exit codes and words against a fixture /proc), --events on a saved kernel log (with a
 * recording's kills among them), -b --at on a recording made here, and the recording the
 * screen steps through (--at on the screen). */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/cmd_at.h"
#include "app/cmd_events.h"
#include "app/cmd_setadj.h"
#include "app/timetravel.h"
#include "core/history/boot.h"
#include "core/history/events.h"
#include "core/history/store.h"
#include "core/history/writer.h"
#include "core/klog/journal_source.h"
#include "core/klog/oom_source.h"
#include "tests/lib/fxhist.h"
#include "tests/lib/fxrec.h"
#include "tests/lib/fxtree.h"
#include "tests/unit/ck_run.h"

#define KMSG_DIR FIXTURES "/kmsg"

/* ---- --set-adj ---- */

START_TEST(setadj_parse_is_strict)
{
	char msg[300];
	pid_t pid;
	int v;
	ck_assert_int_eq(cmd_setadj_parse("42:500", &pid, &v, msg, sizeof(msg)), 0);
	ck_assert_int_eq(pid, 42);
	ck_assert_int_eq(v, 500);
	ck_assert_int_eq(cmd_setadj_parse("42:-1000", &pid, &v, msg, sizeof(msg)), 0);
	ck_assert_int_eq(v, -1000);
	ck_assert_int_eq(cmd_setadj_parse("42:+7", &pid, &v, msg, sizeof(msg)), 0);
	ck_assert_int_eq(v, 7);
	const char *bad[] = {"",       "42",    "42:",    ":5",
	                     "x:5",    "42:5x", "42: 5",  " 42:5",
	                     "42:5:6", "-1:5",  "42:--5", "42:99999999999999999999999"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		msg[0] = '\0';
		ck_assert_msg(cmd_setadj_parse(bad[i], &pid, &v, msg, sizeof(msg)) == CMD_SETADJ_EXIT_USAGE,
		              "accepted '%s'", bad[i]);
		ck_assert_ptr_nonnull(strstr(msg, "--set-adj"));
		ck_assert_ptr_null(strchr(msg, '\n'));
	}
	ck_assert_int_eq(cmd_setadj_parse("42:1001", &pid, &v, msg, sizeof(msg)), CMD_SETADJ_EXIT_USAGE);
	ck_assert_str_eq(msg, "oomtop: --set-adj: VALUE must be from -1000 to 1000, got 1001");
	ck_assert_int_eq(cmd_setadj_parse("0:5", &pid, &v, msg, sizeof(msg)), CMD_SETADJ_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(msg, "PID must be"));
	ck_assert_int_eq(cmd_setadj_parse(NULL, &pid, &v, msg, sizeof(msg)), CMD_SETADJ_EXIT_USAGE);
}
END_TEST

static char fx_root[64];

/* the writer's syslog line: not from a test */
static void no_log(void *arg, const char *line)
{
	(void)arg;
	(void)line;
}

static void fx_setup(void)
{
	fxtree_make(fx_root, sizeof(fx_root), "setadj");
	fxtree_write(fx_root, "42/stat",
	             "42 (nas agent) S 1 42 42 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 777 1 1\n");
	fxtree_write(fx_root, "42/status", "Name:\tnas agent\nUid:\t0\t0\t0\t0\n");
	fxtree_write(fx_root, "42/oom_score_adj", "0\n");
	fxtree_write(fx_root, "43/stat",
	             "43 (db) S 1 43 43 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 778 1 1\n");
	fxtree_write(fx_root, "43/status", "Name:\tdb\nUid:\t0\t0\t0\t0\n");
	fxtree_write(fx_root, "43/oom_score_adj", "0\n");
	fxtree_write(fx_root, "1/stat", "1 (systemd) S 0 1 1 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 1 1 1\n");
	fxtree_write(fx_root, "1/status", "Name:\tsystemd\nUid:\t0\t0\t0\t0\n");
	fxtree_write(fx_root, "1/oom_score_adj", "0\n");
	/* a kernel thread: PF_KTHREAD (0x00200000) in the flags, parent kthreadd */
	fxtree_write(fx_root, "77/stat", "77 (kworker/0:1) I 2 0 0 0 -1 69238880 0 0 0 0 0 0 0 0 20 0 1 0 50 0 0\n");
	fxtree_write(fx_root, "77/status", "Name:\tkworker/0:1\nUid:\t0\t0\t0\t0\n");
	fxtree_write(fx_root, "77/oom_score_adj", "0\n");
	fxtree_write(fx_root, "66/stat", "66 (ev\x1b]0;x\x07) S 1 66 66 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 900 1 1\n");
	fxtree_write(fx_root, "66/status", "Name:\tev\nUid:\t0\t0\t0\t0\n");
	fxtree_write(fx_root, "66/oom_score_adj", "0\n");
	fxtree_write(fx_root, "self/status", "CapEff:\t000001fffeffffff\n");
}

static const char *fx_read(const char *rel)
{
	static char buf[64];
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", fx_root, rel);
	FILE *f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* cmd_setadj_run on the fixture with the given arguments; output into *o and *e. */
static int run(unsigned flags, char **o, char **e, const char *a0, const char *a1)
{
	struct oom_adj_env env = {.proc_root = fx_root, .log_line = no_log, .log_arg = NULL};
	size_t olen = 0, elen = 0;
	*o = *e = NULL;
	FILE *out = open_memstream(o, &olen), *err = open_memstream(e, &elen);
	const char *args[2] = {a0, a1};
	int rc = cmd_setadj_run(&env, args, a1 ? 2 : 1, flags, out, err);
	fclose(out);
	fclose(err);
	return rc;
}

static void fx_teardown(void)
{
	fxtree_remove(fx_root);
}

START_TEST(setadj_cmd_exit_codes_on_the_fixture)
{
	char *o, *e;
	ck_assert_int_eq(run(0, &o, &e, "42:2000", NULL), 2);
	ck_assert_ptr_nonnull(strstr(e, "VALUE must be from -1000 to 1000, got 2000\n"));
	free(o), free(e);
	ck_assert_int_eq(run(OOM_ADJ_F_READONLY, &o, &e, "42:600", NULL), 1);
	ck_assert_ptr_nonnull(strstr(e, "read-only mode (--readonly)"));
	free(o), free(e);
	ck_assert_int_eq(run(0, &o, &e, "44:600", NULL), 1);
	ck_assert_ptr_nonnull(strstr(e, "pid 44 is gone"));
	free(o), free(e);
	ck_assert_int_eq(run(0, &o, &e, "42:600", NULL), 0);
	ck_assert_str_eq(o, "oomtop: pid 42 (nas agent): oom_score_adj 0 -> 600\n");
	free(o), free(e);
	ck_assert_int_eq(run(0, &o, &e, "42:600", NULL), 0);
	ck_assert_str_eq(o, "oomtop: pid 42 (nas agent): oom_score_adj is already 600\n");
	free(o), free(e);
}
END_TEST

/* Several pairs: repeated and comma-separated each written in order; one bad pair or a pid
 * given twice writes nothing (exit 2); a refused pair does not stop the others (exit 1). */
START_TEST(setadj_several_pairs)
{
	char *o, *e;
	ck_assert_int_eq(run(0, &o, &e, "42:100", "43:200"), 0);
	ck_assert_str_eq(fx_read("42/oom_score_adj"), "100\n");
	ck_assert_str_eq(fx_read("43/oom_score_adj"), "200\n");
	ck_assert_str_eq(o, "oomtop: pid 42 (nas agent): oom_score_adj 0 -> 100\n"
	                    "oomtop: pid 43 (db): oom_score_adj 0 -> 200\n");
	free(o), free(e);
	ck_assert_int_eq(run(0, &o, &e, "42:300,43:400", NULL), 0);
	ck_assert_str_eq(fx_read("43/oom_score_adj"), "400\n");
	free(o), free(e);
	ck_assert_int_eq(run(0, &o, &e, "42:500,43:x", NULL), 2);
	ck_assert_str_eq(fx_read("42/oom_score_adj"), "300\n"); /* nothing written */
	ck_assert_uint_eq(strlen(o), 0);
	free(o), free(e);
	ck_assert_int_eq(run(0, &o, &e, "42:500", "42:600"), 2);
	ck_assert_ptr_nonnull(strstr(e, "pid 42 is given twice"));
	ck_assert_str_eq(fx_read("42/oom_score_adj"), "300\n");
	free(o), free(e);
	ck_assert_int_eq(run(0, &o, &e, "44:1,43:500", NULL), 1);
	ck_assert_ptr_nonnull(strstr(e, "pid 44 is gone"));
	ck_assert_str_eq(fx_read("43/oom_score_adj"), "500\n"); /* the next one still written */
	free(o), free(e);
	ck_assert_int_eq(run(0, &o, &e, "", NULL), 2);
	free(o), free(e);
}
END_TEST

/* pid 1 and kernel threads: refused, saying why, unless forced; hostile names escaped. */
START_TEST(setadj_special_processes_and_hostile_names)
{
	char *o, *e;
	ck_assert_int_eq(run(0, &o, &e, "1:100", NULL), 1);
	ck_assert_ptr_nonnull(strstr(e, "pid 1 (systemd)"));
	ck_assert_ptr_nonnull(strstr(e, "init: every process it starts later inherits"));
	ck_assert_ptr_nonnull(strstr(e, "--force"));
	ck_assert_str_eq(fx_read("1/oom_score_adj"), "0\n");
	free(o), free(e);
	ck_assert_int_eq(run(0, &o, &e, "77:100", NULL), 1);
	ck_assert_ptr_nonnull(strstr(e, "kernel thread"));
	ck_assert_str_eq(fx_read("77/oom_score_adj"), "0\n");
	free(o), free(e);
	ck_assert_int_eq(run(OOM_ADJ_F_FORCE, &o, &e, "1:100", NULL), 0);
	ck_assert_str_eq(fx_read("1/oom_score_adj"), "100\n");
	free(o), free(e);
	ck_assert_int_eq(run(0, &o, &e, "66:10", NULL), 0);
	ck_assert_ptr_null(strchr(o, '\x1b'));
	ck_assert_ptr_null(strchr(o, '\x07'));
	ck_assert_ptr_nonnull(strstr(o, "pid 66 (ev\\x1b]0;x\\x07)"));
	free(o), free(e);
}
END_TEST

/* ---- --events ---- */

START_TEST(events_cmd_prints_json_lines_and_fails_cleanly)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/k5.15-memcg-v2-1.txt", KMSG_DIR);
	char *obuf = NULL, *ebuf = NULL;
	size_t olen = 0, elen = 0;
	FILE *out = open_memstream(&obuf, &olen), *err = open_memstream(&ebuf, &elen);
	struct events_cmd_config ec = {.kmsg_path = path, .fmt = EVENTS_FORMAT_JSON};
	ck_assert_int_eq(events_cmd_run(&ec, out, err), 0);
	fclose(out);
	fclose(err);
	int lines = 0;
	for (char *p = obuf; (p = strchr(p, '\n')); p++)
		lines++;
	ck_assert_int_eq(lines, 6);
	ck_assert(strncmp(obuf, "{\"schema\": 2, \"boot_time\": 139.201482, ", 39) == 0);
	ck_assert_ptr_nonnull(strstr(obuf, "\"victim_pid\": 7788, \"victim_comm\": \"bash\""));
	ck_assert_uint_eq(elen, 0);
	free(obuf);
	free(ebuf);

	out = open_memstream(&obuf, &olen);
	err = open_memstream(&ebuf, &elen);
	ec = (struct events_cmd_config){.kmsg_path = "/nonexistent/kmsg", .fmt = EVENTS_FORMAT_TEXT};
	ck_assert_int_eq(events_cmd_run(&ec, out, err), 1);
	fclose(out);
	fclose(err);
	ck_assert_uint_eq(olen, 0);
	ck_assert_ptr_nonnull(strstr(ebuf, "oomtop: cannot open /nonexistent/kmsg"));
	free(obuf);
	free(ebuf);
}
END_TEST

static char hist_dir[64], hist_path[128];

static void hist_setup(void)
{
	fxtree_make(hist_dir, sizeof(hist_dir), "cmdhist");
	snprintf(hist_path, sizeof(hist_path), "%s/h.db", hist_dir);
}

static void hist_teardown(void)
{
	fxtree_remove(hist_dir);
}

static void recorded_kill(struct history_store *st, pid_t pid, double boot_s, double t)
{
	struct oom_event ev;
	oom_event_init(&ev);
	ev.boot_s = boot_s;
	ev.time_unix_s = t;
	ev.victim_pid = pid;
	ev.victim_comm = "recorded";
	ck_assert_int_eq(history_events_put(st, 1, &ev), 1);
}

/* the pids of the JSON lines in buf, in order, spaced */
static void pids_of(const char *buf, char *out, size_t n)
{
	out[0] = '\0';
	for (const char *p = buf; (p = strstr(p, "\"victim_pid\": ")); p++)
		snprintf(out + strlen(out), n - strlen(out), "%s%ld", out[0] ? " " : "", strtol(p + 14, NULL, 10));
}

START_TEST(events_cmd_lists_recorded_kills_once_in_order)
{
	/* a recording that holds a kill the log lost, and one the log still has */
	struct history_store *st;
	char msg[512];
	ck_assert_msg(history_store_open(&st, hist_path, HISTORY_STORE_RECORD, msg, sizeof(msg)) == 0, "%s", msg);
	struct history_boot boot = {"boot-x", 1779214000};
	ck_assert_int_eq(history_boot_row(st, &boot, 1), 1);
	recorded_kill(st, 1234, 20.5, 1779214000);
	recorded_kill(st, 7620, 139.209001, 1779214483);
	history_store_close(st);

	char path[512];
	snprintf(path, sizeof(path), "%s/k5.15-memcg-v2-1.txt", KMSG_DIR);
	char *obuf = NULL, *ebuf = NULL;
	size_t olen = 0, elen = 0;
	FILE *out = open_memstream(&obuf, &olen), *err = open_memstream(&ebuf, &elen);
	struct events_cmd_config ec = {.kmsg_path = path, .fmt = EVENTS_FORMAT_JSON, .history_path = hist_path,
				       .history_given = true};
	ck_assert_int_eq(events_cmd_run(&ec, out, err), 0);
	fclose(out);
	fclose(err);
	char pids[256];
	pids_of(obuf, pids, sizeof(pids));
	ck_assert_str_eq(pids, "1234 7788 7620 7656 7657 7712 7788");
	ck_assert_ptr_nonnull(strstr(obuf, "\"victim_pid\": 7620, \"victim_comm\": \"recorded\""));
	ck_assert_uint_eq(elen, 0);
	free(obuf);
	free(ebuf);

	/* --by-unit counts the recorded kills with the log's, each once: 7 kills */
	out = open_memstream(&obuf, &olen);
	err = open_memstream(&ebuf, &elen);
	ec.by_unit = true;
	ec.fmt = EVENTS_FORMAT_TEXT;
	ck_assert_int_eq(events_cmd_run(&ec, out, err), 0);
	fclose(out);
	fclose(err);
	int kills = 0;
	for (const char *p = obuf; (p = strstr(p, " kill")) != NULL; p++) {
		const char *q = p;
		while (q > obuf && q[-1] >= '0' && q[-1] <= '9')
			q--;
		if (q < p)
			kills += atoi(q);
	}
	ck_assert_msg(kills == 7, "by unit: %d kills in\n%s", kills, obuf);
	ck_assert_ptr_nonnull(strstr(obuf, "recorded"));
	free(obuf);
	free(ebuf);
	ec.by_unit = false;
	ec.fmt = EVENTS_FORMAT_JSON;

	/* a history named but not there: exit 1, saying so */
	out = open_memstream(&obuf, &olen);
	err = open_memstream(&ebuf, &elen);
	ec.history_path = "/nonexistent/h.db";
	ck_assert_int_eq(events_cmd_run(&ec, out, err), 1);
	fclose(out);
	fclose(err);
	ck_assert_ptr_nonnull(strstr(ebuf, "/nonexistent/h.db"));
	free(obuf);
	free(ebuf);
}
END_TEST

/* Every kill of the sample journals (tests/fixtures/journal: 8 files, 15 boots, 26 kills
 * of the kernel, systemd-oomd, earlyoom and nohang, all of earlier boots), as the
 * collector's journal reader hands them out. */
struct journal_kills {
	struct oom_event ev[64];
	size_t n;
};

static void jk_event(void *ctx, struct oom_event *ev)
{
	struct journal_kills *k = ctx;
	ck_assert_uint_lt(k->n, 64);
	k->ev[k->n++] = *ev;
}

static void jk_amend(void *ctx, uint64_t id, const char *unit, const struct oom_event_msg *msg)
{
	struct journal_kills *k = ctx;
	for (size_t i = 0; i < k->n; i++)
		if (k->ev[i].id == id) {
			if (unit)
				oom_event_set_str(&k->ev[i].unit, unit);
			if (msg)
				oom_event_add_unit_msg(&k->ev[i], msg->time_unix_s, msg->text);
		}
}

static void read_journal_kills(const char *path, struct journal_kills *k)
{
	struct oom_merge_sink sink = {.event = jk_event, .amend = jk_amend, .ctx = k};
	struct oom_source_config sc = {.journal = true, .journal_path = path};
	struct oom_source *src;
	char msg[512];
	ck_assert_msg(oom_source_open(&src, &sc, &sink, msg, sizeof(msg)) == 0, "%s", msg);
	while (oom_source_read(src, 0) > 0 || !oom_source_at_end(src))
		;
	oom_source_flush(src);
	oom_source_close(src);
}

/* --events as configured, exit status 0: what it printed (caller frees), its lines, and
 * how many bytes it wrote to stderr. */
static char *run_events(const struct events_cmd_config *ec, int *lines, size_t *err_bytes)
{
	char *obuf = NULL, *ebuf = NULL;
	size_t olen = 0, elen = 0;
	FILE *out = open_memstream(&obuf, &olen), *err = open_memstream(&ebuf, &elen);
	ck_assert_int_eq(events_cmd_run(ec, out, err), 0);
	fclose(out);
	fclose(err);
	free(ebuf);
	*err_bytes = elen;
	*lines = 0;
	for (char *p = obuf; (p = strchr(p, '\n')); p++)
		(*lines)++;
	return obuf;
}

START_TEST(events_cmd_lists_recorded_journal_kills_of_every_killer_once)
{
	if (!journal_source_built())
		return; /* no journal reader in this build: tests/e2e/journal_files.sh says so */
	const char *journals = FIXTURES "/journal";
	struct journal_kills k = {.n = 0};
	read_journal_kills(journals, &k);
	ck_assert_uint_eq(k.n, 26);
	/* a recorder running now saw them all in the journal: each is stored under its own boot */
	struct history_store *st;
	char msg[512];
	ck_assert_msg(history_store_open(&st, hist_path, HISTORY_STORE_RECORD, msg, sizeof(msg)) == 0, "%s", msg);
	struct history_boot now = {"0123456789abcdef0123456789abcdef", 1779214000};
	struct history_writer *w = fxhist_writer(st, &now, 10);
	/* every other one: what the recording lacks, the journal still lists (among them the
	 * second of two kills known only from unit messages, 175 µs apart: no pid, no cgroup) */
	struct oom_event half[32];
	size_t nhalf = 0;
	for (size_t i = 0; i < k.n; i += 2)
		half[nhalf++] = k.ev[i];
	struct fxrec f;
	fxrec_init(&f, 1779214100);
	f.snap.events = half;
	f.snap.nevents = nhalf;
	fxhist_add(w, &f.snap);
	fxhist_commit(w);
	history_writer_free(w);
	history_store_close(st);
	for (size_t i = 0; i < k.n; i++)
		oom_event_free(&k.ev[i]);

	/* --events --journal=DIR --history: the journal's 26 and the recorded 13 are 26 */
	struct events_cmd_config ec = {.journal = true, .journal_path = journals, .fmt = EVENTS_FORMAT_JSON,
				       .history_path = hist_path, .history_given = true};
	int lines;
	size_t elen;
	char *obuf = run_events(&ec, &lines, &elen);
	ck_assert_msg(lines == 26, "%d kills listed:\n%.3000s", lines, obuf);
	ck_assert_uint_eq(elen, 0);
	free(obuf);

	/* the recording alone: its 13 */
	ec = (struct events_cmd_config){.kmsg_path = "/nonexistent/kmsg", .fmt = EVENTS_FORMAT_JSON,
					.history_path = hist_path, .history_given = true};
	obuf = run_events(&ec, &lines, &elen); /* saying the log cannot be read */
	ck_assert_int_eq(lines, 13);
	/* with their killer, unit, cgroup, reason and boot */
	ck_assert_ptr_nonnull(strstr(obuf, "\"reaped\": null, \"source\": \"systemd-oomd\", "
					   "\"unit\": \"app-kitty-47f7730eb1474ba3848f1b5d6135a33f.scope\", "
					   "\"boot_id\": \"09a10c067a3a6ec8c8eab92703899e0c\", "
					   "\"cgroup\": \"/user.slice/user-1000.slice/user@1000.service/app.slice/"
					   "app-kitty-47f7730eb1474ba3848f1b5d6135a33f.scope\", "
					   "\"reason\": \"memory pressure 77.97% > 50.00% for 20s\""));
	ck_assert_ptr_nonnull(strstr(obuf, "\"source\": \"earlyoom\", \"unit\": null, "
					   "\"boot_id\": \"63180a60551c397d924311fc8175a70c\", \"cgroup\": null, "
					   "\"reason\": \"mem 10.00%, swap 10.00% (SIGTERM)\""));
	ck_assert_ptr_nonnull(strstr(obuf, "\"source\": \"nohang\""));
	free(obuf);
}
END_TEST

/* A recording at hist_path of n moments, 10 s apart from 1750000000, of a leaker. */
static void record_moments(int n)
{
	struct history_store *st;
	char msg[512];
	ck_assert_msg(history_store_open(&st, hist_path, HISTORY_STORE_RECORD, msg, sizeof(msg)) == 0, "%s", msg);
	struct history_boot boot = {"boot-x", 1700000000};
	struct history_writer *w = history_writer_new(st, &boot, 10, "host", msg, sizeof(msg));
	ck_assert_ptr_nonnull(w);
	for (int i = 0; i < n; i++) {
		struct fxrec f;
		fxrec_init(&f, 1750000000 + 10 * i);
		fxrec_proc(&f, 100, 100, "leaker", NULL, (INT64_C(10) << 20) * (i + 1));
		ck_assert_int_ge(history_writer_add(w, &f.snap, msg, sizeof(msg)), 0);
	}
	ck_assert_int_eq(history_writer_commit(w, msg, sizeof(msg)), 0);
	history_writer_free(w);
	history_store_close(st);
}

START_TEST(at_prints_the_nearest_recorded_moments)
{
	record_moments(3);

	struct run_config rc;
	memset(&rc, 0, sizeof(rc));
	rc.format = OUTPUT_JSON;
	rc.set.window_s = 300;
	rc.set.sort = SORT_PID;
	rc.filter.ghosts = true;
	rc.history_path = hist_path;
	rc.at = "-9s"; /* from now = the last moment + 1: nearest is the middle one */
	char *obuf = NULL, *ebuf = NULL;
	size_t olen = 0, elen = 0;
	FILE *out = open_memstream(&obuf, &olen), *err = open_memstream(&ebuf, &elen);
	ck_assert_int_eq(cmd_at_run(&rc, 1750000021, out, err), 0);
	rc.at = "@1750000000";
	rc.iterations = 5; /* only 3 are recorded */
	ck_assert_int_eq(cmd_at_run(&rc, 0, out, err), 0);
	fclose(out);
	fclose(err);
	ck_assert_uint_eq(elen, 0);
	const char *want[] = {"{\"schema\":1,\"time\":1750000010,", "{\"schema\":1,\"time\":1750000000,",
			      "{\"schema\":1,\"time\":1750000010,",
			      "{\"schema\":1,\"time\":1750000020,"};
	const char *p = obuf;
	for (size_t i = 0; i < 4; i++) {
		ck_assert_msg(strncmp(p, want[i], strlen(want[i])) == 0, "line %zu: %.60s", i, p);
		p = strchr(p, '\n');
		ck_assert_ptr_nonnull(p);
		p++;
	}
	ck_assert_str_eq(p, "");
	ck_assert_ptr_nonnull(strstr(obuf, "\"rss\":20971520,"));
	free(obuf);
	free(ebuf);

	rc.history_path = "/nonexistent/h.db";
	out = open_memstream(&obuf, &olen);
	err = open_memstream(&ebuf, &elen);
	ck_assert_int_eq(cmd_at_run(&rc, 0, out, err), 1);
	fclose(out);
	fclose(err);
	ck_assert_ptr_nonnull(strstr(ebuf, "/nonexistent/h.db"));
	free(obuf);
	free(ebuf);
}
END_TEST

/* The screen's recording (app/timetravel.h): opened, or why not; --at where it opens. */
START_TEST(the_screen_opens_its_recording_or_says_why)
{
	struct run_config rc;
	struct tui_config tc;
	char why[700], *ebuf = NULL;
	size_t elen = 0;
	FILE *err = open_memstream(&ebuf, &elen);
	memset(&rc, 0, sizeof(rc));
	tui_config_defaults(&tc);
	/* none: --no-history, or nothing recorded here */
	ck_assert_int_eq(timetravel_open(&rc, true, 0, &tc, why, sizeof(why), err), 0);
	ck_assert_ptr_null(tc.history);
	ck_assert_ptr_nonnull(strstr(tc.history_why, "--no-history"));
	ck_assert_int_eq(timetravel_open(&rc, false, 0, &tc, why, sizeof(why), err), 0);
	ck_assert_ptr_nonnull(strstr(tc.history_why, "oomtop --record records one"));
	/* what cannot be read: why names it; with --at the screen does not start */
	FILE *f = fopen(hist_path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("notes\n", f);
	fclose(f);
	rc.history_path = hist_path;
	ck_assert_int_eq(timetravel_open(&rc, false, 0, &tc, why, sizeof(why), err), 0);
	ck_assert_ptr_null(tc.history);
	ck_assert_msg(strncmp(tc.history_why, "history: ", 9) == 0, "%s", tc.history_why);
	ck_assert_ptr_nonnull(strstr(tc.history_why, hist_path));
	rc.at = "-1h";
	ck_assert_int_eq(timetravel_open(&rc, false, 1750000100, &tc, why, sizeof(why), err), 1);
	fflush(err);
	ck_assert_ptr_nonnull(strstr(ebuf, hist_path));
	unlink(hist_path);
	/* a recording without a moment: --at has nothing to show */
	record_moments(0);
	ck_assert_int_eq(timetravel_open(&rc, false, 1750000100, &tc, why, sizeof(why), err), 1);
	fflush(err);
	ck_assert_ptr_nonnull(strstr(ebuf, "holds no recorded moment"));
	ck_assert_ptr_null(tc.history);
	/* a recording: open, and --at's time for the screen to find its nearest moment */
	record_moments(3);
	rc.at = "-88s";
	ck_assert_int_eq(timetravel_open(&rc, false, 1750000100, &tc, why, sizeof(why), err), 0);
	ck_assert_ptr_nonnull(tc.history);
	ck_assert_double_eq(tc.at_unix_s, 1750000012);
	timetravel_close(&tc);
	ck_assert_ptr_null(tc.history);
	rc.at = NULL;
	ck_assert_int_eq(timetravel_open(&rc, false, 1750000100, &tc, why, sizeof(why), err), 0);
	ck_assert_ptr_nonnull(tc.history);
	ck_assert(isnan(tc.at_unix_s));
	timetravel_close(&tc);
	fclose(err);
	free(ebuf);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("commands");
	TCase *tp = tcase_create("pure");
	tcase_add_test(tp, setadj_parse_is_strict);
	tcase_add_test(tp, events_cmd_prints_json_lines_and_fails_cleanly);
	suite_add_tcase(s, tp);
	TCase *tf = tcase_create("fixture");
	tcase_add_checked_fixture(tf, fx_setup, fx_teardown);
	tcase_add_test(tf, setadj_cmd_exit_codes_on_the_fixture);
	tcase_add_test(tf, setadj_several_pairs);
	tcase_add_test(tf, setadj_special_processes_and_hostile_names);
	suite_add_tcase(s, tf);
	TCase *th = tcase_create("history");
	tcase_add_checked_fixture(th, hist_setup, hist_teardown);
	tcase_add_test(th, events_cmd_lists_recorded_kills_once_in_order);
	tcase_add_test(th, events_cmd_lists_recorded_journal_kills_of_every_killer_once);
	tcase_add_test(th, at_prints_the_nearest_recorded_moments);
	tcase_add_test(th, the_screen_opens_its_recording_or_says_why);
	suite_add_tcase(s, th);
	return ck_run(s);
}
