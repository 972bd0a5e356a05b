/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/cgroup/tree.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cgroup/name.h"
#include "core/cgroup/stat.h"
#include "core/cgroup/value.h"
#include "core/sys/psi.h"
#include "core/base/util.h"

#define CGROUP_MAX_DEPTH 64

void cgroup_tree_effective_limits(struct cgroup_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int64_t eff = rows[i].limit_bytes;
		int p = rows[i].parent;
		if (p >= 0 && (size_t)p < i) {
			int64_t pe = rows[p].effective_limit_bytes;
			if (val_known(pe) && (!val_known(eff) || pe < eff))
				eff = pe;
		}
		rows[i].effective_limit_bytes = eff;
	}
}

struct cgroup_tree {
	char *mount;
	int version;
	struct cgroup_tree_entry *ents;
	size_t n, cap;
	size_t *by_path; /* indices into ents sorted by path, for cgroup_tree_find */
	/* the previous refresh, to carry names and histories over */
	struct cgroup_tree_entry *old;
	size_t nold;
	size_t *old_by_path;
	size_t unread; /* this refresh: subtrees not walked for want of descriptors or memory */
};

struct cgroup_tree *cgroup_tree_new(const char *mount, int version)
{
	struct cgroup_tree *t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->mount = strdup(mount);
	t->version = version;
	if (!t->mount) {
		free(t);
		return NULL;
	}
	return t;
}

static int64_t read_value(int dirfd, const char *file, bool limit)
{
	char buf[64];
	if (util_read_file_at(dirfd, file, buf, sizeof(buf)) <= 0)
		return VAL_UNKNOWN;
	if (limit)
		return cgroup_value_parse_limit(buf);
	const char *p = buf;
	int64_t v;
	return util_parse_i64(&p, &v) ? v : VAL_UNKNOWN;
}

/* memory.stat, and on v1 the kernel-memory files: into the row's breakdown. */
static void read_breakdown(const struct cgroup_tree *t, int dirfd, struct cgroup_row *r)
{
	char buf[8192]; /* v1 memory.stat is ~2.5 KiB, v2 ~1.5 KiB */
	struct cgroup_stat st;
	if (util_read_file_at(dirfd, "memory.stat", buf, sizeof(buf)) <= 0 ||
	    cgroup_stat_parse(buf, t->version, &st) != 0)
		st = (struct cgroup_stat){VAL_UNKNOWN, VAL_UNKNOWN, VAL_UNKNOWN, VAL_UNKNOWN, VAL_UNKNOWN,
		                          VAL_UNKNOWN};
	if (t->version == 1) {
		st.kernel_bytes = read_value(dirfd, "memory.kmem.usage_in_bytes", false);
		st.sock_bytes = read_value(dirfd, "memory.kmem.tcp.usage_in_bytes", false);
	}
	r->anon_bytes = st.anon_bytes;
	r->file_bytes = st.file_bytes;
	r->file_inactive_bytes = st.file_inactive_bytes;
	r->shmem_bytes = st.shmem_bytes;
	r->kernel_bytes = st.kernel_bytes;
	r->sock_bytes = st.sock_bytes;
}

/* The values of one refresh. e carries the previous refresh's row of the same path (or is
 * fresh: stat_usage_bytes unknown), so the breakdown can be kept when it need not be
 * read again, and the counters compared. */
static void read_values(const struct cgroup_tree *t, int dirfd, struct cgroup_tree_entry *e, bool had_prev,
			unsigned stagger)
{
	struct cgroup_row *r = &e->row;
	int64_t prev_kills = had_prev ? r->oom_kills : VAL_UNKNOWN;
	int64_t prev_high = had_prev ? r->high_events : VAL_UNKNOWN;
	r->high_bytes = VAL_UNKNOWN;
	r->high_events = r->max_events = VAL_UNKNOWN;
	r->psi_some_avg10 = r->psi_full_avg10 = NAN;
	r->psi_some_total_us = r->psi_full_total_us = VAL_UNKNOWN;
	if (t->version == 2) {
		r->usage_bytes = read_value(dirfd, "memory.current", false);
		r->limit_bytes = read_value(dirfd, "memory.max", true);
		r->high_bytes = read_value(dirfd, "memory.high", true);
		r->swap_bytes = read_value(dirfd, "memory.swap.current", false);
		char buf[1024];
		r->oom_kills = VAL_UNKNOWN;
		if (util_read_file_at(dirfd, "memory.events", buf, sizeof(buf)) > 0) {
			r->oom_kills = cgroup_value_parse_keyed(buf, "oom_kill");
			r->high_events = cgroup_value_parse_keyed(buf, "high");
			r->max_events = cgroup_value_parse_keyed(buf, "max");
		}
		struct psi_memory psi;
		if (util_read_file_at(dirfd, "memory.pressure", buf, sizeof(buf)) > 0) {
			psi_parse(buf, &psi);
			r->psi_some_avg10 = psi.some_avg10;
			r->psi_full_avg10 = psi.full_avg10;
			r->psi_some_total_us = psi.some_total_us;
			r->psi_full_total_us = psi.full_total_us;
		}
	} else {
		r->usage_bytes = read_value(dirfd, "memory.usage_in_bytes", false);
		r->limit_bytes = read_value(dirfd, "memory.limit_in_bytes", true);
		int64_t memsw = read_value(dirfd, "memory.memsw.usage_in_bytes", false);
		r->swap_bytes = VAL_UNKNOWN;
		if (val_known(memsw) && val_known(r->usage_bytes))
			r->swap_bytes = memsw > r->usage_bytes ? memsw - r->usage_bytes : 0;
		char buf[256];
		r->oom_kills = VAL_UNKNOWN;
		if (util_read_file_at(dirfd, "memory.oom_control", buf, sizeof(buf)) > 0)
			r->oom_kills = cgroup_value_parse_keyed(buf, "oom_kill");
	}
	e->oom_kill_seen = val_known(prev_kills) && val_known(r->oom_kills) && r->oom_kills > prev_kills;
	r->throttled = val_known(r->high_bytes) &&
	               ((val_known(prev_high) && val_known(r->high_events) && r->high_events > prev_high) ||
	                (val_known(r->usage_bytes) && r->usage_bytes >= r->high_bytes));

	/* the breakdown: always under a limit of its own; else when usage moved, when it was
	 * never read, and every STAT_EVERY */
	int64_t moved = val_known(r->usage_bytes) && val_known(e->stat_usage_bytes)
	                    ? r->usage_bytes - e->stat_usage_bytes : INT64_MAX;
	if (moved < 0)
		moved = -moved;
	e->stat_age++;
	if (val_known(r->limit_bytes) || !val_known(e->stat_usage_bytes) || moved > CGROUP_TREE_STAT_MOVE_BYTES ||
	    (e->stat_age + stagger) % CGROUP_TREE_STAT_EVERY == 0) {
		read_breakdown(t, dirfd, r);
		e->stat_usage_bytes = r->usage_bytes;
		e->stat_age = 0;
	}
	r->working_set_bytes = cgroup_stat_working_set(r->usage_bytes, r->file_inactive_bytes);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static struct cgroup_tree_entry *push_entry(struct cgroup_tree *t)
{
	if (!util_grow((void **)&t->ents, &t->cap, t->n + 1, sizeof(*t->ents)))
		return NULL;
	struct cgroup_tree_entry *e = &t->ents[t->n++];
	memset(e, 0, sizeof(*e));
	return e;
}

static const struct cgroup_tree *sort_ctx;
static int idx_by_path(const void *a, const void *b)
{
	const struct cgroup_tree_entry *ents = sort_ctx->ents;
	return strcmp(ents[*(const size_t *)a].row.path, ents[*(const size_t *)b].row.path);
}

/* Index into ents of the entry with this path, through by_path (indices sorted by path);
 * -1 when none. */
static int find_by_path(const struct cgroup_tree_entry *ents, const size_t *by_path, size_t n,
			const char *path)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(ents[by_path[mid]].row.path, path);
		if (c == 0)
			return (int)by_path[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Add the cgroup at dirfd (path `path`), then its children, depth first. */
static void walk(struct cgroup_tree *t, int dirfd, const char *path, int depth, int parent, int64_t t_ms)
{
	struct cgroup_tree_entry *e = push_entry(t);
	if (!e)
		return;
	int self = (int)(t->n - 1);
	e->row.path = strdup(path);
	if (!e->row.path) {
		t->n--;
		return;
	}
	int o = t->old_by_path ? find_by_path(t->old, t->old_by_path, t->nold, path) : -1;
	if (o >= 0) {
		/* the same cgroup as last time: its row (for the breakdown and the counters),
		 * name and histories carry over */
		const char *p = e->row.path;
		*e = t->old[o];
		e->row.path = p;
		t->old[o].row.name = NULL; /* moved */
	} else {
		char name[256];
		cgroup_name_readable(path, name, sizeof(name));
		e->row.name = strdup(name);
		e->stat_usage_bytes = VAL_UNKNOWN;
		e->row.file_inactive_bytes = VAL_UNKNOWN;
		e->row.anon_bytes = e->row.file_bytes = e->row.shmem_bytes = VAL_UNKNOWN;
		e->row.kernel_bytes = e->row.sock_bytes = VAL_UNKNOWN;
	}
	e->row.version = t->version;
	e->row.depth = depth;
	e->row.parent = parent;
	e->row.usage_slope = e->row.working_set_slope = (struct slope){NAN, NAN};
	e->row.effective_limit_bytes = VAL_UNKNOWN; /* the collector computes these */
	e->row.nprocs = VAL_UNKNOWN;
	e->row.limited_by = -1;
	e->row.eta_to_limit_s = NAN;
	e->row.next_victim_pid = 0;
	read_values(t, dirfd, e, o >= 0, (unsigned)self);
	(void)t_ms;

	if (depth >= CGROUP_MAX_DEPTH)
		return;
	int dfd = dup(dirfd);
	if (dfd < 0) {
		t->unread += util_errno_starved(errno);
		return;
	}
	DIR *d = fdopendir(dfd);
	if (!d) {
		t->unread += util_errno_starved(errno);
		close(dfd);
		return;
	}
	char **kids = NULL;
	size_t nk = 0, ck = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (de->d_type != DT_DIR) { /* some filesystems (fixtures) only say DT_UNKNOWN */
			struct stat st;
			if (de->d_type != DT_UNKNOWN || fstatat(dirfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
			    !S_ISDIR(st.st_mode))
				continue;
		}
		if (!util_grow((void **)&kids, &ck, nk + 1, sizeof(*kids)))
			break;
		if ((kids[nk] = strdup(de->d_name)))
			nk++;
	}
	closedir(d);
	if (nk) /* a leaf has no array: qsort(NULL, 0) is undefined */
		qsort(kids, nk, sizeof(*kids), name_cmp);
	for (size_t i = 0; i < nk; i++) {
		int cfd = openat(dirfd, kids[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (cfd >= 0) {
			char child[PATH_MAX];
			int n = snprintf(child, sizeof(child), "%s%s%s", path, strcmp(path, "/") ? "/" : "", kids[i]);
			if (n > 0 && (size_t)n < sizeof(child))
				walk(t, cfd, child, depth + 1, self, t_ms);
			close(cfd);
		} else {
			t->unread += util_errno_starved(errno);
		}
		free(kids[i]);
	}
	free(kids);
}

static void free_entries(struct cgroup_tree_entry *ents, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)ents[i].row.path);
		free((char *)ents[i].row.name);
	}
}

int cgroup_tree_refresh(struct cgroup_tree *t, int64_t t_ms)
{
	int rootfd = open(t->mount, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0)
		return -errno;
	/* the current entries become the "old" generation */
	free_entries(t->old, t->nold);
	free(t->old);
	free(t->old_by_path);
	t->old = t->ents;
	t->nold = t->n;
	t->old_by_path = t->by_path;
	t->ents = NULL;
	t->n = t->cap = 0;
	t->by_path = NULL;

	t->unread = 0;
	walk(t, rootfd, "/", 0, -1, t_ms);
	close(rootfd);
	for (size_t i = 0; i < t->n; i++)
		if (t->ents[i].oom_kill_seen)
			cgroup_tree_restart_series(t, (int)i);

	t->by_path = malloc((t->n ? t->n : 1) * sizeof(size_t));
	if (t->by_path) {
		for (size_t i = 0; i < t->n; i++)
			t->by_path[i] = i;
		sort_ctx = t;
		qsort(t->by_path, t->n, sizeof(size_t), idx_by_path);
	}
	return 0;
}

size_t cgroup_tree_unread(const struct cgroup_tree *t) { return t->unread; }

struct cgroup_tree_entry *cgroup_tree_entries(struct cgroup_tree *t, size_t *n)
{
	*n = t->n;
	return t->ents;
}

void cgroup_tree_restart_series(struct cgroup_tree *t, int i)
{
	for (; i >= 0 && (size_t)i < t->n; i = t->ents[i].row.parent) {
		leak_reset(&t->ents[i].usage_hist);
		leak_reset(&t->ents[i].working_set_hist);
	}
}

int cgroup_tree_find(const struct cgroup_tree *t, const char *path)
{
	if (!t->by_path)
		return -1;
	return find_by_path(t->ents, t->by_path, t->n, path);
}

void cgroup_tree_free(struct cgroup_tree *t)
{
	if (!t)
		return;
	free_entries(t->ents, t->n);
	free_entries(t->old, t->nold);
	free(t->ents);
	free(t->old);
	free(t->by_path);
	free(t->old_by_path);
	free(t->mount);
	free(t);
}
