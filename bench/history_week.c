/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bench/history_week.c — a week of recording in a minute: a time-shifted writer drives
 * the history store (core/history) exactly as `oomtop --record` does — one sample every
 * -d seconds, a commit every 120 s, the retention (downsampling, pruning, size cap) every
 * hour — with snapshots made up from a model machine, then reports the store's size and
 * how long reading it back at start takes.
 *
 *   history_week [-p PROCS] [-l LEAKERS] [-b BUSY] [-d SECS] [-D DAYS] [-o FILE [-R]]
 *
 * -R reads FILE back only (made by an earlier run with the same -D and -d, that day).
 *
 * The model machine (defaults): 300 processes, of which 5 leak (their RSS grows at every
 * sample) and 15 are busy (RSS moves by a few pages at every sample: the count measured
 * on a quiet server, docs/history.md); the others are idle and change about once an
 * hour. A short job (cron-like) starts every 5 minutes and lives 30 s. 30 cgroups, 8 of
 * them changing at every sample. Prints key=value lines: samples, rows, file_bytes,
 * used_bytes, write_cpu_ms_per_sample, and the load times of the recorded past at start
 * (replay_ms for the default 300 s window, replay_week_ms for a week-long window) and of
 * a recorded moment (moment_ms). */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/history/boot.h"
#include "core/history/moment.h"
#include "core/history/replay.h"
#include "core/history/retention.h"
#include "core/history/store.h"
#include "core/history/writer.h"

#define MAX_PROCS 4096
#define NCGROUPS 30
#define CG_BUSY 8
#define FLUSH_S 120
#define RETENTION_S 3600
#define JOB_EVERY_S 300
#define JOB_LIFE_S 30

static struct proc_row rows[MAX_PROCS + 1];
static struct proc_row *ptrs[MAX_PROCS + 1];
static struct cgroup_row cgroups[NCGROUPS];
static char cmdlines[MAX_PROCS][96], comms[MAX_PROCS][16], cgpaths[NCGROUPS][64];

static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double wall_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void init_proc(struct proc_row *r, int i, pid_t pid, uint64_t start)
{
	memset(r, 0, sizeof(*r));
	r->pid = pid;
	r->ppid = 1;
	r->uid = (uid_t)(i % 7 == 0 ? 0 : 1000 + i % 5);
	r->user = r->uid ? "svc" : "root";
	r->comm = comms[i];
	r->cmdline = cmdlines[i];
	r->cgroup = cgpaths[i % NCGROUPS];
	r->start_ticks = start;
	r->start_time_unix_s = (double)start / 100;
	r->rss_bytes = (int64_t)(4 + i % 200) << 20;
	r->rss_anon_bytes = r->rss_bytes * 3 / 4;
	r->rss_file_bytes = r->rss_bytes / 4;
	r->rss_shmem_bytes = 0;
	r->swap_bytes = 0;
	r->pgtables_bytes = 1 << 17;
	r->oom_score = 10 + i % 300;
	r->oom_score_adj = 0;
	r->threads = 1 + i % 8;
	r->fds = 5 + i % 60;
	r->state = PROC_RUNNING;
	r->oom_event = -1;
}

/* What reading memory.stat gives the model's cgroup: a quarter of it page cache, half of
 * that inactive; the working set follows usage between two reads (core/cgroup/tree.h). */
static void read_stat(struct cgroup_row *c)
{
	c->file_bytes = c->usage_bytes / 4;
	c->file_inactive_bytes = c->file_bytes / 2;
	c->anon_bytes = c->usage_bytes - c->file_bytes - c->kernel_bytes;
	c->working_set_bytes = c->usage_bytes - c->file_inactive_bytes;
}

int main(int argc, char **argv)
{
	int nprocs = 300, nleak = 5, nbusy = 15, days = 7, opt;
	bool read_only = false;
	double step = 10;
	const char *out = NULL;
	while ((opt = getopt(argc, argv, "p:l:b:d:D:o:R")) != -1) {
		switch (opt) {
		case 'p': nprocs = atoi(optarg); break;
		case 'l': nleak = atoi(optarg); break;
		case 'b': nbusy = atoi(optarg); break;
		case 'd': step = atof(optarg); break;
		case 'D': days = atoi(optarg); break;
		case 'o': out = optarg; break;
		case 'R': read_only = true; break;
		default:
			fprintf(stderr, "usage: history_week [-p PROCS] [-l LEAKERS] [-b BUSY] [-d SECS] [-D DAYS] [-o FILE]\n");
			return 2;
		}
	}
	if (nprocs < 1 || nprocs > MAX_PROCS || step < 1 || days < 1 || (read_only && !out)) {
		fprintf(stderr, "history_week: bad values\n");
		return 2;
	}
	char path[4096];
	if (out)
		snprintf(path, sizeof(path), "%s", out);
	else
		snprintf(path, sizeof(path), "/tmp/oomtop-history-week-%d.db", (int)getpid());
	char err[600];
	struct history_store *st;
	struct history_boot boot = {"bench-boot", 1700000000};
	const double t_end = floor((double)time(NULL) / 600) * 600;
	if (read_only)
		goto read_back;
	unlink(path);
	if (history_store_open(&st, path, HISTORY_STORE_RECORD, err, sizeof(err)) != 0) {
		fprintf(stderr, "history_week: %s\n", err);
		return 1;
	}
	struct history_writer *w = history_writer_new(st, &boot, step, "bench", err, sizeof(err));
	if (!w) {
		fprintf(stderr, "history_week: %s\n", err);
		return 1;
	}
	struct history_retention keep;
	history_retention_defaults(&keep);

	for (int c = 0; c < NCGROUPS; c++) {
		snprintf(cgpaths[c], sizeof(cgpaths[c]), c ? "/system.slice/service-%02d.service" : "/", c);
		memset(&cgroups[c], 0, sizeof(cgroups[c]));
		cgroups[c].path = cgpaths[c];
		cgroups[c].name = cgpaths[c];
		cgroups[c].version = 2;
		cgroups[c].usage_bytes = (int64_t)(10 + c) << 20;
		cgroups[c].limit_bytes = c % 3 ? VAL_UNKNOWN : INT64_C(1) << 30;
		cgroups[c].high_bytes = VAL_UNKNOWN;
		cgroups[c].swap_bytes = 0;
		cgroups[c].psi_some_avg10 = cgroups[c].psi_full_avg10 = NAN;
		cgroups[c].kernel_bytes = INT64_C(1) << 20;
		cgroups[c].sock_bytes = cgroups[c].shmem_bytes = 0;
		cgroups[c].high_events = cgroups[c].max_events = 0;
		read_stat(&cgroups[c]);
	}
	for (int i = 0; i <= nprocs; i++) {
		snprintf(comms[i], sizeof(comms[i]), "svc%d", i % 97);
		snprintf(cmdlines[i], sizeof(cmdlines[i]), "/usr/sbin/service-%d --config /etc/service-%d.conf", i % 97,
			 i % 97);
		init_proc(&rows[i], i, 1000 + i, (uint64_t)(100 + i));
		ptrs[i] = &rows[i];
	}
	srand(42);
	const double t0 = t_end - days * 86400.0;
	long samples = 0;
	double cpu0 = cpu_ms(), last_flush = t0, last_ret = t0;
	for (double t = t0; t < t_end; t += step) {
		struct snapshot s;
		memset(&s, 0, sizeof(s));
		s.time_unix_s = t;
		s.uptime_s = t - 1700000000.0;
		s.hostname = "bench";
		s.sys.mem_total_bytes = INT64_C(16) << 30;
		s.sys.mem_available_bytes = (INT64_C(8) << 30) - (int64_t)(rand() % 4096) * 4096;
		s.sys.available_bytes = s.sys.mem_available_bytes;
		s.sys.zfs_arc_size_bytes = s.sys.zfs_arc_reclaimable_bytes = VAL_UNKNOWN;
		s.sys.swap_total_bytes = s.sys.swap_free_bytes = 0;
		s.sys.psi_some_avg10 = s.sys.psi_full_avg10 = 0;
		s.sys.oom_kills = 0;
		for (int i = 0; i < nprocs; i++) {
			struct proc_row *r = &rows[i];
			if (i < nleak) /* leakers: 2 KiB to 400 KiB per sample */
				r->rss_bytes += 2048 << (i % 8);
			else if (i < nleak + nbusy)
				r->rss_bytes += (rand() % 5 - 2) * 4096;
			else if (rand() % (int)(3600 / step) == 0)
				r->rss_bytes += (rand() % 3 - 1) * 4096, r->fds += rand() % 3 - 1;
			r->oom_score = 10 + r->rss_bytes / (INT64_C(16) << 20);
		}
		size_t n = (size_t)nprocs;
		/* a short job every 5 minutes, alive 30 s: a new process each time */
		double in_job = fmod(t - t0, JOB_EVERY_S);
		if (in_job < JOB_LIFE_S) {
			struct proc_row *job = &rows[nprocs];
			init_proc(job, nprocs, 30000 + (pid_t)(samples % 20000), (uint64_t)((t - t0) / JOB_EVERY_S) + 100000);
			job->rss_bytes += (int64_t)in_job * 4096;
			n++;
		}
		for (int c = 1; c <= CG_BUSY; c++) {
			struct cgroup_row *g = &cgroups[c];
			g->usage_bytes += (rand() % 9 - 4) * 4096;
			if (samples % 10 == c % 10) /* memory.stat read again, staggered */
				read_stat(g);
			g->working_set_bytes = g->usage_bytes - g->file_inactive_bytes;
		}
		s.procs = ptrs;
		s.nprocs = n;
		s.cgroups = cgroups;
		s.ncgroups = NCGROUPS;
		if (history_writer_add(w, &s, err, sizeof(err)) < 0) {
			fprintf(stderr, "history_week: %s\n", err);
			return 1;
		}
		samples++;
		if (t - last_flush >= FLUSH_S) {
			if (t - last_ret >= RETENTION_S) {
				if (history_retention_run(st, &keep, (int64_t)t, err, sizeof(err)) != 0)
					fprintf(stderr, "history_week: %s\n", err);
				last_ret = t;
			}
			if (history_writer_commit(w, err, sizeof(err)) != 0) {
				fprintf(stderr, "history_week: %s\n", err);
				return 1;
			}
			last_flush = t;
		}
	}
	history_writer_commit(w, err, sizeof(err));
	double write_cpu = cpu_ms() - cpu0;
	history_writer_free(w);
	int64_t used = history_store_used_bytes(st);
	sqlite3_stmt *q = history_store_prepare(st, "SELECT (SELECT count(*) FROM sample), (SELECT count(*) FROM proc_value),"
						    " (SELECT count(*) FROM cgroup_value), (SELECT count(*) FROM proc)");
	long long ns = 0, npv = 0, ncv = 0, np = 0;
	if (q && sqlite3_step(q) == SQLITE_ROW) {
		ns = sqlite3_column_int64(q, 0);
		npv = sqlite3_column_int64(q, 1);
		ncv = sqlite3_column_int64(q, 2);
		np = sqlite3_column_int64(q, 3);
	}
	sqlite3_finalize(q);
	history_store_close(st);
	struct stat sb;
	stat(path, &sb);
	printf("processes=%d leakers=%d busy=%d interval_s=%g days=%d\n", nprocs, nleak, nbusy, step, days);
	printf("samples_written=%ld samples_kept=%lld proc_rows=%lld cgroup_rows=%lld identities=%lld\n", samples, ns, npv,
	       ncv, np);
	printf("file_bytes=%lld used_bytes=%lld write_cpu_ms_per_sample=%.3f\n", (long long)sb.st_size, (long long)used,
	       write_cpu / (double)samples);

read_back:;
	/* reading it back, as a starting oomtop does: open, the replay of the last window */
	double windows[2] = {300, days * 86400.0};
	for (int k = 0; k < 2; k++) {
		double w0 = wall_ms();
		struct history_replay *r = NULL;
		int rc = history_store_open(&st, path, HISTORY_STORE_READ, err, sizeof(err));
		if (rc == 0) {
			rc = history_replay_load(st, &boot, t_end, windows[k], &r);
			history_store_close(st);
		}
		double ms = wall_ms() - w0;
		if (rc != 0) {
			fprintf(stderr, "history_week: replay: %s\n", rc < 0 ? strerror(-rc) : err);
			return 1;
		}
		printf("%s=%.1f window_s=%g processes_with_past=%zu\n", k ? "replay_week_ms" : "replay_ms", ms, windows[k],
		       history_replay_processes(r));
		history_replay_free(r);
	}
	double w0 = wall_ms();
	if (history_store_open(&st, path, HISTORY_STORE_READ, err, sizeof(err)) == 0) {
		struct history_moment m;
		int64_t last = (int64_t)(t_end - step);
		int rc = history_moment_load(st, last, 300, &m);
		printf("moment_ms=%.1f rows=%zu rc=%d\n", wall_ms() - w0, m.nrows, rc);
		history_moment_free(&m);
		history_store_close(st);
	}
	if (!out)
		unlink(path);
	return 0;
}
