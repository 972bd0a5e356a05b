/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for the OOM parser fed by the kernel-log sources, and the live store (the
 * decoders alone: check_kmsg.c).
 * Table-driven against tests/fixtures/kmsg/expected.tsv (published logs) and
 * expected-local.tsv (real kills captured on the CI machine, transport shapes, adversarial). */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/klog/kmsg_source.h"
#include "core/klog/kmsg_text.h"
#include "core/output/event.h"
#include "core/klog/oom_log.h"
#include "core/klog/oom_parse.h"
#include "core/base/strbuf.h"
#include "core/base/util.h"
#include "tests/lib/fxtable.h"
#include "tests/unit/ck_run.h"

#define KMSG_DIR FIXTURES "/kmsg"

/* ---- a collecting sink ---------------------------------------------------------------- */

struct collect {
	struct oom_event ev[256];
	size_t n;
	size_t reaps;
};

static void collect_event(void *ctx, struct oom_event *ev)
{
	struct collect *c = ctx;
	if (c->n < ARRAY_SIZE(c->ev))
		c->ev[c->n++] = *ev;
	else
		oom_event_free(ev);
}

static void collect_reap(void *ctx, const struct oom_event_reap *r)
{
	struct collect *c = ctx;
	c->reaps++;
	oom_events_apply_reap(c->ev, c->n, r);
}

static void collect_free(struct collect *c)
{
	for (size_t i = 0; i < c->n; i++)
		oom_event_free(&c->ev[i]);
	c->n = 0;
}

static void feed_cb(void *ctx, const struct kmsg_line *l) { oom_parser_feed(ctx, l); }

/* Reads a fixture through the real file source, as `--kmsg FILE` does. */
static void parse_file(const char *path, struct collect *c)
{
	struct oom_parser_sink sink = {collect_event, collect_reap, c};
	struct oom_parser *p = oom_parser_new(&sink);
	ck_assert_ptr_nonnull(p);
	struct kmsg_source *src;
	char err[256];
	int r = kmsg_source_open(&src, path, err, sizeof(err));
	ck_assert_msg(r == 0, "%s: %s", path, err);
	for (int guard = 0; guard < 100000; guard++) {
		r = kmsg_source_read(src, 4096, feed_cb, p); /* small budget: exercises resumption */
		ck_assert_int_ge(r, 0);
		if (kmsg_source_at_end(src))
			break;
	}
	ck_assert(kmsg_source_at_end(src));
	oom_parser_flush(p);
	kmsg_source_close(src);
	oom_parser_free(p);
}

static void parse_string(const char *text, struct collect *c)
{
	struct oom_parser_sink sink = {collect_event, collect_reap, c};
	struct oom_parser *p = oom_parser_new(&sink);
	oom_parse_buffer(p, text, strlen(text), (time_t)1795664034);
	oom_parser_free(p);
}

/* ---- table-driven fixtures ------------------------------------------------------------ */

static bool field_eq_str(const char *want, const char *got)
{
	if (strcmp(want, "-") == 0 || strcmp(want, "unknown") == 0)
		return got == NULL;
	return got && strcmp(want, got) == 0;
}

static bool field_eq_i64(const char *want, int64_t got)
{
	if (strcmp(want, "-") == 0)
		return !val_known(got);
	return val_known(got) && strtoll(want, NULL, 10) == got;
}

static int check_table(const char *tsv_name, int *files_out, int *events_out)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", KMSG_DIR, tsv_name);
	size_t len;
	char *tsv = util_slurp(path, &len);
	ck_assert_msg(tsv != NULL, "cannot read %s", path);
	char current[256] = "";
	struct collect *c = calloc(1, sizeof(*c));
	size_t next = 0;
	int failures = 0, files = 0, events = 0;
	char *save = NULL;
	bool header = true;
	for (char *line = strtok_r(tsv, "\n", &save);; line = strtok_r(NULL, "\n", &save)) {
		char *cols[10] = {0};
		int n = line ? fxtable_split(line, cols, 10) : 0;
		if (header) {
			header = false;
			continue;
		}
		if (!line || strcmp(cols[0], current) != 0) {
			if (current[0]) { /* the previous file: no extra events */
				if (next != c->n) {
					fprintf(stderr, "%s: %zu events, expected %zu\n", current, c->n, next);
					failures++;
				}
				collect_free(c);
			}
			if (!line)
				break;
			snprintf(current, sizeof(current), "%s", cols[0]);
			snprintf(path, sizeof(path), "%s/%s", KMSG_DIR, current);
			parse_file(path, c);
			files++;
			next = 0;
		}
		if (n == 2 && strcmp(cols[1], "none") == 0)
			continue;
		ck_assert_int_eq(n, 10);
		if (next >= c->n) {
			fprintf(stderr, "%s: missing event for pid %s\n", current, cols[1]);
			failures++;
			next++;
			continue;
		}
		const struct oom_event *ev = &c->ev[next++];
		events++;
		bool ok = field_eq_i64(cols[1], ev->victim_pid) && field_eq_str(cols[2], ev->victim_comm) &&
			  field_eq_str(cols[3], ev->constraint) && field_eq_str(cols[4], ev->task_memcg) &&
			  field_eq_i64(cols[5], ev->anon_rss_kb) && field_eq_i64(cols[6], ev->file_rss_kb) &&
			  field_eq_i64(cols[7], ev->shmem_rss_kb) &&
			  field_eq_i64(cols[8], ev->oom_score_adj) && field_eq_str(cols[9], ev->invoker_comm);
		if (!ok) {
			fprintf(stderr,
				"%s: event %zu: want pid %s comm %s constraint %s memcg %s rss %s/%s/%s "
				"adj %s invoker %s; got pid %d comm %s constraint %s memcg %s rss "
				"%lld/%lld/%lld adj %lld invoker %s\n",
				current, next, cols[1], cols[2], cols[3], cols[4], cols[5], cols[6],
				cols[7], cols[8], cols[9], (int)ev->victim_pid, ev->victim_comm,
				ev->constraint, ev->task_memcg, (long long)ev->anon_rss_kb,
				(long long)ev->file_rss_kb, (long long)ev->shmem_rss_kb,
				(long long)ev->oom_score_adj, ev->invoker_comm);
			failures++;
		}
	}
	free(c);
	free(tsv);
	*files_out = files;
	*events_out = events;
	return failures;
}

START_TEST(published_logs_match_expected_tsv)
{
	int files, events;
	ck_assert_int_eq(check_table("expected.tsv", &files, &events), 0);
	ck_assert_int_eq(files, 11);
	ck_assert_int_eq(events, 20);
}
END_TEST

START_TEST(local_captures_shapes_and_adversarial_match)
{
	int files, events;
	ck_assert_int_eq(check_table("expected-local.tsv", &files, &events), 0);
	ck_assert_int_eq(files, 16);
	ck_assert_int_eq(events, 20);
}
END_TEST

/* ---- decoded lines reach the parser ------------------------------------------------ */

/* /dev/kmsg continuation fragments joined by the decoder make one kill line */
START_TEST(continuation_fragments_are_joined)
{
	struct collect c = {0};
	parse_string("4,10,100,c;Out of memory: Killed process 5 (frag) total-vm:10kB,\n"
		     "4,11,101,+; anon-rss:2kB, file-rss:3kB, shmem-rss:0kB\n"
		     "6,12,102,-;next line\n",
		     &c);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_int_eq(c.ev[0].victim_pid, 5);
	ck_assert_int_eq(c.ev[0].anon_rss_kb, 2);
	ck_assert_int_eq(c.ev[0].file_rss_kb, 3);
	collect_free(&c);
}
END_TEST

/* ---- parser behaviour ----------------------------------------------------------------- */

static const char *const episode_518[] = {
	"3,1,100,-;a b invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0",
	"4,2,101,-;CPU: 1 UID: 0 PID: 77 Comm: a b Not tainted 6.18.0 #1",
	"6,3,102,-;Tasks state (memory values in pages):",
	"6,4,103,-;[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem "
	"pgtables_bytes swapents oom_score_adj name",
	"6,5,104,-;[     77]  1000    77    12955    12528    12192      336         0   147456"
	"        3           300 a b",
	"6,6,105,-;oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,"
	"oom_memcg=/g,task_memcg=/g/h,task=a b,pid=77,uid=1000",
	"3,7,106,-;Memory cgroup out of memory: Killed process 77 (a b) total-vm:51820kB, "
	"anon-rss:48768kB, file-rss:1344kB, shmem-rss:0kB, UID:1000 pgtables:144kB oom_score_adj:300",
	"6,8,2106,-;oom_reaper: reaped process 77 (a b), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB",
};

START_TEST(streaming_event_appears_at_the_kill_line_and_reaper_updates_it)
{
	struct collect c = {0};
	struct oom_parser_sink sink = {collect_event, collect_reap, &c};
	struct oom_parser *p = oom_parser_new(&sink);
	struct kmsg_text_state st;
	kmsg_text_state_init(&st, time(NULL));
	for (size_t i = 0; i < ARRAY_SIZE(episode_518); i++) {
		kmsg_text_line_parse(&st, episode_518[i], strlen(episode_518[i]), feed_cb, p);
		ck_assert_uint_eq(c.n, i >= 6 ? 1 : 0); /* no waiting for later lines */
		if (i == 6)
			ck_assert_int_eq(c.ev[0].reaped, -1);
	}
	kmsg_text_state_free(&st);
	oom_parser_free(p);
	const struct oom_event *ev = &c.ev[0];
	ck_assert_int_eq(ev->reaped, 1);
	ck_assert_uint_eq(c.reaps, 1);
	ck_assert_double_eq_tol(ev->boot_s, 0.000106, 1e-9);
	ck_assert_str_eq(ev->oom_memcg, "/g");
	ck_assert_str_eq(ev->task_memcg, "/g/h");
	ck_assert_int_eq(ev->victim_uid, 1000);
	ck_assert_int_eq(ev->total_vm_kb, 51820);
	ck_assert_int_eq(ev->pgtables_kb, 144);
	ck_assert_int_eq(ev->invoker_pid, 77);
	ck_assert_str_eq(ev->invoker_comm, "a b");
	ck_assert_str_eq(ev->gfp_mask, "0xcc0(GFP_KERNEL)");
	ck_assert_int_eq(ev->order, 0);
	ck_assert_uint_eq(ev->ntasks, 1);
	ck_assert_int_eq(ev->tasks[0].rss_anon_pages, 12192);
	ck_assert_int_eq(ev->tasks[0].pgtables_bytes, 147456);
	ck_assert_int_eq(ev->tasks[0].swapents_pages, 3);
	ck_assert_str_eq(ev->tasks[0].name, "a b");
	ck_assert_uint_eq(ev->nraw_lines, 7);
	collect_free(&c);
}
END_TEST

START_TEST(old_task_tables_convert_page_table_columns)
{
	struct collect c = {0};
	parse_string("x invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=0\n"
		     "[ pid ]   uid  tgid total_vm      rss nr_ptes nr_pmds swapents oom_score_adj name\n"
		     "[ 1381]     0  1381   530382     5191      56       5        0             0 g\n"
		     "Memory cgroup out of memory: Kill process 1381 (g) score 1046 or sacrifice child\n"
		     "Killed process 1381 (g) total-vm:2121528kB, anon-rss:18624kB, file-rss:2140kB\n",
		     &c);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_int_eq(c.ev[0].tasks[0].pgtables_bytes, (56 + 5) * 4096);
	ck_assert_int_eq(c.ev[0].pgtables_kb, (56 + 5) * 4);
	ck_assert_str_eq(c.ev[0].constraint, "CONSTRAINT_MEMCG");
	ck_assert_int_eq(c.ev[0].oom_score_adj, 0);
	ck_assert(!val_known(c.ev[0].shmem_rss_kb));
	collect_free(&c);
}
END_TEST

/* The kernel prints the oom-kill: summary right before "Killed process": a report whose
 * kill line the log lost (a wrapped ring, a cut file) still names its victim. */
START_TEST(a_lost_kill_line_still_gives_the_summarys_victim)
{
	struct collect c = {0};
	parse_string("[  100.000000] bash invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		     "[  100.000001] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,"
		     "oom_memcg=/nas,task_memcg=/nas/photo,task=leaky,pid=4242,uid=33\n"
		     "[  130.000000] bash invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		     "[  130.000001] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,"
		     "global_oom,task_memcg=/db,task=postgres,pid=77,uid=0\n"
		     "[  130.000002] Out of memory: Killed process 77 (postgres) total-vm:1000kB, anon-rss:500kB, "
		     "file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0\n"
		     "[  160.000000] x invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		     "[  160.000001] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,"
		     "oom_memcg=/c,task_memcg=/c,task=last one,pid=99,uid=0\n",
		     &c);
	ck_assert_uint_eq(c.n, 3); /* the first and the last from their summaries, no duplicate of 77 */
	ck_assert_int_eq(c.ev[0].victim_pid, 4242);
	ck_assert_str_eq(c.ev[0].victim_comm, "leaky");
	ck_assert_int_eq(c.ev[0].victim_uid, 33);
	ck_assert_str_eq(c.ev[0].task_memcg, "/nas/photo");
	ck_assert_str_eq(c.ev[0].oom_memcg, "/nas");
	ck_assert_str_eq(c.ev[0].constraint, "CONSTRAINT_MEMCG");
	ck_assert_double_eq_tol(c.ev[0].boot_s, 100.000001, 1e-6);
	ck_assert(!val_known(c.ev[0].anon_rss_kb));
	ck_assert_int_eq(c.ev[1].victim_pid, 77);
	ck_assert_int_eq(c.ev[1].anon_rss_kb, 500);
	ck_assert_int_eq(c.ev[2].victim_pid, 99); /* at the end of the input */
	ck_assert_str_eq(c.ev[2].victim_comm, "last one");
	collect_free(&c);
}
END_TEST

/* A task table longer than OOM_EVENT_TASKS_MAX is cut, and the event says by how much. */
START_TEST(a_cut_task_table_says_so)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_puts(&sb, "[  10.000000] a invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		     "[  10.000001] Tasks state (memory values in pages):\n"
		     "[  10.000002] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n");
	for (int i = 1; i <= OOM_EVENT_TASKS_MAX + 5; i++)
		sb_printf(&sb, "[  10.000003] [%7d]     0 %5d     1000      100    40960        0             0 t%d\n", i,
			  i, i);
	sb_puts(&sb, "[  10.000004] Out of memory: Killed process 7 (t7) total-vm:4000kB, anon-rss:400kB, "
		     "file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0\n");
	struct collect c = {0};
	parse_string(sb.buf, &c);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_uint_eq(c.ev[0].ntasks, OOM_EVENT_TASKS_MAX);
	ck_assert_int_eq(c.ev[0].tasks_omitted, 5);
	struct strbuf js;
	sb_init(&js);
	output_event_json(&c.ev[0], &js);
	ck_assert_ptr_nonnull(strstr(js.buf, "\"tasks_omitted\": 5"));
	sb_free(&js);
	sb_free(&sb);
	collect_free(&c);
	parse_string("Out of memory: Killed process 2 (x) total-vm:1kB, anon-rss:1kB, file-rss:0kB\n", &c);
	ck_assert(!val_known(c.ev[0].tasks_omitted)); /* no table at all: unknown, not 0 */
	collect_free(&c);
}
END_TEST

START_TEST(rhel_kill_line_variants)
{
	struct collect c = {0};
	parse_string("Killed process 2105, UID 500, (java) total-vm:100kB, anon-rss:50kB, file-rss:2kB\n"
		     "Out of memory: Killed process 2106 (my) prog), UID 48, total-vm:10kB, "
		     "anon-rss:5kB, file-rss:1kB, shmem-rss:0kB\n",
		     &c);
	ck_assert_uint_eq(c.n, 2);
	ck_assert_int_eq(c.ev[0].victim_pid, 2105);
	ck_assert_str_eq(c.ev[0].victim_comm, "java");
	ck_assert_int_eq(c.ev[0].victim_uid, 500);
	ck_assert_str_eq(c.ev[1].victim_comm, "my) prog");
	ck_assert_int_eq(c.ev[1].victim_uid, 48);
	ck_assert_int_eq(c.ev[1].anon_rss_kb, 5);
	collect_free(&c);
}
END_TEST

START_TEST(garbage_never_crashes)
{
	/* deterministic mutations of a real episode: truncations, byte flips, splices */
	char path[512];
	snprintf(path, sizeof(path), "%s/k5.15-memcg-v2-1.txt", KMSG_DIR);
	size_t len;
	char *base = util_slurp(path, &len);
	ck_assert_ptr_nonnull(base);
	char *buf = malloc(len + 1);
	unsigned seed = 12345;
	for (int iter = 0; iter < 300; iter++) {
		memcpy(buf, base, len + 1);
		for (int k = 0; k < 40; k++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = (seed >> 8) % len;
			buf[at] = (char)(seed >> 3);
		}
		size_t cut = (seed >> 4) % (len + 1);
		struct collect *c = calloc(1, sizeof(*c));
		struct oom_parser_sink sink = {collect_event, collect_reap, c};
		struct oom_parser *p = oom_parser_new(&sink);
		oom_parse_buffer(p, buf, cut, 0);
		oom_parser_free(p);
		for (size_t i = 0; i < c->n; i++) {
			ck_assert_int_gt(c->ev[i].victim_pid, 0);
			ck_assert_ptr_nonnull(c->ev[i].victim_comm);
		}
		collect_free(c);
		free(c);
	}
	free(buf);
	free(base);
}
END_TEST

/* ---- live store ----------------------------------------------------------------------- */

START_TEST(store_is_bounded_and_keeps_newest_details)
{
	char path[] = "/tmp/oomtop-store-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "w");
	for (int i = 1; i <= 100; i++) {
		fprintf(f, "[ %d.000000] p%d invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, "
			   "oom_score_adj=0\n", i, i);
		fprintf(f, "[ %d.000001] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes "
			   "swapents oom_score_adj name\n", i);
		fprintf(f, "[ %d.000002] [%7d]     0 %5d      100       50    40960        0    0 v%d\n",
			i, 1000 + i, 1000 + i, i);
		fprintf(f, "[ %d.000003] Out of memory: Killed process %d (v%d) total-vm:400kB, "
			   "anon-rss:%dkB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB "
			   "oom_score_adj:0\n", i, 1000 + i, i, i);
	}
	fprintf(f, "[ 101.000000] oom_reaper: reaped process 1100 (v100), now anon-rss:0kB, "
		   "file-rss:0kB, shmem-rss:0kB\n");
	fclose(f);
	struct oom_log *log;
	char err[256];
	struct oom_source_config cfg = {.kmsg_path = path};
	ck_assert_int_eq(oom_log_open(&log, &cfg, err, sizeof(err)), 0);
	ck_assert_int_eq(oom_log_fd(log), oom_log_fd(log));
	int total = 0;
	for (int guard = 0; guard < 1000 && !oom_log_caught_up(log); guard++) {
		int r = oom_log_poll(log);
		ck_assert_int_ge(r, 0);
		total += r;
	}
	ck_assert_int_eq(total, 100);
	size_t n;
	const struct oom_event *ev = oom_log_events(log, &n);
	ck_assert_uint_eq(n, OOM_LOG_EVENTS_MAX);
	ck_assert_uint_eq(oom_log_total(log), 100);
	ck_assert_int_eq(ev[0].victim_pid, 1000 + 100 - OOM_LOG_EVENTS_MAX + 1); /* oldest first */
	ck_assert_int_eq(ev[n - 1].victim_pid, 1100);
	ck_assert_int_eq(ev[n - 1].reaped, 1);
	ck_assert_int_eq(ev[n - 2].reaped, -1);
	ck_assert_uint_eq(ev[n - OOM_LOG_DETAILED_MAX].ntasks, 1);
	ck_assert_uint_eq(ev[n - OOM_LOG_DETAILED_MAX - 1].ntasks, 0);
	ck_assert_uint_eq(ev[n - OOM_LOG_DETAILED_MAX - 1].nraw_lines, 0);
	ck_assert_int_eq(oom_log_poll(log), 0);
	oom_log_close(log);
	unlink(path);
}
END_TEST

/* A big saved log (--kmsg FILE) is replayed in few polls, each reading on for up to
 * OOM_LOG_REPLAY_MS, and says how far it is: bytes read of the file's size, growing, until
 * the end. One chunk of OOM_LOG_POLL_ENTRIES per poll (the old way) took a refresh per
 * 2048 lines: an hour for 200 MB. */
START_TEST(a_big_saved_log_is_replayed_in_few_polls_with_progress)
{
	char path[] = "/tmp/oomtop-replay-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "w");
	int kills = 0;
	long lines = 0;
	for (int i = 1; i <= 8000; i++) {
		fprintf(f, "[ %d.000000] p%d invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, "
			   "oom_score_adj=0\n", i, i);
		for (int k = 0; k < 10; k++)
			fprintf(f, "[ %d.000001] noise line %d of a busy kernel that is not about a kill\n", i, k);
		fprintf(f, "[ %d.000003] Out of memory: Killed process %d (v%d) total-vm:400kB, "
			   "anon-rss:%dkB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB "
			   "oom_score_adj:0\n", i, 1000 + i, i, i);
		kills++;
		lines += 12;
	}
	ck_assert_int_eq(fclose(f), 0);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	struct oom_log *log;
	char err[256];
	struct oom_source_config cfg = {.kmsg_path = path};
	ck_assert_int_eq(oom_log_open(&log, &cfg, err, sizeof(err)), 0);
	int64_t done, total, last = -1;
	ck_assert(oom_log_replaying(log, &done, &total)); /* nothing read yet */
	ck_assert_int_eq(done, 0);
	ck_assert_int_eq(total, st.st_size);
	int polls = 0;
	while (oom_log_replaying(log, &done, &total)) {
		ck_assert_int_gt(done, last);
		ck_assert_int_le(done, total);
		last = done;
		ck_assert_int_ge(oom_log_poll(log), 0);
		ck_assert_int_lt(++polls, 1000);
	}
	ck_assert(oom_log_caught_up(log));
	ck_assert_uint_eq(oom_log_total(log), (uint64_t)kills);
	long chunks = (lines + OOM_LOG_POLL_ENTRIES - 1) / OOM_LOG_POLL_ENTRIES;
	ck_assert_msg(polls * 2 <= chunks, "%d polls for %ld chunks of %d lines", polls, chunks, OOM_LOG_POLL_ENTRIES);
	/* a regular file at its end, or anything not a saved log: no progress to show */
	ck_assert(!oom_log_replaying(log, &done, &total));
	oom_log_close(log);
	unlink(path);
}
END_TEST

/* The screen's wake-ups: a FIFO (poll can say when there is more) wakes the store, which
 * reads without changing what it shows and says whether what came was about a kill; a
 * regular file, or a FIFO whose writer closed, gives no descriptor (always readable, never
 * news: read per tick). */
START_TEST(wakes_tell_kills_from_other_lines)
{
	static const char kill[] =
		"[ 10.000000] p invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n"
		"[ 10.000001] Out of memory: Killed process 4242 (leaky) total-vm:400kB, anon-rss:200kB, "
		"file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0\n";
	static const char noise[] = "[ 11.000000] usb 1-1: new high-speed USB device number 3\n";
	char dir[] = "/tmp/oomtop-wake-XXXXXX", fifo[64];
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(fifo, sizeof(fifo), "%s/kmsg", dir);
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	struct oom_log *log;
	char err[256];
	struct oom_source_config cfg = {.kmsg_path = fifo};
	ck_assert_int_eq(oom_log_open(&log, &cfg, err, sizeof(err)), 0);
	int w = open(fifo, O_WRONLY | O_NONBLOCK);
	ck_assert_int_ge(w, 0);
	ck_assert_int_eq(oom_log_poll(log), 0);
	ck_assert_int_ge(oom_log_fd(log), 0);
	ck_assert_int_eq(oom_log_wake(log), 0); /* nothing there */
	ck_assert_int_eq(write(w, noise, strlen(noise)), (int)strlen(noise));
	ck_assert_int_eq(oom_log_wake(log), 0); /* not about a kill */
	ck_assert_int_eq(write(w, kill, strlen(kill)), (int)strlen(kill));
	ck_assert_int_eq(oom_log_wake(log), 1);
	size_t n;
	oom_log_events(log, &n);
	ck_assert_uint_eq(n, 0); /* what the screen shows stays until the refresh */
	ck_assert_int_eq(oom_log_wake(log), 1); /* still news until then */
	ck_assert_int_eq(oom_log_poll(log), 1);
	const struct oom_event *ev = oom_log_events(log, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(ev[0].victim_pid, 4242);
	ck_assert_int_eq(oom_log_wake(log), 0);
	/* a reaper line later is news too, and reaches the kill at the poll */
	static const char reap[] = "[ 12.000000] oom_reaper: reaped process 4242 (leaky), now anon-rss:0kB, "
				   "file-rss:0kB, shmem-rss:0kB\n";
	ck_assert_int_eq(write(w, reap, strlen(reap)), (int)strlen(reap));
	ck_assert_int_eq(oom_log_wake(log), 1);
	ck_assert_int_eq(oom_log_events(log, &n)[0].reaped, -1);
	oom_log_poll(log);
	ck_assert_int_eq(oom_log_events(log, &n)[0].reaped, 1);
	/* the writer closes: end of file, and nothing to wait for any more */
	close(w);
	ck_assert_int_eq(oom_log_wake(log), 0);
	ck_assert_int_eq(oom_log_fd(log), -1);
	oom_log_close(log);
	unlink(fifo);
	/* a regular file: read per tick, never waited on */
	char path[64];
	snprintf(path, sizeof(path), "%s/saved", dir);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(kill, f);
	fclose(f);
	cfg.kmsg_path = path;
	ck_assert_int_eq(oom_log_open(&log, &cfg, err, sizeof(err)), 0);
	ck_assert_int_eq(oom_log_fd(log), -1);
	ck_assert_int_eq(oom_log_poll(log), 1);
	oom_log_close(log);
	unlink(path);
	rmdir(dir);
}
END_TEST

/* ---- output --------------------------------------------------------------------------- */

START_TEST(json_escapes_and_nulls)
{
	struct oom_event ev;
	oom_event_init(&ev);
	ev.victim_pid = 9;
	ev.victim_comm = strdup("a\"b\\c\x1b[31m\xff\xc3\xa9\n");
	struct strbuf sb;
	sb_init(&sb);
	output_event_json(&ev, &sb);
	ck_assert_str_eq(sb.buf,
			 "{\"schema\": 2, \"boot_time\": null, \"time\": null, \"victim_pid\": 9, "
			 "\"victim_comm\": \"a\\\"b\\\\c\\u001b[31m\\ufffd\xc3\xa9\\n\", "
			 "\"victim_uid\": null, \"constraint\": null, \"oom_memcg\": null, "
			 "\"task_memcg\": null, \"total_vm\": null, \"anon_rss\": null, "
			 "\"file_rss\": null, \"shmem_rss\": null, \"pgtables\": null, "
			 "\"oom_score_adj\": null, \"invoker_comm\": null, \"invoker_pid\": null, "
			 "\"gfp_mask\": null, \"order\": null, \"reaped\": null, \"source\": \"kernel\", "
			 "\"unit\": null, \"boot_id\": null, \"cgroup\": null, \"reason\": null, "
			 "\"tasks_omitted\": null, \"tasks\": []}");
	sb_reset(&sb);
	output_event_text(&ev, &sb);
	ck_assert_ptr_null(strchr(sb.buf, '\x1b'));
	ck_assert_ptr_null(strchr(sb.buf, '\n'));
	ck_assert_ptr_nonnull(strstr(sb.buf, "\\x1b[31m\\xff\xc3\xa9\\x0a"));
	sb_free(&sb);
	oom_event_free(&ev);
	ck_assert_ptr_null(ev.victim_comm);
}
END_TEST

/* An arm64 box with 64 KiB pages: the page size comes from the log, the JSON is in bytes */
START_TEST(pages_are_converted_with_the_page_size_the_log_implies)
{
	struct collect c = {0};
	parse_string("x invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=0\n"
		     "[ pid ]   uid  tgid total_vm      rss nr_ptes nr_pmds swapents oom_score_adj name\n"
		     "[ 1381]     0  1381     1000      300       2       1        5             0 g\n"
		     "[ 1382]     0  1382      100       10       1       0        0             0 h\n"
		     "Out of memory: Kill process 1381 (g) score 1046 or sacrifice child\n"
		     "Killed process 1381 (g) total-vm:64000kB, anon-rss:18624kB, file-rss:576kB\n",
		     &c);
	ck_assert_uint_eq(c.n, 1);
	const struct oom_event *ev = &c.ev[0];
	ck_assert_int_eq(ev->page_bytes, 65536);
	ck_assert_int_eq(ev->tasks[0].pgtables_bytes, 3 * 65536);
	ck_assert_int_eq(ev->pgtables_kb, 3 * 64);
	struct strbuf sb;
	sb_init(&sb);
	output_event_json(ev, &sb);
	ck_assert_ptr_nonnull(strstr(sb.buf, "\"total_vm\": 65536000, \"anon_rss\": 19070976, \"file_rss\": 589824, "
					     "\"shmem_rss\": null, \"pgtables\": 196608, "));
	ck_assert_ptr_nonnull(strstr(sb.buf, "{\"pid\": 1381, \"uid\": 0, \"tgid\": 1381, \"total_vm\": 65536000, "
					     "\"rss\": 19660800, \"pgtables\": 196608, \"swap\": 327680, "));
	ck_assert_ptr_nonnull(strstr(sb.buf, "{\"pid\": 1382, \"uid\": 0, \"tgid\": 1382, \"total_vm\": 6553600, "));
	ck_assert_ptr_nonnull(strstr(sb.buf, "\"source\": \"kernel\", \"unit\": null, \"boot_id\": null, "
					     "\"cgroup\": null, \"reason\": \"global\", "));
	sb_free(&sb);
	collect_free(&c);

	/* no row of the victim: the running kernel's page size */
	parse_string("[ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name\n"
		     "[ 7]     0  7     100       10       1        0             0 h\n"
		     "Out of memory: Killed process 9 (v) total-vm:400kB, anon-rss:4kB, file-rss:0kB, shmem-rss:0kB\n",
		     &c);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_int_eq(c.ev[0].page_bytes, util_page_bytes());
	ck_assert_int_eq(c.ev[0].tasks[0].pgtables_bytes, util_page_bytes());
	collect_free(&c);
}
END_TEST

/* kernel events name their cgroup's unit and the reason the journal rows use */
START_TEST(kernel_events_carry_cgroup_unit_and_reason)
{
	struct collect c = {0};
	parse_string("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,"
		     "task_memcg=/user.slice/user-504.slice/session-2.scope,task=doxygen,pid=5,uid=504\n"
		     "Out of memory: Killed process 5 (doxygen) total-vm:4kB, anon-rss:4kB, file-rss:0kB, shmem-rss:0kB\n"
		     "oom-kill:constraint=CONSTRAINT_CPUSET,nodemask=0,cpuset=x,mems_allowed=0,global_oom,"
		     "task_memcg=/,task=y,pid=6,uid=0\n"
		     "Out of memory: Killed process 6 (y) total-vm:4kB, anon-rss:4kB, file-rss:0kB, shmem-rss:0kB\n"
		     "z invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=0\n"
		     "Task in /a killed as a result of limit of /a\n"
		     "Killed process 7 (z) total-vm:4kB, anon-rss:4kB, file-rss:0kB\n",
		     &c);
	ck_assert_uint_eq(c.n, 3);
	ck_assert_str_eq(c.ev[0].cgroup, "/user.slice/user-504.slice/session-2.scope");
	ck_assert_str_eq(c.ev[0].unit, "session-2.scope");
	ck_assert_str_eq(c.ev[0].reason, "global");
	ck_assert_int_eq(c.ev[0].source, OOM_EVENT_SOURCE_KERNEL);
	ck_assert_ptr_null(c.ev[1].unit);
	ck_assert_str_eq(c.ev[1].reason, "cpuset");
	ck_assert_str_eq(c.ev[2].reason, "memcg");
	ck_assert_str_eq(c.ev[2].cgroup, "/a");
	ck_assert(!val_known(c.ev[2].page_bytes)); /* no task table */
	collect_free(&c);
}
END_TEST

/* which kill a ghost row links to (the collector's link_victims) */
START_TEST(a_kill_names_its_victim_by_pid_comm_and_boot)
{
	struct oom_event ev;
	oom_event_init(&ev);
	ev.source = OOM_EVENT_SOURCE_EARLYOOM;
	ev.victim_pid = 29410;
	ev.victim_comm = strdup("cluster");
	ev.time_unix_s = 1000;
	ck_assert(oom_event_names_victim(&ev, 29410, "cluster", 900));
	ck_assert(oom_event_names_victim(&ev, 29410, "cluster", NAN));
	ck_assert(!oom_event_names_victim(&ev, 29411, "cluster", 900));
	ck_assert(!oom_event_names_victim(&ev, 29410, "other", 900));
	ck_assert(!oom_event_names_victim(&ev, 29410, "cluster", 1500)); /* a newer process */
	ev.earlier_boot = true;                                              /* another boot's pid */
	ck_assert(!oom_event_names_victim(&ev, 29410, "cluster", 900));
	ev.earlier_boot = false;
	free(ev.victim_comm);
	ev.victim_comm = strdup("a-very-long-process-name");
	ck_assert(oom_event_names_victim(&ev, 29410, "a-very-long-pro", 900)); /* comm is 15 bytes */
	ev.source = OOM_EVENT_SOURCE_SYSTEMD_OOMD; /* names a cgroup, no pid */
	ev.victim_pid = 0;
	ck_assert(!oom_event_names_victim(&ev, 0, "a-very-long-pro", 900));
	/* ... but its processes are the victims: found gone right after the kill, in the
	 * killed cgroup or below it */
	ev.cgroup = strdup("/user.slice/user-1000.slice/app.slice/app-kitty-47f7.scope");
	const char *in = "/user.slice/user-1000.slice/app.slice/app-kitty-47f7.scope";
	ck_assert(oom_event_names_member(&ev, in, 1000.4, 3));
	ck_assert(oom_event_names_member(&ev, "/user.slice/user-1000.slice/app.slice/app-kitty-47f7.scope/sub",
					 1002.9, 3));
	ck_assert(!oom_event_names_member(&ev, "/user.slice/user-1000.slice/app.slice/app-kitty-47f7.scope2",
					  1000.4, 3)); /* a sibling with a longer name */
	ck_assert(!oom_event_names_member(&ev, "/user.slice", 1000.4, 3));       /* its parent */
	ck_assert(!oom_event_names_member(&ev, in, 990, 3));  /* gone before the kill */
	ck_assert(!oom_event_names_member(&ev, in, 1004, 3)); /* gone long after it */
	ck_assert(!oom_event_names_member(&ev, in, NAN, 3));
	ck_assert(!oom_event_names_member(&ev, NULL, 1000.4, 3));
	ev.earlier_boot = true;
	ck_assert(!oom_event_names_member(&ev, in, 1000.4, 3));
	ev.earlier_boot = false;
	ev.victim_pid = 77; /* a kill that names its victim names no one else */
	ck_assert(!oom_event_names_member(&ev, in, 1000.4, 3));
	oom_event_free(&ev);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("oom_events");
	TCase *tc = tcase_create("oom_events");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, published_logs_match_expected_tsv);
	tcase_add_test(tc, local_captures_shapes_and_adversarial_match);
	tcase_add_test(tc, continuation_fragments_are_joined);
	tcase_add_test(tc, streaming_event_appears_at_the_kill_line_and_reaper_updates_it);
	tcase_add_test(tc, old_task_tables_convert_page_table_columns);
	tcase_add_test(tc, rhel_kill_line_variants);
	tcase_add_test(tc, a_lost_kill_line_still_gives_the_summarys_victim);
	tcase_add_test(tc, a_cut_task_table_says_so);
	tcase_add_test(tc, garbage_never_crashes);
	tcase_add_test(tc, store_is_bounded_and_keeps_newest_details);
	tcase_add_test(tc, a_big_saved_log_is_replayed_in_few_polls_with_progress);
	tcase_add_test(tc, wakes_tell_kills_from_other_lines);
	tcase_add_test(tc, json_escapes_and_nulls);
	tcase_add_test(tc, pages_are_converted_with_the_page_size_the_log_implies);
	tcase_add_test(tc, kernel_events_carry_cgroup_unit_and_reason);
	tcase_add_test(tc, a_kill_names_its_victim_by_pid_comm_and_boot);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
