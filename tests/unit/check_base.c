/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for core/base/: util (integers, growing arrays), strbuf, scan, utf8, fmt
 * (numbers for people, without printf) and escape (untrusted text for terminals). */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/escape.h"
#include "core/base/fmt.h"
#include "core/base/scan.h"
#include "core/base/strbuf.h"
#include "core/base/utf8.h"
#include "core/base/util.h"
#include "core/model.h"
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

/* ================================================================ scan */

START_TEST(scan_prefixes_digits_and_bounded_scanners)
{
	ck_assert(scan_starts("oom-kill:constraint", "oom-kill:"));
	ck_assert(scan_starts("abc", ""));
	ck_assert(!scan_starts("oom", "oom-kill"));
	ck_assert(!scan_starts("Oom-kill", "oom"));
	for (int c = -128; c < 256; c++) {
		char s[2] = {(char)c, '\0'};
		int want = c > 0 && strchr("0123456789abcdefABCDEF", c) ? (int)strtol(s, NULL, 16) : -1;
		ck_assert_msg(scan_hex_digit(c) == want, "scan_hex_digit(%d) = %d", c, scan_hex_digit(c));
		ck_assert(scan_is_digit((char)c) == (c >= '0' && c <= '9'));
	}

	const char *text = "123,45;x", *p = text, *end = text + strlen(text);
	uint64_t v = 0;
	ck_assert(scan_u64(&p, end, &v));
	ck_assert_uint_eq(v, 123);
	ck_assert(!scan_u64(&p, end, &v)); /* at ',': nothing read, nothing moved */
	ck_assert_ptr_eq(p, text + 3);
	ck_assert(!scan_lit(&p, end, ",46"));
	ck_assert_ptr_eq(p, text + 3);
	ck_assert(scan_lit(&p, end, ","));
	/* the end bounds the scan, not the NUL: "45" cut after "4" */
	ck_assert(scan_u64(&p, p + 1, &v));
	ck_assert_uint_eq(v, 4);
	ck_assert(!scan_lit(&p, end, ";xy")); /* longer than what is left */
	const char *big = "99999999999999999999999";
	p = big;
	ck_assert(scan_u64(&p, big + strlen(big), &v));
	ck_assert_uint_eq(v, UINT64_MAX);

	const char *bl = " \t x";
	ck_assert_ptr_eq(scan_blanks(bl, bl + strlen(bl)), bl + 3);
	ck_assert_ptr_eq(scan_blanks(bl, bl + 1), bl + 1);
}
END_TEST

START_TEST(scan_sizes)
{
	struct {
		const char *s;
		bool ok;
		uint64_t v;
	} cases[] = {
		{"0", true, 0}, {"4096", true, 4096}, {"1k", true, 1024}, {"512K", true, 512 << 10},
		{"8M", true, 8 << 20}, {"8m", true, 8 << 20}, {"1G", true, 1 << 30}, {"1024M", true, 1 << 30},
		{"1025M", false, 0}, {"2G", false, 0}, {"1073741825", false, 0}, /* over the max */
		{"", false, 0}, {"M", false, 0}, {"8MB", true, 8 << 20}, {"8MiB", true, 8 << 20}, {"8 M", false, 0},
		{"8Mi", false, 0}, {"8MiBs", false, 0}, {"8KB", true, 8 << 10}, {"0x10", false, 0}, {"1e3", false, 0},
		{" 8M", false, 0}, {"-1", false, 0}, {"1T", false, 0}, /* over the max */ {"1.5M", false, 0},
		{"99999999999999999999999G", false, 0}, /* saturates, and is over the max */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint64_t v = 7;
		bool ok = scan_size(cases[i].s, UINT64_C(1) << 30, &v);
		ck_assert_msg(ok == cases[i].ok, "scan_size(\"%s\") %s", cases[i].s, ok ? "accepted" : "refused");
		ck_assert_msg(v == (ok ? cases[i].v : 7), "scan_size(\"%s\") = %llu", cases[i].s, (unsigned long long)v);
	}
	uint64_t v;
	ck_assert(scan_size("16E", UINT64_MAX, &v) == false); /* E is no unit */
	ck_assert(scan_size("2T", UINT64_MAX, &v));
	ck_assert_uint_eq(v, UINT64_C(2) << 40);
	ck_assert(scan_size("17179869183G", UINT64_MAX, &v)); /* the largest that fits */
	ck_assert_uint_eq(v, UINT64_C(17179869183) << 30);
	ck_assert(!scan_size("17179869184G", UINT64_MAX, &v)); /* would overflow */
}
END_TEST

/* ================================================================ utf8 */

static size_t dec(const char *s, size_t avail, uint32_t *cp)
{
	return utf8_decode((const unsigned char *)s, avail, cp);
}

START_TEST(utf8_decodes_only_shortest_scalar_values)
{
	static const struct {
		const char *s;
		size_t len;
		uint32_t cp;
	} good[] = {
		{"A", 1, 0x41},          {"\x7f", 1, 0x7f},             {"\xc2\x80", 2, 0x80},
		{"\xc3\xa9", 2, 0xe9},    {"\xdf\xbf", 2, 0x7ff},        {"\xe0\xa0\x80", 3, 0x800},
		{"\xe6\x97\xa5", 3, 0x65e5}, {"\xed\x9f\xbf", 3, 0xd7ff},   {"\xee\x80\x80", 3, 0xe000},
		{"\xef\xbf\xbf", 3, 0xffff}, {"\xf0\x90\x80\x80", 4, 0x10000}, {"\xf0\x9f\x98\x80", 4, 0x1f600},
		{"\xf4\x8f\xbf\xbf", 4, 0x10ffff},
	};
	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		uint32_t cp = 0;
		ck_assert_uint_eq(dec(good[i].s, SIZE_MAX, &cp), good[i].len);
		ck_assert_uint_eq(cp, good[i].cp);
		ck_assert_uint_eq(dec(good[i].s, good[i].len, &cp), good[i].len);
		if (good[i].len > 1) /* a sequence the buffer cuts short is invalid */
			ck_assert_uint_eq(dec(good[i].s, good[i].len - 1, &cp), 0);
	}
	static const char *const bad[] = {
		"\x80", "\xbf",                          /* a continuation byte alone */
		"\xc0\xaf", "\xc1\xbf",                  /* overlong, 2 bytes */
		"\xe0\x80\xaf", "\xf0\x80\x80\xaf",      /* overlong, 3 and 4 bytes */
		"\xed\xa0\x80", "\xed\xbf\xbf",          /* surrogates U+D800, U+DFFF */
		"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", /* above U+10FFFF */
		"\xf8\x88\x80\x80\x80", "\xfe", "\xff",  /* never a lead byte */
		"\xc3" "A",                            /* no continuation */
		"\xe6\x97",                            /* cut by the NUL */
		"\xe6\x00\xa5",                        /* a NUL inside */
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		uint32_t cp = 12345;
		ck_assert_msg(dec(bad[i], SIZE_MAX, &cp) == 0, "bad[%zu] decoded", i);
		ck_assert_uint_eq(cp, 12345); /* left alone */
	}
}
END_TEST

/* ================================================================ fmt */

static const char *fb(int64_t v)
{
	static char buf[32];
	fmt_bytes(buf, sizeof(buf), v);
	return buf;
}

START_TEST(fmt_bytes_cases)
{
	ck_assert_str_eq(fb(VAL_UNKNOWN), "-");
	ck_assert_str_eq(fb(0), "0");
	ck_assert_str_eq(fb(999), "999");
	ck_assert_str_eq(fb(1000), "1.0K");
	ck_assert_str_eq(fb(1536), "1.5K");
	ck_assert_str_eq(fb(10240), "10K");
	ck_assert_str_eq(fb(215040000), "205M");
	ck_assert_str_eq(fb(INT64_C(8) << 30), "8.0G");
	ck_assert_str_eq(fb(INT64_C(1) << 40), "1.0T");
	ck_assert_str_eq(fb(-1536), "-1.5K");
	ck_assert_str_eq(fb(INT64_MAX), "8.0E");
	/* never more than 5 characters below 1000 P */
	for (double v = 1; v < 1000.0 * 1125899906842624.0; v *= 1.013) {
		const char *s = fb((int64_t)v);
		ck_assert_msg(strlen(s) <= 5, "%.0f → '%s'", v, s);
	}
	char small[3];
	fmt_bytes(small, sizeof(small), 215040000);
	ck_assert_str_eq(small, "20");
}
END_TEST

START_TEST(fmt_rates_and_durations)
{
	char b[32];
	fmt_bytes_rate_h(b, sizeof(b), NAN);
	ck_assert_str_eq(b, "-");
	fmt_bytes_rate_h(b, sizeof(b), 0);
	ck_assert_str_eq(b, "0/h");
	fmt_bytes_rate_h(b, sizeof(b), 58254.2);
	ck_assert_str_eq(b, "+200M/h");
	fmt_bytes_rate_h(b, sizeof(b), -1024.0 / 3600);
	ck_assert_str_eq(b, "-1.0K/h");
	fmt_bytes_rate_h(b, sizeof(b), 100.0 / 3600); /* 100 B/h: noise */
	ck_assert_str_eq(b, "0/h");
	fmt_bytes_rate_h(b, sizeof(b), -100.0 / 3600);
	ck_assert_str_eq(b, "0/h");
	fmt_bytes_rate_h(b, sizeof(b), 10.0 * 1024 * 1024 * 1024 / 3600);
	ck_assert_str_eq(b, "+10G/h");

	fmt_count_rate_h(b, sizeof(b), NAN);
	ck_assert_str_eq(b, "-");
	fmt_count_rate_h(b, sizeof(b), 5.0);
	ck_assert_str_eq(b, "+18K/h");
	fmt_count_rate_h(b, sizeof(b), -1.0 / 3600);
	ck_assert_str_eq(b, "-1/h");
	fmt_count_rate_h(b, sizeof(b), 0.0001);
	ck_assert_str_eq(b, "0/h");
	fmt_count_rate_h(b, sizeof(b), 1000.0);
	ck_assert_str_eq(b, "+4M/h");

	static const struct {
		double s;
		const char *want;
	} d[] = {
		{NAN, "-"},       {-1, "-"},          {0, "0s"},           {42, "42s"},      {59.4, "59s"},
		{2460, "41m"},    {3600, "1h00m"},    {7500, "2h05m"},     {86400, "1d00h"}, {200000, "2d07h"},
		{98 * 86400.0, "98d00h"}, {100 * 86400.0, ">99d"}, {INFINITY, ">99d"},
	};
	for (size_t i = 0; i < sizeof(d) / sizeof(d[0]); i++) {
		fmt_duration(b, sizeof(b), d[i].s);
		ck_assert_msg(strcmp(b, d[i].want) == 0, "%g s → '%s', want '%s'", d[i].s, b, d[i].want);
	}
}
END_TEST

START_TEST(fmt_count_digits_or_dash)
{
	char b[32];
	ck_assert_str_eq(fmt_count(b, sizeof(b), VAL_UNKNOWN), "-");
	ck_assert_str_eq(fmt_count(b, sizeof(b), 0), "0");
	ck_assert_str_eq(fmt_count(b, sizeof(b), -1000), "-1000");
	ck_assert_str_eq(fmt_count(b, sizeof(b), INT64_MAX), "9223372036854775807");
	char small[3];
	ck_assert_str_eq(fmt_count(small, sizeof(small), 12345), "12");
}
END_TEST

/* The formatters skip printf on the refresh path; they must print what printf prints.
 * The references below are the printf formulas they replace (json_write_double's is in
 * check_output.c). */
static void ref_scaled(char *out, size_t cap, double v, const char *suffix)
{
	static const char units[] = "BKMGTPE";
	double a = fabs(v);
	int u = 0;
	while (a >= 1000.0 && u < 6) {
		a /= 1024.0;
		u++;
	}
	const char *sign = v < 0 ? "-" : "";
	if (u == 0)
		snprintf(out, cap, "%s%.0f%s", sign, a, suffix);
	else if (a < 9.95)
		snprintf(out, cap, "%s%.1f%c%s", sign, a, units[u], suffix);
	else
		snprintf(out, cap, "%s%.0f%c%s", sign, a, units[u], suffix);
}


START_TEST(formatters_print_what_printf_prints)
{
	char got[64], want[64];
	srand(7);
	for (int i = 0; i < 20000; i++) {
		/* sizes: bytes, often multiples of 1K like the kernel's, with tie cases */
		int64_t b = ((int64_t)rand() << 20 ^ rand()) >> (rand() % 50);
		if (i % 3 == 0)
			b &= ~(int64_t)1023;
		fmt_bytes(got, sizeof(got), b);
		ref_scaled(want, sizeof(want), (double)b, "");
		size_t n = strlen(want);
		if (n && want[n - 1] == 'B')
			want[n - 1] = '\0';
		ck_assert_msg(strcmp(got, want) == 0, "fmt_bytes(%lld): got %s, printf says %s", (long long)b, got, want);
		/* rates, per second, any sign and scale */
		double r = ((double)rand() / RAND_MAX - 0.5) * pow(10.0, rand() % 14 - 4);
		fmt_bytes_rate_h(got, sizeof(got), r);
		double h = r * 3600.0;
		if (fabs(h) < 512.0) {
			snprintf(want, sizeof(want), "0/h");
		} else {
			char tmp[32];
			ref_scaled(tmp, sizeof(tmp), fabs(h), "/h");
			snprintf(want, sizeof(want), "%c%s", h < 0 ? '-' : '+', tmp);
		}
		ck_assert_msg(strcmp(got, want) == 0, "fmt_bytes_rate_h(%.17g): got %s, printf says %s", r, got, want);
		fmt_count_rate_h(got, sizeof(got), r);
		double a = fabs(h);
		char c = h < 0 ? '-' : '+';
		if (a < 0.5)
			snprintf(want, sizeof(want), "0/h");
		else if (a < 1000)
			snprintf(want, sizeof(want), "%c%.0f/h", c, a);
		else if (a < 1e6)
			snprintf(want, sizeof(want), "%c%.0fK/h", c, a / 1e3);
		else
			snprintf(want, sizeof(want), "%c%.0fM/h", c, a / 1e6);
		ck_assert_msg(strcmp(got, want) == 0, "fmt_count_rate_h(%.17g): got %s, printf says %s", r, got, want);
	}
}
END_TEST

/* ================================================================ escape */

static char *san(const char *s, size_t max)
{
	static char out[512];
	struct strbuf sb;
	sb_init(&sb);
	escape_text(&sb, s, max);
	snprintf(out, sizeof(out), "%s", sb.buf ? sb.buf : "");
	sb_free(&sb);
	return out;
}

START_TEST(escape_text_cases)
{
	ck_assert_str_eq(san("", 0), "");
	ck_assert_str_eq(san("plain ascii", 0), "plain ascii");
	ck_assert_str_eq(san("a\x1b[31mb", 0), "a\\x1b[31mb");
	ck_assert_str_eq(san("line\nbreak\ttab\r", 0), "line\\x0abreak\\x09tab\\x0d");
	ck_assert_str_eq(san("del\x7f", 0), "del\\x7f");
	ck_assert_str_eq(san("c1 \xc2\x9b csi", 0), "c1 \\xc2\\x9b csi");      /* U+009B as UTF-8 */
	ck_assert_str_eq(san("raw \x9b csi", 0), "raw \\x9b csi");             /* a lone C1 byte */
	ck_assert_str_eq(san("café 日本 😀", 0), "café 日本 😀");             /* valid UTF-8 kept */
	ck_assert_str_eq(san("nbsp\xc2\xa0", 0), "nbsp\xc2\xa0");              /* U+00A0 is printable */
	ck_assert_str_eq(san("bad \xff\xfe", 0), "bad \\xff\\xfe");
	ck_assert_str_eq(san("overlong \xc0\xaf", 0), "overlong \\xc0\\xaf");
	ck_assert_str_eq(san("surrogate \xed\xa0\x80", 0), "surrogate \\xed\\xa0\\x80");
	ck_assert_str_eq(san("too big \xf4\x90\x80\x80", 0), "too big \\xf4\\x90\\x80\\x80");
	ck_assert_str_eq(san("cut \xe6\x97", 0), "cut \\xe6\\x97");
	/* truncation */
	ck_assert_str_eq(san("abcdef", 3), "abc...");
	ck_assert_str_eq(san("abcdef", 6), "abcdef");
	ck_assert_str_eq(san("abcdef", 100), "abcdef");
	/* a cut inside a character drops the whole character rather than showing its
	 * first bytes as if they were invalid input */
	ck_assert_str_eq(san("aé", 2), "a...");
	ck_assert_str_eq(san("a日本", 3), "a...");
	ck_assert_str_eq(san("a日本", 4), "a日...");
	ck_assert_str_eq(san("😀x", 2), "...");
	/* an invalid byte at the cut is still shown */
	ck_assert_str_eq(san("a\xff" "bc", 2), "a\\xff...");
}
END_TEST


int main(void)
{
	Suite *s = suite_create("base");
	TCase *tc = tcase_create("util");
	tcase_add_test(tc, parse_i64_reads_and_saturates);
	tcase_add_test(tc, grow_keeps_contents_and_doubles);
	suite_add_tcase(s, tc);
	tc = tcase_create("strbuf");
	tcase_add_test(tc, strbuf_grows_past_printf_scratch);
	suite_add_tcase(s, tc);
	tc = tcase_create("scan");
	tcase_add_test(tc, scan_prefixes_digits_and_bounded_scanners);
	tcase_add_test(tc, scan_sizes);
	suite_add_tcase(s, tc);
	tc = tcase_create("utf8");
	tcase_add_test(tc, utf8_decodes_only_shortest_scalar_values);
	suite_add_tcase(s, tc);
	tc = tcase_create("fmt");
	tcase_add_test(tc, fmt_bytes_cases);
	tcase_add_test(tc, fmt_rates_and_durations);
	tcase_add_test(tc, fmt_count_digits_or_dash);
	tcase_add_test(tc, formatters_print_what_printf_prints);
	suite_add_tcase(s, tc);
	tc = tcase_create("escape");
	tcase_add_test(tc, escape_text_cases);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
