/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/proc/detail.c — see detail.h. */
#include "config.h"
#include "core/proc/detail.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/util.h"
#include "core/estimate/leak.h"
#include "core/proc/fdkinds.h"
#include "core/proc/limits.h"
#include "core/proc/smaps.h"
#include "core/proc/stat.h"

struct detail_state {
	struct proc_detail pub;
	bool watched; /* the screen's: a trail, kept after the exit */
	bool wanted;  /* asked for at this refresh */
	char *user, *comm, *cmdline, *cgroup; /* pub.row's strings */
	struct leak_series kind_hist[FD_KIND_COUNT];
	struct proc_trail_point *trail; /* PROC_TRAIL_MAX of them, the watched one's only */
	size_t ntrail;
	bool trail_seeded; /* the trail source was asked */
};

struct proc_details {
	int proc_fd;
	struct detail_state **v;
	size_t n, cap;
	const struct proc_detail **pub; /* what the snapshot points at */
	size_t cappub;
	pid_t watch_pid;
	uint64_t watch_start;
	const struct proc_filter *filter;
	enum sort_key sort;
	bool reverse;
	size_t top;
	const struct proc_trail_source *trail_src;
	const struct proc_row **scratch; /* the rows sorted, for top */
	size_t capscratch;
	struct proc_fdkinds_scratch fdscratch;
};

struct proc_details *proc_details_new(const char *proc_root)
{
	struct proc_details *d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->proc_fd = open(proc_root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d->proc_fd < 0) {
		free(d);
		return NULL;
	}
	return d;
}

static void state_free(struct detail_state *st)
{
	if (!st)
		return;
	free(st->user);
	free(st->comm);
	free(st->cmdline);
	free(st->cgroup);
	free(st->trail);
	free(st);
}

void proc_details_free(struct proc_details *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		state_free(d->v[i]);
	free(d->v);
	free(d->pub);
	free(d->scratch);
	proc_fdkinds_scratch_free(&d->fdscratch);
	close(d->proc_fd);
	free(d);
}

int proc_details_watch(struct proc_details *d, pid_t pid, uint64_t start_ticks)
{
	d->watch_pid = pid;
	d->watch_start = start_ticks;
	return 0;
}

void proc_details_top(struct proc_details *d, const struct proc_filter *filter, enum sort_key sort, bool reverse,
		      size_t top)
{
	d->filter = filter;
	d->sort = sort;
	d->reverse = reverse;
	d->top = top < PROC_DETAIL_TOP_MAX ? top : PROC_DETAIL_TOP_MAX;
}

void proc_details_trail_source(struct proc_details *d, const struct proc_trail_source *src)
{
	d->trail_src = src;
}

static struct detail_state *find(struct proc_details *d, pid_t pid, uint64_t start_ticks)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i]->pub.row.pid == pid && d->v[i]->pub.row.start_ticks == start_ticks)
			return d->v[i];
	return NULL;
}

static void unknown_values(struct proc_detail *p)
{
	p->smaps_rss_bytes = p->pss_bytes = p->pss_anon_bytes = p->pss_file_bytes = VAL_UNKNOWN;
	p->pss_shmem_bytes = p->smaps_swap_bytes = p->swap_pss_bytes = VAL_UNKNOWN;
	for (int k = 0; k < FD_KIND_COUNT; k++) {
		p->fd_kinds[k] = VAL_UNKNOWN;
		p->fd_kind_slope[k] = (struct slope){NAN, NAN};
	}
	for (int a = 0; a < FD_ANON_COUNT; a++)
		p->fd_anon[a] = VAL_UNKNOWN;
	p->fds_listed = p->fd_limit_hard = VAL_UNKNOWN;
	p->links_read = 0;
	p->sampled = false;
	p->exited = false;
	p->exited_unix_s = NAN;
}

/* A new state for the row (its strings not copied yet). NULL when out of memory. */
static struct detail_state *add(struct proc_details *d, const struct proc_row *r, bool watched)
{
	if (!util_grow((void **)&d->v, &d->cap, d->n + 1, sizeof(*d->v)))
		return NULL;
	struct detail_state *st = calloc(1, sizeof(*st));
	if (!st)
		return NULL;
	if (watched && !(st->trail = calloc(PROC_TRAIL_MAX, sizeof(*st->trail)))) {
		free(st);
		return NULL;
	}
	st->watched = watched;
	st->pub.row = *r;
	st->pub.row.user = st->pub.row.comm = st->pub.row.cmdline = st->pub.row.cgroup = NULL;
	unknown_values(&st->pub);
	d->v[d->n++] = st;
	return st;
}

/* *own = a copy of s when it differs (NULL stays NULL); false when out of memory. */
static bool keep_string(char **own, const char *s)
{
	if (s == *own || (s && *own && strcmp(s, *own) == 0))
		return true;
	char *c = NULL;
	if (s && !(c = strdup(s)))
		return false;
	free(*own);
	*own = c;
	return true;
}

/* The row as seen alive at this refresh, its strings owned by st. */
static void copy_row(struct detail_state *st, const struct proc_row *r)
{
	bool ok = keep_string(&st->user, r->user) && keep_string(&st->comm, r->comm) &&
		  keep_string(&st->cmdline, r->cmdline) && keep_string(&st->cgroup, r->cgroup);
	st->pub.row = *r;
	st->pub.row.user = ok ? st->user : NULL;
	st->pub.row.comm = ok ? st->comm : NULL;
	st->pub.row.cmdline = ok ? st->cmdline : NULL;
	st->pub.row.cgroup = ok ? st->cgroup : NULL;
}

/* The process's start time, to check that what was read was its. */
static bool same_process(struct proc_details *d, pid_t pid, uint64_t start_ticks)
{
	char path[32], buf[1024];
	snprintf(path, sizeof(path), "%d/stat", (int)pid);
	struct proc_stat ps;
	return util_read_file_at(d->proc_fd, path, buf, sizeof(buf)) > 0 && proc_stat_parse(buf, &ps) == 0 &&
	       ps.start_ticks == start_ticks && ps.state != 'Z' && ps.state != 'X';
}

/* The costly reads, for a live process; kept only when the process is still the same one
 * afterwards (its pid not reused meanwhile). */
static void read_costly(struct proc_details *d, struct detail_state *st, int64_t t_ms, double window_s)
{
	struct proc_detail *p = &st->pub;
	pid_t pid = p->row.pid;
	struct proc_smaps sm;
	struct proc_fdkinds fk;
	struct proc_limits lim;
	proc_smaps_read(d->proc_fd, pid, &sm);
	proc_fdkinds_read(d->proc_fd, pid, PROC_DETAIL_MAX_LINKS, &d->fdscratch, &fk);
	proc_limits_read(d->proc_fd, pid, &lim);
	if (!same_process(d, pid, p->row.start_ticks))
		return;
	p->smaps_rss_bytes = sm.rss_bytes;
	p->pss_bytes = sm.pss_bytes;
	p->pss_anon_bytes = sm.pss_anon_bytes;
	p->pss_file_bytes = sm.pss_file_bytes;
	p->pss_shmem_bytes = sm.pss_shmem_bytes;
	p->smaps_swap_bytes = sm.swap_bytes;
	p->swap_pss_bytes = sm.swap_pss_bytes;
	for (int k = 0; k < FD_KIND_COUNT; k++) {
		p->fd_kinds[k] = fk.count[k];
		if (val_known(fk.count[k]))
			leak_push(&st->kind_hist[k], t_ms, (double)fk.count[k], window_s);
		p->fd_kind_slope[k] = leak_estimate(&st->kind_hist[k], t_ms, window_s);
	}
	for (int a = 0; a < FD_ANON_COUNT; a++)
		p->fd_anon[a] = fk.anon[a];
	p->sampled = fk.sampled;
	p->fds_listed = fk.listed;
	p->links_read = fk.links;
	p->fd_limit_hard = lim.nofile_hard == PROC_LIMITS_UNLIMITED ? VAL_UNKNOWN : lim.nofile_hard;
}

/* The watched process's trail: a point at least window / PROC_TRAIL_MAX after the last,
 * none older than the window. */
static void push_trail(struct detail_state *st, int64_t t_ms, double window_s)
{
	int64_t window_ms = (int64_t)(window_s * 1000.0);
	int64_t gap_ms = window_ms / PROC_TRAIL_MAX;
	size_t drop = 0;
	while (drop < st->ntrail && st->trail[drop].t_ms < t_ms - window_ms)
		drop++;
	if (st->ntrail && t_ms - st->trail[st->ntrail - 1].t_ms < gap_ms)
		return;
	if (st->ntrail - drop == PROC_TRAIL_MAX)
		drop++;
	if (drop) {
		memmove(st->trail, st->trail + drop, (st->ntrail - drop) * sizeof(*st->trail));
		st->ntrail -= drop;
	}
	const struct proc_row *r = &st->pub.row;
	st->trail[st->ntrail++] = (struct proc_trail_point){t_ms, r->rss_bytes, r->fds, r->threads};
}

/* What a recording holds of the window before the process was watched. */
static void seed_trail(struct proc_details *d, struct detail_state *st, const struct snapshot *s, double window_s)
{
	st->trail_seeded = true;
	if (!d->trail_src || !d->trail_src->fill)
		return;
	int64_t now_unix_ms = (int64_t)llround(s->time_unix_s * 1000.0);
	int64_t shift = s->t_mono_ms - now_unix_ms;
	size_t n = d->trail_src->fill(d->trail_src->ctx, st->pub.row.pid, st->pub.row.start_ticks,
				      now_unix_ms - (int64_t)(window_s * 1000.0), now_unix_ms - 1, st->trail,
				      PROC_TRAIL_MAX - 1);
	st->ntrail = n < PROC_TRAIL_MAX ? n : PROC_TRAIL_MAX - 1;
	for (size_t i = 0; i < st->ntrail; i++)
		st->trail[i].t_ms += shift;
}

static const struct proc_row *row_of(const struct snapshot *s, pid_t pid, uint64_t start_ticks)
{
	const struct proc_row *ghost = NULL;
	for (size_t i = 0; i < s->nprocs; i++) {
		const struct proc_row *r = s->procs[i];
		if (r->pid != pid || r->start_ticks != start_ticks)
			continue;
		if (r->state == PROC_RUNNING)
			return r;
		ghost = r;
	}
	return ghost;
}

/* One asked-for process at this refresh. */
static void refresh_one(struct proc_details *d, struct detail_state *st, const struct snapshot *s, double window_s)
{
	struct proc_detail *p = &st->pub;
	const struct proc_row *r = row_of(s, p->row.pid, p->row.start_ticks);
	if (r && r->state == PROC_RUNNING && !r->kernel_thread) {
		copy_row(st, r);
		read_costly(d, st, s->t_mono_ms, window_s);
		if (st->watched) {
			if (!st->trail_seeded)
				seed_trail(d, st, s, window_s);
			push_trail(st, s->t_mono_ms, window_s);
		}
		p->trail = st->trail;
		p->ntrail = st->ntrail;
		return;
	}
	if (r && r->kernel_thread) {
		copy_row(st, r);
		return;
	}
	/* gone: the last values stay; the ghost row says how it ended while it is there */
	if (!p->exited) {
		p->exited = true;
		p->exited_unix_s = r && !isnan(r->exited_unix_s) ? r->exited_unix_s : s->time_unix_s;
	}
	p->row.state = r ? r->state : p->row.state == PROC_RUNNING ? PROC_EXITED : p->row.state;
	p->row.oom_event = r ? r->oom_event : -1; /* an index into this snapshot's events only */
	p->row.next_victim = false;
	for (int k = 0; k < FD_KIND_COUNT; k++)
		p->fd_kind_slope[k] = (struct slope){NAN, NAN};
}

/* Mark the states asked for at this refresh, adding what is new. */
static void want(struct proc_details *d, const struct snapshot *s)
{
	for (size_t i = 0; i < d->n; i++)
		d->v[i]->wanted = false;
	if (d->watch_pid > 0) {
		struct detail_state *st = find(d, d->watch_pid, d->watch_start);
		const struct proc_row *r = st ? NULL : row_of(s, d->watch_pid, d->watch_start);
		if (!st && r)
			st = add(d, r, true);
		if (st) {
			if (st->watched || (st->trail = calloc(PROC_TRAIL_MAX, sizeof(*st->trail))))
				st->watched = true;
			st->wanted = true;
		}
	}
	if (!d->top || !util_grow((void **)&d->scratch, &d->capscratch, s->nprocs + 1, sizeof(*d->scratch)))
		return;
	size_t n = 0;
	for (size_t i = 0; i < s->nprocs; i++) {
		const struct proc_row *r = s->procs[i];
		if (r->state == PROC_RUNNING && !r->kernel_thread && (!d->filter || proc_filter_matches(r, d->filter)))
			d->scratch[n++] = r;
	}
	proc_sort(d->scratch, n, d->sort, d->reverse);
	for (size_t i = 0; i < n && i < d->top; i++) {
		const struct proc_row *r = d->scratch[i];
		struct detail_state *st = find(d, r->pid, r->start_ticks);
		if (!st)
			st = add(d, r, false);
		if (st)
			st->wanted = true;
	}
}

void proc_details_refresh(struct proc_details *d, struct snapshot *s, double window_s)
{
	want(d, s);
	size_t kept = 0;
	for (size_t i = 0; i < d->n; i++) {
		struct detail_state *st = d->v[i];
		/* watched no longer: the state goes (a new watch starts a new trail) */
		if (st->watched && !(st->pub.row.pid == d->watch_pid && st->pub.row.start_ticks == d->watch_start)) {
			state_free(st);
			continue;
		}
		if (!st->wanted) {
			state_free(st);
			continue;
		}
		d->v[kept++] = st;
	}
	d->n = kept;
	s->details = NULL;
	s->ndetails = 0;
	if (!util_grow((void **)&d->pub, &d->cappub, d->n + 1, sizeof(*d->pub)))
		return;
	for (size_t i = 0; i < d->n; i++) {
		refresh_one(d, d->v[i], s, window_s);
		d->pub[i] = &d->v[i]->pub;
	}
	s->details = d->pub;
	s->ndetails = d->n;
}

const struct proc_detail *proc_details_find(const struct snapshot *s, pid_t pid, uint64_t start_ticks)
{
	for (size_t i = 0; s && i < s->ndetails; i++)
		if (s->details[i]->row.pid == pid && s->details[i]->row.start_ticks == start_ticks)
			return s->details[i];
	return NULL;
}
