/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/output/prom.h"

#include <stdio.h>
#include <string.h>

#include "core/proc/sort.h"

/* Label values: escape \ " and newline; bytes that are not printable ASCII become '?'
 * (exposition text must be valid UTF-8, and names are attacker-controlled). */
static void label(struct strbuf *sb, const char *name, const char *value, bool first)
{
	sb_printf(sb, "%s%s=\"", first ? "" : ",", name);
	for (const unsigned char *p = (const unsigned char *)(value ? value : ""); *p; p++) {
		if (*p == '\\' || *p == '"')
			sb_printf(sb, "\\%c", *p);
		else if (*p == '\n')
			sb_puts(sb, "\\n");
		else if (*p < 0x20 || *p >= 0x7f)
			sb_putc(sb, '?');
		else
			sb_putc(sb, (char)*p);
	}
	sb_putc(sb, '"');
}

static void meta(struct strbuf *sb, const char *name, const char *type, const char *help)
{
	sb_printf(sb, "# HELP oomtop_%s %s\n# TYPE oomtop_%s %s\n", name, help, name, type);
}

static void value_i64(struct strbuf *sb, int64_t v)
{
	sb_printf(sb, " %lld\n", (long long)v);
}

static void value_dbl(struct strbuf *sb, double v)
{
	sb_printf(sb, " %.6g\n", v);
}

static void sys_gauge(struct strbuf *sb, const char *name, const char *type, const char *help, int64_t v)
{
	if (!val_known(v))
		return;
	meta(sb, name, type, help);
	sb_printf(sb, "oomtop_%s", name);
	value_i64(sb, v);
}

/* A count of microseconds as seconds, exactly: %.6g would round a counter of days. */
static void value_us(struct strbuf *sb, int64_t us)
{
	sb_printf(sb, " %lld.%06lld\n", (long long)(us / 1000000), (long long)(us % 1000000));
}

static void sys_counter_us(struct strbuf *sb, const char *name, const char *help, int64_t us)
{
	if (!val_known(us) || us < 0)
		return;
	meta(sb, name, "counter", help);
	sb_printf(sb, "oomtop_%s", name);
	value_us(sb, us);
}

static void sys_gauge_d(struct strbuf *sb, const char *name, const char *help, double v)
{
	if (isnan(v))
		return;
	meta(sb, name, "gauge", help);
	sb_printf(sb, "oomtop_%s", name);
	value_dbl(sb, v);
}

enum cg_field {
	CG_USAGE, CG_WSET, CG_ANON, CG_FILE, CG_FILE_INACTIVE, CG_SHMEM, CG_KERNEL, CG_SOCK, CG_LIMIT, CG_HIGH,
	CG_EFFLIM, CG_SWAP, CG_OOM, CG_THROTTLED, CG_PSI_SOME, CG_PSI_FULL, CG_PSI_SOME_US, CG_PSI_FULL_US,
	CG_NPROCS, CG_SLOPE, CG_WSET_SLOPE, CG_ETA, CG_VICTIM
};

static void cgroup_family(struct strbuf *sb, const struct snapshot *s, const char *name, const char *type,
			  const char *help, enum cg_field f)
{
	bool any = false;
	for (size_t i = 0; i < s->ncgroups; i++) {
		const struct cgroup_row *c = &s->cgroups[i];
		double d = NAN;
		int64_t v = VAL_UNKNOWN, us = VAL_UNKNOWN;
		switch (f) {
		case CG_USAGE: v = c->usage_bytes; break;
		case CG_WSET: v = c->working_set_bytes; break;
		case CG_ANON: v = c->anon_bytes; break;
		case CG_FILE: v = c->file_bytes; break;
		case CG_FILE_INACTIVE: v = c->file_inactive_bytes; break;
		case CG_SHMEM: v = c->shmem_bytes; break;
		case CG_KERNEL: v = c->kernel_bytes; break;
		case CG_SOCK: v = c->sock_bytes; break;
		case CG_LIMIT: v = c->limit_bytes; break;
		case CG_HIGH: v = c->high_bytes; break;
		case CG_THROTTLED: v = val_known(c->high_bytes) ? c->throttled : VAL_UNKNOWN; break;
		case CG_PSI_SOME: d = c->psi_some_avg10; break;
		case CG_PSI_FULL: d = c->psi_full_avg10; break;
		case CG_PSI_SOME_US: us = c->psi_some_total_us; break;
		case CG_PSI_FULL_US: us = c->psi_full_total_us; break;
		case CG_WSET_SLOPE: d = c->working_set_slope.per_s; break;
		case CG_VICTIM: v = c->next_victim_pid > 0 ? c->next_victim_pid : VAL_UNKNOWN; break;
		case CG_EFFLIM: v = c->effective_limit_bytes; break;
		case CG_SWAP: v = c->swap_bytes; break;
		case CG_OOM: v = c->oom_kills; break;
		case CG_NPROCS: v = c->nprocs; break;
		case CG_SLOPE: d = c->usage_slope.per_s; break;
		case CG_ETA: d = c->eta_to_limit_s; break;
		}
		if (!val_known(v) && isnan(d) && (!val_known(us) || us < 0))
			continue;
		if (!any)
			meta(sb, name, type, help);
		any = true;
		sb_printf(sb, "oomtop_%s{", name);
		label(sb, "path", c->path, true);
		label(sb, "name", c->name, false);
		sb_putc(sb, '}');
		if (val_known(v))
			value_i64(sb, v);
		else if (!isnan(d))
			value_dbl(sb, d);
		else
			value_us(sb, us);
	}
}

enum pr_field { PR_RSS, PR_SLOPE, PR_SWAP, PR_SCORE, PR_ADJ, PR_FDS, PR_FDSLOPE, PR_FDLIMIT, PR_FDETA };

/* The rows that get per-process series, at most OUTPUT_PROM_MAX_PROCS, the same set for
 * every family whatever order the caller sorted rows in: the live rows with a known leak
 * rate, fastest first; while no row has one (the first refresh: `-n 1`), the live rows by
 * RSS, largest first. Returns how many; *by_rss says which selection it was. */
static size_t top_procs(const struct output_view *v, const struct proc_row *top[OUTPUT_PROM_MAX_PROCS],
			bool *by_rss)
{
	size_t n = 0;
	*by_rss = false;
	for (int pass = 0; pass < 2 && n == 0; pass++) {
		enum sort_key key = pass == 0 ? SORT_RSS_SLOPE : SORT_RSS;
		*by_rss = pass == 1;
		for (size_t i = 0; i < v->nrows; i++) {
			const struct proc_row *p = v->rows[i];
			if (p->state != PROC_RUNNING || (pass == 0 ? isnan(p->rss_slope.per_s) : !val_known(p->rss_bytes)))
				continue;
			if (n == OUTPUT_PROM_MAX_PROCS && proc_sort_compare(p, top[n - 1], key, false) >= 0)
				continue;
			size_t k = n < OUTPUT_PROM_MAX_PROCS ? n++ : n - 1;
			while (k > 0 && proc_sort_compare(p, top[k - 1], key, false) < 0) {
				top[k] = top[k - 1];
				k--;
			}
			top[k] = p;
		}
	}
	return n;
}

static void proc_family(struct strbuf *sb, const struct proc_row *const *top, size_t ntop, bool by_rss,
			const char *name, const char *help, enum pr_field f)
{
	char full_help[256];
	snprintf(full_help, sizeof(full_help), "%s Series for the top %d processes by %s.", help, OUTPUT_PROM_MAX_PROCS,
		 by_rss ? "RSS (no leak rate known yet)" : "leak rate");
	bool any = false;
	for (size_t i = 0; i < ntop; i++) {
		const struct proc_row *p = top[i];
		double d = NAN;
		int64_t x = VAL_UNKNOWN;
		switch (f) {
		case PR_RSS: x = p->rss_bytes; break;
		case PR_SLOPE: d = p->rss_slope.per_s; break;
		case PR_SWAP: x = p->swap_bytes; break;
		case PR_SCORE: x = p->oom_score; break;
		case PR_ADJ: x = p->oom_score_adj; break;
		case PR_FDS: x = p->fds; break;
		case PR_FDSLOPE: d = p->fd_slope.per_s; break;
		case PR_FDLIMIT: x = p->fd_limit; break;
		case PR_FDETA: d = p->fd_eta_s; break;
		}
		if (!val_known(x) && isnan(d))
			continue;
		if (!any)
			meta(sb, name, "gauge", full_help);
		any = true;
		char pid[16];
		snprintf(pid, sizeof(pid), "%d", (int)p->pid);
		sb_printf(sb, "oomtop_%s{", name);
		label(sb, "pid", pid, true);
		label(sb, "comm", p->comm, false);
		label(sb, "cgroup", p->cgroup ? p->cgroup : "", false);
		sb_putc(sb, '}');
		if (val_known(x))
			value_i64(sb, x);
		else
			value_dbl(sb, d);
	}
}

void output_prom(struct strbuf *sb, const struct output_view *v)
{
	const struct snapshot *s = v->snap;
	const struct sys_mem *m = &s->sys;
	sys_gauge(sb, "memory_total_bytes", "gauge", "MemTotal.", m->mem_total_bytes);
	sys_gauge(sb, "memory_available_bytes", "gauge", "MemAvailable (estimated on kernels before 3.14).",
		  m->mem_available_bytes);
	sys_gauge(sb, "swap_total_bytes", "gauge", "SwapTotal.", m->swap_total_bytes);
	sys_gauge(sb, "swap_free_bytes", "gauge", "SwapFree.", m->swap_free_bytes);
	sys_gauge_d(sb, "memory_pressure_some_avg10", "Memory PSI some avg10, percent.", m->psi_some_avg10);
	sys_gauge_d(sb, "memory_pressure_full_avg10", "Memory PSI full avg10, percent.", m->psi_full_avg10);
	sys_counter_us(sb, "memory_pressure_some_seconds_total",
		       "Time at least one task stalled on memory since boot (/proc/pressure/memory some total=); "
		       "node_exporter: node_pressure_memory_waiting_seconds_total.",
		       m->psi_some_total_us);
	sys_counter_us(sb, "memory_pressure_full_seconds_total",
		       "Time all non-idle tasks stalled on memory since boot (/proc/pressure/memory full total=); "
		       "node_exporter: node_pressure_memory_stalled_seconds_total.",
		       m->psi_full_total_us);
	sys_gauge(sb, "oom_kills_total", "counter", "OOM kills since boot (/proc/vmstat oom_kill).", m->oom_kills);
	sys_gauge_d(sb, "memory_available_slope_bytes_per_second", "Slope of MemAvailable over the window.",
		    m->available.per_s);
	sys_gauge_d(sb, "memory_exhaustion_eta_seconds", "Seconds until MemAvailable reaches zero at its slope.",
		    m->eta_exhaustion_s);
	sys_gauge(sb, "zfs_arc_size_bytes", "gauge", "ZFS ARC size (absent without ZFS).", m->zfs_arc_size_bytes);
	sys_gauge(sb, "zfs_arc_reclaimable_bytes", "gauge",
		  "What the ZFS ARC gives back under pressure: size above c_min (counted as available).",
		  m->zfs_arc_reclaimable_bytes);
	sys_gauge(sb, "next_victim_pid", "gauge", "The process the global OOM killer would choose now.",
		  m->next_victim_pid > 0 ? m->next_victim_pid : VAL_UNKNOWN);
	cgroup_family(sb, s, "cgroup_usage_bytes", "gauge", "Memory usage of the cgroup.", CG_USAGE);
	cgroup_family(sb, s, "cgroup_working_set_bytes", "gauge",
		      "Working set: usage minus inactive file cache (the kubelet's definition).", CG_WSET);
	cgroup_family(sb, s, "cgroup_anon_bytes", "gauge", "Anonymous memory (memory.stat).", CG_ANON);
	cgroup_family(sb, s, "cgroup_file_bytes", "gauge", "Page cache, shmem included (memory.stat).", CG_FILE);
	cgroup_family(sb, s, "cgroup_file_inactive_bytes", "gauge", "Inactive page cache: reclaimed first.",
		      CG_FILE_INACTIVE);
	cgroup_family(sb, s, "cgroup_shmem_bytes", "gauge", "Shared memory and tmpfs (memory.stat).", CG_SHMEM);
	cgroup_family(sb, s, "cgroup_kernel_bytes", "gauge", "Kernel memory charged to the cgroup.", CG_KERNEL);
	cgroup_family(sb, s, "cgroup_sock_bytes", "gauge", "Socket buffers charged to the cgroup.", CG_SOCK);
	cgroup_family(sb, s, "cgroup_limit_bytes", "gauge", "Memory limit of the cgroup (absent: none).", CG_LIMIT);
	cgroup_family(sb, s, "cgroup_high_bytes", "gauge", "memory.high of the cgroup (absent: none).", CG_HIGH);
	cgroup_family(sb, s, "cgroup_throttled", "gauge", "1 while the cgroup is over memory.high (throttled).",
		      CG_THROTTLED);
	cgroup_family(sb, s, "cgroup_memory_pressure_some_avg10", "gauge", "Memory PSI some avg10 of the cgroup, percent.",
		      CG_PSI_SOME);
	cgroup_family(sb, s, "cgroup_memory_pressure_full_avg10", "gauge", "Memory PSI full avg10 of the cgroup, percent.",
		      CG_PSI_FULL);
	cgroup_family(sb, s, "cgroup_memory_pressure_some_seconds_total", "counter",
		      "Time at least one task of the cgroup stalled on memory (memory.pressure some total=).",
		      CG_PSI_SOME_US);
	cgroup_family(sb, s, "cgroup_memory_pressure_full_seconds_total", "counter",
		      "Time all non-idle tasks of the cgroup stalled on memory (memory.pressure full total=).",
		      CG_PSI_FULL_US);
	cgroup_family(sb, s, "cgroup_effective_limit_bytes", "gauge", "Tightest limit on the path to the root.",
		      CG_EFFLIM);
	cgroup_family(sb, s, "cgroup_swap_bytes", "gauge", "Swap used by the cgroup.", CG_SWAP);
	cgroup_family(sb, s, "cgroup_oom_kills_total", "counter", "OOM kills in the cgroup.", CG_OOM);
	cgroup_family(sb, s, "cgroup_processes", "gauge", "Processes in the cgroup and below.", CG_NPROCS);
	cgroup_family(sb, s, "cgroup_usage_slope_bytes_per_second", "gauge", "Slope of usage over the window.",
		      CG_SLOPE);
	cgroup_family(sb, s, "cgroup_working_set_slope_bytes_per_second", "gauge",
		      "Slope of the working set over the window.", CG_WSET_SLOPE);
	cgroup_family(sb, s, "cgroup_limit_eta_seconds", "gauge",
		      "Seconds until the limit hit first (its own or an ancestor's) is reached by that cgroup's working set.",
		      CG_ETA);
	cgroup_family(sb, s, "cgroup_next_victim_pid", "gauge", "The process the cgroup's OOM killer would choose now.",
		      CG_VICTIM);
	const struct proc_row *top[OUTPUT_PROM_MAX_PROCS];
	bool by_rss;
	size_t ntop = top_procs(v, top, &by_rss);
	proc_family(sb, top, ntop, by_rss, "process_rss_bytes", "Resident set size.", PR_RSS);
	proc_family(sb, top, ntop, by_rss, "process_rss_slope_bytes_per_second", "RSS slope over the window.",
		    PR_SLOPE);
	proc_family(sb, top, ntop, by_rss, "process_swap_bytes", "Swap used by the process.", PR_SWAP);
	proc_family(sb, top, ntop, by_rss, "process_oom_score", "/proc/PID/oom_score.", PR_SCORE);
	proc_family(sb, top, ntop, by_rss, "process_oom_score_adj", "/proc/PID/oom_score_adj.", PR_ADJ);
	proc_family(sb, top, ntop, by_rss, "process_open_fds", "Open file descriptors.", PR_FDS);
	proc_family(sb, top, ntop, by_rss, "process_fd_slope_per_second", "Slope of the fd count over the window.",
		    PR_FDSLOPE);
	proc_family(sb, top, ntop, by_rss, "process_fd_limit", "Soft RLIMIT_NOFILE: open() fails with EMFILE there.",
		    PR_FDLIMIT);
	proc_family(sb, top, ntop, by_rss, "process_fd_limit_eta_seconds",
		    "Seconds until the open fds reach the soft RLIMIT_NOFILE at their slope.", PR_FDETA);
}
