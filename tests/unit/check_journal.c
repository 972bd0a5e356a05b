/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests of the journal path as a whole: the sample journals of tests/fixtures/journal
 * against their expected.tsv (every column: killer, victim, unit, cgroup, reason, boot,
 * time), read two ways — the Journal Export Format sources through the pure entry reader
 * (core/klog/oom_journal.c, no libsystemd needed), and the journal files themselves through
 * sd-journal (core/klog/journal_source.c, when this build has it) one by one and as a
 * folder. Also: the journal source's errors. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"
#include "core/klog/journal_source.h"
#include "core/klog/kmsg_date.h"
#include "core/klog/oom_journal.h"
#include "tests/lib/fxjournal.h"
#include "tests/unit/ck_run.h"

#define JDIR FIXTURES "/journal"

struct collect {
	struct oom_event ev[64];
	size_t n;
};

static void collect_event(void *ctx, struct oom_event *ev)
{
	struct collect *c = ctx;
	ck_assert_uint_lt(c->n, 64);
	c->ev[c->n++] = *ev;
}

static void collect_free(struct collect *c)
{
	for (size_t i = 0; i < c->n; i++)
		oom_event_free(&c->ev[i]);
	c->n = 0;
}

static void feed(void *ctx, const struct journal_entry *e) { oom_journal_feed(ctx, e); }

/* expected.tsv lines by their realtime column (ISO 8601 UTC sorts as text) */
static int by_time(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	for (int i = 0; i < 2; i++) {
		x = strchr(x, '\t') + 1;
		y = strchr(y, '\t') + 1;
	}
	return strcmp(x, y);
}

/* The rows of expected.tsv for one file (NULL: all), compared with what was collected in
 * order. Returns the number of rows; failures are printed and counted in *bad. */
static size_t compare(const char *file, const struct collect *c, int *bad)
{
	size_t len;
	char *tsv = util_slurp(JDIR "/expected.tsv", &len);
	ck_assert_ptr_nonnull(tsv);
	size_t rows = 0, nlines = 0;
	char *lines[128];
	char *save = NULL;
	strtok_r(tsv, "\n", &save); /* header */
	for (char *line = strtok_r(NULL, "\n", &save); line && nlines < 128; line = strtok_r(NULL, "\n", &save))
		lines[nlines++] = line;
	if (!file) /* the folder: all files' rows in time order */
		qsort(lines, nlines, sizeof(lines[0]), by_time);
	for (size_t li = 0; li < nlines; li++) {
		char *line = lines[li];
		char *col[9] = {0};
		int n = 0;
		for (char *p = line; n < 9; n++) {
			col[n] = p;
			char *tab = strchr(p, '\t');
			if (!tab)
				break;
			*tab = '\0';
			p = tab + 1;
		}
		ck_assert_int_eq(n, 8);
		if (file && strcmp(col[0], file) != 0)
			continue;
		if (rows >= c->n) {
			fprintf(stderr, "%s: missing row %zu (%s %s)\n", file ? file : "folder", rows, col[3], col[2]);
			(*bad)++;
			rows++;
			continue;
		}
		const struct oom_event *ev = &c->ev[rows++];
		const char *p = col[2];
		double t;
		ck_assert(kmsg_date_scan_iso(&p, p + strlen(p), &t));
		char pid[16] = "";
		if (ev->victim_pid > 0)
			snprintf(pid, sizeof(pid), "%d", (int)ev->victim_pid);
#define S(x) ((x) ? (x) : "")
		bool ok = strcmp(col[1], ev->boot_id) == 0 && fabs(t - ev->time_unix_s) < 1e-5 &&
			  strcmp(col[3], oom_event_source_name(ev->source)) == 0 && strcmp(col[4], pid) == 0 &&
			  strcmp(col[5], S(ev->victim_comm)) == 0 && strcmp(col[6], S(ev->unit)) == 0 &&
			  strcmp(col[7], S(ev->cgroup)) == 0 && strcmp(col[8], S(ev->reason)) == 0 &&
			  ev->earlier_boot;
		if (!ok) {
			fprintf(stderr, "%s row %zu: want %s %s %s pid %s %s unit %s cgroup %s reason %s\n"
					"   got %s %.6f %s pid %s %s unit %s cgroup %s reason %s earlier %d\n",
				file ? file : "folder", rows, col[1], col[2], col[3], col[4], col[5], col[6],
				col[7], col[8], ev->boot_id, ev->time_unix_s, oom_event_source_name(ev->source),
				pid, S(ev->victim_comm), S(ev->unit), S(ev->cgroup), S(ev->reason), ev->earlier_boot);
			(*bad)++;
		}
#undef S
	}
	if (rows != c->n) {
		fprintf(stderr, "%s: %zu kills, expected %zu\n", file ? file : "folder", c->n, rows);
		(*bad)++;
	}
	free(tsv);
	return rows;
}

static const char *const samples[] = {
	"p1-kernel-memcg-aks", "p2-kernel-global-two-boots", "p3-oomd-pressure", "p4-earlyoom",
	"p5-nohang", "p6-unit-messages-only", "p7-no-kills", "p8-kernel-global-session",
};

/* "this boot" for the tests: none of the samples' */
#define NOW_BOOT "0123456789abcdef0123456789abcdef"

START_TEST(export_sources_give_expected_rows)
{
	int bad = 0;
	size_t total = 0;
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		struct collect c = {0};
		struct oom_merge_sink sink = {.event = collect_event, .ctx = &c};
		struct oom_journal *j = oom_journal_new(&sink, NOW_BOOT, 600);
		char path[512], name[128];
		snprintf(path, sizeof(path), "%s/%s.txt", JDIR, samples[i]);
		size_t entries = fxjournal_read_export(path, feed, j);
		ck_assert_uint_gt(entries, 0);
		oom_journal_flush(j);
		oom_journal_free(j);
		snprintf(name, sizeof(name), "%s.journal", samples[i]);
		total += compare(name, &c, &bad);
		collect_free(&c);
	}
	ck_assert_int_eq(bad, 0);
	ck_assert_uint_eq(total, 26);
}
END_TEST

/* live following: rows wait only a moment, in order, and later messages amend them */
static uint64_t amended_id;
static char amended_unit[64];
static size_t amended_msgs;
static void collect_amend(void *ctx, uint64_t id, const char *unit, const struct oom_event_msg *msg)
{
	(void)ctx;
	amended_id = id;
	if (unit)
		snprintf(amended_unit, sizeof(amended_unit), "%s", unit);
	amended_msgs += msg != NULL;
}

START_TEST(export_sources_read_live_give_the_same_rows)
{
	int bad = 0;
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		struct collect c = {0};
		struct oom_merge_sink sink = {.event = collect_event, .amend = collect_amend, .ctx = &c};
		struct oom_journal *j = oom_journal_new(&sink, NOW_BOOT, 0.5);
		char path[512], name[128];
		snprintf(path, sizeof(path), "%s/%s.txt", JDIR, samples[i]);
		fxjournal_read_export(path, feed, j);
		oom_journal_flush(j);
		oom_journal_free(j);
		snprintf(name, sizeof(name), "%s.journal", samples[i]);
		compare(name, &c, &bad);
		for (size_t k = 0; k < c.n; k++)
			ck_assert_uint_eq(c.ev[k].id, k + 1);
		collect_free(&c);
	}
	ck_assert_int_eq(bad, 0);
}
END_TEST

/* the kernel's lines of p8 make one report: its task table and raw lines come along */
START_TEST(kernel_report_from_the_journal_keeps_its_details)
{
	struct collect c = {0};
	struct oom_merge_sink sink = {.event = collect_event, .ctx = &c};
	struct oom_journal *j = oom_journal_new(&sink, "ae6ae0cf2ab9d5ff99577054dd282aca", 600);
	fxjournal_read_export(JDIR "/p8-kernel-global-session.txt", feed, j);
	oom_journal_flush(j);
	oom_journal_free(j);
	ck_assert_uint_eq(c.n, 1);
	const struct oom_event *ev = &c.ev[0];
	ck_assert(!ev->earlier_boot); /* that is "this" boot here */
	ck_assert_uint_gt(ev->ntasks, 50);
	ck_assert_uint_gt(ev->nraw_lines, 100);
	ck_assert_str_eq(ev->invoker_comm, "doxygen");
	ck_assert_str_eq(ev->constraint, "CONSTRAINT_NONE");
	ck_assert_int_eq(ev->page_bytes, 4096);
	ck_assert_int_eq(ev->reaped, 1); /* its oom_reaper line */
	ck_assert(!isnan(ev->boot_s));
	collect_free(&c);
}
END_TEST

/* News for the screen (oom_journal_news): the entries about a kill count, the rest of the
 * journal does not — a kernel report's other lines, PID 1's other unit messages, a Java
 * service's OutOfMemoryError, the killers' start-up lines. */
static uint64_t news_of(const char *file, size_t *entries)
{
	struct oom_journal *j = oom_journal_new(NULL, NOW_BOOT, 600);
	ck_assert_ptr_nonnull(j);
	*entries = fxjournal_read_export(file, feed, j);
	uint64_t news = oom_journal_news(j);
	oom_journal_free(j);
	return news;
}

START_TEST(only_entries_about_kills_are_news)
{
	size_t entries;
	ck_assert_uint_eq(news_of(JDIR "/p7-no-kills.txt", &entries), 0);
	ck_assert_uint_gt(entries, 10);
	/* p8: one kill of a report of 100+ lines: its kill line and its reaper line */
	ck_assert_uint_eq(news_of(JDIR "/p8-kernel-global-session.txt", &entries), 2);
	ck_assert_uint_gt(entries, 100);
	/* p1: six kills and PID 1's message about them */
	ck_assert_uint_eq(news_of(JDIR "/p1-kernel-memcg-aks.txt", &entries), 7);
	/* p4: earlyoom's nine kills, not its start-up and memory report lines */
	ck_assert_uint_eq(news_of(JDIR "/p4-earlyoom.txt", &entries), 9);
	ck_assert_uint_gt(entries, 20);
	/* followed live, a kill waits a moment for what follows it: news not out yet */
	struct collect c = {0};
	struct oom_merge_sink sink = {.event = collect_event, .ctx = &c};
	struct oom_journal *j = oom_journal_new(&sink, NOW_BOOT, 0.5);
	fxjournal_read_export(JDIR "/p8-kernel-global-session.txt", feed, j);
	ck_assert_uint_eq(oom_journal_news(j), 2);
	ck_assert_uint_eq(oom_journal_waiting(j), 1);
	ck_assert_uint_eq(c.n, 0);
	oom_journal_advance(j, 1e10); /* a while later */
	ck_assert_uint_eq(oom_journal_waiting(j), 0);
	ck_assert_uint_eq(c.n, 1);
	oom_journal_free(j);
	collect_free(&c);
}
END_TEST

/* p1's scope message is kept with the kill it names (the last of the group's kills) */
START_TEST(unit_message_is_kept_with_its_kill)
{
	struct collect c = {0};
	struct oom_merge_sink sink = {.event = collect_event, .ctx = &c};
	struct oom_journal *j = oom_journal_new(&sink, NOW_BOOT, 600);
	fxjournal_read_export(JDIR "/p1-kernel-memcg-aks.txt", feed, j);
	oom_journal_flush(j);
	oom_journal_free(j);
	ck_assert_uint_eq(c.n, 6);
	size_t msgs = 0;
	for (size_t i = 0; i < c.n; i++)
		msgs += c.ev[i].nunit_msgs;
	ck_assert_uint_ge(msgs, 1);
	ck_assert_ptr_nonnull(strstr(c.ev[5].unit_msgs[0].text, "has been killed by the OOM killer"));
	collect_free(&c);
}
END_TEST

/* ---- through sd-journal ------------------------------------------------------------------ */

static void read_journal(const char *path, struct collect *c)
{
	struct oom_merge_sink sink = {.event = collect_event, .ctx = c};
	struct oom_journal *j = oom_journal_new(&sink, NOW_BOOT, 600);
	struct journal_source *src;
	char err[256];
	ck_assert_msg(journal_source_open(&src, path, err, sizeof(err)) == 0, "%s: %s", path, err);
	for (int guard = 0; guard < 10000 && !journal_source_at_end(src); guard++)
		ck_assert_int_ge(journal_source_read(src, 7, feed, j), 0); /* small budget: resumes */
	ck_assert(journal_source_at_end(src));
	journal_source_close(src);
	oom_journal_flush(j);
	oom_journal_free(j);
}

START_TEST(journal_files_give_expected_rows)
{
	if (!journal_source_built())
		return; /* check_journal's export half still ran: this build reads no journal files */
	int bad = 0;
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		struct collect c = {0};
		char path[512], name[128];
		snprintf(name, sizeof(name), "%s.journal", samples[i]);
		snprintf(path, sizeof(path), "%s/%s", JDIR, name);
		read_journal(path, &c);
		compare(name, &c, &bad);
		collect_free(&c);
	}
	struct collect c = {0};
	read_journal(JDIR, &c); /* the folder: every file, merged by time */
	ck_assert_uint_eq(compare(NULL, &c, &bad), 26);
	collect_free(&c);
	ck_assert_int_eq(bad, 0);
}
END_TEST

START_TEST(journal_source_errors_say_why)
{
	struct journal_source *src;
	char err[256];
	int r = journal_source_open(&src, "/nonexistent/x.journal", err, sizeof(err));
	ck_assert_ptr_null(src);
	if (!journal_source_built()) {
		ck_assert_int_eq(r, -ENOTSUP);
		ck_assert_ptr_nonnull(strstr(err, "built without journal support"));
		return;
	}
	ck_assert_int_eq(r, -ENOENT);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/x.journal"));
	char boot[33];
	if (journal_source_boot_id(boot))
		ck_assert_uint_eq(strlen(boot), 32);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("journal");
	TCase *tc = tcase_create("journal");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, export_sources_give_expected_rows);
	tcase_add_test(tc, export_sources_read_live_give_the_same_rows);
	tcase_add_test(tc, kernel_report_from_the_journal_keeps_its_details);
	tcase_add_test(tc, unit_message_is_kept_with_its_kill);
	tcase_add_test(tc, only_entries_about_kills_are_news);
	tcase_add_test(tc, journal_files_give_expected_rows);
	tcase_add_test(tc, journal_source_errors_say_why);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
