/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for core/control/oom_adj.c: the pure decisions and words, the
 * write path against a fixture /proc tree, and a few writes to real child processes. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/control/oom_adj.h"
#include "core/proc/status.h"
#include "core/base/util.h"
#include "tests/lib/fxtree.h"
#include "tests/unit/ck_run.h"

/* ---- parsers ---- */

START_TEST(value_parser_is_strict)
{
	int v = 0;
	ck_assert_int_eq(oom_adj_parse_value("-1000\n", &v), 0);
	ck_assert_int_eq(v, -1000);
	ck_assert_int_eq(oom_adj_parse_value("12x\n", &v), -EINVAL);
	ck_assert_int_eq(oom_adj_parse_value("", &v), -EINVAL);
}
END_TEST

START_TEST(step_clamps_and_confirm_only_when_entering_protection)
{
	ck_assert_int_eq(oom_adj_step(500, 100), 600);
	ck_assert_int_eq(oom_adj_step(950, 100), 1000);
	ck_assert_int_eq(oom_adj_step(-950, -100), -1000);
	ck_assert(oom_adj_needs_confirm(0, -900));
	ck_assert(oom_adj_needs_confirm(-800, -1000));
	ck_assert(oom_adj_needs_confirm(OOM_ADJ_UNKNOWN, -950));
	ck_assert(!oom_adj_needs_confirm(0, -899));
	ck_assert(!oom_adj_needs_confirm(-950, -1000)); /* already protected */
	ck_assert(!oom_adj_needs_confirm(-1000, 0));
	ck_assert(oom_adj_in_range(-1000) && oom_adj_in_range(1000));
	ck_assert(!oom_adj_in_range(-1001) && !oom_adj_in_range(1001));
}
END_TEST

static struct oom_adj_attempt attempt(enum oom_adj_step step, int err)
{
	struct oom_adj_attempt a = {
	    .pid = 42,
	    .comm = "sshd",
	    .old_adj = 0,
	    .new_adj = -100,
	    .read_back = OOM_ADJ_UNKNOWN,
	    .step = step,
	    .err = err,
	    .caller_euid = 0,
	    .target_euid = 0,
	    .file_owner = 0,
	    .caller_sys_resource = false,
	    .caller_dac_override = true,
	};
	return a;
}

static struct oom_adj_result explain(const struct oom_adj_attempt *a)
{
	struct oom_adj_result r;
	memset(&r, 0, sizeof(r));
	oom_adj_explain(a, &r);
	return r;
}

START_TEST(refused_lowering_names_cap_sys_resource_and_the_floor)
{
	struct oom_adj_attempt a = attempt(OOM_ADJ_STEP_WRITE, EACCES);
	struct oom_adj_result r = explain(&a);
	ck_assert_int_eq(r.status, OOM_ADJ_BELOW_FLOOR);
	ck_assert_ptr_nonnull(strstr(r.message, "CAP_SYS_RESOURCE"));
	ck_assert_ptr_nonnull(strstr(r.message, "oom_score_adj_min"));
	ck_assert_ptr_nonnull(strstr(r.message, "pid 42 (sshd)"));
	ck_assert_ptr_nonnull(strstr(r.message, "from 0 to -100"));
	ck_assert_ptr_nonnull(strstr(r.detail, "between -99 and 0"));
	ck_assert_ptr_nonnull(strstr(r.detail, "raise made with CAP_SYS_RESOURCE also raises"));
	ck_assert_uint_lt(strlen(r.message), OOM_ADJ_MSG_LEN - 1); /* not truncated */
	ck_assert_uint_lt(strlen(r.detail), OOM_ADJ_DETAIL_LEN - 1);
	/* with CAP_SYS_RESOURCE an EACCES on write is not the floor */
	a.caller_sys_resource = true;
	r = explain(&a);
	ck_assert_int_eq(r.status, OOM_ADJ_DENIED);
}
END_TEST

START_TEST(open_refusals_tell_other_user_from_non_dumpable)
{
	struct oom_adj_attempt a = attempt(OOM_ADJ_STEP_OPEN_WRITE, EACCES);
	a.caller_dac_override = false;
	a.caller_euid = 65534;
	a.target_euid = 1000;
	a.file_owner = 1000;
	struct oom_adj_result r = explain(&a);
	ck_assert_int_eq(r.status, OOM_ADJ_NOT_OWNER);
	ck_assert_ptr_nonnull(
	    strstr(r.message, "another user's process (uid 1000; you are uid 65534)"));
	/* own process, but its /proc files belong to root: non-dumpable */
	a.target_euid = 65534;
	a.file_owner = 0;
	r = explain(&a);
	ck_assert_int_eq(r.status, OOM_ADJ_NOT_DUMPABLE);
	ck_assert_ptr_nonnull(strstr(r.message, "not dumpable"));
	ck_assert_ptr_nonnull(strstr(r.detail, "PR_SET_DUMPABLE"));
	/* EACCES nobody can explain */
	a.file_owner = 65534;
	r = explain(&a);
	ck_assert_int_eq(r.status, OOM_ADJ_DENIED);
	a = attempt(OOM_ADJ_STEP_OPEN_WRITE, EPERM);
	r = explain(&a);
	ck_assert_int_eq(r.status, OOM_ADJ_DENIED);
	ck_assert_ptr_nonnull(strstr(r.message, "denied"));
}
END_TEST

START_TEST(gone_mismatch_and_success_words)
{
	struct oom_adj_attempt a = attempt(OOM_ADJ_STEP_OPEN_DIR, ENOENT);
	struct oom_adj_result r = explain(&a);
	ck_assert_int_eq(r.status, OOM_ADJ_GONE);
	ck_assert_ptr_nonnull(strstr(r.message, "gone"));
	a = attempt(OOM_ADJ_STEP_WRITE, ESRCH);
	ck_assert_int_eq(explain(&a).status, OOM_ADJ_GONE);
	a = attempt(OOM_ADJ_STEP_WRITE, EIO);
	r = explain(&a);
	ck_assert_int_eq(r.status, OOM_ADJ_FAILED);
	ck_assert_ptr_nonnull(strstr(r.message, strerror(EIO)));

	a = attempt(OOM_ADJ_STEP_READ_BACK, 0);
	a.new_adj = 500;
	a.read_back = 400;
	r = explain(&a);
	ck_assert_int_eq(r.status, OOM_ADJ_MISMATCH);
	ck_assert_ptr_nonnull(strstr(r.message, "wrote 500 but oom_score_adj reads 400"));

	a.read_back = 500;
	r = explain(&a);
	ck_assert_int_eq(r.status, OOM_ADJ_OK);
	ck_assert_str_eq(r.message, "pid 42 (sshd): oom_score_adj 0 -> 500");
	ck_assert_str_eq(r.detail, "");
	/* a privileged raise also raises the floor: say so */
	a.caller_sys_resource = true;
	r = explain(&a);
	ck_assert_ptr_nonnull(strstr(r.detail, "floor (oom_score_adj_min) to 500"));
	/* entering protection: inherited by children */
	a.caller_sys_resource = false;
	a.new_adj = a.read_back = -950;
	r = explain(&a);
	ck_assert_ptr_nonnull(strstr(r.detail, "nearly unkillable"));
}
END_TEST

START_TEST(persist_hint_follows_the_cgroup)
{
	char b[300];
	ck_assert_str_eq(oom_adj_persist_hint("/system.slice/nas-agent.service", 500, b, sizeof(b)),
	                 "to keep 500 after a restart: systemctl edit nas-agent.service, then "
	                 "[Service] OOMScoreAdjust=500");
	ck_assert_ptr_nonnull(
	    strstr(oom_adj_persist_hint(
	               "/user.slice/user-1000.slice/user@1000.service/app.slice/syncd.service", 300,
	               b, sizeof(b)),
	           "systemctl --user edit syncd.service"));
	ck_assert_ptr_nonnull(
	    strstr(oom_adj_persist_hint(
	               "/docker/2e088fe462e2aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	               -500, b, sizeof(b)),
	           "docker 2e088fe462e2 with docker run --oom-score-adj=-500"));
	ck_assert_ptr_nonnull(
	    strstr(oom_adj_persist_hint("/system.slice/docker-2e088fe462e2aaaaaaaaaaaa.scope", 1, b,
	                                sizeof(b)),
	           "docker run"));
	ck_assert_ptr_nonnull(strstr(
	    oom_adj_persist_hint("/machine.slice/libpod-0123456789abcdef.scope", 9, b, sizeof(b)),
	    "podman run --oom-score-adj=9"));
	ck_assert_ptr_nonnull(strstr(
	    oom_adj_persist_hint(
	        "/kubepods.slice/kubepods-burstable.slice/"
	        "kubepods-burstable-pod1234abcd_5678.slice/cri-containerd-0123456789abcdef.scope",
	        9, b, sizeof(b)),
	    "QoS class"));
	ck_assert_ptr_nonnull(strstr(oom_adj_persist_hint("/lxc.payload.web", 7, b, sizeof(b)),
	                             "lxc.proc.oom_score_adj = 7"));
	ck_assert_ptr_nonnull(strstr(
	    oom_adj_persist_hint("/user.slice/user-1000.slice/session-3.scope", 7, b, sizeof(b)),
	    "choom -n 7 -- COMMAND"));
	ck_assert_ptr_nonnull(strstr(oom_adj_persist_hint(NULL, 7, b, sizeof(b)), "choom"));
	char tiny[8];
	oom_adj_persist_hint("/system.slice/x.service", 7, tiny, sizeof(tiny));
	ck_assert_uint_eq(strlen(tiny), 7);
}
END_TEST

/* ---- the write path against a fixture /proc ---- */

static char fx_root[64];
static char fx_log[512];
static int fx_nlog;

static void capture(void *arg, const char *line)
{
	(void)arg;
	snprintf(fx_log, sizeof(fx_log), "%s", line);
	fx_nlog++;
}

static const char *read_fx(const char *rel)
{
	static char buf[256];
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", fx_root, rel);
	ck_assert_int_ge(util_read_file(path, buf, sizeof(buf)), 0);
	return buf;
}

static void fx_setup(void)
{
	fxtree_make(fx_root, sizeof(fx_root), "adj");
	fxtree_write(fx_root, "42/stat",
	           "42 (nas agent) S 1 42 42 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 777 1 1\n");
	fxtree_write(fx_root, "42/status", "Name:\tnas agent\nUid:\t0\t0\t0\t0\n");
	fxtree_write(fx_root, "42/oom_score_adj", "0\n");
	fxtree_write(fx_root, "self/status", "CapEff:\t000001fffeffffff\n");
	fx_nlog = 0;
	fx_log[0] = '\0';
}

static void fx_teardown(void)
{
	fxtree_remove(fx_root);
}

static struct oom_adj_env fx_env(void)
{
	struct oom_adj_env e = {.proc_root = fx_root, .log_line = capture, .log_arg = NULL};
	return e;
}

START_TEST(fixture_write_reads_back_and_logs_who_what)
{
	struct oom_adj_env env = fx_env();
	struct oom_adj_result r;
	ck_assert_int_eq(oom_adj_set(&env, 42, 777, 500, 0, &r), OOM_ADJ_OK);
	ck_assert_str_eq(read_fx("42/oom_score_adj"), "500\n");
	ck_assert_int_eq(r.old_adj, 0);
	ck_assert_int_eq(r.new_adj, 500);
	ck_assert_str_eq(r.comm, "nas agent");
	ck_assert_uint_eq(r.start_ticks, 777);
	ck_assert_str_eq(r.message, "pid 42 (nas agent): oom_score_adj 0 -> 500");
	ck_assert_int_eq(fx_nlog, 1);
	char uid[32];
	snprintf(uid, sizeof(uid), "uid %u (", (unsigned)geteuid());
	ck_assert_ptr_nonnull(strstr(fx_log, uid));
	ck_assert_ptr_nonnull(strstr(fx_log, "pid 42 (nas agent, start 777) from 0 to 500"));
	/* same value again: nothing written, nothing logged */
	ck_assert_int_eq(oom_adj_set(&env, 42, 777, 500, 0, &r), OOM_ADJ_UNCHANGED);
	ck_assert_int_eq(fx_nlog, 1);
}
END_TEST

START_TEST(fixture_refusals_write_nothing)
{
	struct oom_adj_env env = fx_env();
	struct oom_adj_result r;
	ck_assert_int_eq(oom_adj_set(&env, 42, 777, 500, OOM_ADJ_F_READONLY, &r), OOM_ADJ_READONLY);
	ck_assert_ptr_nonnull(strstr(r.message, "--readonly"));
	ck_assert_int_eq(oom_adj_set(&env, 42, 777, 1001, 0, &r), OOM_ADJ_OUT_OF_RANGE);
	ck_assert_ptr_nonnull(strstr(r.message, "between -1000 and 1000"));
	ck_assert_int_eq(oom_adj_set(&env, 42, 777, -1001, 0, &r), OOM_ADJ_OUT_OF_RANGE);
	/* the pid now belongs to a process that started at another time */
	ck_assert_int_eq(oom_adj_set(&env, 42, 776, 500, 0, &r), OOM_ADJ_REUSED);
	ck_assert_ptr_nonnull(strstr(r.message, "now another process"));
	ck_assert_ptr_nonnull(strstr(r.detail, "776, now 777"));
	ck_assert_int_eq(oom_adj_set(&env, 43, 777, 500, 0, &r), OOM_ADJ_GONE);
	fxtree_write(fx_root, "42/stat",
	           "42 (nas agent) Z 1 42 42 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 777 1 1\n");
	ck_assert_int_eq(oom_adj_set(&env, 42, 777, 500, 0, &r), OOM_ADJ_GONE);
	fxtree_write(fx_root, "42/stat",
	           "42 (nas agent) S 1 42 42 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 777 1 1\n");
	ck_assert_str_eq(read_fx("42/oom_score_adj"), "0\n");
	ck_assert_int_eq(fx_nlog, 0);
	/* ANY_START skips the identity comparison (the command line names only a pid) */
	ck_assert_int_eq(oom_adj_set(&env, 42, OOM_ADJ_ANY_START, 300, 0, &r), OOM_ADJ_OK);
	ck_assert_str_eq(read_fx("42/oom_score_adj"), "300\n");
}
END_TEST

START_TEST(fixture_undo_restores_the_last_change_only)
{
	struct oom_adj_env env = fx_env();
	struct oom_adj_undo *u = malloc(sizeof(*u));
	struct oom_adj_result r, back[OOM_ADJ_UNDO_MAX];
	oom_adj_undo_begin(u);
	oom_adj_set(&env, 42, 777, 200, 0, &r);
	oom_adj_undo_add(u, &r);
	oom_adj_undo_begin(u); /* a new change forgets the previous one */
	oom_adj_set(&env, 42, 777, 700, 0, &r);
	oom_adj_undo_add(u, &r);
	struct oom_adj_result refused;
	oom_adj_set(&env, 43, 1, 5, 0, &refused);
	oom_adj_undo_add(u, &refused); /* refusals are not remembered */
	ck_assert_uint_eq(u->n, 1);
	/* readonly: the undo is refused and kept */
	ck_assert_uint_eq(oom_adj_undo_apply(&env, u, OOM_ADJ_F_READONLY, back), 0);
	ck_assert_uint_eq(u->n, 1);
	ck_assert_int_eq(back[0].status, OOM_ADJ_READONLY);
	ck_assert_uint_eq(oom_adj_undo_apply(&env, u, 0, back), 1);
	ck_assert_int_eq(back[0].status, OOM_ADJ_OK);
	ck_assert_str_eq(read_fx("42/oom_score_adj"), "200\n");
	ck_assert_uint_eq(u->n, 0);
	free(u);
}
END_TEST

/* ---- real processes ---- */

static pid_t spawn_child(bool nondumpable)
{
	int pfd[2];
	ck_assert_int_eq(pipe(pfd), 0);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (nondumpable)
			prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
		close(pfd[0]);
		if (write(pfd[1], "x", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(pfd[1]);
	char c;
	ck_assert_int_eq(read(pfd[0], &c, 1), 1);
	close(pfd[0]);
	return pid;
}

static void reap(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

static int real_adj(pid_t pid)
{
	char path[64], buf[32];
	int v = OOM_ADJ_UNKNOWN;
	snprintf(path, sizeof(path), "/proc/%d/oom_score_adj", (int)pid);
	if (util_read_file(path, buf, sizeof(buf)) > 0)
		oom_adj_parse_value(buf, &v);
	return v;
}

static bool have_sys_resource(void)
{
	char buf[4096];
	uint64_t cap = 0;
	if (util_read_file("/proc/self/status", buf, sizeof(buf)) > 0)
		proc_status_parse_capeff(buf, &cap);
	return (cap >> 24) & 1;
}

static void nolog(void *arg, const char *line)
{
	(void)arg;
	(void)line;
}

START_TEST(real_process_raise_lower_and_floor)
{
	struct oom_adj_env env = {.proc_root = "/proc", .log_line = nolog};
	pid_t pid = spawn_child(false);
	int base = real_adj(pid);
	ck_assert_int_ne(base, OOM_ADJ_UNKNOWN);
	struct oom_adj_result r;
	int up = oom_adj_step(base, 300);
	ck_assert_int_eq(oom_adj_set(&env, pid, OOM_ADJ_ANY_START, up, 0, &r),
	                 up == base ? OOM_ADJ_UNCHANGED : OOM_ADJ_OK);
	ck_assert_int_eq(real_adj(pid), up);
	uint64_t start = r.start_ticks;
	/* back to where it was: allowed for anyone when the floor was not raised */
	if (!have_sys_resource()) {
		ck_assert_int_eq(oom_adj_set(&env, pid, start, base, 0, &r),
		                 up == base ? OOM_ADJ_UNCHANGED : OOM_ADJ_OK);
		ck_assert_int_eq(real_adj(pid), base);
	}
	/* below the floor: refused without CAP_SYS_RESOURCE, with the reason */
	if (base > OOM_ADJ_MIN) {
		enum oom_adj_status st = oom_adj_set(&env, pid, start, OOM_ADJ_MIN, 0, &r);
		if (have_sys_resource()) {
			ck_assert_int_eq(st, OOM_ADJ_OK);
		} else {
			ck_assert_int_eq(st, OOM_ADJ_BELOW_FLOOR);
			ck_assert_int_eq(r.err, EACCES);
			ck_assert_ptr_nonnull(strstr(r.message, "CAP_SYS_RESOURCE"));
			ck_assert_int_ne(real_adj(pid), OOM_ADJ_MIN);
		}
	}
	/* wrong start time: refused, nothing written */
	int before = real_adj(pid);
	ck_assert_int_eq(oom_adj_set(&env, pid, start + 1, 1000, 0, &r), OOM_ADJ_REUSED);
	ck_assert_int_eq(real_adj(pid), before);
	/* killed, not yet reaped: a zombie is gone too (the kernel would take the write) */
	kill(pid, SIGKILL);
	siginfo_t si;
	ck_assert_int_eq(waitid(P_PID, (id_t)pid, &si, WEXITED | WNOWAIT), 0);
	ck_assert_int_eq(oom_adj_set(&env, pid, start, 1000, 0, &r), OOM_ADJ_GONE);
	ck_assert_ptr_nonnull(strstr(r.detail, "zombie"));
	reap(pid);
	/* reaped: gone */
	ck_assert_int_eq(oom_adj_set(&env, pid, start, 1000, 0, &r), OOM_ADJ_GONE);
}
END_TEST

START_TEST(real_non_dumpable_child)
{
	struct oom_adj_env env = {.proc_root = "/proc", .log_line = nolog};
	pid_t pid = spawn_child(true);
	struct stat st;
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/oom_score_adj", (int)pid);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_uint_eq(st.st_uid, 0); /* the kernel hands a non-dumpable task's files to root */
	struct oom_adj_result r;
	enum oom_adj_status s =
	    oom_adj_set(&env, pid, OOM_ADJ_ANY_START, oom_adj_step(real_adj(pid), 100), 0, &r);
	if (geteuid() == 0)
		ck_assert_msg(s == OOM_ADJ_OK || s == OOM_ADJ_UNCHANGED, "%s", r.message);
	else
		ck_assert_int_eq(s, OOM_ADJ_NOT_DUMPABLE);
	reap(pid);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("oom_adj");
	TCase *tp = tcase_create("pure");
	tcase_add_test(tp, value_parser_is_strict);
	tcase_add_test(tp, step_clamps_and_confirm_only_when_entering_protection);
	tcase_add_test(tp, refused_lowering_names_cap_sys_resource_and_the_floor);
	tcase_add_test(tp, open_refusals_tell_other_user_from_non_dumpable);
	tcase_add_test(tp, gone_mismatch_and_success_words);
	tcase_add_test(tp, persist_hint_follows_the_cgroup);
	suite_add_tcase(s, tp);
	TCase *tf = tcase_create("fixture");
	tcase_add_checked_fixture(tf, fx_setup, fx_teardown);
	tcase_add_test(tf, fixture_write_reads_back_and_logs_who_what);
	tcase_add_test(tf, fixture_refusals_write_nothing);
	tcase_add_test(tf, fixture_undo_restores_the_last_change_only);
	suite_add_tcase(s, tf);
	TCase *tr = tcase_create("real");
	tcase_add_test(tr, real_process_raise_lower_and_floor);
	tcase_add_test(tr, real_non_dumpable_child);
	suite_add_tcase(s, tr);
	return ck_run(s);
}
