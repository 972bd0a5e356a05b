#include "config.h"
#include "core/proc/sampler.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "core/base/util.h"
#include "core/cgroup/path.h"
#include "core/estimate/fd_eta.h"
#include "core/proc/cgroup.h"
#include "core/proc/limits.h"
#include "core/proc/stat.h"
#include "core/proc/status.h"

static bool kernel_at_least(int major, int minor)
{
	struct utsname u;
	int ma = 0, mi = 0;
	if (uname(&u) != 0 || sscanf(u.release, "%d.%d", &ma, &mi) != 2)
		return false;
	return ma > major || (ma == major && mi >= minor);
}

void proc_sampler_kernel_detect(struct proc_sampler_kernel *k)
{
	k->fd_count_by_size = kernel_at_least(6, 2);
	k->score_by_inputs = kernel_at_least(6, 1);
}

/* What holding each file saves per read: µs held / by path, measured on 6.18 at ~2,070
 * processes (README, "Where the time goes"): statm 3.1 / 10.4, plus the 13.4 of the
 * start-time check by path that a held statm (the pin) makes unnecessary; oom_score_adj
 * 1.5 / 7.4; fstat of fd/ 1.8 / 4.2; status 14.8 / 23.5; oom_score 2.7 / 10.1. Per
 * refresh, that times how often each is read: statm, oom_score_adj and fd/ every
 * refresh; status about one refresh in PROC_SAMPLER_STATUS_EVERY for an idle process;
 * oom_score every refresh before 6.1, from 6.1 about one in PROC_SAMPLER_SCORE_EVERY.
 * Before 6.2 the fd count is not fd/'s st_size: holding fd/ saves nothing. statm,
 * status and oom_score are seq_files, each pinning a 4 KiB buffer while held;
 * oom_score_adj formats on the stack, fd/ is held O_PATH.
 * From 6.1, status (0.87 µs a refresh for its 4 KiB) and oom_score (0.74 µs) fall on
 * either side of PROC_HELD_MIN_SAVE_NS_PER_KIB: oom_score is not held, as since 6.1's
 * oom_score by its inputs; what a KiB of kernel memory is worth is issue 18's to measure. */
#define SAVE_NS(held_us, path_us) ((unsigned)((path_us) * 1000 - (held_us) * 1000 + 0.5))

void proc_sampler_held_costs(const struct proc_sampler_kernel *k, struct proc_held_cost out[PROC_HELD_NFILES])
{
	unsigned score = SAVE_NS(2.7, 10.1);
	out[PROC_HELD_STATM] = (struct proc_held_cost){1, 4096, SAVE_NS(3.1, 10.4) + SAVE_NS(0, 13.4)};
	out[PROC_HELD_STATUS] = (struct proc_held_cost){1, 4096, SAVE_NS(14.8, 23.5) / PROC_SAMPLER_STATUS_EVERY};
	out[PROC_HELD_SCORE] = (struct proc_held_cost){1, 4096, k->score_by_inputs ? score / PROC_SAMPLER_SCORE_EVERY : score};
	out[PROC_HELD_ADJ] = (struct proc_held_cost){1, 0, SAVE_NS(1.5, 7.4)};
	out[PROC_HELD_FDDIR] = (struct proc_held_cost){1, 0, k->fd_count_by_size ? SAVE_NS(1.8, 4.2) : 0};
}

void proc_sampler_init(struct proc_sampler *s, int proc_fd, const struct cgroup_hierarchy *hier,
		       const struct proc_sampler_kernel *k, size_t held_budget, double window_s)
{
	memset(s, 0, sizeof(*s));
	s->proc_fd = proc_fd;
	s->hier = hier;
	s->kernel = *k;
	struct proc_held_cost costs[PROC_HELD_NFILES];
	proc_sampler_held_costs(k, costs);
	proc_held_policy_init(&s->held, costs, PROC_HELD_BY_FDS, PROC_HELD_MIN_SAVE_NS_PER_KIB);
	s->held_budget = held_budget;
	s->window_s = window_s;
	s->mem_total = s->swap_total = VAL_UNKNOWN;
}

void proc_sampler_begin(struct proc_sampler *s, int64_t t_ms)
{
	s->seq++;
	s->now_ms = t_ms;
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

static int *held_slot(const struct proc_sampler *s, struct proc_entry *e, int i)
{
	return &e->held_fds[s->held.order[i]];
}

void proc_sampler_hold(struct proc_sampler *s, struct proc_entry *e, int level)
{
	for (int i = s->held.nlevels - 1; i >= level; i--) {
		int *fd = held_slot(s, e, i);
		if (*fd >= 0) {
			close(*fd);
			*fd = -1;
			s->nheld--;
		}
	}
	for (int i = 0; i < level; i++) {
		int *fd = held_slot(s, e, i);
		if (*fd >= 0)
			continue;
		if (s->nheld >= s->held_budget || (i > 0 && *held_slot(s, e, i - 1) < 0))
			break;
		char path[64];
		enum proc_held_file which = s->held.order[i];
		pid_path(path, e->row.pid, proc_held_name(which));
		/* fd/: O_PATH is enough for fstat (no read permission needed, as for stat) */
		int flags = which == PROC_HELD_FDDIR ? O_PATH | O_DIRECTORY | O_CLOEXEC : O_RDONLY | O_CLOEXEC;
		*fd = openat(s->proc_fd, path, flags);
		if (*fd < 0)
			break;
		s->nheld++;
	}
	e->held_level = 0;
	while (e->held_level < s->held.nlevels && *held_slot(s, e, e->held_level) >= 0)
		e->held_level++;
}

void proc_sampler_release(struct proc_sampler *s, struct proc_entry *e)
{
	proc_sampler_hold(s, e, 0);
}

static int64_t count_fds(struct proc_sampler *s, pid_t pid)
{
	char path[64];
	pid_path(path, pid, "fd");
	if (s->kernel.fd_count_by_size) {
		struct stat st;
		if (fstatat(s->proc_fd, path, &st, 0) != 0)
			return VAL_UNKNOWN;
		return (int64_t)st.st_size;
	}
	int dfd = openat(s->proc_fd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
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
static ssize_t read_pid_file(struct proc_sampler *s, int fd, pid_t pid, const char *name, char *buf, size_t cap)
{
	if (fd >= 0)
		return util_pread_once(fd, buf, cap);
	char path[64];
	pid_path(path, pid, name);
	fd = openat(s->proc_fd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ssize_t n = util_pread_once(fd, buf, cap);
	close(fd);
	return n;
}

static void reread_cgroup(struct proc_sampler *s, struct proc_entry *e, const char *text)
{
	if (!s->hier || !s->hier->version)
		return;
	char raw[PATH_MAX], rel[PATH_MAX];
	if (proc_cgroup_parse(text, s->hier->version, raw, sizeof(raw)) != 0)
		return;
	cgroup_path_relative(s->hier, raw, rel, sizeof(rel));
	if (e->cgroup && strcmp(e->cgroup, rel) == 0)
		return;
	char *c = strdup(rel);
	if (!c)
		return;
	free(e->cgroup);
	e->cgroup = c;
	e->row.cgroup = c;
}

/* /proc/PID/cgroup by path: at the first sample, then every PROC_SAMPLER_CGROUP_EVERY */
static void read_cgroup(struct proc_sampler *s, struct proc_entry *e)
{
	char buf[4096];
	e->cgroup_read = true;
	if (read_pid_file(s, -1, e->row.pid, "cgroup", buf, sizeof(buf)) > 0)
		reread_cgroup(s, e, buf);
}

static double as_double(int64_t v)
{
	return val_known(v) ? (double)v : NAN;
}

static void track_slopes(struct proc_sampler *s, struct proc_entry *e)
{
	struct proc_row *r = &e->row;
	leak_push(&e->rss_hist, s->now_ms, as_double(r->rss_bytes), s->window_s);
	leak_push(&e->fd_hist, s->now_ms, as_double(r->fds), s->window_s);
	leak_push(&e->thread_hist, s->now_ms, as_double(r->threads), s->window_s);
	r->rss_slope = leak_estimate(&e->rss_hist, s->now_ms, s->window_s);
	r->fd_slope = leak_estimate(&e->fd_hist, s->now_ms, s->window_s);
	r->thread_slope = leak_estimate(&e->thread_hist, s->now_ms, s->window_s);
	r->fd_eta_s = fd_eta_s(r->fds, r->fd_limit, r->fd_slope, s->window_s);
}

static int64_t read_small_int(struct proc_sampler *s, int fd, pid_t pid, const char *name)
{
	char buf[32];
	return read_pid_file(s, fd, pid, name, buf, sizeof(buf)) > 0 ? small_int(buf) : VAL_UNKNOWN;
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
 * (proc_sampler_set_totals), when it is unknown, and anyway every PROC_SAMPLER_SCORE_EVERY
 * refreshes (staggered by pid), which bounds what the inputs cannot show: the kernel's
 * per-CPU RSS counters it reads are approximate where status sums them exactly (off by at
 * most a few pages per CPU), an OOM reap or exit setting MMF_OOM_SKIP, a vfork child, a
 * value that moved between our status read and the oom_score read and came back. */
void proc_sampler_set_totals(struct proc_sampler *s, int64_t mem_total_bytes, int64_t swap_total_bytes)
{
	s->totals_changed = mem_total_bytes != s->mem_total || swap_total_bytes != s->swap_total;
	s->mem_total = mem_total_bytes;
	s->swap_total = swap_total_bytes;
}

/* status is the costly file (the kernel formats ~55 lines, 15 µs held on 6.18) and
 * statm the cheap one (7 numbers, 3 µs) that moves whenever the memory status shows
 * does: VmRSS = statm resident, RssFile + RssShmem = shared, VmPTE grows and shrinks
 * with faults and unmaps (resident, size), VmSwap with swap-out and swap-in (resident),
 * an exec or an exit (zombie: all zero) replaces or drops the mm. So with statm held,
 * status is re-read only when statm's text changed, when the row has no values yet, and
 * anyway every PROC_SAMPLER_STATUS_EVERY refreshes (staggered by pid), which bounds what
 * statm cannot show: Threads when a thread starts on a cached stack, Uid after setuid,
 * PPid after a reparent, the RssFile/RssShmem split. */
static uint64_t text_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

/* s->seq + pid falls on `offset` every `every` refreshes: spreads periodic re-reads. */
static bool due(const struct proc_sampler *s, pid_t pid, unsigned every, unsigned offset)
{
	return (s->seq + (unsigned long)pid) % every == offset;
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

/* The pin is the held statm: a pread on it fails once the process has exited and been
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
 * proc_sampler_set_totals). Without statm held, it is read before it, every refresh. */
bool proc_sampler_sample(struct proc_sampler *s, struct proc_entry *e)
{
	struct proc_row *r = &e->row;
	char buf[4096];
	pid_t pid = r->pid;
	int *fds = e->held_fds;
	if (r->kernel_thread) {
		/* nothing of theirs changes that oomtop shows but the cgroup, read once */
		if (!e->cgroup_read)
			read_cgroup(s, e);
		return true;
	}
	bool pinned = fds[PROC_HELD_STATM] >= 0;
	if (!pinned) {
		/* read by path: nothing pins the identity, so check the start time */
		struct proc_stat sf;
		if (read_pid_file(s, -1, pid, "stat", buf, sizeof(buf)) <= 0 || proc_stat_parse(buf, &sf) != 0 ||
		    sf.start_ticks != r->start_ticks)
			return false;
	}
	/* an unknown score (a new process) is read late too: it is due anyway */
	bool score_late = s->kernel.score_by_inputs && pinned;
	/* by path first (see above) */
	if (fds[PROC_HELD_SCORE] < 0 && !score_late)
		r->oom_score = read_small_int(s, -1, pid, "oom_score");
	int64_t adj = VAL_UNKNOWN;
	if (fds[PROC_HELD_ADJ] < 0)
		adj = read_small_int(s, -1, pid, "oom_score_adj");
	if (fds[PROC_HELD_FDDIR] >= 0) {
		struct stat st;
		r->fds = fstat(fds[PROC_HELD_FDDIR], &st) == 0 ? (int64_t)st.st_size : VAL_UNKNOWN;
	} else if (s->kernel.fd_count_by_size || due(s, pid, PROC_SAMPLER_FD_COUNT_EVERY, 0) || !val_known(r->fds)) {
		r->fds = count_fds(s, pid);
	}
	if (!e->cgroup_read || due(s, pid, PROC_SAMPLER_CGROUP_EVERY, 0))
		read_cgroup(s, e);
	if (proc_limits_due(r->fds, r->fd_limit, s->seq, pid)) {
		struct proc_limits lim;
		proc_limits_read(s->proc_fd, pid, &lim);
		r->fd_limit = proc_limits_fd_limit(&lim);
	}
	bool status_due = true, late_by_path = false;
	if (pinned) {
		ssize_t n = util_pread_once(fds[PROC_HELD_STATM], buf, sizeof(buf));
		if (n <= 0)
			return false;
		uint64_t h = text_hash(buf, (size_t)n);
		status_due = h != e->statm_hash || !val_known(r->rss_bytes) ||
			     due(s, pid, PROC_SAMPLER_STATUS_EVERY, PROC_SAMPLER_STATUS_EVERY / 4);
		e->statm_hash = h;
	}
	bool score_inputs_same = true;
	if (status_due) {
		if (read_pid_file(s, fds[PROC_HELD_STATUS], pid, "status", buf, sizeof(buf)) <= 0 ||
		    !take_status(e, buf, &score_inputs_same))
			return false;
		late_by_path = pinned && fds[PROC_HELD_STATUS] < 0;
	}
	if (fds[PROC_HELD_ADJ] >= 0)
		adj = read_small_int(s, fds[PROC_HELD_ADJ], pid, "oom_score_adj");
	score_inputs_same = score_inputs_same && adj == r->oom_score_adj;
	r->oom_score_adj = adj;
	if (!score_late) {
		if (fds[PROC_HELD_SCORE] >= 0)
			r->oom_score = read_small_int(s, fds[PROC_HELD_SCORE], pid, "oom_score");
	} else if (!score_inputs_same || e->score_stale || !val_known(r->oom_score) || s->totals_changed ||
		   due(s, pid, PROC_SAMPLER_SCORE_EVERY, PROC_SAMPLER_SCORE_EVERY / 2)) {
		e->score_stale = false;
		r->oom_score = read_small_int(s, fds[PROC_HELD_SCORE], pid, "oom_score");
		late_by_path = late_by_path || fds[PROC_HELD_SCORE] < 0;
	}
	if (late_by_path) {
		char b[32];
		int pin = fds[PROC_HELD_ADJ] >= 0 ? fds[PROC_HELD_ADJ] : fds[PROC_HELD_STATM];
		if (util_pread_once(pin, b, sizeof(b)) <= 0)
			return false; /* reaped: the pid may have been someone else's */
		/* adj moved meanwhile: which one the score saw is unknown */
		if (pin == fds[PROC_HELD_ADJ])
			e->score_stale = small_int(b) != adj;
	}
	track_slopes(s, e);
	return true;
}
