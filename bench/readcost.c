/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bench/readcost.c — what each way of reading a process's /proc files costs here, per
 * process: CPU time and the kernel memory a held file pins. The measurements behind
 * core/proc/held.h and the README's "What oomtop costs".
 *
 *   readcost [-r ROUNDS] [-g CGROUP_DIR] [-u]
 *
 * Over every user-space process on the machine (bench/spawn makes them), ROUNDS rounds
 * (default 5) of each way, interleaved (the order rotates each round), median µs per
 * process of this process's CPU time (user + system; with io_uring its io-wq workers
 * included) and of wall time:
 *   path:F    openat("/proc", "PID/F") + pread + close
 *   held:F    pread of F opened once (statm, status, oom_score, oom_score_adj)
 *   dir:F     openat(dirfd, "F") + pread + close, dirfd /proc/PID held O_PATH
 *   fds:path, fds:held, fds:dir   the fd count: fstatat "PID/fd", fstat of fd/ held O_PATH,
 *             fstatat(dirfd, "fd")
 *   open:dir  openat("/proc", "PID", O_PATH | O_DIRECTORY) + close
 *   uring:dir:statm, uring:held:statm (-u)   the same batched with io_uring, 128
 *             processes a submission: linked openat (direct descriptor) + read + close,
 *             or reads of registered held files
 * With -g, an empty memory cgroup directory (v1 or v2) that readcost moves itself into
 * after the timing rounds: the kernel memory charged per process for holding each kind of
 * file (memory.kmem.usage_in_bytes, or memory.stat "kernel" on v2), the files opened
 * (and read once) and closed again, twice: "cold" when the first open makes the file's
 * dentry and inode (-c N: N new child processes, so that none exists yet), "warm" when
 * they exist. A held file pins its dentry and inode: whoever made them was charged.
 * Prints "name cpu_us wall_us" lines, then "kmem:KIND bytes" lines. Never fails a build. */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/io_uring.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int proc_fd;
static pid_t *pids;
static size_t npids;
static int *dirfds;
static int *held[4];
static int *pathfds;
static const char *const held_names[4] = {"statm", "status", "oom_score", "oom_score_adj"};

static double now_s(clockid_t c)
{
	struct timespec ts;
	clock_gettime(c, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU of the whole process: io_uring's io-wq workers are its threads */
static double cpu_s(void)
{
	return now_s(CLOCK_PROCESS_CPUTIME_ID);
}

static bool kernel_thread(pid_t pid)
{
	char path[64], buf[1024];
	snprintf(path, sizeof(path), "%d/stat", (int)pid);
	int fd = openat(proc_fd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return true;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return true;
	buf[n] = '\0';
	const char *p = strrchr(buf, ')');
	unsigned long flags = 0;
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %lu", &flags) != 1)
		return true;
	return (flags & 0x00200000) != 0; /* PF_KTHREAD */
}

static void list_pids(void)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	size_t cap = 0;
	while (d && (de = readdir(d))) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		pid_t p = (pid_t)atoi(de->d_name);
		if (p == getpid() || kernel_thread(p))
			continue;
		if (npids == cap) {
			cap = cap ? cap * 2 : 1024;
			pids = realloc(pids, cap * sizeof(*pids));
			if (!pids)
				exit(1);
		}
		pids[npids++] = p;
	}
	if (d)
		closedir(d);
}

static int path_open(pid_t pid, const char *name, int flags)
{
	char path[64];
	snprintf(path, sizeof(path), "%d/%s", (int)pid, name);
	return openat(proc_fd, path, flags | O_CLOEXEC);
}

static volatile long sink;

static void read_close(int fd)
{
	char buf[4096];
	if (fd < 0)
		return;
	sink += pread(fd, buf, sizeof(buf), 0);
	close(fd);
}

/* ---- the ways, each over every process ---- */

static void by_path(const char *name)
{
	for (size_t i = 0; i < npids; i++)
		read_close(path_open(pids[i], name, O_RDONLY));
}

static void by_held(int which)
{
	char buf[4096];
	for (size_t i = 0; i < npids; i++)
		if (held[which][i] >= 0)
			sink += pread(held[which][i], buf, sizeof(buf), 0);
}

static void by_dir(const char *name)
{
	for (size_t i = 0; i < npids; i++)
		if (dirfds[i] >= 0)
			read_close(openat(dirfds[i], name, O_RDONLY | O_CLOEXEC));
}

static void fds_path(void)
{
	struct stat st;
	char path[64];
	for (size_t i = 0; i < npids; i++) {
		snprintf(path, sizeof(path), "%d/fd", (int)pids[i]);
		sink += fstatat(proc_fd, path, &st, 0) == 0 ? st.st_size : 0;
	}
}

static void fds_held(void)
{
	struct stat st;
	for (size_t i = 0; i < npids; i++)
		if (pathfds[i] >= 0)
			sink += fstat(pathfds[i], &st) == 0 ? st.st_size : 0;
}

static void fds_dir(void)
{
	struct stat st;
	for (size_t i = 0; i < npids; i++)
		if (dirfds[i] >= 0)
			sink += fstatat(dirfds[i], "fd", &st, 0) == 0 ? st.st_size : 0;
}

static void open_dir(void)
{
	char path[32];
	for (size_t i = 0; i < npids; i++) {
		snprintf(path, sizeof(path), "%d", (int)pids[i]);
		int fd = openat(proc_fd, path, O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (fd >= 0)
			close(fd);
	}
}

/* ---- io_uring, by raw syscalls (no liburing here) ---- */

#define URING_BATCH 128 /* processes a submission: 3 SQEs each */

struct uring {
	int fd;
	unsigned *sq_tail, *sq_mask, *sq_array, *cq_head, *cq_tail, *cq_mask;
	struct io_uring_sqe *sqes;
	struct io_uring_cqe *cqes;
	bool ok;
};
static struct uring ur;
static char (*ubuf)[4096];

static void uring_init(void)
{
	struct io_uring_params p;
	memset(&p, 0, sizeof(p));
	ur.fd = (int)syscall(__NR_io_uring_setup, URING_BATCH * 4, &p);
	if (ur.fd < 0)
		return;
	size_t sq_len = p.sq_off.array + p.sq_entries * sizeof(unsigned);
	size_t cq_len = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
	if (p.features & IORING_FEAT_SINGLE_MMAP)
		sq_len = cq_len = sq_len > cq_len ? sq_len : cq_len;
	char *sq = mmap(NULL, sq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ur.fd, IORING_OFF_SQ_RING);
	char *cq = (p.features & IORING_FEAT_SINGLE_MMAP)
			   ? sq
			   : mmap(NULL, cq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ur.fd, IORING_OFF_CQ_RING);
	ur.sqes = mmap(NULL, p.sq_entries * sizeof(struct io_uring_sqe), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_POPULATE, ur.fd, IORING_OFF_SQES);
	if (sq == MAP_FAILED || cq == MAP_FAILED || ur.sqes == MAP_FAILED)
		return;
	ur.sq_tail = (unsigned *)(sq + p.sq_off.tail);
	ur.sq_mask = (unsigned *)(sq + p.sq_off.ring_mask);
	ur.sq_array = (unsigned *)(sq + p.sq_off.array);
	ur.cq_head = (unsigned *)(cq + p.cq_off.head);
	ur.cq_tail = (unsigned *)(cq + p.cq_off.tail);
	ur.cq_mask = (unsigned *)(cq + p.cq_off.ring_mask);
	ur.cqes = (struct io_uring_cqe *)(cq + p.cq_off.cqes);
	int sparse[URING_BATCH];
	for (int i = 0; i < URING_BATCH; i++)
		sparse[i] = -1;
	if (syscall(__NR_io_uring_register, ur.fd, IORING_REGISTER_FILES, sparse, URING_BATCH) != 0)
		return;
	ubuf = malloc(sizeof(*ubuf) * URING_BATCH);
	ur.ok = ubuf != NULL;
}

static struct io_uring_sqe *uring_sqe(void)
{
	unsigned tail = *ur.sq_tail;
	unsigned idx = tail & *ur.sq_mask;
	struct io_uring_sqe *s = &ur.sqes[idx];
	memset(s, 0, sizeof(*s));
	ur.sq_array[idx] = idx;
	__atomic_store_n(ur.sq_tail, tail + 1, __ATOMIC_RELEASE);
	return s;
}

static void uring_submit_wait(unsigned n)
{
	unsigned done = 0;
	while (done < n) {
		long r = syscall(__NR_io_uring_enter, ur.fd, done == 0 ? n : 0, n - done, IORING_ENTER_GETEVENTS, NULL, 0);
		if (r < 0 && errno != EINTR)
			return;
		unsigned head = *ur.cq_head, tail = __atomic_load_n(ur.cq_tail, __ATOMIC_ACQUIRE);
		for (; head != tail; head++, done++)
			sink += ur.cqes[head & *ur.cq_mask].res;
		__atomic_store_n(ur.cq_head, head, __ATOMIC_RELEASE);
	}
}

static void uring_dir_statm(void)
{
	for (size_t off = 0; off < npids; off += URING_BATCH) {
		unsigned n = 0;
		for (size_t i = off; i < npids && i < off + URING_BATCH; i++) {
			if (dirfds[i] < 0)
				continue;
			unsigned slot = (unsigned)(i - off);
			struct io_uring_sqe *s = uring_sqe();
			s->opcode = IORING_OP_OPENAT;
			s->fd = dirfds[i];
			s->addr = (uint64_t)(uintptr_t)"statm";
			s->open_flags = O_RDONLY;
			s->file_index = slot + 1;
			s->flags = IOSQE_IO_LINK;
			s = uring_sqe();
			s->opcode = IORING_OP_READ;
			s->fd = (int)slot;
			s->flags = IOSQE_FIXED_FILE | IOSQE_IO_LINK;
			s->addr = (uint64_t)(uintptr_t)ubuf[slot];
			s->len = sizeof(ubuf[0]);
			s = uring_sqe();
			s->opcode = IORING_OP_CLOSE;
			s->file_index = slot + 1;
			n += 3;
		}
		uring_submit_wait(n);
	}
}

static void uring_held_statm(void)
{
	for (size_t off = 0; off < npids; off += URING_BATCH) {
		unsigned n = 0;
		for (size_t i = off; i < npids && i < off + URING_BATCH; i++) {
			if (held[0][i] < 0)
				continue;
			struct io_uring_sqe *s = uring_sqe();
			s->opcode = IORING_OP_READ;
			s->fd = held[0][i];
			s->addr = (uint64_t)(uintptr_t)ubuf[i - off];
			s->len = sizeof(ubuf[0]);
			n++;
		}
		uring_submit_wait(n);
	}
}

/* ---- the table of ways ---- */

struct way {
	char name[32];
	void (*fn)(void);
	const char *arg;
	int which;
	double cpu[64], wall[64];
};

static const char *cur_arg;
static int cur_which;
static void w_path(void) { by_path(cur_arg); }
static void w_held(void) { by_held(cur_which); }
static void w_dir(void) { by_dir(cur_arg); }

static int dcmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), dcmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- kernel memory per held file ---- */

/* N children that pause until this process ends (they die with it): their /proc files
 * were never looked up, so the first open makes the dentries and inodes. They replace
 * the machine's processes in pids[]. */
static void spawn_children(int n)
{
	npids = 0;
	pids = realloc(pids, (size_t)n * sizeof(*pids));
	dirfds = realloc(dirfds, (size_t)n * sizeof(*dirfds));
	if (!pids || !dirfds)
		exit(1);
	for (int i = 0; i < n; i++) {
		pid_t c = fork();
		if (c < 0)
			break;
		if (c == 0) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			for (;;)
				pause();
		}
		pids[npids++] = c;
	}
}


static long long kmem_now(const char *cg)
{
	char path[4200], buf[8192];
	snprintf(path, sizeof(path), "%s/memory.kmem.usage_in_bytes", cg);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		ssize_t n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		return n > 0 ? (buf[n] = '\0', atoll(buf)) : -1;
	}
	snprintf(path, sizeof(path), "%s/memory.stat", cg);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	const char *k = strstr(buf, "\nkernel ");
	return k ? atoll(k + 8) : -1;
}

static void kmem_of(const char *cg, const char *kind, const char *name, int flags, bool by_dirfd, const char *when)
{
	int *fds = malloc(npids * sizeof(int));
	if (!fds)
		return;
	long long k0 = kmem_now(cg);
	size_t ok = 0;
	char buf[4096];
	for (size_t i = 0; i < npids; i++) {
		fds[i] = by_dirfd ? (dirfds[i] >= 0 ? openat(dirfds[i], name, flags | O_CLOEXEC) : -1)
				  : path_open(pids[i], name, flags);
		if (fds[i] >= 0 && !(flags & O_PATH))
			sink += pread(fds[i], buf, sizeof(buf), 0); /* a seq_file's buffer comes at the first read */
		ok += fds[i] >= 0;
	}
	long long k1 = kmem_now(cg);
	for (size_t i = 0; i < npids; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	free(fds);
	if (k0 >= 0 && k1 >= 0 && ok)
		printf("kmem:%s:%s %.0f\n", kind, when, (double)(k1 - k0) / (double)ok);
}

int main(int argc, char **argv)
{
	int rounds = 5, opt, cold = 0;
	const char *cg = NULL;
	bool with_uring = false;
	while ((opt = getopt(argc, argv, "r:g:uc:")) != -1) {
		switch (opt) {
		case 'c': cold = atoi(optarg); break;
		case 'r': rounds = atoi(optarg); break;
		case 'g': cg = optarg; break;
		case 'u': with_uring = true; break;
		default:
			fprintf(stderr, "usage: readcost [-r ROUNDS] [-g CGROUP_DIR [-c N]] [-u]\n");
			return 2;
		}
	}
	if (rounds < 1 || rounds > 64)
		rounds = 5;
	struct rlimit rl;
	getrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_cur = rl.rlim_max;
	setrlimit(RLIMIT_NOFILE, &rl);
	proc_fd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	list_pids();
	/* held files for the held ways: at most what the fd limit allows, the rest left out */
	size_t room = rl.rlim_cur > 64 ? (size_t)rl.rlim_cur - 64 : 0;
	dirfds = malloc(npids * sizeof(int));
	pathfds = malloc(npids * sizeof(int));
	for (int h = 0; h < 4; h++)
		held[h] = malloc(npids * sizeof(int));
	if (!dirfds || !pathfds || !held[3])
		return 1;
	size_t nheld = npids < room ? npids : room; /* dir fds first: they are what is held most */
	for (size_t i = 0; i < npids; i++) {
		char path[32];
		snprintf(path, sizeof(path), "%d", (int)pids[i]);
		dirfds[i] = i < nheld ? openat(proc_fd, path, O_PATH | O_DIRECTORY | O_CLOEXEC) : -1;
	}
	printf("# %zu user-space processes, %d rounds; dir fds for %zu\n", npids, rounds, nheld);

	struct way ways[32];
	int nw = 0;
	const char *path_files[] = {"statm", "status", "oom_score", "oom_score_adj", "stat", "cgroup", "cmdline"};
	for (size_t f = 0; f < sizeof(path_files) / sizeof(path_files[0]); f++) {
		ways[nw] = (struct way){.fn = w_path, .arg = path_files[f]};
		snprintf(ways[nw++].name, sizeof(ways[0].name), "path:%s", path_files[f]);
		ways[nw] = (struct way){.fn = w_dir, .arg = path_files[f]};
		snprintf(ways[nw++].name, sizeof(ways[0].name), "dir:%s", path_files[f]);
	}
	for (int h = 0; h < 4; h++) {
		ways[nw] = (struct way){.fn = w_held, .which = h};
		snprintf(ways[nw++].name, sizeof(ways[0].name), "held:%s", held_names[h]);
	}
	ways[nw++] = (struct way){"fds:path", fds_path, NULL, 0, {0}, {0}};
	ways[nw++] = (struct way){"fds:held", fds_held, NULL, 0, {0}, {0}};
	ways[nw++] = (struct way){"fds:dir", fds_dir, NULL, 0, {0}, {0}};
	ways[nw++] = (struct way){"open:dir", open_dir, NULL, 0, {0}, {0}};
	if (with_uring) {
		uring_init();
		if (ur.ok) {
			ways[nw++] = (struct way){"uring:dir:statm", uring_dir_statm, NULL, 0, {0}, {0}};
			ways[nw++] = (struct way){"uring:held:statm", uring_held_statm, NULL, 0, {0}, {0}};
		} else {
			printf("# io_uring unavailable: %s\n", strerror(errno));
		}
	}

	for (int r = 0; r < rounds; r++) {
		for (int k = 0; k < nw; k++) {
			struct way *w = &ways[(k + r) % nw];
			/* the held files of this way only, opened (and read once) outside the timing:
			 * the fd limit cannot hold every kind at 10,000 processes */
			bool is_held = w->fn == w_held || w->fn == fds_held || w->fn == uring_held_statm;
			int *hf = w->fn == fds_held ? pathfds : held[w->fn == w_held ? w->which : 0];
			const char *hn = w->fn == fds_held ? "fd" : held_names[w->fn == w_held ? w->which : 0];
			if (is_held) {
				for (size_t i = 0; i < npids; i++) {
					hf[i] = i < nheld - 1 ? path_open(pids[i], hn, w->fn == fds_held ? O_PATH : O_RDONLY)
							      : -1;
					if (hf[i] >= 0 && w->fn != fds_held)
						read_close(dup(hf[i]));
				}
				for (size_t i = 0; i < npids; i++) /* fd limit: the dir fds step aside */
					if (dirfds[i] >= 0)
						close(dirfds[i]), dirfds[i] = -1;
			}
			cur_arg = w->arg;
			cur_which = w->which;
			double c0 = cpu_s(), t0 = now_s(CLOCK_MONOTONIC);
			w->fn();
			double c1 = cpu_s(), t1 = now_s(CLOCK_MONOTONIC);
			w->cpu[r] = (c1 - c0) * 1e6 / (double)npids;
			w->wall[r] = (t1 - t0) * 1e6 / (double)npids;
			if (is_held) {
				for (size_t i = 0; i < npids; i++)
					if (hf[i] >= 0)
						close(hf[i]), hf[i] = -1;
				for (size_t i = 0; i < nheld; i++) {
					char path[32];
					snprintf(path, sizeof(path), "%d", (int)pids[i]);
					dirfds[i] = openat(proc_fd, path, O_PATH | O_DIRECTORY | O_CLOEXEC);
				}
			}
		}
	}
	printf("# way cpu_us wall_us (median per process)\n");
	for (int k = 0; k < nw; k++)
		printf("%s %.2f %.2f\n", ways[k].name, median(ways[k].cpu, rounds), median(ways[k].wall, rounds));

	if (cg) {
		char path[4200];
		snprintf(path, sizeof(path), "%s/cgroup.procs", cg);
		int fd = open(path, O_WRONLY | O_CLOEXEC);
		if (fd < 0 || write(fd, "0", 1) != 1) {
			printf("# cannot move into %s: %s\n", cg, strerror(errno));
			return 0;
		}
		close(fd);
		for (size_t i = 0; i < npids; i++) /* measured alone: they are held here too */
			if (dirfds[i] >= 0)
				close(dirfds[i]), dirfds[i] = -1;
		if (cold > 0) { /* new processes: no dentry of theirs exists yet */
			spawn_children(cold);
			nheld = npids < room ? npids : room;
		}
		/* twice: the first open of a file may make its dentry and inode (cold), which
		 * the held file then pins; the second finds them (warm) */
		for (int pass = 0; pass < 2; pass++) {
			const char *when = pass ? "warm" : (cold > 0 ? "cold" : "warm");
			kmem_of(cg, "dir", "", O_PATH | O_DIRECTORY, false, when);
			for (size_t i = 0; i < npids && i < nheld; i++) {
				char p[32];
				snprintf(p, sizeof(p), "%d", (int)pids[i]);
				dirfds[i] = openat(proc_fd, p, O_PATH | O_DIRECTORY | O_CLOEXEC);
			}
			kmem_of(cg, "statm", "statm", O_RDONLY, true, when);
			kmem_of(cg, "status", "status", O_RDONLY, true, when);
			kmem_of(cg, "oom_score", "oom_score", O_RDONLY, true, when);
			kmem_of(cg, "oom_score_adj", "oom_score_adj", O_RDONLY, true, when);
			kmem_of(cg, "fd-opath", "fd", O_PATH | O_DIRECTORY, true, when);
			for (size_t i = 0; i < npids; i++)
				if (dirfds[i] >= 0)
					close(dirfds[i]), dirfds[i] = -1;
		}
	}
	return 0;
}
