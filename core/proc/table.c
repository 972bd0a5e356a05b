/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/table.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/base/util.h"
#include "core/proc/ghosts.h"
#include "core/proc/held.h"
#include "core/proc/identity_feed.h"
#include "core/proc/identity_libproc2.h"
#include "core/proc/identity_procfs.h"

#define FDS_RESERVED 96 /* for everything that is not a held /proc file */

struct proc_table {
	char *proc_root;
	int proc_fd;
	double ghost_ttl_s;
	double boot_unix_s;
	long hz;
	struct proc_sampler sampler; /* its held-file count and budget are the table's */

	const struct leak_past *past; /* NULL: new processes start empty series */
	double now_unix_s;            /* of the refresh under way */
	struct proc_identity_reader *ids;
	bool own_ids;               /* ids is libproc2's, made and freed here */
	struct identity_feed *feed; /* reads new pids' identities on a second thread; NULL: inline */
	struct proc_entry **live;   /* sorted by pid */
	size_t nlive, caplive;
	struct proc_ghosts ghosts;

	size_t fresh_left;    /* new pids of this refresh not yet given their files */
	size_t pins_reserved; /* pins the identity feed may open or has opened, not adopted yet */

	/* scratch, reused between refreshes */
	pid_t *pids;
	size_t npids, cappids;
	pid_t *fresh;
	size_t nfresh, capfresh;
	struct proc_entry **next, **born;
	size_t nnext, capnext, nborn, capborn;
	size_t unread; /* this refresh: processes not read for want of descriptors or memory */
};

static double read_boot_unix_s(const char *proc_root)
{
	char path[PATH_MAX], buf[4096];
	snprintf(path, sizeof(path), "%s/stat", proc_root);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NAN;
	/* /proc/stat is long; btime is near the end: read it all in chunks */
	double bt = NAN;
	char *all = NULL;
	size_t len = 0;
	ssize_t n;
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		char *na = realloc(all, len + (size_t)n + 1);
		if (!na)
			break;
		all = na;
		memcpy(all + len, buf, (size_t)n);
		len += (size_t)n;
		all[len] = '\0';
	}
	close(fd);
	if (all) {
		const char *b = strstr(all, "\nbtime ");
		if (b)
			bt = strtod(b + 7, NULL);
		free(all);
	}
	return bt;
}

static size_t fd_budget(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 0;
	if (rl.rlim_cur < rl.rlim_max) { /* allowed without privilege */
		struct rlimit want = {rl.rlim_max, rl.rlim_max};
		if (want.rlim_cur > 1 << 20)
			want.rlim_cur = 1 << 20;
		if (setrlimit(RLIMIT_NOFILE, &want) == 0)
			rl = want;
	}
	return rl.rlim_cur > FDS_RESERVED ? (size_t)(rl.rlim_cur - FDS_RESERVED) : 0;
}

struct proc_table *proc_table_new(const struct proc_table_config *cfg, char *err, size_t errlen)
{
	struct proc_table *t = calloc(1, sizeof(*t));
	if (!t) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	t->proc_root = strdup(cfg->proc_root);
	t->proc_fd = open(cfg->proc_root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (!t->proc_root || t->proc_fd < 0) {
		snprintf(err, errlen, "cannot open %s: %s", cfg->proc_root, strerror(errno));
		proc_table_free(t);
		return NULL;
	}
	t->ids = cfg->identity;
	if (!t->ids) {
		/* a one-shot reads every file once: not libproc2's status for the Tgid */
		t->ids = cfg->one_shot ? proc_identity_procfs_new(t->proc_fd) : proc_identity_libproc2_new();
		t->own_ids = true;
	}
	if (!t->ids) {
		snprintf(err, errlen, "libproc2 cannot read processes: %s", strerror(errno));
		proc_table_free(t);
		return NULL;
	}
	t->feed = identity_feed_new(t->ids, t->proc_fd); /* NULL: read inline */
	t->ghost_ttl_s = cfg->ghost_ttl_s;
	t->hz = sysconf(_SC_CLK_TCK);
	if (t->hz <= 0)
		t->hz = 100;
	t->boot_unix_s = read_boot_unix_s(cfg->proc_root);
	struct proc_sampler_kernel k;
	if (cfg->kernel)
		k = *cfg->kernel;
	else
		proc_sampler_kernel_detect(&k);
	struct proc_held_budget budget = {fd_budget(), cfg->held_kmem_bytes};
	proc_sampler_init(&t->sampler, t->proc_fd, cfg->hier, &k, &budget, cfg->window_s > 0 ? cfg->window_s : 300.0,
			  cfg->one_shot);
	return t;
}

static int pid_cmp(const void *a, const void *b)
{
	pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;
	return (x > y) - (x < y);
}

static int entry_cmp(const void *a, const void *b)
{
	pid_t x = (*(struct proc_entry *const *)a)->row.pid, y = (*(struct proc_entry *const *)b)->row.pid;
	return (x > y) - (x < y);
}

/* The numeric entries of <proc_root>, sorted. */
static int list_pids(struct proc_table *t)
{
	int dfd = dup(t->proc_fd);
	if (dfd < 0)
		return -errno;
	DIR *d = fdopendir(dfd);
	if (!d) {
		int e = errno;
		close(dfd);
		return -e;
	}
	rewinddir(d);
	t->npids = 0;
	struct dirent *de;
	bool sorted = true;
	while ((de = readdir(d))) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		if (!util_grow((void **)&t->pids, &t->cappids, t->npids + 1, sizeof(pid_t)))
			break;
		pid_t p = (pid_t)strtol(de->d_name, NULL, 10);
		if (t->npids && p < t->pids[t->npids - 1])
			sorted = false;
		t->pids[t->npids++] = p;
	}
	closedir(d);
	if (!sorted)
		qsort(t->pids, t->npids, sizeof(pid_t), pid_cmp);
	return 0;
}

/* After a refresh: every user-space process gets its level of the budget (the policy's
 * even split, in pid order), closing first so that opening never runs over it. */
static void rebalance(struct proc_table *t)
{
	size_t n = 0;
	for (size_t i = 0; i < t->nlive; i++)
		n += !t->live[i]->row.kernel_thread;
	if (!n)
		return;
	struct proc_held_split split = proc_held_split(&t->sampler.held, &t->sampler.held_budget, n);
	for (int pass = 0; pass < 2; pass++) {
		size_t rank = 0;
		for (size_t i = 0; i < t->nlive; i++) {
			struct proc_entry *e = t->live[i];
			if (e->row.kernel_thread)
				continue;
			int want = proc_held_split_level(&split, rank++, n);
			if ((pass == 0 && e->held_level > want) || (pass == 1 && e->held_level < want))
				proc_sampler_hold(&t->sampler, e, want);
		}
	}
}

static void drop(struct proc_table *t, struct proc_entry *e)
{
	proc_sampler_release(&t->sampler, e);
	proc_entry_free(e);
}

/* A new process's recorded leak series, moved to the monotonic clock, before its first
 * live sample is pushed. */
static void seed_from_past(struct proc_table *t, struct proc_entry *e)
{
	struct leak_series h[LEAK_PAST_PROC_SERIES];
	if (!t->past || !t->past->proc || !t->past->proc(t->past->ctx, e->row.pid, e->row.start_ticks, h))
		return;
	int64_t shift = leak_past_shift_ms(t->sampler.now_ms, t->now_unix_s);
	for (int i = 0; i < LEAK_PAST_PROC_SERIES; i++)
		leak_shift(&h[i], shift);
	e->rss_hist = h[LEAK_PAST_RSS];
	e->fd_hist = h[LEAK_PAST_FDS];
	e->thread_hist = h[LEAK_PAST_THREADS];
}


/* A new process: its entry, its held files, its first sample. pin_fd: its /proc/PID
 * opened by the identity feed before the identity was read (now ours), or -1. */
static void adopt(struct proc_table *t, const struct proc_identity *id, int pin_fd)
{
	struct proc_sampler *s = &t->sampler;
	if (pin_fd >= 0)
		t->pins_reserved--;
	struct proc_entry *e = proc_entry_new(id, t->boot_unix_s, t->hz);
	if (!e) {
		if (pin_fd >= 0)
			close(pin_fd);
		return;
	}
	if (pin_fd >= 0)
		proc_sampler_adopt_pin(s, e, pin_fd); /* the first held file: see adopt_fresh */
	if (!e->row.kernel_thread) {
		/* an even share of what is left, so the first refresh holds what the
		 * rebalance after it would have chosen, instead of reading by path; pins
		 * opened by the feed and not adopted yet are taken too */
		const struct proc_held_cost *pin = &s->costs[PROC_HELD_DIR];
		struct proc_held_budget taken = {s->nheld.fds + t->pins_reserved * pin->fds,
						 s->nheld.kmem_bytes + t->pins_reserved * pin->kmem_bytes};
		int level = proc_held_new_level(&s->held, e->held_level, &s->held_budget, &taken, t->fresh_left);
		proc_sampler_hold(s, e, level);
	}
	if (t->fresh_left)
		t->fresh_left--;
	seed_from_past(t, e);
	enum proc_sample got = proc_sampler_sample(s, e);
	if (got != PROC_SAMPLE_TAKEN) { /* short of room: met again as new next refresh */
		t->unread += got == PROC_SAMPLE_NO_ROOM;
		drop(t, e);
		return;
	}
	if (!util_grow((void **)&t->born, &t->capborn, t->nborn + 1, sizeof(*t->born))) {
		drop(t, e);
		return;
	}
	t->born[t->nborn++] = e;
}

static void on_identity(void *ctx, const struct proc_identity *id)
{
	adopt(ctx, id, -1);
}

static void bury(struct proc_table *t, struct proc_entry *e, double now_unix_s)
{
	proc_sampler_release(&t->sampler, e);
	proc_ghosts_add(&t->ghosts, e, now_unix_s);
}

/* The identities of the pids met for the first time, adopted as they come. */
static void adopt_fresh(struct proc_table *t)
{
	struct proc_sampler *s = &t->sampler;
	t->fresh_left = t->nfresh;
	if (t->nfresh && t->feed) {
		/* the feed opens the pins (each /proc/PID) before it reads the identities, as
		 * many as the budget has room for */
		size_t pins = proc_sampler_pin_room(s);
		t->pins_reserved = pins < t->nfresh ? pins : t->nfresh;
		identity_feed_begin(t->feed, t->fresh, t->nfresh, t->pins_reserved);
		const struct proc_identity *id;
		int pin;
		while ((id = identity_feed_next(t->feed, &pin)))
			adopt(t, id, pin);
		identity_feed_end(t->feed);
	} else if (t->nfresh) {
		proc_identity_read(t->ids, t->fresh, NULL, t->nfresh, on_identity, t);
	}
	t->pins_reserved = 0;
}

int proc_table_refresh(struct proc_table *t, int64_t t_ms, double now_unix_s)
{
	proc_sampler_begin(&t->sampler, t_ms);
	t->now_unix_s = now_unix_s;
	int rc = list_pids(t);
	if (rc < 0)
		return rc;
	proc_ghosts_expire(&t->ghosts, now_unix_s, t->ghost_ttl_s);

	/* merge the sorted pid list with the sorted live entries */
	t->nnext = t->nfresh = t->nborn = t->unread = 0;
	if (!util_grow((void **)&t->next, &t->capnext, t->npids + 1, sizeof(*t->next)) ||
	    !util_grow((void **)&t->fresh, &t->capfresh, t->npids + 1, sizeof(*t->fresh)))
		return -ENOMEM;
	size_t i = 0, j = 0;
	while (i < t->npids || j < t->nlive) {
		if (j < t->nlive && (i == t->npids || t->live[j]->row.pid < t->pids[i])) {
			bury(t, t->live[j++], now_unix_s); /* gone */
		} else if (j < t->nlive && t->live[j]->row.pid == t->pids[i]) {
			struct proc_entry *e = t->live[j++];
			enum proc_sample got = proc_sampler_sample(&t->sampler, e);
			if (got != PROC_SAMPLE_GONE) { /* no room: kept with its last values */
				t->unread += got == PROC_SAMPLE_NO_ROOM;
				t->next[t->nnext++] = e;
			} else { /* exited, and perhaps the pid is already someone else's */
				bury(t, e, now_unix_s);
				t->fresh[t->nfresh++] = t->pids[i];
			}
			i++;
		} else {
			t->fresh[t->nfresh++] = t->pids[i++];
		}
	}

	adopt_fresh(t);

	/* live = next ∪ born, sorted by pid */
	if (t->nborn) {
		qsort(t->born, t->nborn, sizeof(*t->born), entry_cmp);
		if (!util_grow((void **)&t->next, &t->capnext, t->nnext + t->nborn, sizeof(*t->next)))
			return -ENOMEM;
		size_t a = t->nnext, b = t->nborn, k = a + b;
		while (b > 0) {
			if (a > 0 && t->next[a - 1]->row.pid > t->born[b - 1]->row.pid)
				t->next[--k] = t->next[--a];
			else
				t->next[--k] = t->born[--b];
		}
		t->nnext += t->nborn;
	}
	/* swap live and next */
	struct proc_entry **tmp = t->live;
	size_t tcap = t->caplive;
	t->live = t->next;
	t->caplive = t->capnext;
	t->nlive = t->nnext;
	t->next = tmp;
	t->capnext = tcap;
	rebalance(t);
	return 0;
}

void proc_table_set_cgroup_lookup(struct proc_table *t, proc_cgroup_lookup_fn fn, void *ctx)
{
	proc_sampler_set_cgroup_lookup(&t->sampler, fn, ctx);
}

void proc_table_set_totals(struct proc_table *t, int64_t mem_total_bytes, int64_t swap_total_bytes)
{
	proc_sampler_set_totals(&t->sampler, mem_total_bytes, swap_total_bytes);
}

size_t proc_table_unread(const struct proc_table *t) { return t->unread; }

struct proc_entry **proc_table_live(struct proc_table *t, size_t *n)
{
	*n = t->nlive;
	return t->live;
}

struct proc_entry **proc_table_ghosts(struct proc_table *t, size_t *n)
{
	*n = t->ghosts.n;
	return t->ghosts.v;
}

void proc_table_set_past(struct proc_table *t, const struct leak_past *past)
{
	t->past = past;
}

void proc_table_mark_oom_killed(struct proc_table *t, pid_t pid, uint64_t start_ticks)
{
	proc_ghosts_mark_oom_killed(&t->ghosts, pid, start_ticks);
}

void proc_table_held(const struct proc_table *t, struct proc_held_budget *held, struct proc_held_budget *budget)
{
	if (held)
		*held = t->sampler.nheld;
	if (budget)
		*budget = t->sampler.held_budget;
}

void proc_table_free(struct proc_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nlive; i++)
		drop(t, t->live[i]);
	proc_ghosts_free(&t->ghosts);
	identity_feed_free(t->feed); /* before the reader it uses */
	if (t->own_ids)
		proc_identity_free(t->ids);
	if (t->proc_fd >= 0)
		close(t->proc_fd);
	free(t->live);
	free(t->next);
	free(t->born);
	free(t->pids);
	free(t->fresh);
	free(t->proc_root);
	free(t);
}
