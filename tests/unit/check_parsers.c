/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Parsers of kernel files on inline buffers: /proc/PID/status, /proc/PID/stat,
 * /proc/meminfo, /proc/vmstat, PSI, /proc/PID/cgroup, /proc/self/mountinfo.
 * Each buffer is a real sample (trimmed), with the kernel it comes from. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/cgroup/hierarchy.h"
#include "core/model.h"
#include "core/cgroup/mountinfo.h"
#include "core/cgroup/path.h"
#include "core/proc/cgroup.h"
#include "core/proc/stat.h"
#include "core/proc/status.h"
#include "core/sys/loadavg.h"
#include "core/sys/meminfo.h"
#include "core/sys/psi.h"
#include "core/sys/vmstat.h"
#include "tests/unit/ck_run.h"

/* ---------------------------------------------------------------- status */

/* 6.x, a normal user-space process */
static const char status_normal[] = "Name:\tnas-agent\n"
				     "Umask:\t0022\n"
				     "State:\tS (sleeping)\n"
				     "Tgid:\t2473\n"
				     "Ngid:\t0\n"
				     "Pid:\t2473\n"
				     "PPid:\t1\n"
				     "TracerPid:\t0\n"
				     "Uid:\t1000\t1001\t1002\t1003\n"
				     "Gid:\t1000\t1000\t1000\t1000\n"
				     "FDSize:\t64\n"
				     "VmPeak:\t  300000 kB\n"
				     "VmSize:\t  290000 kB\n"
				     "VmLck:\t       0 kB\n"
				     "VmPin:\t       0 kB\n"
				     "VmHWM:\t  220000 kB\n"
				     "VmRSS:\t  215040 kB\n"
				     "RssAnon:\t  200704 kB\n"
				     "RssFile:\t   14336 kB\n"
				     "RssShmem:\t       4 kB\n"
				     "VmData:\t  250000 kB\n"
				     "VmStk:\t     132 kB\n"
				     "VmExe:\t     100 kB\n"
				     "VmLib:\t    5000 kB\n"
				     "VmPTE:\t     520 kB\n"
				     "VmSwap:\t    2048 kB\n"
				     "HugetlbPages:\t       0 kB\n"
				     "CoreDumping:\t0\n"
				     "THP_enabled:\t1\n"
				     "Threads:\t12\n"
				     "SigQ:\t0/95543\n";

START_TEST(status_normal_process)
{
	struct proc_status s;
	ck_assert_int_eq(proc_status_parse(status_normal, &s), 0);
	ck_assert_int_eq(s.state, 'S');
	ck_assert_int_eq(s.rss_bytes, 215040LL * 1024);
	ck_assert_int_eq(s.rss_anon_bytes, 200704LL * 1024);
	ck_assert_int_eq(s.rss_file_bytes, 14336LL * 1024);
	ck_assert_int_eq(s.rss_shmem_bytes, 4LL * 1024);
	ck_assert_int_eq(s.swap_bytes, 2048LL * 1024);
	ck_assert_int_eq(s.pgtables_bytes, 520LL * 1024);
	ck_assert_int_eq(s.threads, 12);
	ck_assert_int_eq(s.uid, 1000); /* the real uid, first of four */
	ck_assert_int_eq(s.ppid, 1);
}
END_TEST

/* kthreadd on 6.x: no Vm*, no Rss* lines */
static const char status_kthread[] = "Name:\tkthreadd\n"
				     "Umask:\t0000\n"
				     "State:\tS (sleeping)\n"
				     "Tgid:\t2\n"
				     "Pid:\t2\n"
				     "PPid:\t0\n"
				     "Uid:\t0\t0\t0\t0\n"
				     "Gid:\t0\t0\t0\t0\n"
				     "FDSize:\t64\n"
				     "Groups:\t\n"
				     "Threads:\t1\n"
				     "SigQ:\t0/95543\n";

START_TEST(status_kernel_thread_has_unknown_sizes)
{
	struct proc_status s;
	/* poison, to see the parser write every field */
	memset(&s, 0x55, sizeof(s));
	ck_assert_int_eq(proc_status_parse(status_kthread, &s), 0);
	ck_assert(!val_known(s.rss_bytes));
	ck_assert(!val_known(s.rss_anon_bytes));
	ck_assert(!val_known(s.rss_file_bytes));
	ck_assert(!val_known(s.rss_shmem_bytes));
	ck_assert(!val_known(s.swap_bytes));
	ck_assert(!val_known(s.pgtables_bytes));
	ck_assert_int_eq(s.threads, 1);
	ck_assert_int_eq(s.uid, 0);
	ck_assert_int_eq(s.ppid, 0);
}
END_TEST

/* 4.4: no RssAnon/RssFile/RssShmem (4.5+); VmPMD present (4.0–4.14) */
static const char status_4_4[] = "Name:\tpostgres\n"
				 "State:\tS (sleeping)\n"
				 "PPid:\t812\n"
				 "Uid:\t106\t106\t106\t106\n"
				 "VmRSS:\t   10240 kB\n"
				 "VmData:\t    3000 kB\n"
				 "VmPTE:\t     100 kB\n"
				 "VmPMD:\t      12 kB\n"
				 "VmSwap:\t       0 kB\n"
				 "Threads:\t1\n";

START_TEST(status_old_kernel_without_rss_split_adds_pmd)
{
	struct proc_status s;
	ck_assert_int_eq(proc_status_parse(status_4_4, &s), 0);
	ck_assert_int_eq(s.rss_bytes, 10240LL * 1024);
	ck_assert(!val_known(s.rss_anon_bytes));
	ck_assert(!val_known(s.rss_file_bytes));
	ck_assert(!val_known(s.rss_shmem_bytes));
	ck_assert_int_eq(s.swap_bytes, 0); /* a real 0, not unknown */
	ck_assert_int_eq(s.pgtables_bytes, 112LL * 1024);
	ck_assert_int_eq(s.uid, 106);
	ck_assert_int_eq(s.ppid, 812);
}
END_TEST

START_TEST(status_pmd_before_pte_and_alone)
{
	struct proc_status s;
	ck_assert_int_eq(proc_status_parse("Name:\tx\nVmPMD:\t 8 kB\nVmPTE:\t 40 kB\nThreads:\t3\n", &s), 0);
	ck_assert_int_eq(s.pgtables_bytes, 48LL * 1024);
	ck_assert_int_eq(proc_status_parse("Name:\tx\nVmPMD:\t 8 kB\nThreads:\t3\n", &s), 0);
	ck_assert_int_eq(s.pgtables_bytes, 8LL * 1024);
}
END_TEST

/* Name: as proc_task_name writes it: '\n' and '\\' escaped, nothing else; names differ
 * in their hash whenever they differ (a rename is seen), and the value comes back as the
 * process set it (prctl PR_SET_NAME). */
START_TEST(status_name_is_unescaped_and_hashed)
{
	struct proc_status a, b;
	ck_assert_int_eq(proc_status_parse("Name:\tleaker-1\nThreads:\t1\n", &a), 0);
	ck_assert_str_eq(a.name, "leaker-1");
	ck_assert_int_eq(proc_status_parse("Name:\tleaker-2\nThreads:\t1\n", &b), 0);
	ck_assert_uint_ne(a.name_hash, b.name_hash);
	ck_assert_int_eq(proc_status_parse("Name:\ta\\nb\\\\c d\nThreads:\t1\n", &a), 0);
	ck_assert_str_eq(a.name, "a\nb\\c d");
	ck_assert_int_eq(proc_status_parse("Name:\t\nThreads:\t1\n", &a), 0); /* empty */
	ck_assert_str_eq(a.name, "");
	/* a name longer than the field is cut, never overrun */
	char text[200] = "Name:\t";
	memset(text + 6, 'x', 120);
	strcpy(text + 126, "\nThreads:\t1\n");
	ck_assert_int_eq(proc_status_parse(text, &a), 0);
	ck_assert_uint_eq(strlen(a.name), sizeof(a.name) - 1);
}
END_TEST

START_TEST(status_rejects_what_is_not_a_status_file)
{
	struct proc_status s;
	/* a zombie: no Vm lines, state Z (the table treats it as gone) */
	ck_assert_int_eq(proc_status_parse("Name:\tx\nState:\tZ (zombie)\nThreads:\t1\n", &s), 0);
	ck_assert_int_eq(s.state, 'Z');
	ck_assert(!val_known(s.rss_bytes));
	ck_assert_int_eq(proc_status_parse("Name:\tx\nThreads:\t1\n", &s), 0);
	ck_assert_int_eq(s.state, '?');
	ck_assert_int_eq(proc_status_parse("", &s), -EINVAL);
	ck_assert_int_eq(proc_status_parse("VmRSS:\t 1 kB\nThreads:\t1\n", &s), -EINVAL); /* no Name */
	ck_assert_int_eq(proc_status_parse("Name:\tx\nVmRSS:\t 1 kB\n", &s), -EINVAL);   /* no Threads */
	/* a key that only starts like one we want is not it */
	ck_assert_int_eq(proc_status_parse("Name:\tx\nVmRSSx:\t 7 kB\nThreadsY:\t9\nThreads:\t2\n", &s), 0);
	ck_assert(!val_known(s.rss_bytes));
	ck_assert_int_eq(s.threads, 2);
	/* truncated in the middle of a value line: what is there is still parsed */
	ck_assert_int_eq(proc_status_parse("Name:\tx\nThreads:\t4\nVmRSS:", &s), 0);
	ck_assert(!val_known(s.rss_bytes));
}
END_TEST

/* The oom_score_adj writer's reads: the target's effective uid, its own capabilities. */
START_TEST(status_euid_and_capeff)
{
	uid_t euid = 0;
	ck_assert_int_eq(proc_status_parse_euid("Name:\tx\nUid:\t1000\t0\t0\t0\nGid:\t0\n", &euid), 0);
	ck_assert_uint_eq(euid, 0);
	ck_assert_int_eq(proc_status_parse_euid("Name:\tx\nUid:\t0\t65534\t0\t0\n", &euid), 0);
	ck_assert_uint_eq(euid, 65534);
	ck_assert_int_eq(proc_status_parse_euid("Uid:\t5\t6\t5\t5\n", &euid), 0); /* first line */
	ck_assert_uint_eq(euid, 6);
	ck_assert_int_eq(proc_status_parse_euid("Name:\tx\n", &euid), -EINVAL);
	ck_assert_int_eq(proc_status_parse_euid("Name:\tx\nUid:\t1000\n", &euid), -EINVAL);
	uint64_t cap = 0;
	ck_assert_int_eq(proc_status_parse_capeff("CapPrm:\t0\nCapEff:\t000001fffeffffff\n", &cap), 0);
	ck_assert_uint_eq(cap, 0x1fffeffffffULL);
	ck_assert(!((cap >> 24) & 1)); /* root without CAP_SYS_RESOURCE */
	ck_assert_int_eq(proc_status_parse_capeff("CapPrm:\t0\n", &cap), -EINVAL);
	ck_assert_int_eq(proc_status_parse_capeff("CapEff:\tzz\n", &cap), -EINVAL);
}
END_TEST

/* ---------------------------------------------------------------- stat */

/* 6.x: 2473 (python3) S 2470 ... starttime 6800288 (field 22) */
START_TEST(stat_plain)
{
	struct proc_stat f;
	const char *line = "2473 (python3) S 2470 2473 2470 0 -1 4194560 1620 0 0 0 12 3 0 0 20 0 1 0 "
			   "6800288 43278336 2560 18446744073709551615 1 1 0 0 0 0 0 16781312 2 0 0 0 17 1 0 0 0 0 0\n";
	ck_assert_int_eq(proc_stat_parse(line, &f), 0);
	ck_assert_str_eq(f.comm, "python3");
	ck_assert_int_eq(f.state, 'S');
	ck_assert_int_eq(f.ppid, 2470);
	ck_assert_uint_eq(f.flags, 4194560UL);
	ck_assert(!(f.flags & PROC_STAT_PF_KTHREAD));
	ck_assert_uint_eq(f.start_ticks, 6800288ULL);
}
END_TEST

START_TEST(stat_comm_with_spaces_and_parens)
{
	struct proc_stat f;
	/* comm "(a) b)" as set by prctl(PR_SET_NAME): the LAST ')' ends it */
	const char *line = "77 ((a) b)) R 1 77 77 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 999 0 0\n";
	ck_assert_int_eq(proc_stat_parse(line, &f), 0);
	ck_assert_str_eq(f.comm, "(a) b)");
	ck_assert_int_eq(f.state, 'R');
	ck_assert_int_eq(f.ppid, 1);
	ck_assert_uint_eq(f.start_ticks, 999);
	/* ") (" inside the comm (the oom_score_adj writer's identity check reads it too) */
	line = "4242 (a) (b c) S 4200 4242 4200 34816 4242 4194304 95 0 0 0 0 0 0 0 "
	       "20 0 1 0 912345 2252800 192 18446744073709551615\n";
	ck_assert_int_eq(proc_stat_parse(line, &f), 0);
	ck_assert_str_eq(f.comm, "a) (b c");
	ck_assert_int_eq(f.state, 'S');
	ck_assert_uint_eq(f.start_ticks, 912345);
	/* comm with spaces that look like fields */
	line = "78 (x 1 2 3) S 5 78 78 0 -1 64 0 0 0 0 0 0 0 0 20 0 1 0 4242 0 0\n";
	ck_assert_int_eq(proc_stat_parse(line, &f), 0);
	ck_assert_str_eq(f.comm, "x 1 2 3");
	ck_assert_int_eq(f.ppid, 5);
	ck_assert_uint_eq(f.flags, 64);
	ck_assert_uint_eq(f.start_ticks, 4242);
}
END_TEST

START_TEST(stat_kernel_thread_flag)
{
	struct proc_stat f;
	/* kthreadd, 6.x: flags 0x208040 has PF_KTHREAD */
	const char *line = "2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 3 0 0 "
			   "18446744073709551615 0 0 0 0 0 0 0 2147483647 0 0 0 0 0 1 0 0 0 0 0\n";
	ck_assert_int_eq(proc_stat_parse(line, &f), 0);
	ck_assert_str_eq(f.comm, "kthreadd");
	ck_assert_uint_eq(f.flags, 2129984UL);
	ck_assert(f.flags & PROC_STAT_PF_KTHREAD);
	ck_assert_uint_eq(f.start_ticks, 3);
}
END_TEST

START_TEST(stat_malformed)
{
	struct proc_stat f;
	ck_assert_int_eq(proc_stat_parse("", &f), -EINVAL);
	ck_assert_int_eq(proc_stat_parse("12 python3 S 1 2 3\n", &f), -EINVAL); /* no parens */
	ck_assert_int_eq(proc_stat_parse("12 (x)S 1\n", &f), -EINVAL);
	ck_assert_int_eq(proc_stat_parse("4242 (x) S 1 2 3", &f), -EINVAL);
	ck_assert_int_eq(proc_stat_parse("garbage", &f), -EINVAL);
	/* cut before field 22 */
	ck_assert_int_eq(proc_stat_parse("12 (x) S 1 12 12 0 -1 64 0 0 0 0 0 0 0 0 20 0\n", &f), -EINVAL);
	/* a non-number where the start time should be */
	ck_assert_int_eq(proc_stat_parse("12 (x) S 1 12 12 0 -1 64 0 0 0 0 0 0 0 0 20 0 1 0 abc 0\n", &f), -EINVAL);
}
END_TEST

/* ---------------------------------------------------------------- meminfo */

/* 6.x */
static const char meminfo_6[] = "MemTotal:       24593452 kB\n"
				"MemFree:        23842604 kB\n"
				"MemAvailable:   24012332 kB\n"
				"Buffers:            2100 kB\n"
				"Cached:           250000 kB\n"
				"SwapCached:            0 kB\n"
				"SwapTotal:       2097148 kB\n"
				"SwapFree:        2000000 kB\n"
				"Shmem:              1000 kB\n"
				"SReclaimable:      20000 kB\n";

START_TEST(meminfo_with_available)
{
	struct sys_mem m;
	memset(&m, 0, sizeof(m));
	m.mem_available_estimated = true;
	ck_assert_int_eq(meminfo_parse(meminfo_6, &m), 0);
	ck_assert_int_eq(m.mem_total_bytes, 24593452LL * 1024);
	ck_assert_int_eq(m.mem_available_bytes, 24012332LL * 1024);
	ck_assert(!m.mem_available_estimated);
	ck_assert_int_eq(m.swap_total_bytes, 2097148LL * 1024);
	ck_assert_int_eq(m.swap_free_bytes, 2000000LL * 1024);
}
END_TEST

/* 3.10 (CentOS 7 era kernels before the backport): no MemAvailable */
START_TEST(meminfo_without_available_is_estimated)
{
	struct sys_mem m;
	const char *buf = "MemTotal:        1000000 kB\n"
			  "MemFree:          100000 kB\n"
			  "Buffers:            1000 kB\n"
			  "Cached:           300000 kB\n"
			  "SwapTotal:             0 kB\n"
			  "SwapFree:              0 kB\n"
			  "Shmem:             50000 kB\n"
			  "Slab:              80000 kB\n"
			  "SReclaimable:      60000 kB\n";
	ck_assert_int_eq(meminfo_parse(buf, &m), 0);
	ck_assert(m.mem_available_estimated);
	/* free + (cached - shmem) + reclaimable slab */
	ck_assert_int_eq(m.mem_available_bytes, (100000LL + 300000 - 50000 + 60000) * 1024);
	ck_assert_int_eq(m.swap_total_bytes, 0);
	/* never more than MemTotal */
	ck_assert_int_eq(meminfo_parse("MemTotal: 100 kB\nMemFree: 90 kB\nCached: 50 kB\n", &m), 0);
	ck_assert_int_eq(m.mem_available_bytes, 100 * 1024);
	ck_assert(m.mem_available_estimated);
	/* no swap lines at all: unknown, not 0 */
	ck_assert(!val_known(m.swap_total_bytes));
	ck_assert(!val_known(m.swap_free_bytes));
}
END_TEST

START_TEST(meminfo_without_total_fails)
{
	struct sys_mem m;
	ck_assert_int_eq(meminfo_parse("MemFree: 1 kB\n", &m), -EINVAL);
	ck_assert_int_eq(meminfo_parse("", &m), -EINVAL);
	/* "MemTotalX" is not MemTotal */
	ck_assert_int_eq(meminfo_parse("MemTotalX: 5 kB\n", &m), -EINVAL);
	/* no MemFree either: nothing to estimate from, available stays unknown */
	ck_assert_int_eq(meminfo_parse("MemTotal: 5 kB\n", &m), 0);
	ck_assert(!val_known(m.mem_available_bytes));
	ck_assert(!m.mem_available_estimated);
}
END_TEST

/* ---------------------------------------------------------------- vmstat */

START_TEST(vmstat_oom_kill)
{
	/* 6.x */
	ck_assert_int_eq(vmstat_parse_oom_kill("nr_free_pages 5960651\nnr_zone_inactive_anon 100\n"
					       "pgmajfault 12\noom_kill 3\nnuma_pte_updates 0\n"),
			 3);
	/* last line without newline */
	ck_assert_int_eq(vmstat_parse_oom_kill("nr_free_pages 1\noom_kill 17"), 17);
	/* 4.9: no oom_kill line; "oom_kill_x" must not count */
	ck_assert(!val_known(vmstat_parse_oom_kill("nr_free_pages 5960651\npgmajfault 12\n")));
	ck_assert(!val_known(vmstat_parse_oom_kill("oom_killx 4\n")));
	ck_assert(!val_known(vmstat_parse_oom_kill("")));
	/* 0 is a value */
	ck_assert_int_eq(vmstat_parse_oom_kill("oom_kill 0\n"), 0);
}
END_TEST

/* ---------------------------------------------------------------- PSI */

START_TEST(psi_some_and_full)
{
	struct psi_memory p;
	ck_assert_int_eq(psi_parse("some avg10=1.25 avg60=0.50 avg300=0.10 total=123456\n"
				   "full avg10=0.75 avg60=0.20 avg300=0.05 total=65432\n",
				   &p),
			 0);
	ck_assert_double_eq_tol(p.some_avg10, 1.25, 1e-9);
	ck_assert_double_eq_tol(p.full_avg10, 0.75, 1e-9);
	/* total=: stall time in microseconds, a counter (Prometheus: _seconds_total) */
	ck_assert_int_eq(p.some_total_us, 123456);
	ck_assert_int_eq(p.full_total_us, 65432);
	/* a machine up for years: totals past 2^32 */
	ck_assert_int_eq(psi_parse("some avg10=0.00 avg60=0.00 avg300=0.00 total=98765432109876\n", &p), 0);
	ck_assert_int_eq(p.some_total_us, INT64_C(98765432109876));
	ck_assert_int_eq(p.full_total_us, VAL_UNKNOWN);
}
END_TEST

START_TEST(psi_some_only)
{
	/* 4.20–5.x /proc/pressure/cpu style, or a cgroup file without a full line */
	struct psi_memory p;
	ck_assert_int_eq(psi_parse("some avg10=2.00 avg60=0.00 avg300=0.00 total=9\n", &p), 0);
	ck_assert_double_eq_tol(p.some_avg10, 2.0, 1e-9);
	ck_assert(isnan(p.full_avg10));
	ck_assert_int_eq(p.some_total_us, 9);
	ck_assert_int_eq(p.full_total_us, VAL_UNKNOWN);
}
END_TEST

START_TEST(psi_garbage)
{
	struct psi_memory p;
	ck_assert_int_eq(psi_parse("", &p), -EINVAL);
	ck_assert(isnan(p.some_avg10) && isnan(p.full_avg10));
	ck_assert_int_eq(p.some_total_us, VAL_UNKNOWN);
	ck_assert_int_eq(psi_parse("hello world\n\n", &p), -EINVAL);
	ck_assert_int_eq(psi_parse("some\n", &p), -EINVAL);
	ck_assert_int_eq(psi_parse("some avg10=\n", &p), -EINVAL);
	ck_assert(isnan(p.some_avg10));
	ck_assert_int_eq(psi_parse("somebody avg10=5.00 total=7\n", &p), -EINVAL);
	ck_assert_int_eq(p.some_total_us, VAL_UNKNOWN);
	/* a `some` line without avg10 must not borrow the `full` line's value */
	ck_assert_int_eq(psi_parse("some total=5\nfull avg10=3.00 avg60=0 avg300=0 total=1\n", &p), -EINVAL);
	ck_assert(isnan(p.some_avg10));
	ck_assert_double_eq_tol(p.full_avg10, 3.0, 1e-9);
	ck_assert_int_eq(p.some_total_us, 5); /* its own total, though */
	ck_assert_int_eq(p.full_total_us, 1);
	/* nor its total; a total that is not a whole number, negative or overflows is unknown */
	ck_assert_int_eq(psi_parse("some avg10=1.00\nfull avg10=0 total=3\n", &p), 0);
	ck_assert_int_eq(p.some_total_us, VAL_UNKNOWN);
	ck_assert_int_eq(psi_parse("some avg10=1.00 total=-4\n", &p), 0);
	ck_assert_int_eq(p.some_total_us, VAL_UNKNOWN);
	ck_assert_int_eq(psi_parse("some avg10=1.00 total=12x\n", &p), 0);
	ck_assert_int_eq(p.some_total_us, VAL_UNKNOWN);
	ck_assert_int_eq(psi_parse("some avg10=1.00 total=99999999999999999999\n", &p), 0);
	ck_assert_int_eq(p.some_total_us, VAL_UNKNOWN);
}
END_TEST

/* ---------------------------------------------------------------- /proc/PID/cgroup */

/* v1 (3.10–5.x distributions before the v2 switch) */
static const char cg_v1[] = "11:pids:/system.slice/nas-agent.service\n"
			    "10:cpu,cpuacct:/system.slice/nas-agent.service\n"
			    "9:memory:/system.slice/nas-agent.service\n"
			    "8:memoryx:/wrong\n"
			    "1:name=systemd:/system.slice/nas-agent.service\n";
/* v2 only */
static const char cg_v2[] = "0::/user.slice/user-1000.slice/session-3.scope\n";
/* hybrid: this machine's shape — memory on v1 while the 0:: line exists */
static const char cg_hybrid[] = "9:name=systemd:/\n"
				"8:pids:/\n"
				"4:memory:/process_api/aa92a4bb5bc085bcc5a5ecf987516281\n"
				"3:cpuset:/\n"
				"0::/init.scope\n";

START_TEST(proc_cgroup_v1)
{
	char out[256];
	ck_assert_int_eq(proc_cgroup_parse(cg_v1, 1, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/system.slice/nas-agent.service");
	/* memory inside a combined list */
	ck_assert_int_eq(proc_cgroup_parse("5:cpu,memory,blkio:/joined\n", 1, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/joined");
	/* v1 file has no 0:: line */
	ck_assert_int_eq(proc_cgroup_parse(cg_v1, 2, out, sizeof(out)), -ENOENT);
}
END_TEST

START_TEST(proc_cgroup_v2)
{
	char out[256];
	ck_assert_int_eq(proc_cgroup_parse(cg_v2, 2, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/user.slice/user-1000.slice/session-3.scope");
	ck_assert_int_eq(proc_cgroup_parse(cg_v2, 1, out, sizeof(out)), -ENOENT);
	/* no trailing newline */
	ck_assert_int_eq(proc_cgroup_parse("0::/a/b", 2, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/a/b");
}
END_TEST

START_TEST(proc_cgroup_hybrid)
{
	char out[256];
	ck_assert_int_eq(proc_cgroup_parse(cg_hybrid, 1, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/process_api/aa92a4bb5bc085bcc5a5ecf987516281");
	ck_assert_int_eq(proc_cgroup_parse(cg_hybrid, 2, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/init.scope");
}
END_TEST

START_TEST(proc_cgroup_namespaced)
{
	char out[256];
	/* inside a cgroup namespace: its own cgroup is "/" */
	ck_assert_int_eq(proc_cgroup_parse("0::/\n", 2, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/");
	/* a process outside the reader's namespace shows as above the root */
	ck_assert_int_eq(proc_cgroup_parse("0::/../..\n", 2, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/../..");
	ck_assert_int_eq(proc_cgroup_parse("7:memory:/../../kubepods/pod1\n", 1, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/../../kubepods/pod1");
}
END_TEST

START_TEST(proc_cgroup_without_memory_line)
{
	char out[256];
	ck_assert_int_eq(proc_cgroup_parse("11:pids:/\n10:cpu,cpuacct:/\n1:name=systemd:/\n", 1, out, sizeof(out)),
			 -ENOENT);
	ck_assert_int_eq(proc_cgroup_parse("", 1, out, sizeof(out)), -ENOENT);
	ck_assert_int_eq(proc_cgroup_parse("garbage without colons\n", 2, out, sizeof(out)), -ENOENT);
	/* "10::/x" is not the v2 line, nor is "0:memory:/x" */
	ck_assert_int_eq(proc_cgroup_parse("10::/x\n0:memory:/y\n", 2, out, sizeof(out)), -ENOENT);
	/* too long for the buffer */
	char small[8];
	ck_assert_int_eq(proc_cgroup_parse("0::/0123456789\n", 2, small, sizeof(small)), -ENAMETOOLONG);
	ck_assert_int_eq(proc_cgroup_parse("0::/012345\n", 2, small, sizeof(small)), 0);
	ck_assert_str_eq(small, "/012345");
}
END_TEST

/* ---------------------------------------------------------------- mountinfo */

START_TEST(mountinfo_v1_only)
{
	/* 3.10, CentOS 7 */
	const char *buf =
		"18 40 0:17 / /sys rw,nosuid,nodev,noexec,relatime shared:6 - sysfs sysfs rw\n"
		"24 18 0:20 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:7 - tmpfs tmpfs ro,mode=755\n"
		"25 24 0:21 / /sys/fs/cgroup/systemd rw,nosuid,nodev,noexec,relatime shared:8 - cgroup cgroup "
		"rw,xattr,release_agent=/usr/lib/systemd/systemd-cgroups-agent,name=systemd\n"
		"28 24 0:24 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:11 - cgroup cgroup "
		"rw,cpuacct,cpu\n"
		"30 24 0:26 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:13 - cgroup cgroup "
		"rw,memory\n";
	struct mountinfo_cgroups m;
	ck_assert_int_eq(mountinfo_parse(buf, &m), 0);
	ck_assert(m.has_v1_memory);
	ck_assert_str_eq(m.v1_memory_path, "/sys/fs/cgroup/memory");
	ck_assert_str_eq(m.v1_memory_root, "/");
	ck_assert(!m.has_v2);
}
END_TEST

START_TEST(mountinfo_v2_only)
{
	/* Debian 12, 6.1 */
	const char *buf = "22 27 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw\n"
			  "26 21 0:23 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 "
			  "rw,nsdelegate,memory_recursiveprot\n";
	struct mountinfo_cgroups m;
	ck_assert_int_eq(mountinfo_parse(buf, &m), 0);
	ck_assert(!m.has_v1_memory);
	ck_assert(m.has_v2);
	ck_assert_str_eq(m.v2_path, "/sys/fs/cgroup");
	ck_assert_str_eq(m.v2_root, "/");
}
END_TEST

START_TEST(mountinfo_hybrid_this_machine)
{
	/* this CI machine: v1 memory + cgroup2 at unified without memory */
	const char *buf = "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
			  "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
			  "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
			  "40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd\n"
			  "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";
	struct mountinfo_cgroups m;
	ck_assert_int_eq(mountinfo_parse(buf, &m), 0);
	ck_assert(m.has_v1_memory);
	ck_assert_str_eq(m.v1_memory_path, "/sys/fs/cgroup/memory");
	ck_assert(m.has_v2);
	ck_assert_str_eq(m.v2_path, "/sys/fs/cgroup/unified");
}
END_TEST

START_TEST(mountinfo_hidepid_modes)
{
	const char *plain = "22 27 0:21 / /proc rw,relatime - proc proc rw\n";
	ck_assert_int_eq(mountinfo_proc_hidepid(plain, "/proc"), MOUNTINFO_HIDEPID_OFF);
	ck_assert_int_eq(mountinfo_proc_hidepid(plain, "/sys"), -1);
	ck_assert_int_eq(mountinfo_proc_hidepid("22 27 0:21 / /proc rw - proc proc rw,hidepid=2,gid=27\n", "/proc"),
			 MOUNTINFO_HIDEPID_INVISIBLE);
	ck_assert_int_eq(mountinfo_proc_hidepid("22 27 0:21 / /proc rw - proc proc rw,hidepid=noaccess\n", "/proc"),
			 MOUNTINFO_HIDEPID_NOACCESS);
	ck_assert_int_eq(mountinfo_proc_hidepid("22 27 0:21 / /proc rw - proc proc rw,hidepid=ptraceable\n", "/proc"),
			 MOUNTINFO_HIDEPID_PTRACEABLE);
	/* stacked mounts (unshare -m; mount -t proc -o hidepid=invisible): the last one wins */
	ck_assert_int_eq(mountinfo_proc_hidepid("22 27 0:21 / /proc rw - proc proc rw\n"
						"63 22 0:39 / /proc rw - proc proc rw,hidepid=invisible\n",
						"/proc"),
			 MOUNTINFO_HIDEPID_INVISIBLE);
	/* not a proc file system on /proc, a look-alike option */
	ck_assert_int_eq(mountinfo_proc_hidepid("5 1 0:5 / /proc rw - tmpfs none rw,hidepid=2\n", "/proc"), -1);
	ck_assert_int_eq(mountinfo_proc_hidepid("22 27 0:21 / /proc rw - proc proc rw,xhidepid=2\n", "/proc"),
			 MOUNTINFO_HIDEPID_OFF);
	ck_assert_int_eq(loadavg_parse_tasks("0.42 0.35 0.30 2/2085 12381\n"), 2085);
	ck_assert(!val_known(loadavg_parse_tasks("0.42 0.35 0.30\n1/2")));
	ck_assert(!val_known(loadavg_parse_tasks("")));
}
END_TEST

START_TEST(mountinfo_container_root)
{
	/* docker without a cgroup namespace, v1: the mount shows the container's own cgroup */
	const char *buf = "1197 1180 0:66 / / rw,relatime master:1 - overlay overlay rw,lowerdir=/l\n"
			  "1200 1199 0:27 /docker/2e088fe462e2a6a5b8b1b5f6a4c3a1e0f9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4 "
			  "/sys/fs/cgroup/memory ro,nosuid,nodev,noexec,relatime master:13 - cgroup cgroup rw,memory\n";
	struct mountinfo_cgroups m;
	ck_assert_int_eq(mountinfo_parse(buf, &m), 0);
	ck_assert(m.has_v1_memory);
	ck_assert_str_eq(m.v1_memory_path, "/sys/fs/cgroup/memory");
	ck_assert_str_eq(m.v1_memory_root,
			 "/docker/2e088fe462e2a6a5b8b1b5f6a4c3a1e0f9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4");

	/* and what that root does to a process's path */
	struct cgroup_hierarchy h = {.version = 1};
	strcpy(h.mount_root, m.v1_memory_root);
	char out[512];
	cgroup_path_relative(&h, "/docker/2e088fe462e2a6a5b8b1b5f6a4c3a1e0f9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4", out,
			     sizeof(out));
	ck_assert_str_eq(out, "/");
	cgroup_path_relative(&h, "/docker/2e088fe462e2a6a5b8b1b5f6a4c3a1e0f9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4/worker",
			     out, sizeof(out));
	ck_assert_str_eq(out, "/worker");
	/* a sibling whose name only starts like the root is not under it */
	cgroup_path_relative(&h, "/docker/2e088fe462e2a6a5b8b1b5f6a4c3a1e0f9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4x", out,
			     sizeof(out));
	ck_assert_str_eq(out, "/docker/2e088fe462e2a6a5b8b1b5f6a4c3a1e0f9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4x");
	/* mount root "/": paths unchanged */
	strcpy(h.mount_root, "/");
	cgroup_path_relative(&h, "/system.slice/a.service", out, sizeof(out));
	ck_assert_str_eq(out, "/system.slice/a.service");
}
END_TEST

START_TEST(mountinfo_v2_container_root)
{
	const char *buf = "700 690 0:30 /system.slice/docker-abc.scope /sys/fs/cgroup ro,nosuid - cgroup2 cgroup "
			  "rw,nsdelegate\n";
	struct mountinfo_cgroups m;
	ck_assert_int_eq(mountinfo_parse(buf, &m), 0);
	ck_assert(m.has_v2);
	ck_assert_str_eq(m.v2_path, "/sys/fs/cgroup");
	ck_assert_str_eq(m.v2_root, "/system.slice/docker-abc.scope");
}
END_TEST

START_TEST(mountinfo_octal_escapes)
{
	/* mount points with a space (\040), a tab (\011), a backslash (\134) */
	const char *buf = "50 31 0:40 / /mnt/my\\040cg\\011x\\134y rw,relatime shared:20 - cgroup cgroup rw,memory\n"
			  "51 31 0:41 /a\\040b /mnt/v2\\040dir rw - cgroup2 cgroup2 rw\n";
	struct mountinfo_cgroups m;
	ck_assert_int_eq(mountinfo_parse(buf, &m), 0);
	ck_assert(m.has_v1_memory);
	ck_assert_str_eq(m.v1_memory_path, "/mnt/my cg\tx\\y");
	ck_assert(m.has_v2);
	ck_assert_str_eq(m.v2_path, "/mnt/v2 dir");
	ck_assert_str_eq(m.v2_root, "/a b");
}
END_TEST

START_TEST(mountinfo_none_and_odd_lines)
{
	struct mountinfo_cgroups m;
	ck_assert_int_eq(mountinfo_parse("", &m), 0);
	ck_assert(!m.has_v1_memory && !m.has_v2);
	/* a memory-less v1 hierarchy, a memory word in the per-mount options only, lines
	 * without the " - " separator, a "memory" that is only a prefix */
	const char *buf = "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
			  "33 31 0:30 / /memory rw,memory - tmpfs tmpfs rw\n"
			  "garbage line\n"
			  "34 31 0:31 / /x rw - cgroup cgroup rw,memoryx\n"
			  "35 31\n";
	ck_assert_int_eq(mountinfo_parse(buf, &m), 0);
	ck_assert(!m.has_v1_memory);
	ck_assert(!m.has_v2);
	/* the first memory mount wins over a later bind mount */
	buf = "35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n"
	      "90 31 0:32 /sub /mnt/bind rw - cgroup cgroup rw,memory\n";
	ck_assert_int_eq(mountinfo_parse(buf, &m), 0);
	ck_assert_str_eq(m.v1_memory_path, "/sys/fs/cgroup/memory");
	ck_assert_str_eq(m.v1_memory_root, "/");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("parsers");
	TCase *tc = tcase_create("status");
	tcase_add_test(tc, status_normal_process);
	tcase_add_test(tc, status_kernel_thread_has_unknown_sizes);
	tcase_add_test(tc, status_old_kernel_without_rss_split_adds_pmd);
	tcase_add_test(tc, status_pmd_before_pte_and_alone);
	tcase_add_test(tc, status_name_is_unescaped_and_hashed);
	tcase_add_test(tc, status_rejects_what_is_not_a_status_file);
	tcase_add_test(tc, status_euid_and_capeff);
	suite_add_tcase(s, tc);
	tc = tcase_create("stat");
	tcase_add_test(tc, stat_plain);
	tcase_add_test(tc, stat_comm_with_spaces_and_parens);
	tcase_add_test(tc, stat_kernel_thread_flag);
	tcase_add_test(tc, stat_malformed);
	suite_add_tcase(s, tc);
	tc = tcase_create("system");
	tcase_add_test(tc, meminfo_with_available);
	tcase_add_test(tc, meminfo_without_available_is_estimated);
	tcase_add_test(tc, meminfo_without_total_fails);
	tcase_add_test(tc, vmstat_oom_kill);
	tcase_add_test(tc, psi_some_and_full);
	tcase_add_test(tc, psi_some_only);
	tcase_add_test(tc, psi_garbage);
	suite_add_tcase(s, tc);
	tc = tcase_create("proc_cgroup");
	tcase_add_test(tc, proc_cgroup_v1);
	tcase_add_test(tc, proc_cgroup_v2);
	tcase_add_test(tc, proc_cgroup_hybrid);
	tcase_add_test(tc, proc_cgroup_namespaced);
	tcase_add_test(tc, proc_cgroup_without_memory_line);
	suite_add_tcase(s, tc);
	tc = tcase_create("mountinfo");
	tcase_add_test(tc, mountinfo_v1_only);
	tcase_add_test(tc, mountinfo_v2_only);
	tcase_add_test(tc, mountinfo_hybrid_this_machine);
	tcase_add_test(tc, mountinfo_container_root);
	tcase_add_test(tc, mountinfo_hidepid_modes);
	tcase_add_test(tc, mountinfo_v2_container_root);
	tcase_add_test(tc, mountinfo_octal_escapes);
	tcase_add_test(tc, mountinfo_none_and_odd_lines);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
