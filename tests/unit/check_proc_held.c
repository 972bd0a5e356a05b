/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/held: the held-file policy, pure. The order comes from the costs and savings
 * given as data; with the sampler's measured ones (ranked by kernel memory, as oomtop
 * does) the pin (/proc/PID) comes first, then oom_score_adj and fd/ (from 6.2), and no
 * file with a seq_file buffer passes the threshold on any kernel; the levels fit both
 * budgets (descriptors and kernel bytes), shared evenly, the remainder to the last pids;
 * adopting new processes one by one with an even share of what is left ends where the
 * split does. */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/proc/held.h"
#include "core/proc/sampler.h"
#include "tests/unit/ck_run.h"

#define DIR PROC_HELD_DIR
#define STATM PROC_HELD_STATM
#define STATUS PROC_HELD_STATUS
#define SCORE PROC_HELD_SCORE
#define ADJ PROC_HELD_ADJ
#define FDDIR PROC_HELD_FDDIR
#define FILE_B PROC_HELD_FILE_KMEM_BYTES
#define SEQ_B (PROC_HELD_FILE_KMEM_BYTES + PROC_HELD_SEQ_KMEM_BYTES)
#define UNLIMITED UINT64_MAX

static void assert_order(const struct proc_held_policy *p, const enum proc_held_file *want, int n)
{
	char got[128] = "", exp[128] = "";
	for (int i = 0; i < p->nlevels; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got), " [%s]", proc_held_name(p->order[i]));
	for (int i = 0; i < n; i++)
		snprintf(exp + strlen(exp), sizeof(exp) - strlen(exp), " [%s]", proc_held_name(want[i]));
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

static struct proc_held_budget B(uint64_t fds, uint64_t kmem)
{
	return (struct proc_held_budget){fds, kmem};
}

START_TEST(measured_costs_give_the_orders_of_each_kernel)
{
	struct proc_held_policy p;
	/* 6.2 and later: the fd count is fd/'s st_size; oom_score read by its inputs */
	measured_policy(&p, true, true, PROC_HELD_BY_KMEM, PROC_HELD_MIN_SAVE_NS_PER_KIB);
	assert_order(&p, (enum proc_held_file[]){DIR, ADJ, FDDIR}, 3);
	/* each costs a descriptor and an open file */
	for (int k = 0; k <= p.nlevels; k++) {
		ck_assert_uint_eq(p.level_cost[k].fds, (uint64_t)k);
		ck_assert_uint_eq(p.level_cost[k].kmem_bytes, (uint64_t)k * FILE_B);
	}
	/* 6.1: fd/ counted by its entries: holding it saves nothing */
	measured_policy(&p, false, true, PROC_HELD_BY_KMEM, PROC_HELD_MIN_SAVE_NS_PER_KIB);
	assert_order(&p, (enum proc_held_file[]){DIR, ADJ}, 2);
	/* before 6.1 oom_score is read every refresh, and still not worth its 4 KiB */
	measured_policy(&p, true, false, PROC_HELD_BY_KMEM, PROC_HELD_MIN_SAVE_NS_PER_KIB);
	assert_order(&p, (enum proc_held_file[]){DIR, ADJ, FDDIR}, 3);

	/* ranked per descriptor, nothing asked of kernel memory: every file, the one read
	 * every refresh before 6.1 (oom_score) high, the ones read one refresh in ten last */
	measured_policy(&p, true, true, PROC_HELD_BY_FDS, 0);
	assert_order(&p, (enum proc_held_file[]){DIR, ADJ, FDDIR, STATM, STATUS, SCORE}, 6);
	measured_policy(&p, true, false, PROC_HELD_BY_FDS, 0);
	assert_order(&p, (enum proc_held_file[]){DIR, SCORE, ADJ, FDDIR, STATM, STATUS}, 6);
	ck_assert_uint_eq(p.level_cost[2].kmem_bytes, FILE_B + SEQ_B);
}
END_TEST

START_TEST(threshold_keeps_out_the_seq_file_buffers)
{
	struct proc_held_policy p;
	/* on every kernel the default threshold holds exactly the files without a seq_file
	 * buffer that save something: it falls between the two groups (sampler.c) */
	for (int fd_size = 0; fd_size < 2; fd_size++)
		for (int by_inputs = 0; by_inputs < 2; by_inputs++) {
			struct proc_sampler_kernel k = {fd_size, by_inputs};
			struct proc_held_cost c[PROC_HELD_NFILES];
			proc_sampler_held_costs(&k, c);
			proc_held_policy_init(&p, c, PROC_HELD_BY_KMEM, PROC_HELD_MIN_SAVE_NS_PER_KIB);
			for (int f = 0; f < PROC_HELD_NFILES; f++) {
				bool held = false;
				for (int i = 0; i < p.nlevels; i++)
					held = held || p.order[i] == (enum proc_held_file)f;
				bool seq = c[f].kmem_bytes > FILE_B;
				ck_assert_msg(held == (!seq && c[f].save_ns > 0), "%s: held %d (kernel %d %d)",
					      proc_held_name((enum proc_held_file)f), held, fd_size, by_inputs);
				/* and not by a hair: a factor of 1.5 either way changes nothing */
				unsigned per_kib = (unsigned)((uint64_t)c[f].save_ns * 1024 / c[f].kmem_bytes);
				if (c[f].save_ns > 0)
					ck_assert_msg(seq ? per_kib * 3 / 2 < PROC_HELD_MIN_SAVE_NS_PER_KIB
							  : per_kib > PROC_HELD_MIN_SAVE_NS_PER_KIB * 3 / 2,
						      "%s saves %u ns a refresh per KiB", proc_held_name((enum proc_held_file)f),
						      per_kib);
			}
		}
	/* nothing asked of kernel memory: by kernel memory, the seq_files after the others */
	measured_policy(&p, true, true, PROC_HELD_BY_KMEM, 0);
	assert_order(&p, (enum proc_held_file[]){DIR, ADJ, FDDIR, STATM, STATUS, SCORE}, 6);
	/* a dearer KiB: only the pin */
	measured_policy(&p, true, true, PROC_HELD_BY_KMEM, 20000);
	assert_order(&p, (enum proc_held_file[]){DIR}, 1);
	/* a file that saves nothing is never held, whatever it costs */
	struct proc_held_cost c[PROC_HELD_NFILES] = {
		[DIR] = {1, 0, 0}, [STATM] = {1, 0, 0}, [STATUS] = {1, 0, 5},
		[SCORE] = {1, 0, 0}, [ADJ] = {1, 0, 7}, [FDDIR] = {1, 0, 0},
	};
	proc_held_policy_init(&p, c, PROC_HELD_BY_FDS, 0);
	assert_order(&p, (enum proc_held_file[]){ADJ, STATUS}, 2);
	/* ties: the larger saving, then enum order */
	struct proc_held_cost t[PROC_HELD_NFILES] = {
		[DIR] = {1, 100, 1}, [STATM] = {2, 100, 10}, [STATUS] = {1, 100, 5},
		[SCORE] = {1, 100, 5}, [ADJ] = {1, 100, 1}, [FDDIR] = {1, 100, 1},
	};
	proc_held_policy_init(&p, t, PROC_HELD_BY_FDS, 0);
	assert_order(&p, (enum proc_held_file[]){STATM, STATUS, SCORE, DIR, ADJ, FDDIR}, 6);
	ck_assert_uint_eq(p.level_cost[1].fds, 2);
	ck_assert_uint_eq(p.level_cost[6].fds, 7);
	ck_assert_uint_eq(p.level_cost[6].kmem_bytes, 600);
}
END_TEST

START_TEST(a_level_fits_both_budgets)
{
	struct proc_held_policy p;
	measured_policy(&p, true, true, PROC_HELD_BY_KMEM, 0); /* 6 levels */
	struct proc_held_budget s;
	s = B(UNLIMITED, 0);
	ck_assert_int_eq(proc_held_level_for(&p, &s), 0); /* no kernel memory: nothing */
	s = B(UNLIMITED, FILE_B - 1);
	ck_assert_int_eq(proc_held_level_for(&p, &s), 0);
	s = B(UNLIMITED, FILE_B);
	ck_assert_int_eq(proc_held_level_for(&p, &s), 1);
	s = B(UNLIMITED, 3 * FILE_B + SEQ_B - 1);
	ck_assert_int_eq(proc_held_level_for(&p, &s), 3);
	s = B(UNLIMITED, 3 * FILE_B + SEQ_B);
	ck_assert_int_eq(proc_held_level_for(&p, &s), 4);
	s = B(2, UNLIMITED); /* the descriptors bind */
	ck_assert_int_eq(proc_held_level_for(&p, &s), 2);
	s = B(UNLIMITED, UNLIMITED);
	ck_assert_int_eq(proc_held_level_for(&p, &s), 6);

	/* 10,000 processes, oomtop's policy, the fd limit here (20,000 - 96) and 8 MiB:
	 * the descriptors bind first (the pin and oom_score_adj for all, fd/ for few) */
	measured_policy(&p, true, true, PROC_HELD_BY_KMEM, PROC_HELD_MIN_SAVE_NS_PER_KIB);
	struct proc_held_budget b = B(19904, PROC_HELD_KMEM_DEFAULT_BYTES);
	struct proc_held_split sp = proc_held_split(&p, &b, 10000);
	ck_assert_int_eq(sp.base, 1);
	ck_assert_uint_eq(sp.extra, 9904);
	/* 2,000 processes: everything worth holding, 1.5 MiB of the 8 */
	sp = proc_held_split(&p, &b, 2000);
	ck_assert_int_eq(sp.base, 3);
	ck_assert_uint_eq(sp.extra, 0);
	/* 1 MiB for 2,000: the kernel memory binds: 4,096 files, two each and 96 three */
	b = B(19904, 1 << 20);
	sp = proc_held_split(&p, &b, 2000);
	ck_assert_int_eq(sp.base, 2);
	ck_assert_uint_eq(sp.extra, 96);
	/* 0: nothing at all */
	b = B(19904, 0);
	sp = proc_held_split(&p, &b, 2000);
	ck_assert_int_eq(sp.base, 0);
	ck_assert_uint_eq(sp.extra, 0);
}
END_TEST

START_TEST(split_shares_the_budget_evenly_remainder_to_the_last_pids)
{
	struct proc_held_policy p;
	/* levels costing 1 fd each and 100, 100, 500, 500 bytes */
	struct proc_held_cost c[PROC_HELD_NFILES] = {
		[DIR] = {1, 100, 50}, [ADJ] = {1, 100, 40}, [STATM] = {1, 500, 30}, [STATUS] = {1, 500, 20},
		[SCORE] = {1, 100, 0}, [FDDIR] = {1, 100, 0},
	};
	proc_held_policy_init(&p, c, PROC_HELD_BY_KMEM, 0);
	assert_order(&p, (enum proc_held_file[]){DIR, ADJ, STATM, STATUS}, 4);
	struct proc_held_budget b = B(10, UNLIMITED);
	struct proc_held_split s = proc_held_split(&p, &b, 3);
	ck_assert_int_eq(s.base, 3);
	ck_assert_uint_eq(s.extra, 1);
	ck_assert_int_eq(proc_held_split_level(&s, 0, 3), 3);
	ck_assert_int_eq(proc_held_split_level(&s, 1, 3), 3);
	ck_assert_int_eq(proc_held_split_level(&s, 2, 3), 4);
	b = B(UNLIMITED, 1500); /* 500 each: two levels, and one of them a third */
	s = proc_held_split(&p, &b, 3);
	ck_assert_int_eq(s.base, 2);
	ck_assert_uint_eq(s.extra, 1);

	/* every budget and count: never over either budget, nothing left that one more
	 * level would fit, levels differ by at most one and never fall with the rank */
	for (uint64_t fds = 0; fds <= 30; fds += 3)
		for (uint64_t kmem = 0; kmem <= 6000; kmem += 100)
			for (size_t n = 1; n <= 12; n++) {
				b = B(fds, kmem);
				s = proc_held_split(&p, &b, n);
				struct proc_held_budget sum = {0, 0};
				int prev = 0;
				for (size_t r = 0; r < n; r++) {
					int l = proc_held_split_level(&s, r, n);
					ck_assert_int_le(l, p.nlevels);
					ck_assert_int_ge(l, s.base);
					ck_assert_int_le(l, s.base + 1);
					ck_assert_int_ge(l, prev);
					prev = l;
					sum.fds += p.level_cost[l].fds;
					sum.kmem_bytes += p.level_cost[l].kmem_bytes;
				}
				ck_assert_uint_le(sum.fds, fds);
				ck_assert_uint_le(sum.kmem_bytes, kmem);
				if (proc_held_split_level(&s, 0, n) < p.nlevels) {
					/* the lowest process could not take its next level */
					int l = proc_held_split_level(&s, 0, n);
					uint64_t df = p.level_cost[l + 1].fds - p.level_cost[l].fds;
					uint64_t dk = p.level_cost[l + 1].kmem_bytes - p.level_cost[l].kmem_bytes;
					ck_assert_msg(sum.fds + df > fds || sum.kmem_bytes + dk > kmem,
						      "fds %llu kmem %llu n %zu: room left for one more level",
						      (unsigned long long)fds, (unsigned long long)kmem, n);
				}
			}
}
END_TEST

START_TEST(new_processes_one_by_one_end_where_the_split_does)
{
	struct proc_held_policy p;
	measured_policy(&p, true, true, PROC_HELD_BY_KMEM, 0); /* 6 levels */
	/* a first refresh: n new processes adopted in pid order, each given its level of
	 * what is left; the rebalance after it must change nothing */
	for (uint64_t fds = 0; fds <= 40; fds += 4)
		for (uint64_t kmem = 0; kmem <= 40000; kmem += 1000)
			for (size_t n = 1; n <= 10; n++) {
				struct proc_held_budget b = B(fds, kmem);
				struct proc_held_split s = proc_held_split(&p, &b, n);
				struct proc_held_budget taken = {0, 0};
				for (size_t i = 0; i < n; i++) {
					int l = proc_held_new_level(&p, 0, &b, &taken, n - i);
					ck_assert_msg(l == proc_held_split_level(&s, i, n),
						      "fds %llu kmem %llu n %zu: #%zu gets %d, split %d",
						      (unsigned long long)fds, (unsigned long long)kmem, n, i, l,
						      proc_held_split_level(&s, i, n));
					taken.fds += p.level_cost[l].fds;
					taken.kmem_bytes += p.level_cost[l].kmem_bytes;
				}
			}
	/* a process that holds its pin (level 1, counted in taken) keeps it with no budget
	 * left, and is never given more than there are levels */
	struct proc_held_budget b = B(10, 10 * FILE_B), t = B(10, 10 * FILE_B);
	ck_assert_int_eq(proc_held_new_level(&p, 1, &b, &t, 3), 1);
	t = B(11, 11 * FILE_B);
	ck_assert_int_eq(proc_held_new_level(&p, 1, &b, &t, 3), 1);
	b = B(100, UNLIMITED);
	t = B(1, FILE_B);
	ck_assert_int_eq(proc_held_new_level(&p, 1, &b, &t, 1), 6);
	t = B(0, 0);
	ck_assert_int_eq(proc_held_new_level(&p, 0, &b, &t, 0), 6); /* left 0 counts as 1 */
}
END_TEST

START_TEST(names_are_the_files_under_proc_pid)
{
	ck_assert_str_eq(proc_held_name(DIR), "");
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
	tcase_add_test(tc, threshold_keeps_out_the_seq_file_buffers);
	tcase_add_test(tc, a_level_fits_both_budgets);
	tcase_add_test(tc, split_shares_the_budget_evenly_remainder_to_the_last_pids);
	tcase_add_test(tc, new_processes_one_by_one_end_where_the_split_does);
	tcase_add_test(tc, names_are_the_files_under_proc_pid);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
