/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The Prometheus exposition (core/output/prom.c) on a hand-built snapshot
 * (tests/lib/fxsnap.h), checked by the format's rules (names, HELP/TYPE, labels). */
#include "config.h"

#include <check.h>
#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"
#include "core/model.h"
#include "core/output/json.h"
#include "core/output/json_write.h"
#include "core/output/output.h"
#include "core/output/prom.h"
#include "core/output/text.h"
#include "tests/lib/fxsnap.h"
#include "tests/lib/jsonv.h"
#include "tests/unit/ck_run.h"


static bool metric_name_ok(const char *s, size_t n)
{
	if (n == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_' || s[0] == ':'))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == ':'))
			return false;
	return true;
}

struct prom_family {
	char name[128];
	char type[16];
	bool help, closed;
	size_t samples;
};

struct prom_check {
	struct prom_family fam[64];
	size_t nfam;
	int cur; /* family of the previous line, -1 */
	pid_t pids[256];
	size_t npids;
};

static struct prom_family *family(struct prom_check *pc, const char *name, size_t n)
{
	for (size_t i = 0; i < pc->nfam; i++)
		if (strlen(pc->fam[i].name) == n && strncmp(pc->fam[i].name, name, n) == 0)
			return &pc->fam[i];
	ck_assert_uint_lt(pc->nfam, 64);
	struct prom_family *f = &pc->fam[pc->nfam++];
	memset(f, 0, sizeof(*f));
	snprintf(f->name, sizeof(f->name), "%.*s", (int)n, name);
	return f;
}

/* Check one exposition line (without '\n'). */
static void prom_line(struct prom_check *pc, const char *l)
{
	if (l[0] == '#') {
		bool help = strncmp(l, "# HELP ", 7) == 0, type = strncmp(l, "# TYPE ", 7) == 0;
		ck_assert_msg(help || type, "comment line '%s'", l);
		const char *name = l + 7, *sp = strchr(name, ' ');
		ck_assert_msg(sp && metric_name_ok(name, (size_t)(sp - name)), "bad name in '%s'", l);
		ck_assert_msg(strncmp(name, "oomtop_", 7) == 0, "'%s' lacks the oomtop_ prefix", l);
		struct prom_family *f = family(pc, name, (size_t)(sp - name));
		ck_assert_msg(f->samples == 0, "metadata after samples: '%s'", l);
		if (help) {
			ck_assert_msg(!f->help, "second HELP: '%s'", l);
			f->help = true;
		} else {
			ck_assert_msg(!f->type[0], "second TYPE: '%s'", l);
			ck_assert_msg(strcmp(sp + 1, "gauge") == 0 || strcmp(sp + 1, "counter") == 0, "type in '%s'", l);
			snprintf(f->type, sizeof(f->type), "%s", sp + 1);
			size_t nl = strlen(f->name);
			bool total = nl > 6 && strcmp(f->name + nl - 6, "_total") == 0;
			if (strcmp(f->type, "counter") == 0)
				ck_assert_msg(total, "counter %s does not end in _total", f->name);
			else
				ck_assert_msg(!total, "%s %s ends in _total (counters only)", f->type, f->name);
		}
		pc->cur = (int)(f - pc->fam);
		return;
	}
	const char *p = l;
	while (*p && *p != '{' && *p != ' ')
		p++;
	ck_assert_msg(metric_name_ok(l, (size_t)(p - l)), "bad sample name in '%s'", l);
	struct prom_family *f = family(pc, l, (size_t)(p - l));
	ck_assert_msg(f->help && f->type[0], "sample before HELP/TYPE: '%s'", l);
	ck_assert_msg(!f->closed && pc->cur == (int)(f - pc->fam), "family %s is not contiguous", f->name);
	f->samples++;
	if (*p == '{') {
		p++;
		bool first = true;
		while (*p != '}') {
			if (!first) {
				ck_assert_msg(*p == ',', "expected ',' in '%s'", l);
				p++;
			}
			first = false;
			const char *ln = p;
			while (isalnum((unsigned char)*p) || *p == '_')
				p++;
			ck_assert_msg(p > ln && !isdigit((unsigned char)*ln), "bad label name in '%s'", l);
			bool is_pid = (size_t)(p - ln) == 3 && strncmp(ln, "pid", 3) == 0;
			ck_assert_msg(p[0] == '=' && p[1] == '"', "expected =\" in '%s'", l);
			p += 2;
			char val[512];
			size_t vn = 0;
			while (*p != '"') {
				ck_assert_msg(*p != '\0', "unterminated label value in '%s'", l);
				ck_assert_msg((unsigned char)*p >= 0x20 && *p != 0x7f, "raw control byte in '%s'", l);
				if (*p == '\\') {
					p++;
					ck_assert_msg(*p == '\\' || *p == '"' || *p == 'n', "bad escape \\%c in '%s'", *p, l);
				}
				if (vn + 1 < sizeof(val))
					val[vn++] = *p;
				p++;
			}
			val[vn] = '\0';
			p++;
			if (is_pid && pc->npids < 256) {
				pid_t pid = (pid_t)atoi(val);
				bool seen = false;
				for (size_t i = 0; i < pc->npids; i++)
					seen |= pc->pids[i] == pid;
				if (!seen)
					pc->pids[pc->npids++] = pid;
			}
		}
		p++;
	}
	ck_assert_msg(*p == ' ', "expected a blank before the value in '%s'", l);
	p++;
	char *end;
	double d = strtod(p, &end);
	ck_assert_msg(end != p && *end == '\0', "bad value in '%s'", l);
	ck_assert_msg(isfinite(d), "non-finite value in '%s' (unknown must be absent)", l);
	if (strcmp(f->type, "counter") == 0)
		ck_assert_msg(d >= 0, "negative counter in '%s'", l);
}

static void prom_check_all(const char *out, struct prom_check *pc)
{
	memset(pc, 0, sizeof(*pc));
	pc->cur = -1;
	size_t len = strlen(out);
	ck_assert_msg(len == 0 || out[len - 1] == '\n', "output does not end in a newline");
	char line[4096];
	for (const char *p = out; *p;) {
		const char *e = strchr(p, '\n');
		ck_assert_ptr_nonnull(e);
		ck_assert_uint_lt((size_t)(e - p), sizeof(line));
		snprintf(line, sizeof(line), "%.*s", (int)(e - p), p);
		ck_assert_msg(line[0] != '\0', "empty line");
		int before = pc->cur;
		prom_line(pc, line);
		if (before >= 0 && before != pc->cur)
			pc->fam[before].closed = true;
		p = e + 1;
	}
	for (size_t i = 0; i < pc->nfam; i++)
		ck_assert_msg(pc->fam[i].samples > 0, "family %s has metadata but no sample", pc->fam[i].name);
}

static const struct prom_family *prom_family_of(const struct prom_check *pc, const char *name)
{
	for (size_t i = 0; i < pc->nfam; i++)
		if (strcmp(pc->fam[i].name, name) == 0)
			return &pc->fam[i];
	return NULL;
}

START_TEST(prom_exposition_format)
{
	build_snapshot();
	size_t len;
	char *out = render(output_prom, &len);
	struct prom_check pc;
	prom_check_all(out, &pc);
	ck_assert_ptr_nonnull(strstr(out, "\noomtop_memory_total_bytes 8589934592\n"));
	ck_assert_ptr_nonnull(strstr(out, "\noomtop_swap_total_bytes 0\n")); /* known zero present */
	/* unknown values are absent, not 0 */
	ck_assert_ptr_null(prom_family_of(&pc, "oomtop_oom_kills_total"));
	ck_assert_ptr_null(prom_family_of(&pc, "oomtop_memory_pressure_some_avg10"));
	ck_assert_ptr_null(prom_family_of(&pc, "oomtop_memory_pressure_some_seconds_total"));
	ck_assert_ptr_null(strstr(out, "oomtop_process_rss_bytes{pid=\"1002\""));
	/* the fd limit and when it is reached (issue 16) */
	ck_assert_ptr_nonnull(strstr(out, "\noomtop_process_fd_limit{pid=\"1001\",comm=\"nas-agent\","
					  "cgroup=\"/system.slice/nas-agent.service\"} 1024\n"));
	ck_assert_ptr_nonnull(strstr(out, "\noomtop_process_fd_limit_eta_seconds{pid=\"1001\",comm=\"nas-agent\","
					  "cgroup=\"/system.slice/nas-agent.service\"} 2048\n"));
	ck_assert_ptr_null(strstr(out, "oomtop_process_fd_limit{pid=\"1002\""));
	ck_assert_ptr_nonnull(strstr(out, "oomtop_cgroup_usage_bytes{path=\"/system.slice/nas-agent.service\","
					  "name=\"nas-agent.service\"} 215040000\n"));
	ck_assert_ptr_nonnull(strstr(out, "oomtop_cgroup_oom_kills_total{path=\"/system.slice\",name=\"system.slice\"} 0\n"));
	ck_assert_ptr_null(strstr(out, "oomtop_cgroup_limit_bytes{path=\"/system.slice\""));
	/* the pressure that cannot be reclaimed, memory.high, the next victim (issue 13) */
	const char *nas = "{path=\"/system.slice/nas-agent.service\",name=\"nas-agent.service\"} ";
	static const struct {
		const char *family, *value;
	} want[] = {
		{"cgroup_working_set_bytes", "204554240"},   {"cgroup_file_inactive_bytes", "10485760"},
		{"cgroup_anon_bytes", "199229440"},          {"cgroup_kernel_bytes", "2097152"},
		{"cgroup_high_bytes", "402653184"},          {"cgroup_throttled", "0"},
		{"cgroup_memory_pressure_some_avg10", "1.5"}, {"cgroup_next_victim_pid", "1001"},
		{"cgroup_working_set_slope_bytes_per_second", "58254.2"},
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		char line[256];
		snprintf(line, sizeof(line), "\noomtop_%s%s%s\n", want[i].family, nas, want[i].value);
		ck_assert_msg(strstr(out, line) != NULL, "no line %s", line + 1);
	}
	ck_assert_ptr_null(strstr(out, "oomtop_cgroup_working_set_bytes{path=\"/system.slice\"")); /* unknown */
	/* label values escaped: " \ and newline; ESC replaced */
	ck_assert_ptr_nonnull(strstr(out, "path=\"/system.slice/we\\\"ird\\\\\\n?.service\""));
	/* ghosts have no per-process series */
	ck_assert_ptr_null(strstr(out, "pid=\"1003\""));
	ck_assert_ptr_null(strstr(out, "pid=\"1004\""));
	free(out);
}
END_TEST

START_TEST(prom_process_series_bounded)
{
	build_snapshot();
	/* 60 running processes, all with a known leak rate, sorted by it */
	for (size_t i = 0; i < 60; i++) {
		procs[i] = blank((pid_t)(3000 + i));
		procs[i].comm = "worker\"\\";
		procs[i].user = "u";
		procs[i].cmdline = "w";
		procs[i].cgroup = "/system.slice";
		procs[i].rss_bytes = (int64_t)(60 - i) << 20;
		procs[i].rss_slope = (struct slope){(double)(600 - 10 * (int)i), 0.9};
		procs[i].fds = 10;
		rows[i] = &procs[i];
	}
	snap.nprocs = nrows = 60;
	size_t len;
	char *out = render(output_prom, &len);
	struct prom_check pc;
	prom_check_all(out, &pc);
	ck_assert_uint_le(pc.npids, OUTPUT_PROM_MAX_PROCS);
	ck_assert_uint_eq(pc.npids, OUTPUT_PROM_MAX_PROCS);
	for (size_t i = 0; i < pc.nfam; i++)
		if (strncmp(pc.fam[i].name, "oomtop_process_", 15) == 0)
			ck_assert_uint_le(pc.fam[i].samples, OUTPUT_PROM_MAX_PROCS);
	/* the top ones by leak rate */
	for (pid_t pid = 3000; pid < 3000 + OUTPUT_PROM_MAX_PROCS; pid++) {
		bool seen = false;
		for (size_t i = 0; i < pc.npids; i++)
			seen |= pc.pids[i] == pid;
		ck_assert_msg(seen, "pid %d (leak rank %d) missing", (int)pid, (int)(pid - 3000));
	}
	ck_assert_ptr_nonnull(strstr(out, "comm=\"worker\\\"\\\\\""));
	free(out);
}
END_TEST

START_TEST(prom_process_series_need_a_leak_rate)
{
	/* prom.h: once any row has a known leak rate, per-process series only for rows with
	 * one, the top ones by that rate, whatever order the rows come in (batch sorts by -s) */
	build_snapshot();
	for (size_t i = 0; i < 40; i++) {
		procs[i] = blank((pid_t)(4000 + i));
		procs[i].comm = "w";
		procs[i].rss_bytes = (int64_t)(i + 1) << 20;
		/* even pids leak at a known rate growing with i, odd ones are unknown yet */
		procs[i].rss_slope = (struct slope){i % 2 ? NAN : (double)i * 100, i % 2 ? NAN : 0.9};
		rows[i] = &procs[i]; /* in pid order: not by leak rate */
	}
	snap.nprocs = nrows = 40;
	size_t len;
	char *out = render(output_prom, &len);
	struct prom_check pc;
	prom_check_all(out, &pc);
	ck_assert_uint_eq(pc.npids, 20);
	for (size_t i = 0; i < pc.npids; i++)
		ck_assert_msg((pc.pids[i] - 4000) % 2 == 0, "pid %d has no known leak rate", (int)pc.pids[i]);
	free(out);

	/* with more known rates than the bound: the fastest leakers */
	for (size_t i = 0; i < 40; i++)
		procs[i].rss_slope = (struct slope){(double)i * 100, 0.9};
	out = render(output_prom, &len);
	prom_check_all(out, &pc);
	ck_assert_uint_eq(pc.npids, OUTPUT_PROM_MAX_PROCS);
	for (size_t i = 0; i < pc.npids; i++)
		ck_assert_msg(pc.pids[i] >= 4000 + 40 - OUTPUT_PROM_MAX_PROCS, "pid %d is not a top leaker",
			      (int)pc.pids[i]);
	ck_assert_ptr_nonnull(strstr(out, "# HELP oomtop_process_rss_bytes Resident set size. Series for the top 20 "
					  "processes by leak rate.\n"));
	free(out);
}
END_TEST

/* `-n 1` (the textfile collector's simplest form): no leak rate is known on the first
 * refresh, so the series are for the largest processes by RSS, and the HELP says so. */
START_TEST(prom_process_series_by_rss_before_any_leak_rate)
{
	build_snapshot();
	for (size_t i = 0; i < 40; i++) {
		procs[i] = blank((pid_t)(4000 + i));
		procs[i].comm = "w";
		procs[i].rss_bytes = (int64_t)(i + 1) << 20; /* the last 20 are the largest */
		rows[i] = &procs[i];
	}
	procs[39].state = PROC_EXITED; /* the largest, but gone: ghosts have no series */
	procs[0].rss_bytes = VAL_UNKNOWN;
	snap.nprocs = nrows = 40;
	size_t len;
	char *out = render(output_prom, &len);
	struct prom_check pc;
	prom_check_all(out, &pc);
	ck_assert_uint_eq(pc.npids, OUTPUT_PROM_MAX_PROCS);
	for (size_t i = 0; i < pc.npids; i++)
		ck_assert_msg(pc.pids[i] >= 4000 + 39 - OUTPUT_PROM_MAX_PROCS && pc.pids[i] < 4039,
			      "pid %d is not among the 20 largest live ones", (int)pc.pids[i]);
	ck_assert_ptr_nonnull(strstr(out, "# HELP oomtop_process_rss_bytes Resident set size. Series for the top 20 "
					  "processes by RSS (no leak rate known yet).\n"));
	ck_assert_ptr_nonnull(strstr(out, "\noomtop_process_rss_bytes{pid=\"4038\",comm=\"w\",cgroup=\"\"} 40894464\n"));
	ck_assert_ptr_null(prom_family_of(&pc, "oomtop_process_rss_slope_bytes_per_second")); /* none known */
	ck_assert_ptr_nonnull(strstr(out, "oomtop_memory_total_bytes"));
	free(out);

	/* one known leak rate is enough to select by leak rate */
	procs[5].rss_slope = (struct slope){10, 0.9};
	out = render(output_prom, &len);
	prom_check_all(out, &pc);
	ck_assert_uint_eq(pc.npids, 1);
	ck_assert_int_eq(pc.pids[0], 4005);
	free(out);

	/* no process at all: no process family, the rest still valid */
	snap.nprocs = nrows = 0;
	out = render(output_prom, &len);
	prom_check_all(out, &pc);
	ck_assert_uint_eq(pc.npids, 0);
	ck_assert_ptr_null(strstr(out, "oomtop_process_"));
	free(out);
}
END_TEST

/* PSI as node_exporter exports it: total= (microseconds) as a _seconds_total counter,
 * exactly (a %g would round a machine's days of stall), beside the avg10 gauges. */
START_TEST(prom_psi_counters)
{
	build_snapshot();
	snap.sys.psi_some_avg10 = 0.25;
	snap.sys.psi_some_total_us = INT64_C(123456789);
	snap.sys.psi_full_total_us = 0; /* known zero: present */
	size_t len;
	char *out = render(output_prom, &len);
	struct prom_check pc;
	prom_check_all(out, &pc);
	const struct prom_family *f = prom_family_of(&pc, "oomtop_memory_pressure_some_seconds_total");
	ck_assert_ptr_nonnull(f);
	ck_assert_str_eq(f->type, "counter");
	ck_assert_ptr_nonnull(strstr(out, "\noomtop_memory_pressure_some_seconds_total 123.456789\n"));
	ck_assert_ptr_nonnull(strstr(out, "\noomtop_memory_pressure_full_seconds_total 0.000000\n"));
	ck_assert_ptr_nonnull(strstr(out, "\noomtop_memory_pressure_some_avg10 0.25\n"));
	/* cgroups: nas-agent's totals; the others' unknown ones absent */
	f = prom_family_of(&pc, "oomtop_cgroup_memory_pressure_some_seconds_total");
	ck_assert_ptr_nonnull(f);
	ck_assert_str_eq(f->type, "counter");
	ck_assert_uint_eq(f->samples, 1);
	ck_assert_ptr_nonnull(strstr(out, "\noomtop_cgroup_memory_pressure_some_seconds_total{path=\"/system.slice/"
					  "nas-agent.service\",name=\"nas-agent.service\"} 98765.432109\n"));
	ck_assert_ptr_nonnull(strstr(out, "\noomtop_cgroup_memory_pressure_full_seconds_total{path=\"/system.slice/"
					  "nas-agent.service\",name=\"nas-agent.service\"} 4.000007\n"));
	free(out);
	snap.sys.psi_some_total_us = snap.sys.psi_full_total_us = VAL_UNKNOWN; /* no PSI: absent */
	out = render(output_prom, &len);
	prom_check_all(out, &pc);
	ck_assert_ptr_null(prom_family_of(&pc, "oomtop_memory_pressure_full_seconds_total"));
	free(out);
}
END_TEST

/* docs/prometheus.md is the contract: with every value known, each family printed is
 * listed there, and each one listed there is printed. */
START_TEST(prom_every_metric_is_documented)
{
	build_snapshot();
	struct sys_mem *m = &snap.sys;
	m->psi_some_avg10 = 0.5;
	m->psi_full_avg10 = 0.25;
	m->psi_some_total_us = 1000;
	m->psi_full_total_us = 500;
	m->oom_kills = 3;
	m->available = (struct slope){-100, 0.9};
	m->eta_exhaustion_s = 3600;
	m->zfs_arc_size_bytes = 1 << 30;
	m->zfs_arc_reclaimable_bytes = 1 << 29;
	m->next_victim_pid = 1001;
	cgroups[2].psi_full_avg10 = 0.1;
	size_t len;
	char *out = render(output_prom, &len);
	struct prom_check pc;
	prom_check_all(out, &pc);
	size_t dlen;
	char *doc = util_slurp(SRCDIR "/docs/prometheus.md", &dlen);
	ck_assert_ptr_nonnull(doc);
	for (size_t i = 0; i < pc.nfam; i++) {
		char quoted[160];
		snprintf(quoted, sizeof(quoted), "`%s`", pc.fam[i].name);
		ck_assert_msg(strstr(doc, quoted) != NULL, "docs/prometheus.md does not list %s", pc.fam[i].name);
	}
	size_t listed = 0;
	for (const char *p = doc; (p = strstr(p, "`oomtop_")) != NULL; p++) {
		const char *e = strchr(p + 1, '`');
		ck_assert_ptr_nonnull(e);
		char name[160];
		snprintf(name, sizeof(name), "%.*s", (int)(e - p - 1), p + 1);
		if (name[strlen(name) - 1] == '_' || strchr(name, '[') || strchr(name, ' ')) /* prose */
			continue;
		listed++;
		ck_assert_msg(prom_family_of(&pc, name) != NULL, "docs/prometheus.md lists %s, which is not printed",
			      name);
	}
	ck_assert_uint_ge(listed, pc.nfam);
	free(doc);
	free(out);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("output_prom");
	TCase *tc = tcase_create("output_prom");
	tcase_add_test(tc, prom_exposition_format);
	tcase_add_test(tc, prom_process_series_bounded);
	tcase_add_test(tc, prom_process_series_need_a_leak_rate);
	tcase_add_test(tc, prom_process_series_by_rss_before_any_leak_rate);
	tcase_add_test(tc, prom_psi_counters);
	tcase_add_test(tc, prom_every_metric_is_documented);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
