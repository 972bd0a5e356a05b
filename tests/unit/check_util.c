#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/strbuf.h"
#include "core/base/util.h"
#include "tests/unit/ck_run.h"

START_TEST(parse_i64_reads_and_saturates)
{
	const char *p = "  42 rest";
	int64_t v = 0;
	ck_assert(util_parse_i64(&p, &v));
	ck_assert_int_eq(v, 42);
	ck_assert_str_eq(p, " rest");
	p = "-1000";
	ck_assert(util_parse_i64(&p, &v));
	ck_assert_int_eq(v, -1000);
	p = "99999999999999999999999";
	ck_assert(util_parse_i64(&p, &v));
	ck_assert_int_eq(v, INT64_MAX);
	p = "max";
	ck_assert(!util_parse_i64(&p, &v));
	ck_assert_str_eq(p, "max");
	/* kB → bytes never overflows (found by fuzz_meminfo/fuzz_status) */
	ck_assert_int_eq(util_kib_to_bytes(2), 2048);
	ck_assert_int_eq(util_kib_to_bytes(INT64_MAX / 1024), INT64_MAX / 1024 * 1024);
	ck_assert_int_eq(util_kib_to_bytes(INT64_MAX / 1024 + 1), INT64_MIN);
	ck_assert_int_eq(util_kib_to_bytes(-1), INT64_MIN);
	/* sums of garbled values clamp instead of overflowing, and never become "unknown" */
	ck_assert_int_eq(util_sat_add(2, 3), 5);
	ck_assert_int_eq(util_sat_add(INT64_MAX - 1, 5), INT64_MAX);
	ck_assert_int_eq(util_sat_add(INT64_MIN + 1, -5), INT64_MIN + 1);
	ck_assert_int_eq(util_sat_add(-INT64_MAX, -1), INT64_MIN + 1);
	ck_assert_int_eq(util_sat_add(INT64_MAX, INT64_MIN + 1), 0);
}
END_TEST

START_TEST(strbuf_grows_past_printf_scratch)
{
	struct strbuf sb;
	sb_init(&sb);
	for (int i = 0; i < 1000; i++)
		sb_printf(&sb, "%d,", i);
	char big[600];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	sb_printf(&sb, "%s", big);
	ck_assert(!sb.oom);
	ck_assert_uint_eq(strlen(sb.buf), sb.len);
	ck_assert(strncmp(sb.buf, "0,1,2,", 6) == 0);
	ck_assert(strstr(sb.buf, "999,xxx") != NULL);
	sb_free(&sb);
}
END_TEST

START_TEST(grow_keeps_contents_and_doubles)
{
	int *a = NULL;
	size_t cap = 0;
	ck_assert(util_grow((void **)&a, &cap, 1, sizeof(*a)));
	ck_assert_uint_ge(cap, 1);
	for (int i = 0; i < 1000; i++) {
		ck_assert(util_grow((void **)&a, &cap, (size_t)i + 1, sizeof(*a)));
		a[i] = i;
	}
	ck_assert_uint_ge(cap, 1000);
	ck_assert_uint_lt(cap, 2048 + 1);
	for (int i = 0; i < 1000; i++)
		ck_assert_int_eq(a[i], i);
	size_t before = cap;
	ck_assert(util_grow((void **)&a, &cap, 10, sizeof(*a))); /* never shrinks */
	ck_assert_uint_eq(cap, before);
	free(a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("util");
	tcase_add_test(tc, parse_i64_reads_and_saturates);
	tcase_add_test(tc, strbuf_grows_past_printf_scratch);
	tcase_add_test(tc, grow_keeps_contents_and_doubles);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
