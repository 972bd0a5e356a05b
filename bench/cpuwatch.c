/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bench/cpuwatch.c — CPU per refresh, peak RSS, the memory charged to a cgroup, the time
 * to the first snapshot and the time of a one-shot run.
 *
 *   cpuwatch [-g CGROUP] -m MARKER [-s SKIP] -t SECS -- COMMAND [ARGS...]
 *       Runs COMMAND with stdout on a pipe. A frame starts at each line that begins with
 *       MARKER. Samples the child's utime+stime (/proc/PID/stat) when frame 1 appears
 *       (with -s: the first frame SKIP seconds or more after frame 1, e.g. once oomtop's
 *       leak-rate window holds enough samples to print rates),
 *       and again at the first frame that starts SECS or more later; the difference over
 *       the frames in between is the steady-state cost per refresh (the first refresh,
 *       start-up and exit are outside the window). Then SIGTERM, wait4 for the peak RSS.
 *   cpuwatch [-g CGROUP] -p PID -t SECS
 *       utime+stime of a running PID over SECS seconds, and its VmHWM.
 *   cpuwatch [-g CGROUP] -1 -- COMMAND [ARGS...]
 *       Runs COMMAND to its end (stdout read and dropped): wall_ms from fork to its exit,
 *       cpu_ms, user_ms and sys_ms of the whole run (wait4), hwm_kb.
 *
 * -g: the child joins the memory cgroup directory CGROUP (made empty for this run by the
 * caller) before it execs, and the memory charged to it is printed: mem_peak_kb (v1
 * memory.max_usage_in_bytes, v2 memory.peak: user and kernel memory), kmem_peak_kb (v1
 * memory.kmem.max_usage_in_bytes; v2 has no kernel peak: memory.stat's "kernel" at the
 * end of the window, or after a one-shot run). With -p the process must already be in it.
 *
 * Prints one line of key=value: first_ms (fork to frame 1), frames, cpu_ms, user_ms,
 * sys_ms (over the window), hwm_kb. Times in /proc/PID/stat are clock ticks (10 ms), so
 * the window should hold a second or more of CPU. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double mono_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A small file into buf (NUL-terminated); false when it cannot be read. */
static bool read_text(const char *path, char *buf, size_t cap)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, buf, cap - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	return true;
}

/* /proc/PID/NAME into buf; false when the process is gone. */
static bool read_proc(pid_t pid, const char *name, char *buf, size_t cap)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, name);
	return read_text(path, buf, cap);
}

/* utime and stime of pid, in clock ticks; -1 when it is gone. */
static int cpu_ticks(pid_t pid, long long *user, long long *sys)
{
	char buf[1024];
	if (!read_proc(pid, "stat", buf, sizeof(buf)))
		return -1;
	const char *p = strrchr(buf, ')');
	if (!p)
		return -1;
	/* after ")": state is field 3; utime 14, stime 15 */
	return sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lld %lld", user, sys) == 2 ? 0 : -1;
}

static long hwm_kb(pid_t pid)
{
	char buf[4096];
	if (!read_proc(pid, "status", buf, sizeof(buf)))
		return -1;
	const char *h = strstr(buf, "VmHWM:");
	return h ? atol(h + 6) : -1;
}

static void usage(void)
{
	fprintf(stderr, "usage: cpuwatch [-g CGROUP] -m MARKER [-s SKIP] -t SECS -- COMMAND [ARGS...]\n"
			"       cpuwatch [-g CGROUP] -p PID -t SECS\n"
			"       cpuwatch [-g CGROUP] -1 -- COMMAND [ARGS...]\n");
	exit(2);
}

static const char *cgroup_dir;
static long long kernel_at_end = -1; /* v2: memory.stat "kernel" at the end of the window */

/* A file of the cgroup into buf; false when it cannot be read. */
static bool cgroup_file(const char *file, char *buf, size_t cap)
{
	char path[4200];
	snprintf(path, sizeof(path), "%s/%s", cgroup_dir, file);
	return read_text(path, buf, cap);
}

/* A number file of the cgroup, or -1. */
static long long cgroup_value(const char *file)
{
	char buf[64];
	return cgroup_file(file, buf, sizeof(buf)) ? atoll(buf) : -1;
}

/* v2: memory.stat's "kernel" line (bytes), or -1 (v1, or a kernel before 5.18) */
static long long cgroup_kernel(void)
{
	char buf[8192];
	if (!cgroup_file("memory.stat", buf, sizeof(buf)))
		return -1;
	if (strncmp(buf, "kernel ", 7) == 0)
		return atoll(buf + 7);
	const char *k = strstr(buf, "\nkernel ");
	return k ? atoll(k + 8) : -1;
}

/* In the child, before exec: join the cgroup ("0" is the writer itself). */
static void join_cgroup(void)
{
	char path[4200];
	snprintf(path, sizeof(path), "%s/cgroup.procs", cgroup_dir);
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, "0", 1) != 1)
		_exit(126);
	close(fd);
}

/* " mem_peak_kb=... kmem_peak_kb=..." for the line printed, or "" without -g */
static const char *cgroup_peaks(void)
{
	static char out[128];
	if (!cgroup_dir)
		return "";
	long long peak = cgroup_value("memory.max_usage_in_bytes"); /* v1 */
	long long kpeak = cgroup_value("memory.kmem.max_usage_in_bytes");
	if (peak < 0) { /* v2 */
		peak = cgroup_value("memory.peak");
		kpeak = kernel_at_end >= 0 ? kernel_at_end : cgroup_kernel();
	}
	snprintf(out, sizeof(out), " mem_peak_kb=%lld kmem_peak_kb=%lld", peak < 0 ? -1 : peak / 1024,
		 kpeak < 0 ? -1 : kpeak / 1024);
	return out;
}

/* fork and exec COMMAND with stdout on a pipe (read end returned in *out_fd) */
static pid_t start(char **argv, int *out_fd)
{
	int p[2];
	if (pipe(p) != 0) {
		perror("cpuwatch: pipe");
		exit(1);
	}
	pid_t c = fork();
	if (c < 0) {
		perror("cpuwatch: fork");
		exit(1);
	}
	if (c == 0) {
		int devnull = open("/dev/null", O_RDWR);
		dup2(devnull, 0);
		dup2(devnull, 2);
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		if (cgroup_dir)
			join_cgroup();
		execvp(argv[0], argv);
		_exit(127);
	}
	close(p[1]);
	*out_fd = p[0];
	return c;
}

/* -1: the whole run of COMMAND */
static int one_shot(char **argv)
{
	double t0 = mono_s();
	int fd;
	pid_t c = start(argv, &fd);
	char buf[1 << 16];
	ssize_t n;
	while ((n = read(fd, buf, sizeof(buf))) != 0)
		if (n < 0 && errno != EINTR)
			break;
	int st;
	struct rusage ru;
	while (wait4(c, &st, 0, &ru) < 0 && errno == EINTR)
		;
	double wall = mono_s() - t0;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "cpuwatch: %s exited with status %d\n", argv[0], WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		return 1;
	}
	double user = (double)ru.ru_utime.tv_sec * 1e3 + (double)ru.ru_utime.tv_usec / 1e3;
	double sys = (double)ru.ru_stime.tv_sec * 1e3 + (double)ru.ru_stime.tv_usec / 1e3;
	printf("wall_ms=%.0f cpu_ms=%.1f user_ms=%.1f sys_ms=%.1f hwm_kb=%ld%s\n", wall * 1000.0, user + sys, user, sys,
	       ru.ru_maxrss, cgroup_peaks());
	return 0;
}

static int attached(pid_t pid, double secs)
{
	long hz = sysconf(_SC_CLK_TCK);
	long long u0, s0, u1, s1;
	if (cpu_ticks(pid, &u0, &s0) != 0) {
		fprintf(stderr, "cpuwatch: no process %d\n", (int)pid);
		return 1;
	}
	struct timespec ts = {(time_t)secs, (long)((secs - (double)(time_t)secs) * 1e9)};
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
	if (cpu_ticks(pid, &u1, &s1) != 0) {
		fprintf(stderr, "cpuwatch: process %d ended\n", (int)pid);
		return 1;
	}
	if (cgroup_dir)
		kernel_at_end = cgroup_kernel();
	printf("cpu_ms=%.1f user_ms=%.1f sys_ms=%.1f hwm_kb=%ld%s\n", (double)(u1 - u0 + s1 - s0) * 1000.0 / (double)hz,
	       (double)(u1 - u0) * 1000.0 / (double)hz, (double)(s1 - s0) * 1000.0 / (double)hz, hwm_kb(pid),
	       cgroup_peaks());
	return 0;
}

int main(int argc, char **argv)
{
	const char *marker = NULL;
	double secs = 5, skip = 0;
	pid_t pid = 0;
	bool once = false;
	int opt;
	while ((opt = getopt(argc, argv, "+m:t:p:s:g:1")) != -1) {
		switch (opt) {
		case 'g': cgroup_dir = optarg; break;
		case '1': once = true; break;
		case 's': skip = atof(optarg); break;
		case 'm': marker = optarg; break;
		case 't': secs = atof(optarg); break;
		case 'p': pid = (pid_t)atol(optarg); break;
		default: usage();
		}
	}
	if (pid > 0)
		return attached(pid, secs);
	if (once && optind < argc)
		return one_shot(argv + optind);
	if (!marker || !*marker || optind >= argc)
		usage();

	double t_start = mono_s();
	int out;
	pid_t c = start(argv + optind, &out);
	signal(SIGPIPE, SIG_IGN);

	long hz = sysconf(_SC_CLK_TCK);
	size_t mlen = strlen(marker);
	char buf[1 << 16];
	/* the last mlen bytes of the previous read, so a marker across two reads is found */
	char carry[256] = "\n";
	size_t ncarry = 1;
	if (mlen + 1 > sizeof(carry))
		usage();
	long frames = 0, window_frames = 0, start_frame = 0;
	double t_first = 0, t_frame1 = 0, t_start_window = 0;
	long long u0 = 0, s0 = 0, u1 = 0, s1 = 0;
	bool done = false, killed = false;
	for (;;) {
		ssize_t n = read(out, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (done)
			continue;
		/* scan carry+buf for "\n" MARKER */
		char scan[sizeof(carry) + sizeof(buf)];
		memcpy(scan, carry, ncarry);
		memcpy(scan + ncarry, buf, (size_t)n);
		size_t len = ncarry + (size_t)n;
		for (size_t i = 0; i + mlen < len; i++) {
			if (scan[i] != '\n' || memcmp(scan + i + 1, marker, mlen) != 0)
				continue;
			frames++;
			double now = mono_s();
			if (frames == 1) {
				t_first = now - t_start;
				t_frame1 = now;
			}
			if (!start_frame && now - t_frame1 >= skip) {
				start_frame = frames;
				t_start_window = now;
				cpu_ticks(c, &u0, &s0);
			} else if (start_frame && now - t_start_window >= secs) {
				cpu_ticks(c, &u1, &s1);
				if (cgroup_dir)
					kernel_at_end = cgroup_kernel();
				window_frames = frames - start_frame;
				done = true;
				kill(c, SIGTERM);
				killed = true;
				break;
			}
		}
		size_t keep = len < mlen ? len : mlen;
		memcpy(carry, scan + len - keep, keep);
		ncarry = keep;
	}
	if (!killed)
		kill(c, SIGTERM);
	int st;
	struct rusage ru;
	while (wait4(c, &st, 0, &ru) < 0 && errno == EINTR)
		;
	if (!done || window_frames <= 0) {
		fprintf(stderr, "cpuwatch: %s ended after %ld frames\n", argv[optind], frames);
		return 1;
	}
	double f = (double)window_frames;
	printf("first_ms=%.0f frames=%ld cpu_ms=%.2f user_ms=%.2f sys_ms=%.2f hwm_kb=%ld%s\n", t_first * 1000.0,
	       window_frames, (double)(u1 - u0 + s1 - s0) * 1000.0 / (double)hz / f,
	       (double)(u1 - u0) * 1000.0 / (double)hz / f, (double)(s1 - s0) * 1000.0 / (double)hz / f,
	       ru.ru_maxrss, cgroup_peaks());
	return 0;
}
