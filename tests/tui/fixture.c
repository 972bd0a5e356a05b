/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tests/tui/fixture.h"

#include <math.h>
#include <string.h>

#define MiB (1024LL * 1024)
#define GiB (1024LL * MiB)
#define NOW 1700000000.0 /* 2023-11-14 22:13:20 UTC */
#define U VAL_UNKNOWN

/* path, name, depth, parent, usage, working set, limit, high, effective limit, swap, OOM
 * kills, PSI some, processes, working-set slope (bytes/s and fit; usage's the same), ETA,
 * limited_by, next victim, then any other field (throttled, memory.events counts). The
 * inactive file cache is usage - working set; the rest of the breakdown unknown. */
#define CG(p_, n_, d_, par_, use_, ws_, lim_, hi_, eff_, sw_, oom_, psi_, np_, sl_, fit_, eta_, lb_, vic_, \
	   ...)                                                                                              \
	{.path = p_, .name = n_, .version = 2, .depth = d_, .parent = par_, .usage_bytes = use_,                  \
	 .limit_bytes = lim_, .high_bytes = hi_, .effective_limit_bytes = eff_, .swap_bytes = sw_,                \
	 .oom_kills = oom_, .psi_some_avg10 = psi_, .psi_full_avg10 = NAN,                                       \
	 .psi_some_total_us = U, .psi_full_total_us = U, .nprocs = np_,                                           \
	 .working_set_bytes = ws_, .anon_bytes = U, .file_bytes = U, .file_inactive_bytes = (use_) - (ws_),      \
	 .shmem_bytes = U, .kernel_bytes = U, .sock_bytes = U, .usage_slope = {sl_, fit_},                       \
	 .working_set_slope = {sl_, fit_}, .limited_by = lb_, .eta_to_limit_s = eta_, .next_victim_pid = vic_,   \
	 __VA_ARGS__}

/* A NAS: the agent leaks towards its own limit; smbd sits over its memory.high, throttled
 * and stalling in reclaim below its limit; the container is nearly all page cache (96% of
 * its limit used, 14% working set: no alarm, no ETA); user-1000.slice has no limit of its
 * own and grows towards user.slice's, whose ETA it gets ("^"). */
static struct cgroup_row cgroups[] = {
	CG("/", "/", 0, -1, 5 * GiB, 4 * GiB, U, U, U, 0, 0, NAN, 12, NAN, NAN, NAN, -1, 0,
	   .high_events = U, .max_events = U),
	CG("/system.slice", "system.slice", 1, 0, 1700 * MiB, 1200 * MiB, U, U, U, 0, 2, 2.1, 7, NAN, NAN,
	   NAN, -1, 0),
	CG("/system.slice/nas-agent.service", "nas-agent.service", 2, 1, 870 * MiB, 840 * MiB, 1 * GiB,
	   900 * MiB, 1 * GiB, 0, 2, 3.2, 2, 150.0 * MiB / 3600, 0.97, 4416.0, 2, 4242, .high_events = 12,
	   .max_events = 40),
	CG("/system.slice/smbd.service", "smbd.service", 2, 1, 300 * MiB, 270 * MiB, 512 * MiB, 256 * MiB,
	   512 * MiB, 10 * MiB, 0, 14.2, 1, 0.0, NAN, NAN, 3, 1500, .throttled = true,
	   .high_events = 4182),
	CG("/system.slice/sshd.service", "sshd.service", 2, 1, 12 * MiB, 9 * MiB, U, U, U, 0, 0, 0.0, 1, 0.0,
	   NAN, NAN, -1, 0),
	CG("/system.slice/docker-2e088fe462e2.scope", "docker 2e088fe462e2", 2, 1, 490 * MiB, 70 * MiB,
	   512 * MiB, U, 512 * MiB, 4 * MiB, 0, 0.0, 1, 3.0 * MiB / 3600, 0.3, NAN, 5, 2001),
	CG("/user.slice", "user.slice", 1, 0, 2900 * MiB, 2700 * MiB, 4 * GiB, U, 4 * GiB, 0, 0, 0.0, 3,
	   150.0 * MiB / 3600, 0.9, 33504.0, 6, 0),
	CG("/user.slice/user-1000.slice", "user-1000.slice", 2, 6, 2890 * MiB, 2690 * MiB, U, U, 4 * GiB, 0,
	   0, 0.1, 3, 150.0 * MiB / 3600, 0.9, 33504.0, 6, 3100),
};

#define P(pid, ppid, uid, user, comm, cmd, cg) pid, ppid, uid, user, comm, cmd, cg

static struct proc_row procs[] = {
	{P(1, 0, 0, "root", "systemd", "/sbin/init splash", "/"), 11, NOW - 1036800, false,
	 12 * MiB, 8 * MiB, 4 * MiB, 0, 0, 200 * 1024, 0, 0, 1, 120, {0.0, NAN}, {0.0, NAN},
	 {0.0, NAN}, PROC_RUNNING, NAN, -1, false, 524288, NAN},
	{P(2, 0, 0, "root", "kthreadd", "", "/"), 12, NOW - 1036800, true, 0, 0, 0, 0, 0, 0, 0, 0,
	 1, 0, {NAN, NAN}, {NAN, NAN}, {NAN, NAN}, PROC_RUNNING, NAN, -1, false, U, NAN},
	{P(812, 1, 0, "root", "sshd", "sshd: /usr/sbin/sshd -D [listener]",
	   "/system.slice/sshd.service"),
	 900, NOW - 1036000, false, 8 * MiB, 6 * MiB, 2 * MiB, 0, 0, 100 * 1024, 2, -1000, 1, 6,
	 {0.0, 0.1}, {0.0, NAN}, {0.0, NAN}, PROC_RUNNING, NAN, -1, false, 1024, NAN},
	{P(1500, 1, 0, "root", "smbd", "/usr/sbin/smbd --foreground --no-process-group",
	   "/system.slice/smbd.service"),
	 800, NOW - 1036000, false, 90 * MiB, 80 * MiB, 10 * MiB, 0, 10 * MiB, 600 * 1024, 12, 0,
	 4, 42, {0.0, 0.4}, {0.0, 0.9}, {0.0, NAN}, PROC_RUNNING, NAN, -1, true, 16384, NAN},
	{P(4242, 1, 998, "nasagent", "leaky", "/opt/nas/bin/leaky --serve /srv/share",
	   "/system.slice/nas-agent.service"),
	 5000, NOW - 86400, false, 800 * MiB, 790 * MiB, 10 * MiB, 0, 0, 1700 * 1024, 620, 0, 14,
	 37, {210.0 * MiB / 3600, 0.97}, {0.0, 0.5}, {0.0, NAN}, PROC_RUNNING, NAN, -1, true,
	 1024, NAN},
	{P(4243, 4242, 998, "nasagent", "nas-helper", "/opt/nas/bin/nas-helper",
	   "/system.slice/nas-agent.service"),
	 5001, NOW - 86400, false, 60 * MiB, 50 * MiB, 10 * MiB, 0, 0, 200 * 1024, 40, 0, 2, 9,
	 {0.0, 0.9}, {0.0, NAN}, {0.0, NAN}, PROC_RUNNING, NAN, -1, false, 1024, NAN},
	{P(2001, 1, 0, "root", "python3", "python3 /app/app.py --workers 4",
	   "/system.slice/docker-2e088fe462e2.scope"),
	 3000, NOW - 7200, false, 110 * MiB, 100 * MiB, 10 * MiB, 0, 4 * MiB, 400 * 1024, 80, 0, 5,
	 120, {3.0 * MiB / 3600, 0.3}, {40.0 / 3600, 0.9}, {0.0, NAN}, PROC_RUNNING, NAN, -1, true,
	 1048576, NAN},
	{P(3100, 1, 1000, "alice", "bash", "-bash", "/user.slice/user-1000.slice"), 7000,
	 NOW - 3600, false, 5 * MiB, 3 * MiB, 2 * MiB, 0, 0, 80 * 1024, 3, 0, 1, 4, {0.0, 0.2},
	 {0.0, NAN}, {0.0, NAN}, PROC_RUNNING, NAN, -1, false, 1024, NAN},
	{P(3150, 3100, 1000, "alice", "vim", "vim notes.txt", "/user.slice/user-1000.slice"), 7100,
	 NOW - 1800, false, 14 * MiB, 12 * MiB, 2 * MiB, 0, 0, 90 * 1024, 8, 0, 1, U,
	 {-2.0 * MiB / 3600, 0.8}, {NAN, NAN}, {0.0, NAN}, PROC_RUNNING, NAN, -1, false, 1024, NAN},
	{P(3200, 3100, 1000, "alice", "evil\033[31m", "evil \033]0;pwned\007 \033[2J\xff\xfe name",
	   "/user.slice/user-1000.slice"),
	 7200, NOW - 600, false, 2 * MiB, 1 * MiB, 1 * MiB, 0, 0, 60 * 1024, 2, 0, 1, 3,
	 {NAN, NAN}, {NAN, NAN}, {NAN, NAN}, PROC_RUNNING, NAN, -1, false, 1024, NAN},
	{P(5000, 3100, 1000, "alice", "sleep", "sleep 30", "/user.slice/user-1000.slice"), 7300,
	 NOW - 40, false, 1 * MiB, 0, 1 * MiB, 0, 0, 50 * 1024, 0, 0, 1, 3, {NAN, NAN}, {NAN, NAN},
	 {NAN, NAN}, PROC_EXITED, NOW - 5, -1, false, 1024, NAN},
	{P(4100, 1, 998, "nasagent", "memhog", "/opt/nas/bin/memhog --fill",
	   "/system.slice/nas-agent.service"),
	 6000, NOW - 9000, false, 900 * MiB, 890 * MiB, 10 * MiB, 0, 0, 1900 * 1024, 700, 500, 3,
	 11, {400.0 * MiB / 3600, 0.99}, {0.0, NAN}, {0.0, NAN}, PROC_OOM_KILLED, NOW - 7500, 1,
	 false, 1024, NAN},
};

static struct oom_event_task tasks[] = {
	{812, 0, 812, 3000, 2048, U, U, U, 102400, 0, -1000, "sshd"},
	{4242, 998, 4242, 300000, 180000, U, U, U, 1740800, 0, 0, "leaky"},
	{4100, 998, 4100, 400000, 230400, U, U, U, 1945600, 0, 500, "memhog"},
	{4243, 998, 4243, 30000, 15360, U, U, U, 204800, 0, 0, "nas-helper"},
};

static char *raw1[] = {
	"leaky invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0",
	"Memory cgroup out of memory: Killed process 4100 (memhog) total-vm:1600000kB, "
	"anon-rss:911360kB, file-rss:10240kB, shmem-rss:0kB, UID:998 pgtables:1900kB "
	"oom_score_adj:500",
	"oom_reaper: reaped process 4100 (memhog), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB",
	"hostile \033[2Jline from a \x9b" "31m kernel log",
};

static char *raw0[] = {
	"Out of memory: Killed process 3999 (chrome) total-vm:4000000kB, anon-rss:2000000kB, "
	"file-rss:0kB, shmem-rss:1024kB, UID:1000 pgtables:5000kB oom_score_adj:300",
};

static struct oom_event events[] = {
	{.boot_s = 900000.0, .time_unix_s = NOW - 136800, .victim_pid = 3999,
	 .victim_comm = "chrome", .victim_uid = 1000, .constraint = "CONSTRAINT_NONE",
	 .oom_memcg = NULL, .task_memcg = "/user.slice/user-1000.slice", .total_vm_kb = 4000000,
	 .anon_rss_kb = 2000000, .file_rss_kb = 0, .shmem_rss_kb = 1024, .pgtables_kb = 5000,
	 .oom_score_adj = 300, .invoker_comm = "chrome", .invoker_pid = 3998,
	 .gfp_mask = "0x140dca(GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO)", .order = 0,
	 .reaped = -1, .tasks = NULL, .ntasks = 0, .raw_lines = raw0, .nraw_lines = 1,
	 .cgroup = "/user.slice/user-1000.slice", .reason = "global", .page_bytes = U},
	{.boot_s = 1029300.0, .time_unix_s = NOW - 7500, .victim_pid = 4100,
	 .victim_comm = "memhog", .victim_uid = 998, .constraint = "CONSTRAINT_MEMCG",
	 .oom_memcg = "/system.slice/nas-agent.service",
	 .task_memcg = "/system.slice/nas-agent.service", .total_vm_kb = 1600000,
	 .anon_rss_kb = 911360, .file_rss_kb = 10240, .shmem_rss_kb = 0, .pgtables_kb = 1900,
	 .oom_score_adj = 500, .invoker_comm = "leaky", .invoker_pid = 4242,
	 .gfp_mask = "0xcc0(GFP_KERNEL)", .order = 0, .reaped = 1, .tasks = tasks, .ntasks = 4,
	 .raw_lines = raw1, .nraw_lines = 4, .unit = "nas-agent.service",
	 .cgroup = "/system.slice/nas-agent.service", .reason = "memcg", .page_bytes = 4096},
};

static struct snapshot snap;

const struct snapshot *fixture_snapshot(void)
{
	memset(&snap, 0, sizeof(snap));
	snap.time_unix_s = NOW;
	snap.t_mono_ms = 1036800000;
	snap.uptime_s = 1036800;
	snap.interval_s = 1;
	snap.window_s = 300;
	snap.hostname = "nas01";
	snap.seq = 42;
	snap.sys = (struct sys_mem){
		.mem_total_bytes = 8 * GiB,
		.mem_available_bytes = 2560 * MiB,
		.mem_available_estimated = false,
		.zfs_arc_size_bytes = U,
		.zfs_arc_reclaimable_bytes = U,
		.available_bytes = 2560 * MiB,
		.swap_total_bytes = 2 * GiB,
		.swap_free_bytes = 1536 * MiB,
		.psi_some_avg10 = 1.25,
		.psi_full_avg10 = 0.40,
		.psi_some_total_us = 90125000,
		.psi_full_total_us = 31000000,
		.oom_kills = 3,
		.last_oom_kill_unix_s = NOW - 7500,
		.available = {-12.0 * MiB / 3600, 0.9},
		.eta_exhaustion_s = 2560.0 / 12.0 * 3600,
		.next_victim_pid = 4242,
	};
	static struct proc_row *proc_ptrs[sizeof(procs) / sizeof(procs[0])];
	for (size_t i = 0; i < sizeof(procs) / sizeof(procs[0]); i++)
		proc_ptrs[i] = &procs[i];
	snap.procs = proc_ptrs;
	snap.nprocs = sizeof(procs) / sizeof(procs[0]);
	snap.nkernel_threads = 1;
	snap.nhidden = 0;
	snap.cgroups = cgroups;
	snap.ncgroups = sizeof(cgroups) / sizeof(cgroups[0]);
	snap.cgroup_version = 2;
	snap.cgroup_mount = "/sys/fs/cgroup";
	snap.events = events;
	snap.nevents = 2;
	return &snap;
}

/* --- one process opened: the leaky agent's detail ------------------------------------------ */

#define DETAIL_PID 4242
#define TRAIL_POINTS 300

static struct proc_row dprocs[sizeof(procs) / sizeof(procs[0])];
static struct proc_row *dptrs[sizeof(procs) / sizeof(procs[0])];
static struct proc_trail_point trail[TRAIL_POINTS];
static struct proc_detail detail;
static const struct proc_detail *details[1];
static struct snapshot dsnap;

/* The base snapshot with the agent leaking sockets as well as memory: its fds grow by
 * 0.5/s toward its limit of 1024 (full in 13m28s), 600 of its 620 fds are sockets; its
 * detail has its PSS, its fds by kind and five minutes of trail: RSS from 760M to 800M
 * with a garbage collector's sawtooth, fds from 470 to 620, threads 14 with a burst. */
static void build_detail(bool exited)
{
	dsnap = *fixture_snapshot();
	size_t n = 0;
	for (size_t i = 0; i < sizeof(procs) / sizeof(procs[0]); i++) {
		if (exited && procs[i].pid == DETAIL_PID)
			continue; /* its ghost row expired too */
		dprocs[n] = procs[i];
		if (dprocs[n].pid == DETAIL_PID) {
			dprocs[n].fds = 620;
			dprocs[n].fd_slope = (struct slope){0.5, 0.95};
			dprocs[n].fd_eta_s = (1024.0 - 620.0) / 0.5;
		}
		dptrs[n] = &dprocs[n];
		n++;
	}
	dsnap.procs = dptrs;
	dsnap.nprocs = n;
	for (int i = 0; i < TRAIL_POINTS; i++) {
		int64_t gc = (int64_t)(i % 30) * 2 * MiB / 30; /* grows 2M, collected every 30 s */
		trail[i] = (struct proc_trail_point){
			dsnap.t_mono_ms - (TRAIL_POINTS - 1 - i) * 1000LL,
			760 * MiB + 40 * MiB * i / (TRAIL_POINTS - 1) - 2 * MiB + gc,
			470 + i / 2,
			i >= 100 && i < 130 ? 16 : 14,
		};
	}
	trail[TRAIL_POINTS - 1].rss_bytes = 800 * MiB;
	trail[TRAIL_POINTS - 1].fds = 620;
	memset(&detail, 0, sizeof(detail));
	for (size_t i = 0; i < sizeof(procs) / sizeof(procs[0]); i++)
		if (procs[i].pid == DETAIL_PID)
			detail.row = procs[i];
	detail.row.fds = 620;
	detail.row.fd_slope = (struct slope){0.5, 0.95};
	detail.row.fd_eta_s = (1024.0 - 620.0) / 0.5;
	detail.exited = exited;
	detail.exited_unix_s = exited ? NOW - 75 : NAN;
	if (exited)
		detail.row.state = PROC_EXITED;
	detail.smaps_rss_bytes = 800 * MiB;
	detail.pss_bytes = 780 * MiB;
	detail.pss_anon_bytes = 770 * MiB;
	detail.pss_file_bytes = 10 * MiB;
	detail.pss_shmem_bytes = 0;
	detail.smaps_swap_bytes = detail.swap_pss_bytes = 0;
	int64_t kinds[FD_KIND_COUNT] = {600, 4, 8, 6, 2};
	for (int k = 0; k < FD_KIND_COUNT; k++) {
		detail.fd_kinds[k] = kinds[k];
		detail.fd_kind_slope[k] = exited ? (struct slope){NAN, NAN}
					 : (struct slope){k == FD_KIND_SOCKET ? 0.5 : 0.0, 0.95};
	}
	detail.fd_anon[FD_ANON_EVENTPOLL] = 3;
	detail.fd_anon[FD_ANON_EVENTFD] = 2;
	detail.fd_anon[FD_ANON_TIMERFD] = 1;
	detail.sampled = false;
	detail.fds_listed = 620;
	detail.links_read = 620;
	detail.fd_limit_hard = 4096;
	detail.trail = trail;
	detail.ntrail = exited ? TRAIL_POINTS - 75 : TRAIL_POINTS; /* it stopped 75 s ago */
	details[0] = &detail;
	dsnap.details = details;
	dsnap.ndetails = 1;
}

const struct snapshot *fixture_detail_snapshot(void)
{
	build_detail(false);
	return &dsnap;
}

const struct snapshot *fixture_detail_exited_snapshot(void)
{
	build_detail(true);
	return &dsnap;
}

/* --- the same machine reading the systemd journal ----------------------------------------- */

#define BOOT_NOW "4f2b9c1d8e7a6b5c4d3e2f1a0b9c8d7e"
#define BOOT_OLD "8324e1c3c0b1a29f8e7d6c5b4a392817"
#define H 3600.0

/* The newest photo.service kill in full: 16 KiB pages (an arm64 board), systemd's messages
 * about it. */
static struct oom_event_task photo_tasks[] = {
	{6106, 997, 6106, 180000, 65000, U, U, U, 1441792, 0, 0, "thumbnailer"},
	{6001, 997, 6001, 40000, 9000, U, U, U, 327680, 0, 0, "photod"},
};

static char *photo_raw[] = {
	"photod invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0",
	"oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,"
	"oom_memcg=/system.slice/photo.service,task_memcg=/system.slice/photo.service,"
	"task=thumbnailer,pid=6106,uid=997",
	"Memory cgroup out of memory: Killed process 6106 (thumbnailer) total-vm:2880000kB, "
	"anon-rss:1036288kB, file-rss:3712kB, shmem-rss:0kB, UID:997 pgtables:1408kB oom_score_adj:0",
};

static struct oom_event_msg photo_msgs[] = {
	{NOW - 10200 + 0.02, "photo.service: A process of this unit has been killed by the OOM killer."},
	{NOW - 10200 + 0.31, "photo.service: Main process exited, code=killed, status=9/KILL"},
	{NOW - 10200 + 0.32, "photo.service: Failed with result 'oom-kill'."},
	{NOW - 10200 + 0.33, "photo.service: Consumed 41min 12.405s CPU time."},
};

static char *oomd_raw[] = {
	"Considered 3 cgroups for killing, top candidates were:",
	"Killed /user.slice/user-1000.slice/user@1000.service/app.slice/"
	"app-kitty-47f7730eb1474ba3848f1b5d6135a33f.scope due to memory pressure for "
	"/user.slice/user-1000.slice/user@1000.service being 77.97% > 50.00% for > 20s with "
	"reclaim activity",
};

static struct oom_event_msg oomd_msgs[] = {
	{NOW - 3600 + 0.05, "app-kitty-47f7730eb1474ba3848f1b5d6135a33f.scope: systemd-oomd killed 65 "
			    "process(es) in this unit."},
};

static char *earlyoom_raw[] = {
	"mem avail:   812 of 15890 MiB ( 5.11%), swap free:  204 of 2047 MiB ( 9.97%)",
	"low memory! at or below SIGTERM limits: mem 10.00%, swap 10.00%",
	"sending SIGTERM to process 29410 uid 1000 \"cluster\": badness 1264, VmRSS 23964 MiB",
	"process exited after 0.1 seconds",
};

/* A kernel kill of photo.service at t; boot_s follows from the uptime. */
#define PHOTO(id_, t_, pid_)                                                                       \
	{.id = id_, .boot_id = BOOT_NOW, .unit = "photo.service", .cgroup = "/system.slice/photo.service", \
	 .reason = "memcg", .boot_s = 1036800 - (NOW - (t_)), .time_unix_s = t_, .victim_pid = pid_,     \
	 .victim_comm = "thumbnailer", .victim_uid = 997, .constraint = "CONSTRAINT_MEMCG",               \
	 .oom_memcg = "/system.slice/photo.service", .task_memcg = "/system.slice/photo.service",         \
	 .total_vm_kb = 2880000, .anon_rss_kb = 1036288, .file_rss_kb = 3712, .shmem_rss_kb = 0,         \
	 .pgtables_kb = 1408, .oom_score_adj = 0, .invoker_comm = "photod", .invoker_pid = 6001,         \
	 .gfp_mask = "0xcc0(GFP_KERNEL)", .order = 0, .reaped = 1, .page_bytes = U}

static struct oom_event jevents[] = {
	/* 20 days ago, another boot: varnish's cache took the machine */
	{.id = 1, .boot_id = BOOT_OLD, .earlier_boot = true, .unit = "varnish.service",
	 .cgroup = "/system.slice/varnish.service", .reason = "global", .boot_s = 1131154.0,
	 .time_unix_s = NOW - 20 * 24 * H, .victim_pid = 3117813, .victim_comm = "cache-main",
	 .victim_uid = 991, .constraint = "CONSTRAINT_NONE", .task_memcg = "/system.slice/varnish.service",
	 .total_vm_kb = 5000000, .anon_rss_kb = 4823040, .file_rss_kb = 53888, .shmem_rss_kb = 0,
	 .pgtables_kb = 9800, .oom_score_adj = 0, .invoker_comm = "in:imjournal", .invoker_pid = 879,
	 .gfp_mask = "0x6200ca(GFP_HIGHUSER_MOVABLE)", .order = 0, .reaped = -1, .page_bytes = U},
	{0}, /* [1] the global kill of chrome */
	/* photo.service every 4h10m ± 20m: 6 kills in 20h50m, the last 2h50m ago */
	PHOTO(3, NOW - 85200, 6101),
	PHOTO(4, NOW - 70200, 6102),
	PHOTO(5, NOW - 56400, 6103),
	PHOTO(6, NOW - 40200, 6104),
	PHOTO(7, NOW - 24000, 6105),
	PHOTO(8, NOW - 10200, 6106),
	{0}, /* [8] the memcg kill of memhog */
	/* an hour ago systemd-oomd killed a terminal's whole scope */
	{.id = 10, .source = OOM_EVENT_SOURCE_SYSTEMD_OOMD, .boot_id = BOOT_NOW,
	 .unit = "app-kitty-47f7730eb1474ba3848f1b5d6135a33f.scope",
	 .cgroup = "/user.slice/user-1000.slice/user@1000.service/app.slice/"
		   "app-kitty-47f7730eb1474ba3848f1b5d6135a33f.scope",
	 .reason = "memory pressure 77.97% > 50.00% for 20s", .boot_s = 1036800 - 3600,
	 .time_unix_s = NOW - 3600, .victim_uid = U, .total_vm_kb = U, .anon_rss_kb = U,
	 .file_rss_kb = U, .shmem_rss_kb = U, .pgtables_kb = U, .oom_score_adj = U, .order = U,
	 .reaped = -1, .page_bytes = U, .raw_lines = oomd_raw, .nraw_lines = 2,
	 .unit_msgs = oomd_msgs, .nunit_msgs = 1},
	/* ten minutes ago earlyoom sent SIGTERM to a process oomtop saw (its ghost row) */
	{.id = 11, .source = OOM_EVENT_SOURCE_EARLYOOM, .boot_id = BOOT_NOW,
	 .reason = "mem 10.00%, swap 10.00% (SIGTERM)", .boot_s = 1036800 - 600, .time_unix_s = NOW - 600,
	 .victim_pid = 29410, .victim_comm = "cluster", .victim_uid = 1000, .total_vm_kb = U,
	 .anon_rss_kb = U, .file_rss_kb = U, .shmem_rss_kb = U, .pgtables_kb = U, .oom_score_adj = U,
	 .order = U, .reaped = -1, .page_bytes = U, .raw_lines = earlyoom_raw, .nraw_lines = 4},
};

#define NJEVENTS (sizeof(jevents) / sizeof(jevents[0]))
#define JPROCS (sizeof(procs) / sizeof(procs[0]) + 1)

static struct proc_row jprocs[JPROCS];
static struct snapshot jsnap;

const struct snapshot *fixture_journal_snapshot(void)
{
	const struct snapshot *base = fixture_snapshot();
	jsnap = *base;
	jevents[1] = events[0];
	jevents[8] = events[1];
	jevents[1].id = 2, jevents[8].id = 9;
	memcpy(jevents[1].boot_id, BOOT_NOW, sizeof(BOOT_NOW));
	memcpy(jevents[8].boot_id, BOOT_NOW, sizeof(BOOT_NOW));
	struct oom_event *photo = &jevents[7];
	photo->tasks = photo_tasks;
	photo->ntasks = sizeof(photo_tasks) / sizeof(photo_tasks[0]);
	photo->page_bytes = 16384;
	photo->raw_lines = photo_raw;
	photo->nraw_lines = sizeof(photo_raw) / sizeof(photo_raw[0]);
	photo->unit_msgs = photo_msgs;
	photo->nunit_msgs = sizeof(photo_msgs) / sizeof(photo_msgs[0]);
	static struct proc_row *ptrs[JPROCS];
	for (size_t i = 0; i + 1 < JPROCS; i++) {
		jprocs[i] = procs[i];
		if (jprocs[i].oom_event == 1) /* memhog's kill moved */
			jprocs[i].oom_event = 8;
		ptrs[i] = &jprocs[i];
	}
	/* earlyoom's victim, linked to its kill as the collector links it */
	jprocs[JPROCS - 1] = (struct proc_row){
		P(29410, 3100, 1000, "alice", "cluster", "./cluster --workers 8", "/user.slice/user-1000.slice"),
		7400, NOW - 1200, false, 23 * GiB, 23 * GiB, 10 * MiB, 0, 0, 50 * MiB, 900, 0, 8, 64,
		{40.0 * GiB / 3600, 0.99}, {0.0, NAN}, {0.0, NAN}, PROC_OOM_KILLED, NOW - 599, 10, false, 1024, NAN};
	ptrs[JPROCS - 1] = &jprocs[JPROCS - 1];
	jsnap.procs = ptrs;
	jsnap.nprocs = JPROCS;
	jsnap.events = jevents;
	jsnap.nevents = NJEVENTS;
	jsnap.sys.oom_kills = 9; /* this boot's kernel kills */
	return &jsnap;
}
