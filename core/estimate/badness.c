/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/estimate/badness.c — the kernel's OOM victim choice per scope (the rule: badness.h). */
#include "config.h"
#include "core/estimate/badness.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int64_t badness_points(int64_t rss_bytes, int64_t swap_bytes, int64_t pgtables_bytes, int adj,
                       uint64_t totalpages, long page_size)
{
	if (adj <= -1000)
		return BADNESS_NEVER;
	if (page_size <= 0)
		page_size = 4096;
	int64_t points = 0;
	if (val_known(rss_bytes) && rss_bytes > 0)
		points += rss_bytes / page_size;
	if (val_known(swap_bytes) && swap_bytes > 0)
		points += swap_bytes / page_size;
	if (val_known(pgtables_bytes) && pgtables_bytes > 0)
		points += pgtables_bytes / page_size;
	/* mm/oom_kill.c: adj *= totalpages / 1000; points += adj; */
	points += (int64_t)adj * (int64_t)(totalpages / 1000);
	return points;
}

static long page_size_now(void)
{
	long ps = sysconf(_SC_PAGESIZE);
	return ps > 0 ? ps : 4096;
}

static bool is_candidate(const struct proc_row *p)
{
	return p->state == PROC_RUNNING && !p->kernel_thread && p->pid > 1 &&
	       val_known(p->rss_bytes) && val_known(p->oom_score_adj);
}

/* path is scope or below it: "/a" holds "/a" and "/a/b", not "/ab"; "/" holds everything. */
static bool path_within(const char *path, const char *scope)
{
	if (!path || !scope)
		return false;
	size_t n = strlen(scope);
	while (n > 0 && scope[n - 1] == '/')
		n--;
	if (n == 0)
		return path[0] == '/';
	return strncmp(path, scope, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

static bool valid_row(const struct snapshot *s, int i)
{
	return i >= 0 && (size_t)i < s->ncgroups;
}

static uint64_t pages_of(int64_t bytes, long ps)
{
	return val_known(bytes) && bytes > 0 ? (uint64_t)bytes / (uint64_t)ps : 0;
}

static uint64_t system_totalpages(const struct snapshot *s, long ps)
{
	if (!val_known(s->sys.mem_total_bytes))
		return 0;
	return pages_of(s->sys.mem_total_bytes, ps) + pages_of(s->sys.swap_total_bytes, ps);
}

/* mem_cgroup_get_max(): limit + min(swap allowance, total swap); swap allowance unknown to
 * the snapshot, so the kernel's default (unlimited) is assumed: + total swap. */
static uint64_t cgroup_totalpages(const struct snapshot *s, int row, long ps)
{
	const struct cgroup_row *c = &s->cgroups[row];
	int64_t limit = val_known(c->limit_bytes) ? c->limit_bytes : c->effective_limit_bytes;
	if (!val_known(limit))
		return 0;
	uint64_t max = pages_of(limit, ps);
	return max ? max + pages_of(s->sys.swap_total_bytes, ps) : 1; /* kernel: "?: 1" */
}

int badness_cgroup_scope(const struct snapshot *s, int cgroup)
{
	if (!valid_row(s, cgroup))
		return BADNESS_SCOPE_NONE;
	int64_t eff = s->cgroups[cgroup].effective_limit_bytes;
	if (!val_known(eff))
		return BADNESS_SCOPE_NONE;
	int top = cgroup;
	size_t guard = 0;
	for (int i = cgroup; valid_row(s, i) && guard++ <= s->ncgroups; i = s->cgroups[i].parent) {
		if (s->cgroups[i].limit_bytes == eff)
			return i;
		top = i;
	}
	return top;
}

struct override {
	const pid_t *pids;
	size_t npids;
	int adj;
	const int *adjs; /* per pid, or NULL: adj for all */
};

static int adj_of(const struct proc_row *p, const struct override *ov)
{
	if (ov)
		for (size_t i = 0; i < ov->npids; i++)
			if (ov->pids[i] == p->pid)
				return ov->adjs ? ov->adjs[i] : ov->adj;
	return (int)p->oom_score_adj;
}

static int64_t proc_points(const struct proc_row *p, uint64_t totalpages, long ps,
                           const struct override *ov)
{
	return badness_points(p->rss_bytes, p->swap_bytes, p->pgtables_bytes, adj_of(p, ov),
	                      totalpages, ps);
}

/* Does (pts, p) beat the current best? More points, then later start, then larger pid. */
static bool beats(int64_t pts, const struct proc_row *p, int64_t best_pts,
                  const struct proc_row *best)
{
	if (pts == BADNESS_NEVER)
		return false;
	if (!best)
		return true;
	if (pts != best_pts)
		return pts > best_pts;
	if (p->start_ticks != best->start_ticks)
		return p->start_ticks > best->start_ticks;
	return p->pid > best->pid;
}

/* The victim of a resolved scope (BADNESS_SCOPE_SYSTEM or a scope row) as a procs index. */
static long scan_scope(const struct snapshot *s, int scope_row, const struct override *ov, long ps,
                       int64_t *points_out)
{
	uint64_t total;
	const char *scope_path = NULL;
	if (scope_row == BADNESS_SCOPE_SYSTEM) {
		total = system_totalpages(s, ps);
	} else {
		total = cgroup_totalpages(s, scope_row, ps);
		scope_path = s->cgroups[scope_row].path;
	}
	if (total == 0)
		return -1;
	long best = -1;
	int64_t best_pts = 0;
	for (size_t i = 0; i < s->nprocs; i++) {
		const struct proc_row *p = s->procs[i];
		if (!is_candidate(p))
			continue;
		if (scope_path && !path_within(p->cgroup, scope_path))
			continue;
		int64_t pts = proc_points(p, total, ps, ov);
		if (beats(pts, p, best_pts, best >= 0 ? s->procs[best] : NULL)) {
			best = (long)i;
			best_pts = pts;
		}
	}
	if (points_out)
		*points_out = best >= 0 ? best_pts : BADNESS_NEVER;
	return best;
}

static int resolve_scope(const struct snapshot *s, int scope)
{
	if (scope == BADNESS_SCOPE_SYSTEM)
		return BADNESS_SCOPE_SYSTEM;
	return badness_cgroup_scope(s, scope);
}

static pid_t victim_with(const struct snapshot *s, int scope, const struct override *ov,
                         int64_t *points_out)
{
	if (points_out)
		*points_out = BADNESS_NEVER;
	int r = resolve_scope(s, scope);
	if (r == BADNESS_SCOPE_NONE)
		return 0;
	long i = scan_scope(s, r, ov, page_size_now(), points_out);
	return i >= 0 ? s->procs[i]->pid : 0;
}

pid_t badness_scope_victim(const struct snapshot *s, int scope, int64_t *points_out)
{
	return victim_with(s, scope, NULL, points_out);
}

pid_t badness_victim_if(const struct snapshot *s, int scope, pid_t pid, int new_adj)
{
	return badness_victim_if_many(s, scope, &pid, 1, new_adj);
}

pid_t badness_victim_if_many(const struct snapshot *s, int scope, const pid_t *pids, size_t npids,
                             int new_adj)
{
	struct override ov = {.pids = pids, .npids = npids, .adj = new_adj};
	return victim_with(s, scope, &ov, NULL);
}

pid_t badness_victim_if_each(const struct snapshot *s, int scope, const pid_t *pids,
                             const int *new_adjs, size_t npids)
{
	struct override ov = {.pids = pids, .npids = npids, .adjs = new_adjs};
	return victim_with(s, scope, &ov, NULL);
}

/* ---- marking a whole snapshot: one pass over processes, walking up each one's cgroup ---- */

struct row_path {
	const char *path;
	int row;
};

static int cmp_row_path(const void *a, const void *b)
{
	return strcmp(((const struct row_path *)a)->path, ((const struct row_path *)b)->path);
}

/* Row index of a cgroup path via the sorted index; a path that is not a row (created since
 * the cgroup scan) falls back to its nearest listed ancestor. -1 when none. */
static int row_of_path(const struct row_path *sorted, size_t n, const char *path)
{
	if (!path || path[0] != '/')
		return -1;
	char buf[4096];
	size_t len = strlen(path);
	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, path, len + 1);
	for (;;) {
		size_t lo = 0, hi = n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			int c = strcmp(buf, sorted[mid].path);
			if (c == 0)
				return sorted[mid].row;
			if (c < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
		char *slash = strrchr(buf, '/');
		if (!slash)
			return -1;
		if (slash == buf) {
			if (buf[1] == '\0')
				return -1; /* "/" itself is not listed */
			buf[1] = '\0';
		} else {
			*slash = '\0';
		}
	}
}

int badness_mark_victims(struct snapshot *s)
{
	return badness_mark_victims_ps(s, page_size_now());
}

int badness_mark_victims_ps(struct snapshot *s, long ps)
{
	if (ps <= 0)
		ps = 4096;
	s->sys.next_victim_pid = 0;
	for (size_t i = 0; i < s->nprocs; i++)
		s->procs[i]->next_victim = false;
	for (size_t c = 0; c < s->ncgroups; c++)
		s->cgroups[c].next_victim_pid = 0;

	long sys_victim = scan_scope(s, BADNESS_SCOPE_SYSTEM, NULL, ps, NULL);
	if (sys_victim >= 0)
		s->sys.next_victim_pid = s->procs[sys_victim]->pid;

	size_t nc = s->ncgroups;
	int *scope_of = nc ? malloc(nc * sizeof(int)) : NULL;
	struct row_path *sorted = nc ? malloc(nc * sizeof(*sorted)) : NULL;
	uint64_t *total = nc ? calloc(nc, sizeof(uint64_t)) : NULL;
	long *best = nc ? malloc(nc * sizeof(long)) : NULL;
	int64_t *best_pts = nc ? malloc(nc * sizeof(int64_t)) : NULL;
	int *proc_scope = s->nprocs ? malloc(s->nprocs * sizeof(int)) : NULL;
	if (nc &&
	    (!scope_of || !sorted || !total || !best || !best_pts || (s->nprocs && !proc_scope))) {
		free(scope_of), free(sorted), free(total), free(best), free(best_pts),
		    free(proc_scope);
		s->sys.next_victim_pid = 0;
		return -ENOMEM;
	}

	for (size_t c = 0; c < nc; c++) {
		scope_of[c] = badness_cgroup_scope(s, (int)c);
		sorted[c].path = s->cgroups[c].path ? s->cgroups[c].path : "";
		sorted[c].row = (int)c;
		best[c] = -1;
		best_pts[c] = BADNESS_NEVER;
	}
	for (size_t c = 0; c < nc; c++)
		if (scope_of[c] >= 0 && total[scope_of[c]] == 0)
			total[scope_of[c]] = cgroup_totalpages(s, scope_of[c], ps);
	if (nc)
		qsort(sorted, nc, sizeof(*sorted), cmp_row_path);

	for (size_t i = 0; i < s->nprocs; i++) {
		const struct proc_row *p = s->procs[i];
		if (proc_scope)
			proc_scope[i] = BADNESS_SCOPE_SYSTEM;
		if (!nc || !is_candidate(p))
			continue;
		int row = row_of_path(sorted, nc, p->cgroup);
		if (row < 0)
			continue;
		proc_scope[i] = scope_of[row] >= 0 ? scope_of[row] : BADNESS_SCOPE_SYSTEM;
		size_t guard = 0;
		for (int a = row; valid_row(s, a) && guard++ <= nc; a = s->cgroups[a].parent) {
			if (total[a] == 0) /* not a scope row */
				continue;
			int64_t pts = proc_points(p, total[a], ps, NULL);
			if (beats(pts, p, best_pts[a], best[a] >= 0 ? s->procs[best[a]] : NULL)) {
				best[a] = (long)i;
				best_pts[a] = pts;
			}
		}
	}

	for (size_t c = 0; c < nc; c++)
		if (scope_of[c] >= 0 && best[scope_of[c]] >= 0)
			s->cgroups[c].next_victim_pid = s->procs[best[scope_of[c]]]->pid;
	for (size_t i = 0; i < s->nprocs; i++) {
		if (!is_candidate(s->procs[i]))
			continue;
		int sc = proc_scope ? proc_scope[i] : BADNESS_SCOPE_SYSTEM;
		if (sc == BADNESS_SCOPE_SYSTEM)
			s->procs[i]->next_victim = sys_victim == (long)i;
		else
			s->procs[i]->next_victim = best[sc] == (long)i;
	}

	free(scope_of), free(sorted), free(total), free(best), free(best_pts), free(proc_scope);
	return 0;
}

int badness_proc_scope(const struct snapshot *s, size_t proc_index)
{
	if (proc_index >= s->nprocs)
		return BADNESS_SCOPE_SYSTEM;
	const char *path = s->procs[proc_index]->cgroup;
	if (!path)
		return BADNESS_SCOPE_SYSTEM;
	/* the deepest row that holds the process, by path (no index here: one lookup) */
	int row = -1;
	size_t best_len = 0;
	for (size_t c = 0; c < s->ncgroups; c++) {
		const char *cp = s->cgroups[c].path;
		if (cp && path_within(path, cp) && (row < 0 || strlen(cp) > best_len)) {
			row = (int)c;
			best_len = strlen(cp);
		}
	}
	if (row < 0)
		return BADNESS_SCOPE_SYSTEM;
	int sc = badness_cgroup_scope(s, row);
	return sc >= 0 ? sc : BADNESS_SCOPE_SYSTEM;
}
