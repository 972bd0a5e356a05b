/* SPDX-License-Identifier: GPL-2.0-or-later */
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

/* What each read costs: CPU µs per process, median of bench/readcost on 6.18 at ~2,060
 * processes. By path (openat "PID/F" + pread + close): statm 6.14, status 13.85,
 * oom_score 6.02, oom_score_adj 4.37, stat 9.03, cgroup 9.13; relative to the held
 * directory: statm 5.73, status 13.38, oom_score 5.74, oom_score_adj 4.12; held (pread):
 * statm 2.01, status 9.39, oom_score 1.90, oom_score_adj 1.15; the fd count: fstatat by
 * path 3.03, relative to the directory 2.90, fstat of fd/ held 1.38.
 *
 * What holding saves per refresh, on average, for an idle process (the common case):
 * the directory saves the start-time check by path (stat) at every refresh (and ~0.3 µs
 * of path walk at each open, left out); oom_score_adj and fd/ save what a held file
 * saves over an open relative to the directory, every refresh; statm the same, every
 * PROC_SAMPLER_IDLE_STATM_EVERY refreshes; status every PROC_SAMPLER_STATUS_EVERY;
 * oom_score every refresh before 6.1, from 6.1 every PROC_SAMPLER_SCORE_EVERY. Before
 * 6.2 the fd count is not fd/'s st_size: holding fd/ saves nothing.
 *
 * What it costs (core/proc/held.h): every held file its open file, 256 bytes of kernel
 * memory; statm, status and oom_score, seq_files, 4,272 more for the buffer they keep.
 * Per KiB that is 36 µs a refresh for the directory, 12 for oom_score_adj, 6 for fd/, and
 * 0.2 for statm, 0.9 for oom_score before 6.1, 0.1 or less for status and oom_score from
 * 6.1: PROC_HELD_MIN_SAVE_NS_PER_KIB falls between the two groups. */
#define SAVE_NS(held_us, path_us) ((unsigned)((path_us) * 1000 - (held_us) * 1000 + 0.5))
#define FILE_KMEM PROC_HELD_FILE_KMEM_BYTES
#define SEQ_KMEM (PROC_HELD_FILE_KMEM_BYTES + PROC_HELD_SEQ_KMEM_BYTES)

void proc_sampler_held_costs(const struct proc_sampler_kernel *k, struct proc_held_cost out[PROC_HELD_NFILES])
{
	unsigned score = SAVE_NS(1.90, 5.74);
	out[PROC_HELD_DIR] = (struct proc_held_cost){1, FILE_KMEM, SAVE_NS(0, 9.03)};
	out[PROC_HELD_STATM] = (struct proc_held_cost){1, SEQ_KMEM, SAVE_NS(2.01, 5.73) / PROC_SAMPLER_IDLE_STATM_EVERY};
	out[PROC_HELD_STATUS] = (struct proc_held_cost){1, SEQ_KMEM, SAVE_NS(9.39, 13.38) / PROC_SAMPLER_STATUS_EVERY};
	out[PROC_HELD_SCORE] =
		(struct proc_held_cost){1, SEQ_KMEM, k->score_by_inputs ? score / PROC_SAMPLER_SCORE_EVERY : score};
	out[PROC_HELD_ADJ] = (struct proc_held_cost){1, FILE_KMEM, SAVE_NS(1.15, 4.12)};
	out[PROC_HELD_FDDIR] = (struct proc_held_cost){1, FILE_KMEM, k->fd_count_by_size ? SAVE_NS(1.38, 2.90) : 0};
}

void proc_sampler_init(struct proc_sampler *s, int proc_fd, const struct cgroup_hierarchy *hier,
		       const struct proc_sampler_kernel *k, const struct proc_held_budget *held_budget, double window_s,
		       bool one_shot)
{
	memset(s, 0, sizeof(*s));
	s->proc_fd = proc_fd;
	s->hier = hier;
	s->kernel = *k;
	proc_sampler_held_costs(k, s->costs);
	proc_held_policy_init(&s->held, s->costs, PROC_HELD_BY_KMEM, PROC_HELD_MIN_SAVE_NS_PER_KIB);
	s->held_budget = *held_budget;
	s->one_shot = one_shot;
	/* without the pin first nothing is held (see proc_sampler_hold); one-shot: the pin */
	s->max_level = s->held.nlevels > 0 && s->held.order[0] == PROC_HELD_DIR ? (one_shot ? 1 : s->held.nlevels) : 0;
	s->window_s = window_s;
	s->mem_total = s->swap_total = VAL_UNKNOWN;
}

void proc_sampler_set_cgroup_lookup(struct proc_sampler *s, proc_cgroup_lookup_fn fn, void *ctx)
{
	s->cgroup_lookup = fn;
	s->cgroup_ctx = ctx;
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

static bool room_for(const struct proc_sampler *s, enum proc_held_file f)
{
	const struct proc_held_cost *c = &s->costs[f];
	return s->nheld.fds + c->fds <= s->held_budget.fds &&
	       s->nheld.kmem_bytes + c->kmem_bytes <= s->held_budget.kmem_bytes;
}

static void count_held(struct proc_sampler *s, enum proc_held_file f, int sign)
{
	const struct proc_held_cost *c = &s->costs[f];
	s->nheld.fds = sign > 0 ? s->nheld.fds + c->fds : s->nheld.fds - c->fds;
	s->nheld.kmem_bytes = sign > 0 ? s->nheld.kmem_bytes + c->kmem_bytes : s->nheld.kmem_bytes - c->kmem_bytes;
}

void proc_sampler_hold(struct proc_sampler *s, struct proc_entry *e, int level)
{
	if (level > s->max_level)
		level = s->max_level;
	for (int i = s->held.nlevels - 1; i >= level; i--) {
		int *fd = held_slot(s, e, i);
		if (*fd >= 0) {
			close(*fd);
			*fd = -1;
			count_held(s, s->held.order[i], -1);
		}
	}
	for (int i = 0; i < level; i++) {
		int *fd = held_slot(s, e, i);
		if (*fd >= 0)
			continue;
		enum proc_held_file which = s->held.order[i];
		if (!room_for(s, which) || (i > 0 && *held_slot(s, e, i - 1) < 0))
			break;
		if (which == PROC_HELD_DIR) {
			char path[16];
			pid_path(path, e->row.pid, "");
			*fd = openat(s->proc_fd, path, O_PATH | O_DIRECTORY | O_CLOEXEC);
		} else {
			/* relative to the pin (max_level is 0 without it first): the file is the
			 * pinned process's. fd/: O_PATH is enough for fstat (no read permission
			 * needed, as for stat) */
			int flags = which == PROC_HELD_FDDIR ? O_PATH | O_DIRECTORY | O_CLOEXEC : O_RDONLY | O_CLOEXEC;
			*fd = openat(e->held_fds[PROC_HELD_DIR], proc_held_name(which), flags);
		}
		if (*fd < 0)
			break;
		count_held(s, which, +1);
	}
	e->held_level = 0;
	while (e->held_level < s->held.nlevels && *held_slot(s, e, e->held_level) >= 0)
		e->held_level++;
}

void proc_sampler_release(struct proc_sampler *s, struct proc_entry *e)
{
	proc_sampler_hold(s, e, 0);
}

void proc_sampler_adopt_pin(struct proc_sampler *s, struct proc_entry *e, int pin_fd)
{
	e->held_fds[PROC_HELD_DIR] = pin_fd;
	e->held_level = s->held.nlevels > 0 && s->held.order[0] == PROC_HELD_DIR ? 1 : 0;
	count_held(s, PROC_HELD_DIR, +1);
}

size_t proc_sampler_pin_room(const struct proc_sampler *s)
{
	if (s->max_level < 1)
		return 0;
	const struct proc_held_cost *c = &s->costs[PROC_HELD_DIR];
	uint64_t f = s->nheld.fds < s->held_budget.fds ? (s->held_budget.fds - s->nheld.fds) / c->fds : 0;
	uint64_t k = s->nheld.kmem_bytes < s->held_budget.kmem_bytes
			     ? (s->held_budget.kmem_bytes - s->nheld.kmem_bytes) / c->kmem_bytes
			     : 0;
	uint64_t room = f < k ? f : k;
	return room < SIZE_MAX ? (size_t)room : SIZE_MAX;
}

/* Where e's files are opened: relative to its held directory, or by path. */
static int open_file(const struct proc_sampler *s, const struct proc_entry *e, const char *name, int flags)
{
	int dir = e->held_fds[PROC_HELD_DIR];
	if (dir >= 0)
		return openat(dir, name, flags | O_CLOEXEC);
	char path[64];
	pid_path(path, e->row.pid, name);
	return openat(s->proc_fd, path, flags | O_CLOEXEC);
}

static int64_t count_fds(struct proc_sampler *s, const struct proc_entry *e)
{
	struct stat st;
	if (e->held_fds[PROC_HELD_FDDIR] >= 0)
		return fstat(e->held_fds[PROC_HELD_FDDIR], &st) == 0 ? (int64_t)st.st_size : VAL_UNKNOWN;
	if (s->kernel.fd_count_by_size) {
		int dir = e->held_fds[PROC_HELD_DIR];
		char path[64];
		pid_path(path, e->row.pid, "fd");
		if (fstatat(dir >= 0 ? dir : s->proc_fd, dir >= 0 ? "fd" : path, &st, 0) != 0)
			return VAL_UNKNOWN;
		return (int64_t)st.st_size;
	}
	int dfd = open_file(s, e, "fd", O_RDONLY | O_DIRECTORY);
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

/* Read one of e's files: held (f), else relative to its pin or by path. These are
 * seq_files shown in one piece: a read shorter than the buffer has it all, so one pread
 * (not a second one to see EOF) is enough. f is PROC_HELD_NFILES for a file never held. */
static ssize_t read_file(struct proc_sampler *s, const struct proc_entry *e, enum proc_held_file f,
			 const char *name, char *buf, size_t cap)
{
	if (f < PROC_HELD_NFILES && e->held_fds[f] >= 0)
		return util_pread_once(e->held_fds[f], buf, cap);
	int fd = open_file(s, e, name, O_RDONLY);
	if (fd < 0)
		return -errno;
	ssize_t n = util_pread_once(fd, buf, cap);
	close(fd);
	return n;
}

static void set_cgroup(struct proc_entry *e, const char *rel)
{
	if (e->cgroup && strcmp(e->cgroup, rel) == 0)
		return;
	char *c = strdup(rel);
	if (!c)
		return;
	free(e->cgroup);
	e->cgroup = c;
	e->row.cgroup = c;
}

static void reread_cgroup(struct proc_sampler *s, struct proc_entry *e, const char *text)
{
	if (!s->hier || !s->hier->version)
		return;
	char raw[PATH_MAX], rel[PATH_MAX];
	if (proc_cgroup_parse(text, s->hier->version, raw, sizeof(raw)) != 0)
		return;
	cgroup_path_relative(s->hier, raw, rel, sizeof(rel));
	set_cgroup(e, rel);
}

/* The cgroup of pid from the caller's lookup, or NULL: read /proc/PID/cgroup. */
static const char *looked_up_cgroup(const struct proc_sampler *s, pid_t pid)
{
	return s->cgroup_lookup && s->hier && s->hier->version ? s->cgroup_lookup(s->cgroup_ctx, pid) : NULL;
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

static int64_t read_small_int(struct proc_sampler *s, const struct proc_entry *e, enum proc_held_file f)
{
	char buf[32];
	return read_file(s, e, f, proc_held_name(f), buf, sizeof(buf)) > 0 ? small_int(buf) : VAL_UNKNOWN;
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

/* status is the costly file (the kernel formats ~55 lines, 9 µs held, 13 opened on 6.18)
 * and statm the cheap one (7 numbers) that moves whenever the memory status shows does:
 * VmRSS = statm resident, RssFile + RssShmem = shared, VmPTE grows and shrinks with
 * faults and unmaps (resident, size), VmSwap with swap-out and swap-in (resident), an exec
 * or an exit (zombie: all zero) replaces or drops the mm. So status is re-read only when
 * statm's text changed, when the row has no values yet, and anyway every
 * PROC_SAMPLER_STATUS_EVERY refreshes (staggered by pid), which bounds what statm cannot
 * show: Threads when a thread starts on a cached stack, Uid after setuid, PPid after a
 * reparent, the RssFile/RssShmem split.
 *
 * statm itself is read every refresh until it has not changed for PROC_SAMPLER_IDLE_AFTER
 * reads, then every PROC_SAMPLER_IDLE_STATM_EVERY refreshes (staggered) until it changes,
 * or the fd count does (an exit leaves a zombie with no fds). Most processes are idle most
 * of the time; one that wakes up shows it at most PROC_SAMPLER_IDLE_STATM_EVERY - 1
 * refreshes late, which a leak rate over a window of minutes does not see. */
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

/* Take the values of a status text (parsed into st) into the row r. False when the
 * process is gone: a zombie, or one exiting whose memory is already gone (no Vm lines:
 * exit_mm ran, or the OOM reaper took it). Its row keeps the last real values (an OOM
 * victim's RSS at death), as the writer treats a zombie as gone. Kernel threads, which
 * never had Vm lines, are not read here. */
static bool take_status(struct proc_row *r, struct proc_status *st, const char *text, bool *score_inputs_same)
{
	if (proc_status_parse(text, st) != 0 || st->state == 'Z' || st->state == 'X' || !val_known(st->rss_bytes))
		return false;
	*score_inputs_same = st->rss_bytes == r->rss_bytes && st->swap_bytes == r->swap_bytes &&
			     st->pgtables_bytes == r->pgtables_bytes;
	r->rss_bytes = st->rss_bytes;
	r->rss_anon_bytes = st->rss_anon_bytes;
	r->rss_file_bytes = st->rss_file_bytes;
	r->rss_shmem_bytes = st->rss_shmem_bytes;
	r->swap_bytes = st->swap_bytes;
	r->pgtables_bytes = st->pgtables_bytes;
	r->threads = st->threads;
	if (val_known(st->ppid))
		r->ppid = (pid_t)st->ppid;
	return true;
}

/* The executable /proc/PID/exe leads to: its device and inode (the link followed, so a
 * binary deleted or replaced on disk still reads as the same file). False when it cannot
 * be read: another user's process without root, a kernel thread, an exiting process. */
static bool read_image(const struct proc_sampler *s, const struct proc_entry *e, uint64_t *dev, uint64_t *ino)
{
	struct stat st;
	int dir = e->held_fds[PROC_HELD_DIR];
	char path[64];
	pid_path(path, e->row.pid, "exe");
	if (fstatat(dir >= 0 ? dir : s->proc_fd, dir >= 0 ? "exe" : path, &st, 0) != 0)
		return false;
	*dev = (uint64_t)st.st_dev;
	*ino = (uint64_t)st.st_ino;
	return true;
}

/* status says another name than before: the process renamed itself (prctl PR_SET_NAME,
 * a thread pool naming its main thread) or became another program (exec). An exec
 * changes the executable; a rename does not. Where the executable cannot be read, the
 * command line tells: exec gives a new one, PR_SET_NAME leaves it (setproctitle changes
 * it: read as an exec then, a new series, never a second row). A rename only changes the
 * name; an exec also the command line, and its series start again: the new image's
 * memory is not the old one's. Either way it stays one row: (pid, start time) is one
 * process. An exec of the same executable file reads as a rename. */
static void take_new_name(struct proc_sampler *s, struct proc_entry *e, const char *name)
{
	uint64_t dev = 0, ino = 0;
	bool image = read_image(s, e, &dev, &ino);
	char cmdline[PROC_ENTRY_CMDLINE_MAX_BYTES + 1];
	bool have_cmdline = false, exec;
	if (image && e->image_known) {
		exec = dev != e->image_dev || ino != e->image_ino;
	} else {
		ssize_t n = read_file(s, e, PROC_HELD_NFILES, "cmdline", cmdline, sizeof(cmdline));
		proc_entry_join_cmdline(cmdline, n);
		have_cmdline = n >= 0;
		exec = have_cmdline && strcmp(cmdline, e->cmdline) != 0;
	}
	proc_entry_set_comm(e, name);
	e->image_known = image;
	e->image_dev = dev;
	e->image_ino = ino;
	if (!exec)
		return;
	if (!have_cmdline) {
		ssize_t n = read_file(s, e, PROC_HELD_NFILES, "cmdline", cmdline, sizeof(cmdline));
		proc_entry_join_cmdline(cmdline, n);
		have_cmdline = n >= 0;
	}
	if (have_cmdline)
		proc_entry_set_cmdline(e, cmdline);
	leak_reset(&e->rss_hist);
	leak_reset(&e->fd_hist);
	leak_reset(&e->thread_hist);
	e->statm_same = 0;
}

/* The values are read into a copy of the row and taken only once the sample is proved
 * (see the top of sampler.h): through the pin every read is the pinned process's or
 * fails; by path, the start time read last must still be the one met.
 *
 * oom_score is not re-read when nothing it depends on has changed (see
 * proc_sampler_set_totals). */
/* A failed read: the process gone, or only we short of descriptors or memory. */
static enum proc_sample failed(ssize_t r)
{
	return r < 0 && util_errno_starved((int)-r) ? PROC_SAMPLE_NO_ROOM : PROC_SAMPLE_GONE;
}

enum proc_sample proc_sampler_sample(struct proc_sampler *s, struct proc_entry *e)
{
	char buf[4096], cg[4096];
	pid_t pid = e->row.pid;
	const char *cgroup = looked_up_cgroup(s, pid);
	bool cgroup_due = !cgroup && (!e->cgroup_read || due(s, pid, PROC_SAMPLER_CGROUP_EVERY, 0));
	if (e->row.kernel_thread) {
		/* nothing of theirs changes that oomtop shows but the cgroup, read once */
		if (cgroup)
			set_cgroup(e, cgroup);
		else if (!e->cgroup_read && read_file(s, e, PROC_HELD_NFILES, "cgroup", cg, sizeof(cg)) > 0)
			reread_cgroup(s, e, cg);
		e->cgroup_read = true;
		return PROC_SAMPLE_TAKEN;
	}
	struct proc_row r = e->row;
	bool pinned = e->held_fds[PROC_HELD_DIR] >= 0;

	/* through the pin (or a file held relative to it) this fails once the process is
	 * reaped: read every refresh, it shows the process still there */
	ssize_t n = read_file(s, e, PROC_HELD_ADJ, "oom_score_adj", buf, 32);
	if (n <= 0)
		return failed(n);
	int64_t adj = small_int(buf);
	bool fds_moved = false;
	if (s->kernel.fd_count_by_size || due(s, pid, PROC_SAMPLER_FD_COUNT_EVERY, 0) || !val_known(r.fds)) {
		int64_t fds = count_fds(s, e);
		fds_moved = fds != r.fds;
		r.fds = fds;
	}
	bool cgroup_read = cgroup_due && read_file(s, e, PROC_HELD_NFILES, "cgroup", cg, sizeof(cg)) > 0;
	if (proc_limits_due(r.fds, r.fd_limit, s->seq, pid)) { /* rarely: core/proc/limits.h */
		struct proc_limits lim;
		n = read_file(s, e, PROC_HELD_NFILES, "limits", buf, sizeof(buf));
		r.fd_limit = n > 0 && proc_limits_parse(buf, &lim) == 0 ? proc_limits_fd_limit(&lim) : VAL_UNKNOWN;
	}

	uint64_t statm_hash = e->statm_hash;
	unsigned statm_same = e->statm_same;
	bool statm_moved = false;
	if (!s->one_shot && (statm_same < PROC_SAMPLER_IDLE_AFTER || fds_moved ||
			     due(s, pid, PROC_SAMPLER_IDLE_STATM_EVERY, PROC_SAMPLER_IDLE_STATM_EVERY - 1))) {
		n = read_file(s, e, PROC_HELD_STATM, "statm", buf, sizeof(buf));
		if (n <= 0)
			return failed(n);
		statm_hash = text_hash(buf, (size_t)n);
		statm_moved = statm_hash != e->statm_hash && e->statm_hash != 0; /* 0: the first read */
		statm_same = statm_moved ? 0 : statm_same < UINT8_MAX ? statm_same + 1 : statm_same;
	}
	bool score_inputs_same = true;
	struct proc_status st;
	bool status_read = false;
	if (statm_moved || !val_known(r.rss_bytes) ||
	    due(s, pid, PROC_SAMPLER_STATUS_EVERY, PROC_SAMPLER_STATUS_EVERY / 4)) {
		n = read_file(s, e, PROC_HELD_STATUS, "status", buf, sizeof(buf));
		if (n <= 0)
			return failed(n);
		if (!take_status(&r, &st, buf, &score_inputs_same))
			return PROC_SAMPLE_GONE;
		status_read = true;
	}
	score_inputs_same = score_inputs_same && adj == r.oom_score_adj;
	r.oom_score_adj = adj;
	if (!s->kernel.score_by_inputs || !score_inputs_same || !val_known(r.oom_score) || s->totals_changed ||
	    due(s, pid, PROC_SAMPLER_SCORE_EVERY, PROC_SAMPLER_SCORE_EVERY / 2))
		r.oom_score = read_small_int(s, e, PROC_HELD_SCORE);

	if (!pinned) {
		/* by path, last: the process met is still there, so it was there all along */
		struct proc_stat sf;
		n = read_file(s, e, PROC_HELD_NFILES, "stat", buf, sizeof(buf));
		if (n <= 0)
			return failed(n);
		if (proc_stat_parse(buf, &sf) != 0 || sf.start_ticks != r.start_ticks)
			return PROC_SAMPLE_GONE;
	}
	e->row = r;
	e->statm_hash = statm_hash;
	e->statm_same = (uint8_t)statm_same;
	if (status_read) {
		if (!e->name_hash && !s->one_shot) /* the first sample: what it runs */
			e->image_known = read_image(s, e, &e->image_dev, &e->image_ino);
		else if (e->name_hash && st.name_hash != e->name_hash)
			take_new_name(s, e, st.name);
		e->name_hash = st.name_hash;
	}
	if (cgroup) {
		e->cgroup_read = true;
		set_cgroup(e, cgroup);
	} else if (cgroup_due) {
		e->cgroup_read = true;
		if (cgroup_read)
			reread_cgroup(s, e, cg);
	}
	if (!s->one_shot)
		track_slopes(s, e);
	return PROC_SAMPLE_TAKEN;
}
