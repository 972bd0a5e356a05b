/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for core/estimate/badness.c: hand-computed points and victims, 4 KiB pages. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/estimate/badness.h"
#include "tests/unit/ck_run.h"

#define MiB (1024LL * 1024)
#define PS 4096L

static struct proc_row mkproc(pid_t pid, const char *cgroup, int64_t rss, int adj, uint64_t start)
{
	struct proc_row p;
	memset(&p, 0, sizeof(p));
	p.pid = pid;
	p.comm = "t";
	p.cgroup = cgroup;
	p.start_ticks = start;
	p.rss_bytes = rss;
	p.swap_bytes = 0;
	p.pgtables_bytes = 0;
	p.oom_score_adj = adj;
	p.state = PROC_RUNNING;
	p.oom_event = -1;
	return p;
}

static struct cgroup_row mkcg(const char *path, int parent, int64_t limit, int64_t eff)
{
	struct cgroup_row c;
	memset(&c, 0, sizeof(c));
	c.path = path;
	c.name = path;
	c.version = 1;
	c.parent = parent;
	c.limit_bytes = limit;
	c.effective_limit_bytes = eff;
	c.high_bytes = VAL_UNKNOWN;
	return c;
}

static void mksnap(struct snapshot *s, struct proc_row *p, size_t np, struct cgroup_row *c,
                   size_t nc)
{
	memset(s, 0, sizeof(*s));
	s->sys.mem_total_bytes = 1024 * MiB;
	s->sys.swap_total_bytes = 0;
	static struct proc_row *ptrs[64];
	ck_assert_uint_le(np, 64);
	for (size_t i = 0; i < np; i++)
		ptrs[i] = &p[i];
	s->procs = ptrs;
	s->nprocs = np;
	s->cgroups = c;
	s->ncgroups = nc;
}

START_TEST(points_follow_the_kernel_formula)
{
	/* 10 MiB rss + 64 KiB page tables in a 64 MiB scope (16384 pages): 2560 + 16 */
	ck_assert_int_eq(badness_points(10 * MiB, 0, 64 * 1024, 0, 16384, PS), 2576);
	/* 14 MiB, adj 500: 3584 + 500 * (16384 / 1000 = 16) = 11584 */
	ck_assert_int_eq(badness_points(14 * MiB, 0, 0, 500, 16384, PS), 11584);
	/* swap counts like rss */
	ck_assert_int_eq(badness_points(1 * MiB, 3 * MiB, 0, 0, 16384, PS), 1024);
	/* integer division happens first: 16999 / 1000 = 16 */
	ck_assert_int_eq(badness_points(0, 0, 0, 1000, 16999, PS), 16000);
	/* negative points stay negative (kernel 4.19+) */
	ck_assert_int_eq(badness_points(4 * MiB, 0, 0, -500, 16384, PS), 1024 - 8000);
	/* -1000: never */
	ck_assert(badness_points(900 * MiB, 0, 0, -1000, 16384, PS) == BADNESS_NEVER);
	/* unknown swap / page tables count as 0 */
	ck_assert_int_eq(badness_points(8 * MiB, VAL_UNKNOWN, VAL_UNKNOWN, 0, 16384, PS), 2048);
}
END_TEST

/* The scenario: 64 MiB cgroup with 10 MiB/0, 24 MiB/0, 14 MiB/500. */
START_TEST(adj_500_beats_a_bigger_process_in_a_64m_cgroup)
{
	struct cgroup_row c[] = {mkcg("/", -1, VAL_UNKNOWN, VAL_UNKNOWN),
	                         mkcg("/t", 0, 64 * MiB, 64 * MiB)};
	struct proc_row p[] = {
	    mkproc(101, "/t", 10 * MiB, 0, 10), mkproc(102, "/t", 24 * MiB, 0, 11),
	    mkproc(103, "/t", 14 * MiB, 500, 12), mkproc(50, "/", 20 * MiB, 0, 1)};
	struct snapshot s;
	mksnap(&s, p, 4, c, 2);
	ck_assert_int_eq(badness_mark_victims_ps(&s, PS), 0);
	ck_assert_int_eq(c[1].next_victim_pid, 103);
	ck_assert_int_eq(c[0].next_victim_pid, 0); /* no limit: no memcg OOM there */
	ck_assert(p[2].next_victim);
	ck_assert(!p[0].next_victim && !p[1].next_victim);
	/* system: 1 GiB = 262144 pages → 262 per adj: 3584 + 131000 */
	ck_assert_int_eq(s.sys.next_victim_pid, 103);
	/* pid 50 lives in "/": tightest scope is the system, whose victim is 103 */
	ck_assert(!p[3].next_victim);

	/* without the adj, the biggest one */
	p[2].oom_score_adj = 0;
	badness_mark_victims_ps(&s, PS);
	ck_assert_int_eq(c[1].next_victim_pid, 102);
	ck_assert(p[1].next_victim && !p[2].next_victim);
	ck_assert_int_eq(s.sys.next_victim_pid, 102);
}
END_TEST

START_TEST(adj_minus_1000_is_never_chosen)
{
	struct cgroup_row c[] = {mkcg("/t", -1, 64 * MiB, 64 * MiB)};
	struct proc_row p[] = {mkproc(101, "/t", 40 * MiB, -1000, 10),
	                       mkproc(102, "/t", 1 * MiB, 0, 11)};
	struct snapshot s;
	mksnap(&s, p, 2, c, 1);
	badness_mark_victims_ps(&s, PS);
	ck_assert_int_eq(c[0].next_victim_pid, 102);
	ck_assert_int_eq(s.sys.next_victim_pid, 102);
	/* everyone -1000: nobody */
	p[1].oom_score_adj = -1000;
	badness_mark_victims_ps(&s, PS);
	ck_assert_int_eq(c[0].next_victim_pid, 0);
	ck_assert_int_eq(s.sys.next_victim_pid, 0);
	ck_assert(!p[0].next_victim && !p[1].next_victim);
}
END_TEST

START_TEST(kernel_threads_init_ghosts_and_unknowns_are_skipped)
{
	struct proc_row p[] = {mkproc(1, "/", 500 * MiB, 0, 0),     /* init */
	                       mkproc(2, NULL, 600 * MiB, 0, 0),    /* kernel thread */
	                       mkproc(300, "/", 700 * MiB, 0, 5),   /* ghost */
	                       mkproc(301, "/", VAL_UNKNOWN, 0, 6), /* rss unknown */
	                       mkproc(400, "/", 2 * MiB, 0, 7)};
	p[1].kernel_thread = true;
	p[2].state = PROC_EXITED;
	p[3].oom_score_adj = 1000;
	struct snapshot s;
	mksnap(&s, p, 5, NULL, 0);
	badness_mark_victims_ps(&s, PS);
	ck_assert_int_eq(s.sys.next_victim_pid, 400);
	ck_assert(p[4].next_victim);
	ck_assert(!p[0].next_victim && !p[1].next_victim && !p[2].next_victim && !p[3].next_victim);
	/* unknown MemTotal: no prediction rather than a wrong one */
	s.sys.mem_total_bytes = VAL_UNKNOWN;
	badness_mark_victims_ps(&s, PS);
	ck_assert_int_eq(s.sys.next_victim_pid, 0);
}
END_TEST

START_TEST(ties_go_to_the_later_started_process)
{
	/* the kernel keeps the last of equal scores in creation order */
	struct proc_row p[] = {mkproc(200, "/", 8 * MiB, 0, 500), mkproc(100, "/", 8 * MiB, 0, 900),
	                       mkproc(300, "/", 8 * MiB, 0, 700)};
	struct snapshot s;
	mksnap(&s, p, 3, NULL, 0);
	badness_mark_victims_ps(&s, PS);
	ck_assert_int_eq(s.sys.next_victim_pid, 100);
	/* same start tick: the larger pid */
	p[0].start_ticks = 900;
	badness_mark_victims_ps(&s, PS);
	ck_assert_int_eq(s.sys.next_victim_pid, 200);
	/* one page more wins regardless of age */
	p[2].rss_bytes += PS;
	badness_mark_victims_ps(&s, PS);
	ck_assert_int_eq(s.sys.next_victim_pid, 300);
}
END_TEST

/*  /            no limit
 *  /a           100 MiB
 *  /a/b         (none; effective 100 MiB from /a)
 *  /a/c         20 MiB
 *  /d           (none) */
static struct cgroup_row nested_c[5];
static struct proc_row nested_p[7];
static struct snapshot nested_s;

static void nested_setup(void)
{
	nested_c[0] = mkcg("/", -1, VAL_UNKNOWN, VAL_UNKNOWN);
	nested_c[1] = mkcg("/a", 0, 100 * MiB, 100 * MiB);
	nested_c[2] = mkcg("/a/b", 1, VAL_UNKNOWN, 100 * MiB);
	nested_c[3] = mkcg("/a/c", 1, 20 * MiB, 20 * MiB);
	nested_c[4] = mkcg("/d", 0, VAL_UNKNOWN, VAL_UNKNOWN);
	nested_p[0] = mkproc(11, "/a/b", 30 * MiB, 0, 1);
	nested_p[1] = mkproc(12, "/a/c", 15 * MiB, 0, 2);
	nested_p[2] = mkproc(13, "/a/c", 5 * MiB, 0, 3);
	nested_p[3] = mkproc(14, "/d", 200 * MiB, 0, 4);
	nested_p[4] = mkproc(15, "/a", 10 * MiB, 800, 5);
	nested_p[5] = mkproc(16, "/a/c/new", 1 * MiB, 0, 6); /* cgroup made after the scan */
	nested_p[6] = mkproc(17, NULL, 3 * MiB, 0, 7);       /* cgroup unknown */
	mksnap(&nested_s, nested_p, 7, nested_c, 5);
}

START_TEST(nested_scopes_use_the_limit_that_is_hit)
{
	struct snapshot *s = &nested_s;
	ck_assert_int_eq(badness_cgroup_scope(s, 0), BADNESS_SCOPE_NONE);
	ck_assert_int_eq(badness_cgroup_scope(s, 1), 1);
	ck_assert_int_eq(badness_cgroup_scope(s, 2), 1); /* runs into /a's limit */
	ck_assert_int_eq(badness_cgroup_scope(s, 3), 3);
	ck_assert_int_eq(badness_cgroup_scope(s, 4), BADNESS_SCOPE_NONE);

	ck_assert_int_eq(badness_mark_victims_ps(s, PS), 0);
	/* /a: 25600 pages → 25 per adj; pid 15: 2560 + 800*25 = 22560 > pid 11's 7680 */
	ck_assert_int_eq(nested_c[1].next_victim_pid, 15);
	ck_assert_int_eq(nested_c[2].next_victim_pid, 15); /* /a/b's OOM is /a's OOM */
	/* /a/c: 5120 pages; 15 MiB (3840) beats 5 MiB and the 1 MiB newcomer */
	ck_assert_int_eq(nested_c[3].next_victim_pid, 12);
	ck_assert_int_eq(nested_c[0].next_victim_pid, 0);
	ck_assert_int_eq(nested_c[4].next_victim_pid, 0);
	/* system: 262 per adj: pid 15 has 2560 + 209600 > pid 14's 51200 */
	ck_assert_int_eq(s->sys.next_victim_pid, 15);

	/* marks: the victim of each process's tightest scope */
	ck_assert(nested_p[4].next_victim); /* 15: victim of /a */
	ck_assert(nested_p[1].next_victim); /* 12: victim of /a/c */
	ck_assert(!nested_p[0].next_victim);
	ck_assert(!nested_p[2].next_victim);
	ck_assert(!nested_p[3].next_victim); /* 14 in /d: the system's victim is 15 */
	ck_assert(!nested_p[5].next_victim);
	ck_assert(!nested_p[6].next_victim);

	/* scope of each process, for the screen's preview */
	ck_assert_int_eq(badness_proc_scope(s, 0), 1);
	ck_assert_int_eq(badness_proc_scope(s, 1), 3);
	ck_assert_int_eq(badness_proc_scope(s, 5), 3);
	ck_assert_int_eq(badness_proc_scope(s, 3), BADNESS_SCOPE_SYSTEM);
	ck_assert_int_eq(badness_proc_scope(s, 6), BADNESS_SCOPE_SYSTEM);
}
END_TEST

START_TEST(newcomer_in_an_unlisted_child_cgroup_counts_in_its_ancestor_scope)
{
	struct snapshot *s = &nested_s;
	nested_p[5].rss_bytes = 18 * MiB; /* /a/c/new now the biggest in /a/c */
	badness_mark_victims_ps(s, PS);
	ck_assert_int_eq(nested_c[3].next_victim_pid, 16);
	ck_assert(nested_p[5].next_victim);
	ck_assert(!nested_p[1].next_victim);
}
END_TEST

START_TEST(limit_from_above_the_namespace_uses_the_topmost_row)
{
	/* container view: "/" shows the container's own 50 MiB limit */
	struct cgroup_row c[] = {mkcg("/", -1, 50 * MiB, 50 * MiB),
	                         mkcg("/x", 0, VAL_UNKNOWN, 50 * MiB)};
	struct proc_row p[] = {mkproc(5, "/", 12 * MiB, 0, 1), mkproc(6, "/x", 10 * MiB, 0, 2)};
	struct snapshot s;
	mksnap(&s, p, 2, c, 2);
	badness_mark_victims_ps(&s, PS);
	ck_assert_int_eq(badness_cgroup_scope(&s, 1), 0);
	ck_assert_int_eq(c[0].next_victim_pid, 5);
	ck_assert_int_eq(c[1].next_victim_pid, 5);
	ck_assert(p[0].next_victim && !p[1].next_victim);
	/* effective limit known but on no visible row: the topmost row */
	c[0].limit_bytes = VAL_UNKNOWN;
	ck_assert_int_eq(badness_cgroup_scope(&s, 1), 0);
	badness_mark_victims_ps(&s, PS);
	ck_assert_int_eq(c[1].next_victim_pid, 5);
}
END_TEST

START_TEST(what_if_previews_an_adj_change)
{
	if (sysconf(_SC_PAGESIZE) != PS)
		return; /* hand-computed for 4 KiB pages */
	struct snapshot *s = &nested_s;
	badness_mark_victims_ps(s, PS);
	/* /a/c: victim 12; giving 13 (5 MiB) adj 1000 makes it the victim: 1280 + 5000 */
	ck_assert_int_eq(badness_scope_victim(s, 3, NULL), 12);
	ck_assert_int_eq(badness_victim_if(s, 3, 13, 1000), 13);
	/* a smaller raise that does not overtake: 1280 + 400*5 = 3280 < 3840 */
	ck_assert_int_eq(badness_victim_if(s, 3, 13, 400), 12);
	/* protecting /a's victim hands the role to the next biggest */
	ck_assert_int_eq(badness_victim_if(s, 1, 15, -1000), 11);
	ck_assert_int_eq(badness_victim_if(s, 2, 15, -1000), 11); /* /a/b → scope /a */
	/* the system scope, and a scope that does not exist */
	ck_assert_int_eq(badness_victim_if(s, BADNESS_SCOPE_SYSTEM, 15, 0), 14);
	ck_assert_int_eq(badness_victim_if(s, 4, 14, 1000), 0);
	/* tagged group */
	pid_t both[] = {15, 11};
	ck_assert_int_eq(badness_victim_if_many(s, 1, both, 2, -1000), 12);
	/* a group with a value each (]/[ on tagged rows): the same as one value when equal,
	 * and each value counts on its own */
	int same[] = {-1000, -1000};
	ck_assert_int_eq(badness_victim_if_each(s, 1, both, same, 2), 12);
	int each[] = {-1000, 1000}; /* 15 protected, 11 sacrificed */
	ck_assert_int_eq(badness_victim_if_each(s, 1, both, each, 2), 11);
	ck_assert_int_eq(badness_victim_if_each(s, 3, both, each, 2), 12); /* not in /a/c */
	/* the preview did not touch the snapshot */
	ck_assert_int_eq(nested_p[4].oom_score_adj, 800);
	int64_t pts;
	ck_assert_int_eq(badness_scope_victim(s, 1, &pts), 15);
	ck_assert_int_eq(pts, 22560);
}
END_TEST

START_TEST(scope_paths_match_whole_components)
{
	struct cgroup_row c[] = {mkcg("/", -1, VAL_UNKNOWN, VAL_UNKNOWN),
	                         mkcg("/a", 0, 10 * MiB, 10 * MiB),
	                         mkcg("/ab", 0, VAL_UNKNOWN, VAL_UNKNOWN)};
	struct proc_row p[] = {mkproc(7, "/ab", 9 * MiB, 0, 1), mkproc(8, "/a", 1 * MiB, 0, 2)};
	struct snapshot s;
	mksnap(&s, p, 2, c, 3);
	badness_mark_victims_ps(&s, PS);
	ck_assert_int_eq(c[1].next_victim_pid, 8); /* "/ab" is not below "/a" */
	ck_assert_int_eq(badness_scope_victim(&s, 1, NULL), 8);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("badness");
	TCase *tc = tcase_create("model");
	tcase_add_test(tc, points_follow_the_kernel_formula);
	tcase_add_test(tc, adj_500_beats_a_bigger_process_in_a_64m_cgroup);
	tcase_add_test(tc, adj_minus_1000_is_never_chosen);
	tcase_add_test(tc, kernel_threads_init_ghosts_and_unknowns_are_skipped);
	tcase_add_test(tc, ties_go_to_the_later_started_process);
	tcase_add_test(tc, limit_from_above_the_namespace_uses_the_topmost_row);
	tcase_add_test(tc, scope_paths_match_whole_components);
	suite_add_tcase(s, tc);
	TCase *tn = tcase_create("nested");
	tcase_add_checked_fixture(tn, nested_setup, NULL);
	tcase_add_test(tn, nested_scopes_use_the_limit_that_is_hit);
	tcase_add_test(tn, newcomer_in_an_unlisted_child_cgroup_counts_in_its_ancestor_scope);
	tcase_add_test(tn, what_if_previews_an_adj_change);
	suite_add_tcase(s, tn);
	return ck_run(s);
}
