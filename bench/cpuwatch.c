/* bench/cpuwatch.c — CPU per refresh, peak RSS and time to the first snapshot.
 *
 *   cpuwatch -m MARKER [-s SKIP] -t SECS -- COMMAND [ARGS...]
 *       Runs COMMAND with stdout on a pipe. A frame starts at each line that begins with
 *       MARKER. Samples the child's utime+stime (/proc/PID/stat) when frame 1 appears
 *       (with -s: the first frame SKIP seconds or more after frame 1, e.g. once oomtop's
 *       leak-rate window holds enough samples to print rates),
 *       and again at the first frame that starts SECS or more later; the difference over
 *       the frames in between is the steady-state cost per refresh (the first refresh,
 *       start-up and exit are outside the window). Then SIGTERM, wait4 for the peak RSS.
 *   cpuwatch -p PID -t SECS
 *       utime+stime of a running PID over SECS seconds, and its VmHWM.
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

/* /proc/PID/NAME into buf (NUL-terminated); false when the process is gone. */
static bool read_proc(pid_t pid, const char *name, char *buf, size_t cap)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, name);
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
	fprintf(stderr, "usage: cpuwatch -m MARKER [-s SKIP] -t SECS -- COMMAND [ARGS...]\n"
			"       cpuwatch -p PID -t SECS\n");
	exit(2);
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
	printf("cpu_ms=%.1f user_ms=%.1f sys_ms=%.1f hwm_kb=%ld\n", (double)(u1 - u0 + s1 - s0) * 1000.0 / (double)hz,
	       (double)(u1 - u0) * 1000.0 / (double)hz, (double)(s1 - s0) * 1000.0 / (double)hz, hwm_kb(pid));
	return 0;
}

int main(int argc, char **argv)
{
	const char *marker = NULL;
	double secs = 5, skip = 0;
	pid_t pid = 0;
	int opt;
	while ((opt = getopt(argc, argv, "+m:t:p:s:")) != -1) {
		switch (opt) {
		case 's': skip = atof(optarg); break;
		case 'm': marker = optarg; break;
		case 't': secs = atof(optarg); break;
		case 'p': pid = (pid_t)atol(optarg); break;
		default: usage();
		}
	}
	if (pid > 0)
		return attached(pid, secs);
	if (!marker || !*marker || optind >= argc)
		usage();

	int p[2];
	if (pipe(p) != 0) {
		perror("cpuwatch: pipe");
		return 1;
	}
	double t_start = mono_s();
	pid_t c = fork();
	if (c < 0) {
		perror("cpuwatch: fork");
		return 1;
	}
	if (c == 0) {
		int devnull = open("/dev/null", O_RDWR);
		dup2(devnull, 0);
		dup2(devnull, 2);
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execvp(argv[optind], argv + optind);
		_exit(127);
	}
	close(p[1]);
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
		ssize_t n = read(p[0], buf, sizeof(buf));
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
	printf("first_ms=%.0f frames=%ld cpu_ms=%.2f user_ms=%.2f sys_ms=%.2f hwm_kb=%ld\n", t_first * 1000.0,
	       window_frames, (double)(u1 - u0 + s1 - s0) * 1000.0 / (double)hz / f,
	       (double)(u1 - u0) * 1000.0 / (double)hz / f, (double)(s1 - s0) * 1000.0 / (double)hz / f,
	       ru.ru_maxrss);
	return 0;
}
