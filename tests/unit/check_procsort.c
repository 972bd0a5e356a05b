/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Sorting and filtering process rows (core/proc/sort.h, core/proc/filter.h): numbers
 * descending, text ascending, unknown last in both directions, ties by pid; filters by pid,
 * uid, cgroup subtree (core/cgroup/path.h), text, kernel threads and ghosts. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/cgroup/path.h"
#include "core/proc/filter.h"
#include "core/proc/sort.h"
#include "tests/unit/ck_run.h"

static struct proc_row mk(pid_t pid)
{
	struct proc_row r;
	memset(&r, 0, sizeof(r));
	r.pid = pid;
	r.ppid = 1;
	r.uid = 1000;
	r.user = "alice";
	r.comm = "proc";
	r.cmdline = "/usr/bin/proc";
	r.cgroup = "/system.slice/proc.service";
	r.rss_bytes = r.rss_anon_bytes = r.rss_file_bytes = r.rss_shmem_bytes = VAL_UNKNOWN;
	r.swap_bytes = r.pgtables_bytes = r.oom_score = r.oom_score_adj = VAL_UNKNOWN;
	r.threads = r.fds = VAL_UNKNOWN;
	r.rss_slope = r.fd_slope = r.thread_slope = (struct slope){NAN, NAN};
	r.exited_unix_s = NAN;
	r.oom_event = -1;
	r.state = PROC_RUNNING;
	r.fd_limit = VAL_UNKNOWN;
	r.fd_eta_s = NAN;
	return r;
}

/* Set the field sorted by k to v (VAL_UNKNOWN → unknown). */
static void set_key(struct proc_row *r, enum sort_key k, int64_t v)
{
	double d = val_known(v) ? (double)v : NAN;
	switch (k) {
	case SORT_RSS_SLOPE: r->rss_slope.per_s = d; break;
	case SORT_RSS: r->rss_bytes = v; break;
	case SORT_SWAP: r->swap_bytes = v; break;
	case SORT_OOM_SCORE: r->oom_score = v; break;
	case SORT_OOM_SCORE_ADJ: r->oom_score_adj = v; break;
	case SORT_FDS: r->fds = v; break;
	case SORT_FD_SLOPE: r->fd_slope.per_s = d; break;
	case SORT_THREADS: r->threads = v; break;
	default: ck_abort_msg("not a numeric key"); break;
	}
}

static void expect_order(const struct proc_row **v, size_t n, const pid_t *want, const char *what)
{
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(v[i]->pid == want[i], "%s: position %zu is pid %d, want %d", what, i, (int)v[i]->pid,
			      (int)want[i]);
}

START_TEST(key_names_and_columns)
{
	static const char *const names[] = {"rss_slope", "rss", "swap", "oom_score", "oom_score_adj", "fds",
					    "fd_slope", "fd_eta", "threads", "pid", "user", "name", "cgroup"};
	static const char *const cols[] = {"RSS/h", "RSS", "SWAP", "SCORE", "ADJ", "FDS", "FD/h",
					   "FD ETA", "THR", "PID", "USER", "COMMAND", "CGROUP"};
	ck_assert_int_eq(SORT_KEY_COUNT, 13);
	for (int k = 0; k < SORT_KEY_COUNT; k++) {
		ck_assert_int_eq(sort_key_from_name(names[k]), k);
		ck_assert_str_eq(sort_key_name((enum sort_key)k), names[k]);
		ck_assert_str_eq(sort_key_column((enum sort_key)k), cols[k]);
		ck_assert_ptr_nonnull(strstr(sort_key_list(), names[k]));
	}
	ck_assert_int_eq(sort_key_from_name("bogus"), -1);
	ck_assert_int_eq(sort_key_from_name(""), -1);
	ck_assert_int_eq(sort_key_from_name("RSS"), -1);
	ck_assert_str_eq(sort_key_name(SORT_KEY_COUNT), "?");
	ck_assert_str_eq(sort_key_list(), "rss_slope, rss, swap, oom_score, oom_score_adj, fds, fd_slope, fd_eta, "
					  "threads, pid, user, name, cgroup");
}
END_TEST

START_TEST(numeric_keys_descending_unknown_last)
{
	static const enum sort_key keys[] = {SORT_RSS_SLOPE, SORT_RSS,     SORT_SWAP,     SORT_OOM_SCORE,
					     SORT_OOM_SCORE_ADJ, SORT_FDS, SORT_FD_SLOPE, SORT_THREADS};
	for (size_t ki = 0; ki < sizeof(keys) / sizeof(keys[0]); ki++) {
		enum sort_key k = keys[ki];
		/* pid: value — 40: unknown, 10: 5, 20: 100, 30: 5, 50: -7, 60: unknown, 70: 0 */
		struct proc_row r[7] = {mk(40), mk(10), mk(20), mk(30), mk(50), mk(60), mk(70)};
		int64_t vals[7] = {VAL_UNKNOWN, 5, 100, 5, -7, VAL_UNKNOWN, 0};
		const struct proc_row *v[7];
		for (int i = 0; i < 7; i++) {
			set_key(&r[i], k, vals[i]);
			v[i] = &r[i];
		}
		proc_sort(v, 7, k, false);
		static const pid_t desc[] = {20, 10, 30, 70, 50, 40, 60};
		expect_order(v, 7, desc, sort_key_name(k));
		proc_sort(v, 7, k, true);
		static const pid_t asc[] = {50, 70, 10, 30, 20, 40, 60};
		expect_order(v, 7, asc, sort_key_name(k));
		/* the comparison itself */
		ck_assert_int_lt(proc_sort_compare(&r[2], &r[1], k, false), 0);
		ck_assert_int_gt(proc_sort_compare(&r[2], &r[1], k, true), 0);
		ck_assert_int_gt(proc_sort_compare(&r[0], &r[4], k, false), 0); /* unknown after -7 */
		ck_assert_int_gt(proc_sort_compare(&r[0], &r[4], k, true), 0);
		ck_assert_int_lt(proc_sort_compare(&r[0], &r[5], k, false), 0); /* both unknown: by pid */
		ck_assert_int_eq(proc_sort_compare(&r[1], &r[1], k, false), 0);
	}
}
END_TEST

/* A time to a limit: the soonest first (the process about to run out of fds), unknown
 * last either way; reversed, the latest first. */
START_TEST(fd_eta_soonest_first_unknown_last)
{
	/* pid: seconds — 10: 3600, 20: unknown, 30: 0 (at the limit), 40: 90.5, 50: unknown */
	struct proc_row r[5] = {mk(10), mk(20), mk(30), mk(40), mk(50)};
	double eta[5] = {3600, NAN, 0, 90.5, NAN};
	const struct proc_row *v[5];
	for (int i = 0; i < 5; i++) {
		r[i].fd_eta_s = eta[i];
		v[i] = &r[i];
	}
	proc_sort(v, 5, SORT_FD_ETA, false);
	static const pid_t soonest[] = {30, 40, 10, 20, 50};
	expect_order(v, 5, soonest, "fd_eta");
	proc_sort(v, 5, SORT_FD_ETA, true);
	static const pid_t latest[] = {10, 40, 30, 20, 50};
	expect_order(v, 5, latest, "fd_eta reversed");
	ck_assert_int_lt(proc_sort_compare(&r[3], &r[0], SORT_FD_ETA, false), 0);
	ck_assert_int_gt(proc_sort_compare(&r[1], &r[2], SORT_FD_ETA, true), 0);
}
END_TEST

START_TEST(slopes_are_compared_as_doubles)
{
	/* tiny differences that an integer cast would erase */
	struct proc_row a = mk(1), b = mk(2);
	a.rss_slope.per_s = 0.25;
	b.rss_slope.per_s = 0.75;
	ck_assert_int_gt(proc_sort_compare(&a, &b, SORT_RSS_SLOPE, false), 0);
	a.fd_slope.per_s = -0.001;
	b.fd_slope.per_s = 0.0;
	ck_assert_int_gt(proc_sort_compare(&a, &b, SORT_FD_SLOPE, false), 0);
}
END_TEST

START_TEST(pid_ascending)
{
	struct proc_row r[4] = {mk(300), mk(2), mk(45), mk(1000)};
	const struct proc_row *v[4] = {&r[0], &r[1], &r[2], &r[3]};
	proc_sort(v, 4, SORT_PID, false);
	static const pid_t asc[] = {2, 45, 300, 1000};
	expect_order(v, 4, asc, "pid");
	proc_sort(v, 4, SORT_PID, true);
	static const pid_t desc[] = {1000, 300, 45, 2};
	expect_order(v, 4, desc, "pid reversed");
}
END_TEST

START_TEST(text_keys_ascending_case_insensitive)
{
	struct proc_row r[6] = {mk(6), mk(5), mk(4), mk(3), mk(2), mk(1)};
	const char *names[6] = {"zsh", "Bash", "bash", NULL, "agent", "Cron"};
	for (int i = 0; i < 6; i++) {
		r[i].comm = names[i];
		r[i].user = names[i];
		r[i].cgroup = names[i];
	}
	static const enum sort_key keys[] = {SORT_NAME, SORT_USER, SORT_CGROUP};
	for (size_t ki = 0; ki < 3; ki++) {
		const struct proc_row *v[6];
		for (int i = 0; i < 6; i++)
			v[i] = &r[i];
		proc_sort(v, 6, keys[ki], false);
		/* agent(2), bash(4)/Bash(5) tie → by pid, Cron(1), zsh(6), unknown(3) last */
		static const pid_t asc[] = {2, 4, 5, 1, 6, 3};
		expect_order(v, 6, asc, sort_key_name(keys[ki]));
		proc_sort(v, 6, keys[ki], true);
		static const pid_t desc[] = {6, 1, 4, 5, 2, 3};
		expect_order(v, 6, desc, sort_key_name(keys[ki]));
	}
}
END_TEST

START_TEST(ghost_and_new_process_under_one_pid)
{
	struct proc_row ghost = mk(77), live = mk(77);
	ghost.state = PROC_EXITED;
	ghost.rss_bytes = live.rss_bytes = 4096;
	ck_assert_int_gt(proc_sort_compare(&ghost, &live, SORT_RSS, false), 0);
	ck_assert_int_lt(proc_sort_compare(&live, &ghost, SORT_RSS, false), 0);
	ck_assert_int_gt(proc_sort_compare(&ghost, &live, SORT_PID, true), 0);
}
END_TEST

START_TEST(sort_is_a_total_order_on_many_rows)
{
	enum { N = 300 };
	struct proc_row *r = calloc(N, sizeof(*r));
	const struct proc_row **v = calloc(N, sizeof(*v));
	unsigned seed = 12345;
	for (int i = 0; i < N; i++) {
		r[i] = mk((pid_t)(N - i));
		seed = seed * 1103515245u + 12345u;
		r[i].rss_bytes = (seed >> 16) % 7 == 0 ? VAL_UNKNOWN : (int64_t)((seed >> 16) % 50) * 4096;
		v[i] = &r[i];
	}
	proc_sort(v, N, SORT_RSS, false);
	for (int i = 1; i < N; i++) {
		ck_assert_int_le(proc_sort_compare(v[i - 1], v[i], SORT_RSS, false), 0);
		bool ka = val_known(v[i - 1]->rss_bytes), kb = val_known(v[i]->rss_bytes);
		ck_assert(ka || !kb); /* never a known value after an unknown one */
		if (ka && kb && v[i - 1]->rss_bytes == v[i]->rss_bytes)
			ck_assert_int_lt(v[i - 1]->pid, v[i]->pid);
		if (ka && kb)
			ck_assert(v[i - 1]->rss_bytes >= v[i]->rss_bytes);
	}
	free(r);
	free(v);
}
END_TEST

/* ---------------------------------------------------------------- filters */

START_TEST(cgroup_subtree)
{
	ck_assert(cgroup_path_within("/a", "/a"));
	ck_assert(cgroup_path_within("/a/b", "/a"));
	ck_assert(cgroup_path_within("/a/b/c", "/a"));
	ck_assert(!cgroup_path_within("/ab", "/a"));
	ck_assert(!cgroup_path_within("/ab/c", "/a"));
	ck_assert(!cgroup_path_within("/", "/a"));
	ck_assert(!cgroup_path_within("/b/a", "/a"));
	ck_assert(cgroup_path_within("/a/b", "/a/"));
	ck_assert(!cgroup_path_within("/ab", "/a/"));
	ck_assert(cgroup_path_within("/a/b", "/a/b"));
	ck_assert(!cgroup_path_within("/a", "/a/b"));
	ck_assert(cgroup_path_within("/", "/"));
	ck_assert(cgroup_path_within("/anything/below", "/"));
	ck_assert(cgroup_path_within("/system.slice/nas-agent.service", "/system.slice"));
	ck_assert(!cgroup_path_within("/system.slice2/x", "/system.slice"));
	ck_assert(!cgroup_path_within(NULL, "/"));
	ck_assert(!cgroup_path_within("/a", NULL));
}
END_TEST

START_TEST(filter_pids_uid_cgroup)
{
	struct proc_row a = mk(10), b = mk(20), c = mk(30);
	a.uid = 0;
	a.cgroup = "/a";
	b.cgroup = "/a/b";
	c.cgroup = "/ab";
	struct proc_filter f = {0};
	ck_assert(proc_filter_matches(&a, &f) && proc_filter_matches(&b, &f) && proc_filter_matches(&c, &f));

	pid_t pids[] = {30, 10};
	f.pids = pids;
	f.npids = 2;
	ck_assert(proc_filter_matches(&a, &f));
	ck_assert(!proc_filter_matches(&b, &f));
	ck_assert(proc_filter_matches(&c, &f));
	f.npids = 0;

	f.by_uid = true;
	f.uid = 1000;
	ck_assert(!proc_filter_matches(&a, &f));
	ck_assert(proc_filter_matches(&b, &f));
	f.uid = 0;
	ck_assert(proc_filter_matches(&a, &f));
	ck_assert(!proc_filter_matches(&b, &f));
	f.by_uid = false;

	f.cgroup = "/a";
	ck_assert(proc_filter_matches(&a, &f));
	ck_assert(proc_filter_matches(&b, &f));
	ck_assert(!proc_filter_matches(&c, &f));
	struct proc_row d = mk(40);
	d.cgroup = NULL; /* unknown cgroup: not in any subtree */
	ck_assert(!proc_filter_matches(&d, &f));
	f.cgroup = NULL;
	ck_assert(proc_filter_matches(&d, &f));

	/* all together: pid 20 with uid 1000 in /a */
	pid_t only[] = {20};
	f.pids = only;
	f.npids = 1;
	f.by_uid = true;
	f.uid = 1000;
	f.cgroup = "/a";
	ck_assert(proc_filter_matches(&b, &f));
	f.uid = 0;
	ck_assert(!proc_filter_matches(&b, &f));
}
END_TEST

START_TEST(filter_text)
{
	struct proc_row p = mk(5);
	p.comm = "postgres";
	p.cmdline = "postgres: checkpointer";
	p.user = "Pgsql";
	p.cgroup = "/system.slice/postgresql@15-main.service";
	struct proc_filter f = {0};
	f.text = "POSTGRES";
	ck_assert(proc_filter_matches(&p, &f));
	f.text = "checkPOINTER";
	ck_assert(proc_filter_matches(&p, &f)); /* cmdline */
	f.text = "pgsql";
	ck_assert(proc_filter_matches(&p, &f)); /* user */
	f.text = "15-MAIN";
	ck_assert(proc_filter_matches(&p, &f)); /* cgroup */
	f.text = "mysql";
	ck_assert(!proc_filter_matches(&p, &f));
	f.text = "";
	ck_assert(proc_filter_matches(&p, &f)); /* empty search: everything */
	/* unknown fields do not crash the search */
	p.user = NULL;
	p.cgroup = NULL;
	p.cmdline = NULL;
	f.text = "gres";
	ck_assert(proc_filter_matches(&p, &f));
	f.text = "pgsql";
	ck_assert(!proc_filter_matches(&p, &f));
}
END_TEST

START_TEST(filter_kernel_threads_and_ghosts)
{
	struct proc_row k = mk(2), g = mk(3), o = mk(4), live = mk(5);
	k.kernel_thread = true;
	k.cmdline = "";
	g.state = PROC_EXITED;
	o.state = PROC_OOM_KILLED;
	struct proc_filter f = {0};
	ck_assert(!proc_filter_matches(&k, &f));
	ck_assert(!proc_filter_matches(&g, &f));
	ck_assert(!proc_filter_matches(&o, &f));
	ck_assert(proc_filter_matches(&live, &f));
	f.kernel_threads = true;
	ck_assert(proc_filter_matches(&k, &f));
	ck_assert(!proc_filter_matches(&g, &f));
	f.ghosts = true;
	ck_assert(proc_filter_matches(&g, &f));
	ck_assert(proc_filter_matches(&o, &f));
	f.kernel_threads = false;
	ck_assert(!proc_filter_matches(&k, &f));
	/* the other filters still apply to ghosts */
	pid_t pids[] = {3};
	f.pids = pids;
	f.npids = 1;
	ck_assert(proc_filter_matches(&g, &f));
	ck_assert(!proc_filter_matches(&o, &f));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("procsort");
	TCase *tc = tcase_create("sort");
	tcase_add_test(tc, key_names_and_columns);
	tcase_add_test(tc, numeric_keys_descending_unknown_last);
	tcase_add_test(tc, fd_eta_soonest_first_unknown_last);
	tcase_add_test(tc, slopes_are_compared_as_doubles);
	tcase_add_test(tc, pid_ascending);
	tcase_add_test(tc, text_keys_ascending_case_insensitive);
	tcase_add_test(tc, ghost_and_new_process_under_one_pid);
	tcase_add_test(tc, sort_is_a_total_order_on_many_rows);
	suite_add_tcase(s, tc);
	tc = tcase_create("filter");
	tcase_add_test(tc, cgroup_subtree);
	tcase_add_test(tc, filter_pids_uid_cgroup);
	tcase_add_test(tc, filter_text);
	tcase_add_test(tc, filter_kernel_threads_and_ghosts);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
