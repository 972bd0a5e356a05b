/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tests/tui/fxhistory.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/history/boot.h"
#include "core/history/store.h"
#include "core/history/writer.h"
#include "tests/tui/fixture.h"

#define MAX_ROWS 32
#define MAX_CGROUPS 16

static const struct history_boot boot = {"fixture-boot", FXHISTORY_NOW - 1036800};

int64_t fxhistory_agent_rss(int64_t t)
{
	return (INT64_C(800) << 20) + llround(FXHISTORY_MIB_PER_S * (double)(t - FXHISTORY_NOW));
}

/* The fixture machine at t: the agent and its cgroup smaller by what it leaked since. */
static void add_moment(struct history_writer *w, int64_t t)
{
	struct snapshot s = *fixture_snapshot();
	static struct proc_row rows[MAX_ROWS];
	static struct proc_row *ptrs[MAX_ROWS];
	static struct cgroup_row cgroups[MAX_CGROUPS];
	ck_assert(s.nprocs <= MAX_ROWS && s.ncgroups <= MAX_CGROUPS);
	int64_t less = (INT64_C(800) << 20) - fxhistory_agent_rss(t);
	for (size_t i = 0; i < s.nprocs; i++) {
		rows[i] = *s.procs[i];
		if (rows[i].pid == 4242) {
			rows[i].rss_bytes -= less;
			rows[i].rss_anon_bytes -= less;
		}
		ptrs[i] = &rows[i];
	}
	for (size_t i = 0; i < s.ncgroups; i++) {
		cgroups[i] = s.cgroups[i];
		if (strstr(cgroups[i].path, "nas-agent") ||
		    strcmp(cgroups[i].path, "/system.slice") == 0 ||
		    strcmp(cgroups[i].path, "/") == 0) {
			cgroups[i].usage_bytes -= less;
			cgroups[i].working_set_bytes -= less;
		}
	}
	s.procs = ptrs;
	s.cgroups = cgroups;
	s.events = NULL;
	s.nevents = 0;
	s.time_unix_s = (double)t;
	s.uptime_s += (double)(t - FXHISTORY_NOW);
	s.sys.mem_available_bytes += less;
	s.sys.available_bytes += less;
	char err[256];
	ck_assert_msg(history_writer_add(w, &s, err, sizeof(err)) >= 0, "%s", err);
}

static char path[4096];

const char *fxhistory_make(void)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4000];
	snprintf(dir, sizeof(dir), "%s/oomtop-fxhistory.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp %s", dir);
	snprintf(path, sizeof(path), "%s/history.db", dir);
	struct history_store *st;
	char err[600];
	ck_assert_msg(history_store_open(&st, path, HISTORY_STORE_RECORD, err, sizeof(err)) == 0,
	              "%s", err);
	struct history_writer *w = history_writer_new(st, &boot, 10, "nas01", err, sizeof(err));
	ck_assert_msg(w != NULL, "%s", err);
	for (int64_t t = FXHISTORY_A0; t <= FXHISTORY_A1; t += 10)
		add_moment(w, t);
	for (int64_t t = FXHISTORY_B0; t <= FXHISTORY_B1; t += 10)
		add_moment(w, t);
	ck_assert_msg(history_writer_commit(w, err, sizeof(err)) == 0, "%s", err);
	history_writer_free(w);
	history_store_close(st);
	return path;
}

void fxhistory_remove(const char *db)
{
	char p[4200];
	unlink(db);
	snprintf(p, sizeof(p), "%s-wal", db);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", db);
	unlink(p);
	snprintf(p, sizeof(p), "%s", db);
	char *slash = strrchr(p, '/');
	if (slash) {
		*slash = '\0';
		rmdir(p);
	}
}
