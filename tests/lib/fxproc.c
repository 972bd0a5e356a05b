/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxproc.c — see fxproc.h. */
#include "config.h"
#include "tests/lib/fxproc.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/lib/fxtree.h"

#define PF_KTHREAD 0x00200000UL

struct fxproc fxproc_default(pid_t pid, const char *comm)
{
	struct fxproc p = {0};
	p.pid = pid;
	p.ppid = 1;
	p.comm = comm;
	p.cmdline = comm;
	p.start_ticks = 1000 + (uint64_t)pid;
	p.state = 'S';
	p.rss_kib = 10240;
	p.anon_kib = 8192;
	p.file_kib = 2048;
	p.pte_kib = 64;
	p.threads = 1;
	p.fds = 4;
	p.oom_score = 10;
	p.cgroup = "/";
	p.nofile_soft = 1024;
	p.nofile_hard = 4096;
	return p;
}

/* root/PID/name */
static void pid_rel(char *rel, size_t cap, pid_t pid, const char *name)
{
	snprintf(rel, cap, "%d/%s", (int)pid, name);
}

static void write_stat(const char *root, const struct fxproc *p)
{
	char rel[64], text[512];
	pid_rel(rel, sizeof(rel), p->pid, "stat");
	unsigned long flags = p->kernel_thread ? PF_KTHREAD | 0x40 : 0x400000;
	/* fields: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt
	 * cmajflt utime stime cutime cstime priority nice threads itreal starttime vsize rss */
	snprintf(text, sizeof(text),
		 "%d (%s) %c %d %d %d 0 -1 %lu 100 0 0 0 5 3 0 0 20 0 %lld 0 %llu %lld %lld 18446744073709551615\n",
		 (int)p->pid, p->comm, p->state, (int)p->ppid, (int)p->pid, (int)p->pid, flags,
		 (long long)p->threads, (unsigned long long)p->start_ticks, (long long)p->rss_kib * 3 * 1024,
		 (long long)p->rss_kib / 4);
	fxtree_write(root, rel, text);
}

static void write_status(const char *root, const struct fxproc *p)
{
	char rel[64], text[2048], mem[1024] = "";
	pid_rel(rel, sizeof(rel), p->pid, "status");
	if (!p->kernel_thread && !p->mm_gone)
		snprintf(mem, sizeof(mem),
			 "VmPeak:\t%8lld kB\nVmSize:\t%8lld kB\nVmLck:\t       0 kB\nVmPin:\t       0 kB\n"
			 "VmHWM:\t%8lld kB\nVmRSS:\t%8lld kB\nRssAnon:\t%8lld kB\nRssFile:\t%8lld kB\n"
			 "RssShmem:\t%8lld kB\nVmData:\t%8lld kB\nVmStk:\t     132 kB\nVmExe:\t      40 kB\n"
			 "VmLib:\t    2000 kB\nVmPTE:\t%8lld kB\nVmSwap:\t%8lld kB\nHugetlbPages:\t       0 kB\n"
			 "CoreDumping:\t0\nTHP_enabled:\t1\n",
			 (long long)p->rss_kib * 3, (long long)p->rss_kib * 3, (long long)p->rss_kib,
			 (long long)p->rss_kib, (long long)p->anon_kib, (long long)p->file_kib,
			 (long long)p->shmem_kib, (long long)p->anon_kib, (long long)p->pte_kib,
			 (long long)p->swap_kib);
	const char *state = p->state == 'R' ? "R (running)" : p->state == 'Z' ? "Z (zombie)" : "S (sleeping)";
	snprintf(text, sizeof(text),
		 "Name:\t%s\nUmask:\t0022\nState:\t%s\nTgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\n"
		 "TracerPid:\t0\nUid:\t%u\t%u\t%u\t%u\nGid:\t0\t0\t0\t0\nFDSize:\t64\nGroups:\t\n"
		 "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\nKthread:\t%d\n%s"
		 "Threads:\t%lld\nSigQ:\t0/63158\nSigPnd:\t0000000000000000\n",
		 p->comm, state, (int)p->pid, (int)p->pid, (int)p->ppid, (unsigned)p->uid, (unsigned)p->uid,
		 (unsigned)p->uid, (unsigned)p->uid, (int)p->pid, (int)p->pid, (int)p->pid, (int)p->pid,
		 p->kernel_thread ? 1 : 0, mem, (long long)p->threads);
	fxtree_write(root, rel, text);
}

void fxproc_statm_text(const struct fxproc *p, char *buf, size_t cap)
{
	if (p->kernel_thread || p->mm_gone) {
		snprintf(buf, cap, "0 0 0 0 0 0 0\n");
		return;
	}
	snprintf(buf, cap, "%lld %lld %lld 10 0 %lld 0\n", (long long)p->rss_kib * 3 / 4, (long long)p->rss_kib / 4,
		 (long long)(p->file_kib + p->shmem_kib) / 4, (long long)(p->anon_kib + p->pte_kib + p->swap_kib) / 4);
}

static void write_cmdline(const char *root, const struct fxproc *p)
{
	char rel[64], path[PATH_MAX];
	pid_rel(rel, sizeof(rel), p->pid, "cmdline");
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	fxtree_write(root, rel, ""); /* makes the directory */
	FILE *f = fopen(path, "w");
	ck_assert_msg(f != NULL, "cannot write %s: %s", path, strerror(errno));
	if (!p->kernel_thread && p->cmdline[0]) {
		/* "a b c" -> "a\0b\0c\0" */
		for (const char *c = p->cmdline; *c; c++)
			fputc(*c == ' ' ? '\0' : *c, f);
		fputc('\0', f);
	}
	ck_assert_msg(fclose(f) == 0, "cannot write %s", path);
}

static void write_fds(const char *root, const struct fxproc *p)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof(dir), "%s/%d/fd", root, (int)p->pid);
	ck_assert_msg(mkdir(dir, 0755) == 0 || errno == EEXIST, "mkdir %s: %s", dir, strerror(errno));
	DIR *d = opendir(dir);
	ck_assert_msg(d != NULL, "opendir %s: %s", dir, strerror(errno));
	struct dirent *de;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.' && atoi(de->d_name) >= p->fds) {
			char path[PATH_MAX + 300];
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			ck_assert_msg(unlink(path) == 0, "unlink %s: %s", path, strerror(errno));
		}
	closedir(d);
	for (int i = 0; i < p->fds; i++) {
		char rel[64];
		snprintf(rel, sizeof(rel), "%d/fd/%d", (int)p->pid, i);
		fxtree_write(root, rel, "");
	}
}

void fxproc_write_file(const char *root, const struct fxproc *p, const char *name)
{
	char rel[64], text[512];
	pid_rel(rel, sizeof(rel), p->pid, name);
	if (strcmp(name, "stat") == 0) {
		write_stat(root, p);
	} else if (strcmp(name, "status") == 0) {
		write_status(root, p);
	} else if (strcmp(name, "statm") == 0) {
		fxproc_statm_text(p, text, sizeof(text));
		fxtree_write(root, rel, text);
	} else if (strcmp(name, "cmdline") == 0) {
		write_cmdline(root, p);
	} else if (strcmp(name, "oom_score") == 0) {
		snprintf(text, sizeof(text), "%d\n", p->oom_score);
		fxtree_write(root, rel, text);
	} else if (strcmp(name, "oom_score_adj") == 0) {
		snprintf(text, sizeof(text), "%d\n", p->oom_score_adj);
		fxtree_write(root, rel, text);
	} else if (strcmp(name, "cgroup") == 0) {
		snprintf(text, sizeof(text), "0::%s\n", p->cgroup);
		fxtree_write(root, rel, text);
	} else if (strcmp(name, "limits") == 0) {
		/* as fs/proc/base.c prints it: "%-25s %-20s %-20s %-10s" */
		snprintf(text, sizeof(text),
			 "%-25s %-20s %-20s %-10s\n%-25s %-20s %-20s %-10s\n%-25s %-20lld %-20lld %-10s\n",
			 "Limit", "Soft Limit", "Hard Limit", "Units", "Max processes", "63366", "63366", "processes",
			 "Max open files", (long long)p->nofile_soft, (long long)p->nofile_hard, "files");
		if (p->nofile_soft)
			fxtree_write(root, rel, text);
	} else if (strcmp(name, "fd") == 0) {
		write_fds(root, p);
	} else if (strcmp(name, "exe") == 0) {
		/* the executable: a file of its own under root/bin, its inode what a rename keeps */
		char bin[PATH_MAX + 16], link[PATH_MAX];
		snprintf(link, sizeof(link), "%s/%s", root, rel);
		unlink(link);
		if (p->exe) {
			snprintf(text, sizeof(text), "bin/%s", p->exe);
			snprintf(bin, sizeof(bin), "%s/%s", root, text);
			struct stat st;
			if (stat(bin, &st) != 0)
				fxtree_write(root, text, "#!\n");
			fxtree_symlink(root, rel, bin);
		}
	} else {
		ck_abort_msg("fxproc: no file %s", name);
	}
}

void fxproc_write(const char *root, const struct fxproc *p)
{
	static const char *const names[] = {"stat", "status", "statm", "cmdline", "oom_score",
					    "oom_score_adj", "cgroup", "limits", "fd", "exe"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		fxproc_write_file(root, p, names[i]);
}

void fxproc_remove(const char *root, pid_t pid)
{
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%d", root, (int)pid);
	struct stat st;
	ck_assert_msg(stat(path, &st) == 0, "fxproc_remove: no %s", path);
	fxtree_remove(path);
}

void fxproc_write_system(const char *root, const struct fxproc_system *s)
{
	char text[2048];
	snprintf(text, sizeof(text),
		 "cpu  100 0 100 10000 0 0 0 0 0 0\ncpu0 100 0 100 10000 0 0 0 0 0 0\nintr 0\nctxt 0\n"
		 "btime %.0f\nprocesses 1000\nprocs_running 1\nprocs_blocked 0\nsoftirq 0 0 0 0 0 0 0 0 0 0 0\n",
		 s->btime_unix_s);
	fxtree_write(root, "stat", text);
	snprintf(text, sizeof(text),
		 "MemTotal:       %lld kB\nMemFree:        %lld kB\nMemAvailable:   %lld kB\n"
		 "Buffers:           1024 kB\nCached:          204800 kB\nSwapCached:            0 kB\n"
		 "SwapTotal:      %lld kB\nSwapFree:       %lld kB\n",
		 (long long)s->mem_total_kib, (long long)s->mem_available_kib / 2, (long long)s->mem_available_kib,
		 (long long)s->swap_total_kib, (long long)s->swap_free_kib);
	fxtree_write(root, "meminfo", text);
	snprintf(text, sizeof(text), "nr_free_pages 1000\npgfault 123456\noom_kill %lld\nnr_unstable 0\n",
		 (long long)s->oom_kills);
	fxtree_write(root, "vmstat", text);
	snprintf(text, sizeof(text),
		 "some avg10=%.2f avg60=0.50 avg300=0.10 total=123456\nfull avg10=%.2f avg60=0.20 avg300=0.05 total=45678\n",
		 s->psi_some_avg10, s->psi_full_avg10);
	fxtree_write(root, "pressure/memory", text);
	snprintf(text, sizeof(text), "%.2f %.2f\n", s->uptime_s, s->uptime_s * 1.5);
	fxtree_write(root, "uptime", text);
	snprintf(text, sizeof(text), "0.42 0.35 0.30 2/%d 12381\n", s->tasks);
	fxtree_write(root, "loadavg", text);
}
