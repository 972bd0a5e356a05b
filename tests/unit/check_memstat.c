/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The memory breakdown parsers on real files: cgroup memory.stat (core/cgroup/stat.c) of
 * v1 and v2 kernels from 3.10 to 6.18, and ZFS arcstats (core/sys/arcstats.c) of ZFS on
 * Linux 0.6 to OpenZFS 2.2. Table-driven against tests/fixtures/{memstat,arcstats}/
 * expected.tsv; where each file comes from is in the SOURCES.md beside it. */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"
#include "core/cgroup/stat.h"
#include "core/model.h"
#include "core/sys/arcstats.h"
#include "tests/lib/fxtable.h"
#include "tests/unit/ck_run.h"

#define MEMSTAT_DIR FIXTURES "/memstat"
#define ARCSTATS_DIR FIXTURES "/arcstats"


static bool eq(const char *file, const char *what, int64_t want, int64_t got)
{
	if (want == got)
		return true;
	fprintf(stderr, "%s: %s: want %s%lld, got %s%lld\n", file, what,
		val_known(want) ? "" : "unknown ", val_known(want) ? (long long)want : 0LL,
		val_known(got) ? "" : "unknown ", val_known(got) ? (long long)got : 0LL);
	return false;
}

/* ---- memory.stat ------------------------------------------------------------------ */

/* columns: file version anon file file_inactive shmem kernel sock usage working_set */
START_TEST(memory_stat_files_match_expected_tsv)
{
	char *tsv = fxtable_slurp(MEMSTAT_DIR, "expected.tsv");
	int files = 0, failures = 0;
	char *save = NULL;
	strtok_r(tsv, "\n", &save); /* the header */
	for (char *line; (line = strtok_r(NULL, "\n", &save));) {
		char *c[10];
		ck_assert_int_eq(fxtable_split(line, c, 10), 10);
		char *text = fxtable_slurp(MEMSTAT_DIR, c[0]);
		struct cgroup_stat st;
		int r = cgroup_stat_parse(text, (int)fxtable_cell(c[1]), &st);
		bool ok = eq(c[0], "return", 0, r);
		ok &= eq(c[0], "anon", fxtable_cell(c[2]), st.anon_bytes);
		ok &= eq(c[0], "file", fxtable_cell(c[3]), st.file_bytes);
		ok &= eq(c[0], "file_inactive", fxtable_cell(c[4]), st.file_inactive_bytes);
		ok &= eq(c[0], "shmem", fxtable_cell(c[5]), st.shmem_bytes);
		ok &= eq(c[0], "kernel", fxtable_cell(c[6]), st.kernel_bytes);
		ok &= eq(c[0], "sock", fxtable_cell(c[7]), st.sock_bytes);
		ok &= eq(c[0], "working_set", fxtable_cell(c[9]),
			 cgroup_stat_working_set(fxtable_cell(c[8]), st.file_inactive_bytes));
		failures += !ok;
		files++;
		free(text);
	}
	free(tsv);
	ck_assert_int_eq(failures, 0);
	ck_assert_int_eq(files, 8);
	ck_assert_int_eq(files, fxtable_count(MEMSTAT_DIR)); /* no file left untested */
}
END_TEST

/* v1: the total_* keys (the subtree), not the unprefixed ones (this cgroup's own pages:
 * all 0 on a parent whose pages are in its children). */
START_TEST(memory_stat_v1_reads_the_hierarchical_totals)
{
	char *text = fxtable_slurp(MEMSTAT_DIR, "v1-k6.18-local-process_api.stat");
	ck_assert_ptr_nonnull(strstr(text, "\nrss 0\n"));
	struct cgroup_stat st;
	ck_assert_int_eq(cgroup_stat_parse(text, 1, &st), 0);
	ck_assert(st.anon_bytes > 0 && st.file_bytes > 0 && st.file_inactive_bytes > 0);
	free(text);
}
END_TEST

/* v2 before 5.18: kernel is the sum of its parts, never counting "slab" (their sum)
 * twice; a file in the 4.x/5.2 shape has only kernel_stack and the two slab lines. */
START_TEST(memory_stat_v2_kernel_before_5_18_is_the_sum_of_its_parts)
{
	char *text = fxtable_slurp(MEMSTAT_DIR, "v2-k5.2-lkml-oom-dump.stat");
	struct cgroup_stat st;
	ck_assert_int_eq(cgroup_stat_parse(text, 2, &st), 0);
	ck_assert_int_eq(st.kernel_bytes, 36864 + 0 + 274432);
	free(text);
	text = fxtable_slurp(MEMSTAT_DIR, "v2-k5.19-lkml-oom-dump.stat");
	ck_assert_int_eq(cgroup_stat_parse(text, 2, &st), 0);
	ck_assert_int_eq(st.kernel_bytes, 146997248); /* the kernel line, not the parts */
	free(text);
}
END_TEST

/* A v2 file read as v1 has none of the total_* keys: not a v1 memory.stat. */
START_TEST(memory_stat_of_the_other_version_is_not_a_memory_stat)
{
	char *v2 = fxtable_slurp(MEMSTAT_DIR, "v2-k6.x-galaxy-232.stat");
	struct cgroup_stat st;
	ck_assert_int_eq(cgroup_stat_parse(v2, 1, &st), -EINVAL);
	ck_assert(!val_known(st.anon_bytes) && !val_known(st.file_inactive_bytes));
	free(v2);
}
END_TEST

/* ---- arcstats ----------------------------------------------------------------------- */

/* columns: file size c_min reclaimable */
START_TEST(arcstats_files_match_expected_tsv)
{
	char *tsv = fxtable_slurp(ARCSTATS_DIR, "expected.tsv");
	int files = 0, failures = 0;
	char *save = NULL;
	strtok_r(tsv, "\n", &save);
	for (char *line; (line = strtok_r(NULL, "\n", &save));) {
		char *c[4];
		ck_assert_int_eq(fxtable_split(line, c, 4), 4);
		char *text = fxtable_slurp(ARCSTATS_DIR, c[0]);
		int64_t size, c_min;
		int r = arcstats_parse(text, &size, &c_min);
		bool ok = eq(c[0], "return", 0, r);
		ok &= eq(c[0], "size", fxtable_cell(c[1]), size);
		ok &= eq(c[0], "c_min", fxtable_cell(c[2]), c_min);
		ok &= eq(c[0], "reclaimable", fxtable_cell(c[3]), arcstats_reclaimable(size, c_min));
		failures += !ok;
		files++;
		free(text);
	}
	free(tsv);
	ck_assert_int_eq(failures, 0);
	ck_assert_int_eq(files, 5);
	ck_assert_int_eq(files, fxtable_count(ARCSTATS_DIR));
}
END_TEST

/* Other counters end in "size" (hdr_size, l2_size, compressed_size, ...): take the
 * size line out of a real file and the ARC's size is unknown, not one of theirs. */
START_TEST(arcstats_size_is_its_own_line)
{
	static const char *const names[] = {"zol-0.6.4-telegraf", "openzfs-2.2-zftop"};
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		char *text = fxtable_slurp(ARCSTATS_DIR, names[i]);
		char *at = strstr(text, "\nsize ");
		ck_assert_ptr_nonnull(at);
		char *next = strchr(at + 1, '\n');
		ck_assert_ptr_nonnull(next);
		memmove(at, next, strlen(next) + 1);
		ck_assert_ptr_nonnull(strstr(text, "_size "));
		int64_t size, c_min;
		ck_assert_int_eq(arcstats_parse(text, &size, &c_min), -EINVAL);
		ck_assert(!val_known(size));
		ck_assert(val_known(c_min));
		free(text);
	}
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("memstat");
	TCase *tm = tcase_create("memory.stat");
	tcase_add_test(tm, memory_stat_files_match_expected_tsv);
	tcase_add_test(tm, memory_stat_v1_reads_the_hierarchical_totals);
	tcase_add_test(tm, memory_stat_v2_kernel_before_5_18_is_the_sum_of_its_parts);
	tcase_add_test(tm, memory_stat_of_the_other_version_is_not_a_memory_stat);
	suite_add_tcase(s, tm);
	TCase *ta = tcase_create("arcstats");
	tcase_add_test(ta, arcstats_files_match_expected_tsv);
	tcase_add_test(ta, arcstats_size_is_its_own_line);
	suite_add_tcase(s, ta);
	return s;
}

int main(void) { return ck_run(suite()); }
