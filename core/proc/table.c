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
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "core/proc/identity_feed.h"
#include "core/proc/identity.h"
#include "core/cgroup/path.h"
#include "core/proc/cgroup.h"
#include "core/proc/stat.h"
#include "core/proc/status.h"
#include "core/base/util.h"

#define FDS_RESERVED 96 /* for everything that is not a held /proc file */

struct proc_table {
	char *proc_root;
	int proc_fd;
	const struct cgroup_hierarchy *hier;
	double ghost_ttl_s;
	double window_s;
	int64_t now_ms; /* of the refresh under way */
	double boot_unix_s;
	long hz;
	bool fd_count_by_size; /* Linux ≥ 6.2: st_size of /proc/PID/fd is the count */
	bool score_by_inputs;  /* oom_score re-read only when its inputs change (see sample) */
	bool totals_changed;   /* MemTotal or SwapTotal moved since the last refresh */
	int64_t mem_total, swap_total;
	unsigned long seq;
	int held_order[PROC_HELD_MAX]; /* HF_*: which file each held level adds */
	int max_level;

	struct proc_identity_reader *ids;
	struct identity_feed *feed; /* reads new pids' identities on a second thread; NULL: inline */
	struct proc_entry **live; /* sorted by pid */
	size_t nlive, caplive;
	struct proc_entry **ghosts; /* oldest first */
	size_t nghosts;

	size_t held, held_budget; /* held /proc files, and how many we may hold */
	int new_level;            /* at most this many files for a process seen for the first time */
	size_t fresh_left;        /* new pids of this refresh not yet given their files */
	size_t pins_reserved;     /* statm fds the identity feed may open or has opened, not adopted yet */

	/* scratch, reused between refreshes */
	pid_t *pids;
	size_t npids, cappids;
	pid_t *fresh;
	size_t nfresh, capfresh;
	struct proc_entry **next, **born;
	size_t nnext, capnext, nborn, capborn;
};

static void choose_held_order(struct proc_table *t);

static bool kernel_at_least(int major, int minor)
{
	struct utsname u;
	int ma = 0, mi = 0;
	if (uname(&u) != 0 || sscanf(u.release, "%d.%d", &ma, &mi) != 2)
		return false;
	return ma > major || (ma == major && mi >= minor);
}

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
	t->ids = proc_identity_new();
	if (!t->ids) {
		snprintf(err, errlen, "libproc2 cannot read processes: %s", strerror(errno));
		proc_table_free(t);
		return NULL;
	}
	t->feed = identity_feed_new(t->ids, t->proc_fd); /* NULL: read inline */
	t->hier = cfg->hier;
	t->ghost_ttl_s = cfg->ghost_ttl_s;
	t->window_s = cfg->window_s > 0 ? cfg->window_s : 300.0;
	t->hz = sysconf(_SC_CLK_TCK);
	if (t->hz <= 0)
		t->hz = 100;
	t->boot_unix_s = read_boot_unix_s(cfg->proc_root);
	t->fd_count_by_size = kernel_at_least(6, 2);
	t->score_by_inputs = kernel_at_least(6, 1);
	choose_held_order(t);
	t->mem_total = t->swap_total = VAL_UNKNOWN;
	t->held_budget = fd_budget();
	if (cfg->max_held_files && cfg->max_held_files < t->held_budget)
		t->held_budget = cfg->max_held_files;
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

/* "PID/name" into path (64 bytes): per process and refresh, so without snprintf */
static void pid_path(char *path, pid_t pid, const char *name)
{
	char tmp[16];
	size_t n = 0;
	unsigned v = (unsigned)pid;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	char *p = path;
	while (n > 0)
		*p++ = tmp[--n];
	*p++ = '/';
	size_t l = strlen(name);
	if (l > 40)
		l = 40;
	memcpy(p, name, l);
	p[l] = '\0';
}

/* The files a process may hold, and the order in which they are held (most valuable
 * first, see proc_table.h): t->held_order[0..t->max_level). */
enum { HF_STATM, HF_STATUS, HF_SCORE, HF_ADJ, HF_FDDIR };

static int *held_fd(struct proc_entry *e, int which)
{
	switch (which) {
	case HF_STATM: return &e->statm_fd;
	case HF_STATUS: return &e->status_fd;
	case HF_SCORE: return &e->score_fd;
	case HF_ADJ: return &e->adj_fd;
	default: return &e->fddir_fd;
	}
}

static void choose_held_order(struct proc_table *t)
{
	/* statm (read every refresh, and the pin) first; then oom_score_adj (every refresh)
	 * and fd/ (O_PATH: no seq_file buffer), then status, read only when statm moved or
	 * every 10th refresh. From 6.1 oom_score is read about as rarely and is not held at
	 * all: holding it saved ~1 µs a process and refresh but pinned 4 KiB of kernel memory
	 * (its seq_file buffer) per process, on a machine that may be short of memory. Before
	 * 6.1 it is read every refresh and comes second. Without O_PATH fstat (< 6.2) fd/ is
	 * never held. */
	static const int by_inputs[] = {HF_STATM, HF_ADJ, HF_FDDIR, HF_STATUS};
	static const int by_inputs_nofd[] = {HF_STATM, HF_ADJ, HF_STATUS};
	static const int always[] = {HF_STATM, HF_SCORE, HF_ADJ, HF_FDDIR, HF_STATUS};
	static const int always_nofd[] = {HF_STATM, HF_SCORE, HF_ADJ, HF_STATUS};
	const int *o;
	if (t->score_by_inputs) {
		o = t->fd_count_by_size ? by_inputs : by_inputs_nofd;
		t->max_level = t->fd_count_by_size ? (int)ARRAY_SIZE(by_inputs) : (int)ARRAY_SIZE(by_inputs_nofd);
	} else {
		o = t->fd_count_by_size ? always : always_nofd;
		t->max_level = t->fd_count_by_size ? (int)ARRAY_SIZE(always) : (int)ARRAY_SIZE(always_nofd);
	}
	memcpy(t->held_order, o, (size_t)t->max_level * sizeof(*o));
}

static int *held_slot(const struct proc_table *t, struct proc_entry *e, int i)
{
	return held_fd(e, t->held_order[i]);
}

/* Keep the first `level` files of e held (closing the rest); opening stops at the first
 * failure (gone, not ours, out of fds) and leaves the rest read by path. */
static void hold_level(struct proc_table *t, struct proc_entry *e, int level)
{
	static const char *const names[] = {"statm", "status", "oom_score", "oom_score_adj", "fd"};
	for (int i = t->max_level - 1; i >= level; i--) {
		int *fd = held_slot(t, e, i);
		if (*fd >= 0) {
			close(*fd);
			*fd = -1;
			t->held--;
		}
	}
	for (int i = 0; i < level; i++) {
		int *fd = held_slot(t, e, i);
		if (*fd >= 0)
			continue;
		if (t->held >= t->held_budget || (i > 0 && *held_slot(t, e, i - 1) < 0))
			break;
		char path[64];
		int which = t->held_order[i];
		pid_path(path, e->row.pid, names[which]);
		/* fd/: O_PATH is enough for fstat (no read permission needed, as for stat) */
		int flags = which == HF_FDDIR ? O_PATH | O_DIRECTORY | O_CLOEXEC : O_RDONLY | O_CLOEXEC;
		*fd = openat(t->proc_fd, path, flags);
		if (*fd < 0)
			break;
		t->held++;
	}
	e->held_level = 0;
	while (e->held_level < t->max_level && *held_slot(t, e, e->held_level) >= 0)
		e->held_level++;
}

static void close_held(struct proc_table *t, struct proc_entry *e)
{
	hold_level(t, e, 0);
}

/* How many files each user-space process may hold: budget / n, capped; the last
 * (budget mod n) processes in pid order one more (as the greedy share in adopt
 * gives them, so the first refresh's choice stays). */
static int max_level(const struct proc_table *t)
{
	return t->max_level;
}

static void rebalance(struct proc_table *t)
{
	size_t n = 0;
	for (size_t i = 0; i < t->nlive; i++)
		n += !t->live[i]->row.kernel_thread;
	if (!n)
		return;
	size_t maxl = (size_t)max_level(t);
	size_t base = t->held_budget / n, extra = 0;
	if (base >= maxl)
		base = maxl;
	else
		extra = t->held_budget - base * n;
	/* close first, so that opening never runs over the budget */
	for (int pass = 0; pass < 2; pass++) {
		size_t rank = 0;
		for (size_t i = 0; i < t->nlive; i++) {
			struct proc_entry *e = t->live[i];
			if (e->row.kernel_thread)
				continue;
			int want = (int)base + (rank++ >= n - extra);
			if ((pass == 0 && e->held_level > want) || (pass == 1 && e->held_level < want))
				hold_level(t, e, want);
		}
	}
}

static void entry_free(struct proc_table *t, struct proc_entry *e)
{
	close_held(t, e);
	free(e->user);
	free(e->comm);
	free(e->cmdline);
	free(e->cgroup);
	free(e);
}

static int64_t count_fds(struct proc_table *t, pid_t pid)
{
	char path[64];
	pid_path(path, pid, "fd");
	if (t->fd_count_by_size) {
		struct stat st;
		if (fstatat(t->proc_fd, path, &st, 0) != 0)
			return VAL_UNKNOWN;
		return (int64_t)st.st_size;
	}
	int dfd = openat(t->proc_fd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return VAL_UNKNOWN;
	DIR *d = fdopendir(dfd);
	if (!d) {
		close(dfd);
		return VAL_UNKNOWN;
	}
	int64_t n = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

static int64_t small_int(const char *buf)
{
	int64_t v;
	return util_parse_i64(&buf, &v) ? v : VAL_UNKNOWN;
}

/* Read one per-pid file, held or by path. These are seq_files shown in one piece: a read
 * shorter than the buffer has it all, so by path too one pread (not a second one to see
 * EOF) is enough, as for a held file. */
static ssize_t read_pid_file(struct proc_table *t, int fd, pid_t pid, const char *name, char *buf, size_t cap)
{
	if (fd >= 0)
		return util_pread_once(fd, buf, cap);
	char path[64];
	pid_path(path, pid, name);
	fd = openat(t->proc_fd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ssize_t n = util_pread_once(fd, buf, cap);
	close(fd);
	return n;
}

static void reread_cgroup(struct proc_table *t, struct proc_entry *e, const char *text)
{
	if (!t->hier || !t->hier->version)
		return;
	char raw[PATH_MAX], rel[PATH_MAX];
	if (proc_cgroup_parse(text, t->hier->version, raw, sizeof(raw)) != 0)
		return;
	cgroup_path_relative(t->hier, raw, rel, sizeof(rel));
	if (e->cgroup && strcmp(e->cgroup, rel) == 0)
		return;
	char *c = strdup(rel);
	if (!c)
		return;
	free(e->cgroup);
	e->cgroup = c;
	e->row.cgroup = c;
}

/* /proc/PID/cgroup by path: at the first sample, then every CGROUP_RECHECK_EVERY */
static void read_cgroup(struct proc_table *t, struct proc_entry *e)
{
	char buf[4096];
	e->cgroup_read = true;
	if (read_pid_file(t, -1, e->row.pid, "cgroup", buf, sizeof(buf)) > 0)
		reread_cgroup(t, e, buf);
}

static double as_double(int64_t v)
{
	return val_known(v) ? (double)v : NAN;
}

static void track_slopes(struct proc_table *t, struct proc_entry *e)
{
	struct proc_row *r = &e->row;
	leak_push(&e->rss_hist, t->now_ms, as_double(r->rss_bytes), t->window_s);
	leak_push(&e->fd_hist, t->now_ms, as_double(r->fds), t->window_s);
	leak_push(&e->thread_hist, t->now_ms, as_double(r->threads), t->window_s);
	r->rss_slope = leak_estimate(&e->rss_hist, t->now_ms, t->window_s);
	r->fd_slope = leak_estimate(&e->fd_hist, t->now_ms, t->window_s);
	r->thread_slope = leak_estimate(&e->thread_hist, t->now_ms, t->window_s);
}

static int64_t read_small_int(struct proc_table *t, int fd, pid_t pid, const char *name)
{
	char buf[32];
	return read_pid_file(t, fd, pid, name, buf, sizeof(buf)) > 0 ? small_int(buf) : VAL_UNKNOWN;
}

/* oom_score is not re-read when nothing it depends on has changed. The kernel computes it
 * (fs/proc/base.c proc_oom_score, mm/oom_kill.c oom_badness: read in 6.6's source, and
 * checked on 6.18 by computing it for every process from status and meminfo; relied on
 * from Linux 6.1 on, older kernels re-read it every refresh) as
 *   0 for init, kernel threads, an mm-less (exiting) task, oom_score_adj -1000, an mm
 *     already reaped or exiting (MMF_OOM_SKIP), a vfork child before its exec;
 *   else (1000 + (rss + swap + pgtables/PAGE_SIZE + adj * (totalpages / 1000)) * 1000
 *         / totalpages) * 2 / 3, with totalpages = RAM + swap pages;
 * so from VmRSS, VmSwap and VmPTE in status, oom_score_adj, and MemTotal + SwapTotal. We
 * re-read it when any of those changed since the last sample, when the totals changed
 * (proc_table_set_totals), when it is unknown, and anyway every SCORE_RECHECK_EVERY
 * refreshes (staggered by pid), which bounds what the inputs cannot show: the kernel's
 * per-CPU RSS counters it reads are approximate where status sums them exactly (off by at
 * most a few pages per CPU), an OOM reap or exit setting MMF_OOM_SKIP, a vfork child, a
 * value that moved between our status read and the oom_score read and came back. */
#define SCORE_RECHECK_EVERY 10

void proc_table_set_totals(struct proc_table *t, int64_t mem_total_bytes, int64_t swap_total_bytes)
{
	t->totals_changed = mem_total_bytes != t->mem_total || swap_total_bytes != t->swap_total;
	t->mem_total = mem_total_bytes;
	t->swap_total = swap_total_bytes;
}

/* status is the costly file (the kernel formats ~55 lines, 15 µs held on 6.18) and
 * statm the cheap one (7 numbers, 3 µs) that moves whenever the memory status shows
 * does: VmRSS = statm resident, RssFile + RssShmem = shared, VmPTE grows and shrinks
 * with faults and unmaps (resident, size), VmSwap with swap-out and swap-in (resident),
 * an exec or an exit (zombie: all zero) replaces or drops the mm. So with statm held,
 * status is re-read only when statm's text changed, when the row has no values yet, and
 * anyway every STATUS_RECHECK_EVERY refreshes (staggered by pid), which bounds what statm
 * cannot show: Threads when a thread starts on a cached stack, Uid after setuid, PPid
 * after a reparent, the RssFile/RssShmem split. */
static uint64_t text_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

/* t->seq + pid falls on `offset` every `every` refreshes: spreads periodic re-reads. */
static bool due(const struct proc_table *t, pid_t pid, unsigned every, unsigned offset)
{
	return (t->seq + (unsigned long)pid) % every == offset;
}

/* Take the values of a status text into the row. False when the process is gone
 * (zombie) or is another program now (exec). */
static bool take_status(struct proc_entry *e, const char *text, bool *score_inputs_same)
{
	struct proc_row *r = &e->row;
	struct proc_status s;
	/* a zombie has no Vm lines left: treat it as gone so its row keeps the last real
	 * values (an OOM victim's RSS at death), as the writer treats a zombie as gone */
	if (proc_status_parse(text, &s) != 0 || s.state == 'Z' || s.state == 'X')
		return false;
	/* exec() keeps pid and start time but changes comm and command line: a process first
	 * seen between fork and exec would keep its parent's identity (and an OOM kill would
	 * not be linked to it). The old image ends as a ghost; the next refresh meets the new
	 * one as a new process. */
	if (e->name_hash && s.name_hash != e->name_hash)
		return false;
	e->name_hash = s.name_hash;
	*score_inputs_same = s.rss_bytes == r->rss_bytes && s.swap_bytes == r->swap_bytes &&
			     s.pgtables_bytes == r->pgtables_bytes;
	r->rss_bytes = s.rss_bytes;
	r->rss_anon_bytes = s.rss_anon_bytes;
	r->rss_file_bytes = s.rss_file_bytes;
	r->rss_shmem_bytes = s.rss_shmem_bytes;
	r->swap_bytes = s.swap_bytes;
	r->pgtables_bytes = s.pgtables_bytes;
	r->threads = s.threads;
	if (val_known(s.ppid))
		r->ppid = (pid_t)s.ppid;
	return true;
}

/* Re-read what changes. Returns false when the process is gone (or its pid was reused).
 *
 * The pin is the held statm: a pread on it fails once the process has exited and been
 * reaped (only then can its pid be reused). Files read by path every refresh are read
 * before it, so that a successful statm read afterwards proves the process was alive,
 * and its pid not reused, while they were read. Without a held statm the start time is
 * checked first, by path, as libproc2's reader would, and status is read every refresh.
 *
 * Whether status (see above) and oom_score (below) must be read is known only after the
 * statm, status and oom_score_adj reads. Those late reads come from their held files
 * (which themselves fail for a reaped process) or by path, and then a held file is read
 * once more afterwards (oom_score_adj if held, else statm): its success proves the same
 * for the by-path reads.
 *
 * oom_score is not re-read when nothing it depends on has changed (see
 * proc_table_set_totals). Without statm held, it is read before it, every refresh. */
static bool sample(struct proc_table *t, struct proc_entry *e)
{
	struct proc_row *r = &e->row;
	char buf[4096];
	pid_t pid = r->pid;
	if (r->kernel_thread) {
		/* nothing of theirs changes that oomtop shows but the cgroup, read once */
		if (!e->cgroup_read)
			read_cgroup(t, e);
		return true;
	}
	bool pinned = e->statm_fd >= 0;
	if (!pinned) {
		/* read by path: nothing pins the identity, so check the start time */
		struct proc_stat sf;
		if (read_pid_file(t, -1, pid, "stat", buf, sizeof(buf)) <= 0 || proc_stat_parse(buf, &sf) != 0 ||
		    sf.start_ticks != r->start_ticks)
			return false;
	}
	/* an unknown score (a new process) is read late too: it is due anyway */
	bool score_late = t->score_by_inputs && pinned;
	/* by path first (see above) */
	if (e->score_fd < 0 && !score_late)
		r->oom_score = read_small_int(t, -1, pid, "oom_score");
	int64_t adj = VAL_UNKNOWN;
	if (e->adj_fd < 0)
		adj = read_small_int(t, -1, pid, "oom_score_adj");
	if (e->fddir_fd >= 0) {
		struct stat st;
		r->fds = fstat(e->fddir_fd, &st) == 0 ? (int64_t)st.st_size : VAL_UNKNOWN;
	} else if (t->fd_count_by_size || due(t, pid, FD_COUNT_EVERY, 0) || !val_known(r->fds)) {
		r->fds = count_fds(t, pid);
	}
	if (!e->cgroup_read || due(t, pid, CGROUP_RECHECK_EVERY, 0))
		read_cgroup(t, e);
	bool status_due = true, late_by_path = false;
	if (pinned) {
		ssize_t n = util_pread_once(e->statm_fd, buf, sizeof(buf));
		if (n <= 0)
			return false;
		uint64_t h = text_hash(buf, (size_t)n);
		status_due = h != e->statm_hash || !val_known(r->rss_bytes) ||
			     due(t, pid, STATUS_RECHECK_EVERY, STATUS_RECHECK_EVERY / 4);
		e->statm_hash = h;
	}
	bool score_inputs_same = true;
	if (status_due) {
		if (read_pid_file(t, e->status_fd, pid, "status", buf, sizeof(buf)) <= 0 ||
		    !take_status(e, buf, &score_inputs_same))
			return false;
		late_by_path = pinned && e->status_fd < 0;
	}
	if (e->adj_fd >= 0)
		adj = read_small_int(t, e->adj_fd, pid, "oom_score_adj");
	score_inputs_same = score_inputs_same && adj == r->oom_score_adj;
	r->oom_score_adj = adj;
	if (!score_late) {
		if (e->score_fd >= 0)
			r->oom_score = read_small_int(t, e->score_fd, pid, "oom_score");
	} else if (!score_inputs_same || e->score_stale || !val_known(r->oom_score) || t->totals_changed ||
		   due(t, pid, SCORE_RECHECK_EVERY, SCORE_RECHECK_EVERY / 2)) {
		e->score_stale = false;
		r->oom_score = read_small_int(t, e->score_fd, pid, "oom_score");
		late_by_path = late_by_path || e->score_fd < 0;
	}
	if (late_by_path) {
		char b[32];
		int pin = e->adj_fd >= 0 ? e->adj_fd : e->statm_fd;
		if (util_pread_once(pin, b, sizeof(b)) <= 0)
			return false; /* reaped: the pid may have been someone else's */
		/* adj moved meanwhile: which one the score saw is unknown */
		if (pin == e->adj_fd)
			e->score_stale = small_int(b) != adj;
	}
	track_slopes(t, e);
	return true;
}

/* A new process: its entry, its held files, its first sample. pin_fd: its statm opened
 * by the identity feed (now ours), or -1. */
static void adopt(struct proc_table *t, const struct proc_identity *id, int pin_fd)
{
	if (pin_fd >= 0) {
		t->held++;
		t->pins_reserved--;
	}
	struct proc_entry *e = calloc(1, sizeof(*e));
	if (!e) {
		if (pin_fd >= 0) {
			close(pin_fd);
			t->held--;
		}
		return;
	}
	e->statm_fd = e->status_fd = e->score_fd = e->adj_fd = e->fddir_fd = -1;
	e->statm_fd = pin_fd;
	e->held_level = pin_fd >= 0;
	e->user = strdup(id->user[0] ? id->user : "?");
	e->comm = strdup(id->comm);
	/* bounded memory: a command line can be 2 MiB (and hostile); keep what is shown */
	e->cmdline = strndup(id->cmdline, PROC_CMDLINE_MAX_BYTES);
	if (!e->user || !e->comm || !e->cmdline) {
		entry_free(t, e);
		return;
	}
	struct proc_row *r = &e->row;
	r->pid = id->pid;
	r->ppid = id->ppid;
	r->uid = id->uid;
	r->user = e->user;
	r->comm = e->comm;
	r->cmdline = e->cmdline;
	r->start_ticks = id->start_ticks;
	r->start_time_unix_s = t->boot_unix_s + (double)id->start_ticks / (double)t->hz;
	r->kernel_thread = id->kernel_thread;
	r->rss_bytes = r->rss_anon_bytes = r->rss_file_bytes = r->rss_shmem_bytes = VAL_UNKNOWN;
	r->swap_bytes = r->pgtables_bytes = r->oom_score = r->oom_score_adj = VAL_UNKNOWN;
	r->threads = r->fds = VAL_UNKNOWN;
	r->rss_slope = r->fd_slope = r->thread_slope = (struct slope){NAN, NAN};
	r->state = PROC_RUNNING;
	r->exited_unix_s = NAN;
	r->oom_event = -1;
	if (!r->kernel_thread) {
		/* an even share of what is left, so the first refresh holds what the
		 * rebalance after it would have chosen, instead of reading by path */
		size_t left = t->fresh_left ? t->fresh_left : 1;
		size_t taken = t->held + t->pins_reserved; /* pins: opened by the feed, not adopted yet */
		size_t share = (size_t)e->held_level + (taken < t->held_budget ? (t->held_budget - taken) / left : 0);
		hold_level(t, e, share < (size_t)t->new_level ? (int)share : t->new_level);
	}
	if (t->fresh_left)
		t->fresh_left--;
	if (!sample(t, e)) {
		entry_free(t, e);
		return;
	}
	if (!util_grow((void **)&t->born, &t->capborn, t->nborn + 1, sizeof(*t->born))) {
		entry_free(t, e);
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
	close_held(t, e);
	e->row.state = PROC_EXITED;
	e->row.exited_unix_s = now_unix_s;
	if (t->nghosts == PROC_TABLE_MAX_GHOSTS) {
		/* the oldest one that was not OOM-killed goes first: under churn the victim
		 * the operator is looking for must not be pushed out by plain exits */
		size_t k = 0;
		while (k < t->nghosts && t->ghosts[k]->row.state == PROC_OOM_KILLED)
			k++;
		if (k == t->nghosts)
			k = 0;
		entry_free(t, t->ghosts[k]);
		memmove(t->ghosts + k, t->ghosts + k + 1, (t->nghosts - k - 1) * sizeof(*t->ghosts));
		t->nghosts--;
	}
	if (!t->ghosts) {
		t->ghosts = calloc(PROC_TABLE_MAX_GHOSTS, sizeof(*t->ghosts));
		if (!t->ghosts) {
			entry_free(t, e);
			return;
		}
	}
	t->ghosts[t->nghosts++] = e;
}

static void expire_ghosts(struct proc_table *t, double now_unix_s)
{
	size_t keep = 0;
	for (size_t i = 0; i < t->nghosts; i++) {
		struct proc_entry *g = t->ghosts[i];
		if (now_unix_s - g->row.exited_unix_s > t->ghost_ttl_s)
			entry_free(t, g);
		else
			t->ghosts[keep++] = g;
	}
	t->nghosts = keep;
}

int proc_table_refresh(struct proc_table *t, int64_t t_ms, double now_unix_s)
{
	t->seq++;
	t->now_ms = t_ms;
	int rc = list_pids(t);
	if (rc < 0)
		return rc;
	expire_ghosts(t, now_unix_s);

	/* merge the sorted pid list with the sorted live entries */
	t->nnext = t->nfresh = t->nborn = 0;
	if (!util_grow((void **)&t->next, &t->capnext, t->npids + 1, sizeof(*t->next)) ||
	    !util_grow((void **)&t->fresh, &t->capfresh, t->npids + 1, sizeof(*t->fresh)))
		return -ENOMEM;
	size_t i = 0, j = 0;
	while (i < t->npids || j < t->nlive) {
		if (j < t->nlive && (i == t->npids || t->live[j]->row.pid < t->pids[i])) {
			bury(t, t->live[j++], now_unix_s); /* gone */
		} else if (j < t->nlive && t->live[j]->row.pid == t->pids[i]) {
			struct proc_entry *e = t->live[j++];
			if (sample(t, e)) {
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

	t->new_level = max_level(t);
	t->fresh_left = t->nfresh;
	if (t->nfresh && t->feed) {
		size_t pins = t->held < t->held_budget ? t->held_budget - t->held : 0;
		t->pins_reserved = pins < t->nfresh ? pins : t->nfresh;
		identity_feed_begin(t->feed, t->fresh, t->nfresh, t->pins_reserved);
		const struct proc_identity *id;
		int pin;
		while ((id = identity_feed_next(t->feed, &pin)))
			adopt(t, id, pin);
		identity_feed_end(t->feed);
	} else if (t->nfresh) {
		proc_identity_read(t->ids, t->fresh, t->nfresh, on_identity, t);
	}
	t->pins_reserved = 0;

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

struct proc_entry **proc_table_live(struct proc_table *t, size_t *n)
{
	*n = t->nlive;
	return t->live;
}

struct proc_entry **proc_table_ghosts(struct proc_table *t, size_t *n)
{
	*n = t->nghosts;
	return t->ghosts;
}

void proc_table_mark_oom_killed(struct proc_table *t, pid_t pid, uint64_t start_ticks)
{
	for (size_t i = 0; i < t->nghosts; i++) {
		struct proc_row *r = &t->ghosts[i]->row;
		if (r->pid == pid && r->start_ticks == start_ticks)
			r->state = PROC_OOM_KILLED;
	}
}

size_t proc_table_held(const struct proc_table *t, size_t *budget)
{
	if (budget)
		*budget = t->held_budget;
	return t->held;
}

void proc_table_free(struct proc_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nlive; i++)
		entry_free(t, t->live[i]);
	for (size_t i = 0; i < t->nghosts; i++)
		entry_free(t, t->ghosts[i]);
	identity_feed_free(t->feed); /* before the reader it uses */
	if (t->ids)
		proc_identity_free(t->ids);
	if (t->proc_fd >= 0)
		close(t->proc_fd);
	free(t->ghosts);
	free(t->live);
	free(t->next);
	free(t->born);
	free(t->pids);
	free(t->fresh);
	free(t->proc_root);
	free(t);
}
