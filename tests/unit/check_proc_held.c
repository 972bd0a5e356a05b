/* core/proc/held: the held-file policy, pure. The order comes from the costs and savings
 * given as data (the sampler's measured ones give exactly the orders oomtop used before
 * the policy was data: statm, [oom_score before 6.1], oom_score_adj, [fd/ from 6.2],
 * status); ranked by kernel memory instead, the files that pin none come first; the
 * levels share a budget evenly, the remainder to the last pids, and adopting new
 * processes one by one with an even share of what is left ends where the split does. */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/proc/held.h"
#include "core/proc/sampler.h"
#include "tests/unit/ck_run.h"

#define STATM PROC_HELD_STATM
#define STATUS PROC_HELD_STATUS
#define SCORE PROC_HELD_SCORE
#define ADJ PROC_HELD_ADJ
#define FDDIR PROC_HELD_FDDIR

static void assert_order(const struct proc_held_policy *p, const enum proc_held_file *want, int n)
{
	char got[128] = "", exp[128] = "";
	for (int i = 0; i < p->nlevels; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got), " %s", proc_held_name(p->order[i]));
	for (int i = 0; i < n; i++)
		snprintf(exp + strlen(exp), sizeof(exp) - strlen(exp), " %s", proc_held_name(want[i]));
	ck_assert_msg(p->nlevels == n && strcmp(got, exp) == 0, "order:%s, want:%s", got, exp);
}

static void measured_policy(struct proc_held_policy *p, bool fd_count_by_size, bool score_by_inputs,
			    enum proc_held_unit unit, unsigned min_per_kib)
{
	struct proc_sampler_kernel k = {fd_count_by_size, score_by_inputs};
	struct proc_held_cost costs[PROC_HELD_NFILES];
	proc_sampler_held_costs(&k, costs);
	proc_held_policy_init(p, costs, unit, min_per_kib);
}

START_TEST(measured_costs_give_the_orders_of_each_kernel)
{
	struct proc_held_policy p;
	/* 6.2 and later: the fd count is fd/'s st_size; oom_score read by its inputs, so
	 * rarely that its 4 KiB buffer is not worth holding */
	measured_policy(&p, true, true, PROC_HELD_BY_FDS, PROC_HELD_MIN_SAVE_NS_PER_KIB);
	assert_order(&p, (enum proc_held_file[]){STATM, ADJ, FDDIR, STATUS}, 4);
	/* 6.1: fd/ counted by its entries: holding it saves nothing */
	measured_policy(&p, false, true, PROC_HELD_BY_FDS, PROC_HELD_MIN_SAVE_NS_PER_KIB);
	assert_order(&p, (enum proc_held_file[]){STATM, ADJ, STATUS}, 3);
	/* before 6.1: oom_score read every refresh comes second */
	measured_policy(&p, true, false, PROC_HELD_BY_FDS, PROC_HELD_MIN_SAVE_NS_PER_KIB);
	assert_order(&p, (enum proc_held_file[]){STATM, SCORE, ADJ, FDDIR, STATUS}, 5);
	measured_policy(&p, false, false, PROC_HELD_BY_FDS, PROC_HELD_MIN_SAVE_NS_PER_KIB);
	assert_order(&p, (enum proc_held_file[]){STATM, SCORE, ADJ, STATUS}, 4);
	/* each held file costs one fd: level k costs k */
	for (int k = 0; k <= p.nlevels; k++)
		ck_assert_uint_eq(p.level_cost[k], (uint64_t)k);
}
END_TEST

START_TEST(threshold_decides_what_pinned_kernel_memory_is_worth)
{
	struct proc_held_policy p;
	/* nothing asked of kernel memory: oom_score (6.1+) is held too, last */
	measured_policy(&p, true, true, PROC_HELD_BY_FDS, 0);
	assert_order(&p, (enum proc_held_file[]){STATM, ADJ, FDDIR, STATUS, SCORE}, 5);
	/* a dearer KiB: only what pins nothing, and statm (21 µs for 4 KiB) */
	measured_policy(&p, true, true, PROC_HELD_BY_FDS, 1000);
	assert_order(&p, (enum proc_held_file[]){STATM, ADJ, FDDIR}, 3);
	/* a file that saves nothing is never held, whatever it costs */
	struct proc_held_cost c[PROC_HELD_NFILES] = {
		[STATM] = {1, 0, 0}, [STATUS] = {1, 0, 5}, [SCORE] = {1, 0, 0}, [ADJ] = {1, 0, 7}, [FDDIR] = {1, 0, 0},
	};
	proc_held_policy_init(&p, c, PROC_HELD_BY_FDS, 0);
	assert_order(&p, (enum proc_held_file[]){ADJ, STATUS}, 2);
	/* ties: the larger saving, then enum order */
	struct proc_held_cost t[PROC_HELD_NFILES] = {
		[STATM] = {2, 0, 10}, [STATUS] = {1, 0, 5}, [SCORE] = {1, 0, 5}, [ADJ] = {1, 0, 1}, [FDDIR] = {1, 0, 1},
	};
	proc_held_policy_init(&p, t, PROC_HELD_BY_FDS, 0);
	assert_order(&p, (enum proc_held_file[]){STATM, STATUS, SCORE, ADJ, FDDIR}, 5);
	ck_assert_uint_eq(p.level_cost[1], 2);
	ck_assert_uint_eq(p.level_cost[5], 6);
}
END_TEST

START_TEST(by_kernel_memory_files_pinning_none_come_first)
{
	struct proc_held_policy p;
	measured_policy(&p, true, true, PROC_HELD_BY_KMEM, PROC_HELD_MIN_SAVE_NS_PER_KIB);
	assert_order(&p, (enum proc_held_file[]){ADJ, FDDIR, STATM, STATUS}, 4);
	ck_assert_uint_eq(p.level_cost[2], 0);
	ck_assert_uint_eq(p.level_cost[3], 4096);
	ck_assert_uint_eq(p.level_cost[4], 8192);
	/* what pins nothing is held even with no budget at all */
	ck_assert_int_eq(proc_held_level_for(&p, 0), 2);
	ck_assert_int_eq(proc_held_level_for(&p, 4095), 2);
	ck_assert_int_eq(proc_held_level_for(&p, 4096), 3);
	ck_assert_int_eq(proc_held_level_for(&p, 1 << 20), 4);
	/* 20,000 bytes for 3: 6,666 each buys statm; the 7,712 left one status more */
	struct proc_held_split s = proc_held_split(&p, 20000, 3);
	ck_assert_int_eq(s.base, 3);
	ck_assert_uint_eq(s.extra, 1);
}
END_TEST

START_TEST(split_shares_the_budget_evenly_remainder_to_the_last_pids)
{
	struct proc_held_policy p;
	measured_policy(&p, true, true, PROC_HELD_BY_FDS, PROC_HELD_MIN_SAVE_NS_PER_KIB); /* 4 levels */
	struct {
		uint64_t budget;
		size_t n;
		int base;
		size_t extra;
	} cases[] = {
		{10, 3, 3, 1}, {10, 8, 1, 2}, {10, 2, 4, 0}, {10, 20, 0, 10}, {0, 5, 0, 0}, {12, 3, 4, 0}, {1000, 1, 4, 0},
	};
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		struct proc_held_split s = proc_held_split(&p, cases[c].budget, cases[c].n);
		ck_assert_msg(s.base == cases[c].base && s.extra == cases[c].extra,
			      "budget %llu for %zu: base %d extra %zu, want %d %zu", (unsigned long long)cases[c].budget,
			      cases[c].n, s.base, s.extra, cases[c].base, cases[c].extra);
	}
	struct proc_held_split s = proc_held_split(&p, 10, 3);
	ck_assert_int_eq(proc_held_split_level(&s, 0, 3), 3);
	ck_assert_int_eq(proc_held_split_level(&s, 1, 3), 3);
	ck_assert_int_eq(proc_held_split_level(&s, 2, 3), 4);

	/* every budget and count: never over the budget, nothing left that one more level
	 * would fit, levels differ by at most one and never fall with the rank */
	for (uint64_t budget = 0; budget <= 60; budget++)
		for (size_t n = 1; n <= 25; n++) {
			s = proc_held_split(&p, budget, n);
			uint64_t sum = 0;
			int prev = 0;
			for (size_t r = 0; r < n; r++) {
				int l = proc_held_split_level(&s, r, n);
				ck_assert_int_le(l, p.nlevels);
				ck_assert_int_ge(l, s.base);
				ck_assert_int_le(l, s.base + 1);
				ck_assert_int_ge(l, prev);
				prev = l;
				sum += (uint64_t)l;
			}
			uint64_t most = (uint64_t)n * (uint64_t)p.nlevels;
			ck_assert_msg(sum == (budget < most ? budget : most), "budget %llu n %zu: %llu held",
				      (unsigned long long)budget, n, (unsigned long long)sum);
		}
}
END_TEST

START_TEST(new_processes_one_by_one_end_where_the_split_does)
{
	struct proc_held_policy p;
	measured_policy(&p, true, false, PROC_HELD_BY_FDS, PROC_HELD_MIN_SAVE_NS_PER_KIB); /* 5 levels */
	/* a first refresh: n new processes adopted in pid order, each given its level of
	 * what is left; the rebalance after it must change nothing */
	for (uint64_t budget = 0; budget <= 80; budget++)
		for (size_t n = 1; n <= 20; n++) {
			struct proc_held_split s = proc_held_split(&p, budget, n);
			uint64_t taken = 0;
			for (size_t i = 0; i < n; i++) {
				int l = proc_held_new_level(&p, 0, budget, taken, n - i);
				ck_assert_msg(l == proc_held_split_level(&s, i, n), "budget %llu n %zu: #%zu gets %d, split %d",
					      (unsigned long long)budget, n, i, l, proc_held_split_level(&s, i, n));
				taken += (uint64_t)l;
			}
		}
	/* a process that holds its pin (statm, level 1, counted in taken) keeps it with no
	 * budget left, and is never given more than there are levels */
	ck_assert_int_eq(proc_held_new_level(&p, 1, 10, 10, 3), 1);
	ck_assert_int_eq(proc_held_new_level(&p, 1, 10, 11, 3), 1);
	ck_assert_int_eq(proc_held_new_level(&p, 1, 100, 1, 1), 5);
	ck_assert_int_eq(proc_held_new_level(&p, 0, 10, 0, 0), 5); /* left 0 counts as 1 */
}
END_TEST

START_TEST(names_are_the_files_under_proc_pid)
{
	ck_assert_str_eq(proc_held_name(STATM), "statm");
	ck_assert_str_eq(proc_held_name(STATUS), "status");
	ck_assert_str_eq(proc_held_name(SCORE), "oom_score");
	ck_assert_str_eq(proc_held_name(ADJ), "oom_score_adj");
	ck_assert_str_eq(proc_held_name(FDDIR), "fd");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("proc_held");
	TCase *tc = tcase_create("policy");
	tcase_add_test(tc, measured_costs_give_the_orders_of_each_kernel);
	tcase_add_test(tc, threshold_decides_what_pinned_kernel_memory_is_worth);
	tcase_add_test(tc, by_kernel_memory_files_pinning_none_come_first);
	tcase_add_test(tc, split_shares_the_budget_evenly_remainder_to_the_last_pids);
	tcase_add_test(tc, new_processes_one_by_one_end_where_the_split_does);
	tcase_add_test(tc, names_are_the_files_under_proc_pid);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
