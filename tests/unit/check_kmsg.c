/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for the kernel-log decoders (core/klog/kmsg_record.c, kmsg_text.c,
 * kmsg_date.c): /dev/kmsg records, every saved-log shape with its time and origin, dates
 * and month names, continuation lines and fragments. The OOM parser on top: check_oom_events.c. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/util.h"
#include "core/klog/kmsg_date.h"
#include "core/klog/kmsg_record.h"
#include "core/klog/kmsg_text.h"
#include "tests/unit/ck_run.h"

struct lines {
	char text[16][256];
	double boot[16], wall[16];
	int prio[16];
	enum kmsg_line_origin origin[16];
	bool cont[16];
	int n;
};

static void lines_cb(void *ctx, const struct kmsg_line *l)
{
	struct lines *ls = ctx;
	if (ls->n >= 16)
		return;
	snprintf(ls->text[ls->n], sizeof(ls->text[0]), "%s", l->text);
	ls->boot[ls->n] = l->boot_s;
	ls->wall[ls->n] = l->time_unix_s;
	ls->prio[ls->n] = l->prio;
	ls->origin[ls->n] = l->origin;
	ls->cont[ls->n] = l->continuation;
	ls->n++;
}

START_TEST(kmsg_record_unescapes_splits_and_skips_dictionary)
{
	static const char rec[] = "6,371,68002957,-;Memory cgroup stats for /a:\\x0aanon 7601418240"
				  "\\x0afile 24576 back\\x5cslash\n SUBSYSTEM=pci\n DEVICE=+pci:0\n";
	struct lines ls = {0};
	char flag;
	uint64_t seq;
	int n = kmsg_record_parse(rec, strlen(rec), 1000.0, &flag, &seq, lines_cb, &ls);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(ls.n, 3);
	ck_assert_str_eq(ls.text[0], "Memory cgroup stats for /a:");
	ck_assert_str_eq(ls.text[1], "anon 7601418240");
	ck_assert_str_eq(ls.text[2], "file 24576 back\\slash");
	ck_assert(!ls.cont[0] && ls.cont[1] && ls.cont[2]);
	ck_assert_int_eq(flag, '-');
	ck_assert_uint_eq(seq, 371);
	ck_assert_double_eq_tol(ls.boot[0], 68.002957, 1e-9);
	ck_assert_double_eq_tol(ls.wall[0], 1068.002957, 1e-6);
	ck_assert_int_eq(ls.origin[0], KMSG_LINE_ORIGIN_KERNEL);

	/* user space writing to /dev/kmsg gets facility LOG_USER: not the kernel */
	struct lines us = {0};
	ck_assert_int_eq(kmsg_record_parse("14,5,6,-;Killed process 1 (x)", 28, NAN, NULL, NULL,
					   lines_cb, &us), 1);
	ck_assert_int_eq(us.origin[0], KMSG_LINE_ORIGIN_OTHER);
	ck_assert(isnan(us.wall[0]));
	/* future fields before ';' and CONFIG_PRINTK_CALLER */
	struct lines fut = {0};
	ck_assert_int_eq(kmsg_record_parse("4,7,8,-,caller=T123;text", 24, NAN, NULL, NULL,
					   lines_cb, &fut), 1);
	ck_assert_str_eq(fut.text[0], "text");
	ck_assert_int_eq(kmsg_record_parse("not a record", 12, NAN, NULL, NULL, lines_cb, &fut),
			 -EINVAL);
}
END_TEST

static struct lines parse_one_line(const char *line, time_t anchor)
{
	struct lines ls = {0};
	struct kmsg_text_state st;
	kmsg_text_state_init(&st, anchor);
	kmsg_text_line_parse(&st, line, strlen(line), lines_cb, &ls);
	kmsg_text_flush(&st, lines_cb, &ls);
	kmsg_text_state_free(&st);
	return ls;
}

START_TEST(text_shapes_give_text_time_and_origin)
{
	setenv("TZ", "UTC", 1);
	tzset();
	time_t anchor = 1795664034 + 3600; /* 2026-11-26 04:33:54 UTC */
	struct lines l;

	l = parse_one_line("[  816.016369] hog invoked oom-killer: x", anchor);
	ck_assert_str_eq(l.text[0], "hog invoked oom-killer: x");
	ck_assert_double_eq_tol(l.boot[0], 816.016369, 1e-9);
	ck_assert(isnan(l.wall[0]));
	ck_assert_int_eq(l.origin[0], KMSG_LINE_ORIGIN_UNKNOWN);

	l = parse_one_line("[  244.945440][ T3106] text here", anchor);
	ck_assert_str_eq(l.text[0], "text here");

	l = parse_one_line("<3>[  816.016808] Memory cgroup out of memory", anchor);
	ck_assert_int_eq(l.prio[0], 3);
	ck_assert_int_eq(l.origin[0], KMSG_LINE_ORIGIN_KERNEL);
	ck_assert_str_eq(l.text[0], "Memory cgroup out of memory");

	l = parse_one_line("kern  :err   : [  816.016808] Killed", anchor);
	ck_assert_int_eq(l.prio[0], 3);
	ck_assert_str_eq(l.text[0], "Killed");

	l = parse_one_line("[Do Nov 26 03:33:54 2026] de text", anchor);
	ck_assert_str_eq(l.text[0], "de text");
	ck_assert_double_eq_tol(l.wall[0], 1795664034, 0.5);
	l = parse_one_line("[jeu. nov. 26 03:33:54 2026] fr text", anchor);
	ck_assert_double_eq_tol(l.wall[0], 1795664034, 0.5);
	l = parse_one_line("[dim. 26 novembre 03:33:54 2026] fr translated order", anchor);
	ck_assert_double_eq_tol(l.wall[0], 1795664034, 0.5);
	l = parse_one_line("[\xe6\x9c\xa8 11\xe6\x9c\x88 26 03:33:54 2026] ja", anchor);
	ck_assert_double_eq_tol(l.wall[0], 1795664034, 0.5);
	ck_assert_str_eq(l.text[0], "ja");

	l = parse_one_line("2026-11-26T04:33:54,016808+01:00 iso text", anchor);
	ck_assert_str_eq(l.text[0], "iso text");
	ck_assert_double_eq_tol(l.wall[0], 1795664034.016808, 1e-4);

	l = parse_one_line("2026-11-26T03:33:54.5Z host kernel: rfc3339", anchor);
	ck_assert_str_eq(l.text[0], "rfc3339");
	ck_assert_int_eq(l.origin[0], KMSG_LINE_ORIGIN_KERNEL);

	l = parse_one_line("Nov 26 03:33:54 host kernel: [  816.016369] rs text", anchor);
	ck_assert_str_eq(l.text[0], "rs text");
	ck_assert_int_eq(l.origin[0], KMSG_LINE_ORIGIN_KERNEL);
	ck_assert_double_eq_tol(l.boot[0], 816.016369, 1e-9);
	ck_assert_double_eq_tol(l.wall[0], 1795664034, 0.5);

	l = parse_one_line("Nov 26 03:33:54 host systemd[1]: Killed process 1 (x) total-vm:1kB",
			   anchor);
	ck_assert_int_eq(l.origin[0], KMSG_LINE_ORIGIN_OTHER);

	l = parse_one_line("[ 1234.567890] host kernel: monotonic", anchor);
	ck_assert_str_eq(l.text[0], "monotonic");
	ck_assert_int_eq(l.origin[0], KMSG_LINE_ORIGIN_KERNEL);
	l = parse_one_line("[ 1234.567890] usb 1-1: new device", anchor);
	ck_assert_str_eq(l.text[0], "usb 1-1: new device"); /* dmesg, not journalctl */

	l = parse_one_line("May  1 11:11:51 h kernel: Mem-Info:#012 active_file:287#012 free:1", anchor);
	ck_assert_int_eq(l.n, 3);
	ck_assert_str_eq(l.text[1], " active_file:287");
	ck_assert(l.cont[1]);

	l = parse_one_line("bare kernel line", anchor);
	ck_assert_str_eq(l.text[0], "bare kernel line");
	ck_assert(isnan(l.boot[0]) && isnan(l.wall[0]));
}
END_TEST

START_TEST(yearless_dates_take_the_anchor_year_or_the_one_before)
{
	setenv("TZ", "UTC", 1);
	tzset();
	/* anchor 2027-01-02: a December line is from 2026, a January line from 2027 */
	time_t anchor = 1798761600 + 86400;
	struct lines l = parse_one_line("Dec 31 23:00:00 h kernel: x", anchor);
	ck_assert_double_eq_tol(l.wall[0], 1798761600.0 - 3600, 0.5);
	l = parse_one_line("Jan 01 01:00:00 h kernel: x", anchor);
	ck_assert_double_eq_tol(l.wall[0], 1798761600.0 + 3600, 0.5);
}
END_TEST

START_TEST(month_names_in_several_locales)
{
	static const struct {
		const char *tok;
		int month;
	} cases[] = {{"Jan", 1},   {"janv.", 1}, {"Feb", 2},  {"f\xc3\xa9vr.", 2}, {"M\xc3\xa4r", 3},
		     {"mars", 3},  {"Apr", 4},   {"avril", 4}, {"Mai", 5},  {"May", 5},
		     {"juin", 6},  {"Jun", 6},   {"juil.", 7}, {"Jul", 7},  {"ao\xc3\xbbt", 8},
		     {"sept.", 9}, {"Okt", 10},  {"Nov", 11},  {"Dez", 12}, {"d\xc3\xa9\x63.", 12},
		     {"12\xe6\x9c\x88", 12}, {"13\xe6\x9c\x88", 0}, {"Xyz", 0}, {"12", 0}};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		ck_assert_msg(kmsg_date_month(cases[i].tok, strlen(cases[i].tok)) == cases[i].month,
			      "%s", cases[i].tok);
}
END_TEST

START_TEST(dmesg_continuation_lines_keep_the_time_above)
{
	struct lines ls = {0};
	struct kmsg_text_state st;
	kmsg_text_state_init(&st, time(NULL));
	const char *in[] = {"[Di Aug 12 03:54:03 2025] Memory cgroup stats for /lxc/39004:",
			    "                          anon 12925181952", "next bare"};
	for (size_t i = 0; i < 3; i++)
		kmsg_text_line_parse(&st, in[i], strlen(in[i]), lines_cb, &ls);
	kmsg_text_state_free(&st);
	ck_assert_int_eq(ls.n, 3);
	ck_assert_str_eq(ls.text[1], "anon 12925181952");
	ck_assert(ls.cont[1]);
	ck_assert_double_eq(ls.wall[1], ls.wall[0]);
	ck_assert(!ls.cont[2]);
}
END_TEST

START_TEST(record_fragments_are_joined_into_one_line)
{
	/* kernels before ~4.9: a line printed in pieces is 'c' then '+' records */
	struct lines ls = {0};
	struct kmsg_text_state st;
	kmsg_text_state_init(&st, time(NULL));
	const char *in[] = {"4,10,100,c;Out of memory: Killed process 5 (frag) total-vm:10kB,",
			    "4,11,101,+; anon-rss:2kB, file-rss:3kB", "6,12,102,-;next line"};
	int n = 0;
	for (size_t i = 0; i < 3; i++)
		n += kmsg_text_line_parse(&st, in[i], strlen(in[i]), lines_cb, &ls);
	n += kmsg_text_flush(&st, lines_cb, &ls);
	kmsg_text_state_free(&st);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(ls.n, 2);
	ck_assert_str_eq(ls.text[0],
			 "Out of memory: Killed process 5 (frag) total-vm:10kB, anon-rss:2kB, file-rss:3kB");
	ck_assert_double_eq_tol(ls.boot[0], 0.0001, 1e-12); /* the first fragment's time */
	ck_assert_str_eq(ls.text[1], "next line");

	/* a fragment still open at the end is emitted by the flush */
	struct lines tail = {0};
	kmsg_text_state_init(&st, time(NULL));
	ck_assert_int_eq(kmsg_text_line_parse(&st, in[0], strlen(in[0]), lines_cb, &tail), 0);
	ck_assert_int_eq(tail.n, 0);
	ck_assert_int_eq(kmsg_text_flush(&st, lines_cb, &tail), 1);
	ck_assert_int_eq(kmsg_text_flush(&st, lines_cb, &tail), 0);
	kmsg_text_state_free(&st);
	ck_assert_str_eq(tail.text[0], "Out of memory: Killed process 5 (frag) total-vm:10kB,");
}
END_TEST

START_TEST(date_scanners_move_only_on_success)
{
	setenv("TZ", "UTC", 1);
	tzset();
	const char *in = "[  139.201253] x", *p = in;
	double t = 0;
	ck_assert(kmsg_date_scan_boot(&p, in + strlen(in), &t));
	ck_assert_ptr_eq(p, in + 14);
	ck_assert_double_eq_tol(t, 139.201253, 1e-9);
	/* cut before the ']': no time, no move */
	p = in;
	ck_assert(!kmsg_date_scan_boot(&p, in + 13, &t));
	ck_assert_ptr_eq(p, in);
	ck_assert(!kmsg_date_scan_iso(&p, in + strlen(in), &t));
	ck_assert(!kmsg_date_scan_ctime(&p, in + strlen(in), &t));
	ck_assert(!kmsg_date_scan_syslog(&p, in + strlen(in), 0, &t));
	ck_assert_ptr_eq(p, in);

	const char *iso = "2026-11-26T03:33:54Z rest";
	p = iso;
	ck_assert(kmsg_date_scan_iso(&p, iso + strlen(iso), &t));
	ck_assert_double_eq_tol(t, 1795664034, 1e-6);
	ck_assert_str_eq(p, " rest");
	/* a month 13 or a 25th hour is no date */
	const char *bad[] = {"2026-13-26T03:33:54Z", "2026-11-26T25:33:54Z", "2026-11-26X03:33:54Z"};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		p = bad[i];
		ck_assert_msg(!kmsg_date_scan_iso(&p, bad[i] + strlen(bad[i]), &t), "%s", bad[i]);
		ck_assert_ptr_eq(p, bad[i]);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("kmsg");
	TCase *tc = tcase_create("record");
	tcase_add_test(tc, kmsg_record_unescapes_splits_and_skips_dictionary);
	tcase_add_test(tc, record_fragments_are_joined_into_one_line);
	suite_add_tcase(s, tc);
	tc = tcase_create("text");
	tcase_add_test(tc, text_shapes_give_text_time_and_origin);
	tcase_add_test(tc, dmesg_continuation_lines_keep_the_time_above);
	suite_add_tcase(s, tc);
	tc = tcase_create("date");
	tcase_add_test(tc, yearless_dates_take_the_anchor_year_or_the_one_before);
	tcase_add_test(tc, month_names_in_several_locales);
	tcase_add_test(tc, date_scanners_move_only_on_success);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
