/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxtable.c — see fxtable.h. */
#include "config.h"
#include "tests/lib/fxptab.h"

#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/proc/identity_procfs.h"
#include "tests/lib/fxident.h"
#include "tests/lib/fxtree.h"

void fxptab_open_with(struct fxptab *f, uint64_t held_kmem, bool fd_count_by_size, bool one_shot, bool procfs)
{
	memset(f, 0, sizeof(*f));
	fxtree_make(f->root, sizeof(f->root), "proctable");
	ck_assert_ptr_nonnull(realpath(f->root, f->real_root));
	struct fxproc_system sys = {.btime_unix_s = FXPTAB_BTIME_UNIX_S, .mem_total_kib = 8 << 20, .mem_available_kib = 4 << 20};
	fxproc_write_system(f->root, &sys);
	if (procfs) {
		f->root_fd = open(f->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		ck_assert_int_ge(f->root_fd, 0);
		f->ids = proc_identity_procfs_new(f->root_fd);
	} else {
		f->root_fd = -1;
		f->ids = fxident_new(f->root);
	}
	ck_assert_ptr_nonnull(f->ids);
	f->hier.version = 2;
	strcpy(f->hier.mount, "/sys/fs/cgroup");
	strcpy(f->hier.mount_root, "/");
	f->k.fd_count_by_size = fd_count_by_size;
	f->k.score_by_inputs = true;
	f->mem_total_bytes = INT64_C(8) << 30;
	struct proc_table_config cfg = {
		.proc_root = f->root,
		.hier = &f->hier,
		.ghost_ttl_s = FXPTAB_TTL_S,
		.window_s = FXPTAB_WINDOW_S,
		.held_kmem_bytes = held_kmem,
		.one_shot = one_shot,
		.kernel = &f->k,
		.identity = f->ids,
	};
	char err[256];
	f->t = proc_table_new(&cfg, err, sizeof(err));
	ck_assert_msg(f->t != NULL, "proc_table_new: %s", err);
	f->now_s = -1;
}

void fxptab_open(struct fxptab *f, uint64_t held_kmem, bool fd_count_by_size)
{
	fxptab_open_with(f, held_kmem, fd_count_by_size, false, false);
}

void fxptab_close(struct fxptab *f)
{
	proc_table_free(f->t);
	proc_identity_free(f->ids);
	if (f->root_fd >= 0)
		close(f->root_fd);
	fxtree_remove(f->root);
}

void fxptab_refresh_at(struct fxptab *f, double at_s)
{
	f->now_s = at_s;
	proc_table_set_totals(f->t, f->mem_total_bytes, 0);
	ck_assert_int_eq(proc_table_refresh(f->t, (int64_t)(at_s * 1000), FXPTAB_T0_UNIX_S + at_s), 0);
}

void fxptab_refresh(struct fxptab *f)
{
	fxptab_refresh_at(f, f->now_s + 1);
}

struct proc_entry *fxptab_live(struct fxptab *f, pid_t pid)
{
	size_t n;
	struct proc_entry **v = proc_table_live(f->t, &n);
	for (size_t i = 0; i < n; i++)
		if (v[i]->row.pid == pid)
			return v[i];
	return NULL;
}

struct proc_entry *fxptab_ghost(struct fxptab *f, pid_t pid)
{
	size_t n;
	struct proc_entry **v = proc_table_ghosts(f->t, &n);
	struct proc_entry *found = NULL;
	for (size_t i = 0; i < n; i++)
		if (v[i]->row.pid == pid) {
			ck_assert_msg(!found, "two ghosts of pid %d", (int)pid);
			found = v[i];
		}
	return found;
}

uint64_t fxptab_held_fds(struct fxptab *f)
{
	struct proc_held_budget h;
	proc_table_held(f->t, &h, NULL);
	return h.fds;
}

size_t fxptab_nghosts(struct fxptab *f)
{
	size_t n;
	proc_table_ghosts(f->t, &n);
	return n;
}

size_t fxptab_open_files(struct fxptab *f, pid_t pid, char *names, size_t cap)
{
	static const char *const order[] = {"dir", "oom_score_adj", "fd", "statm", "status", "oom_score"};
	enum { NORDER = sizeof(order) / sizeof(order[0]) };
	bool has[NORDER] = {false};
	size_t n = 0;
	DIR *d = opendir("/proc/self/fd");
	ck_assert_ptr_nonnull(d);
	struct dirent *de;
	char prefix[PATH_MAX + 32];
	snprintf(prefix, sizeof(prefix), "%s/%d/", f->real_root, (int)pid);
	size_t rootlen = strlen(f->real_root);
	while ((de = readdir(d))) {
		char link[PATH_MAX + 64], target[PATH_MAX];
		snprintf(link, sizeof(link), "/proc/self/fd/%s", de->d_name);
		ssize_t l = readlink(link, target, sizeof(target) - 1);
		if (l <= 0)
			continue;
		target[l] = '\0';
		if (strncmp(target, f->real_root, rootlen) != 0 || target[rootlen] != '/')
			continue;
		const char *rel = target + rootlen + 1;
		if (strspn(rel, "0123456789") == 0)
			continue; /* the table's own fd of the root's other files */
		n++;
		if (strncmp(target, prefix, strlen(prefix) - 1) == 0 && target[strlen(prefix) - 1] == '\0')
			has[0] = true; /* PID itself: the pin */
		else if (strncmp(target, prefix, strlen(prefix)) == 0)
			for (int i = 1; i < NORDER; i++)
				if (strcmp(target + strlen(prefix), order[i]) == 0)
					has[i] = true;
	}
	closedir(d);
	if (names) {
		names[0] = '\0';
		for (int i = 0; i < NORDER; i++)
			if (has[i])
				snprintf(names + strlen(names), cap - strlen(names), "%s%s", names[0] ? " " : "", order[i]);
	}
	return n;
}


struct fxproc fxptab_agent(void)
{
	struct fxproc p = fxproc_default(300, "agent");
	p.cmdline = "/usr/bin/agent --serve x";
	p.ppid = 1;
	p.start_ticks = 5000;
	p.rss_kib = 20480;
	p.anon_kib = 16384;
	p.file_kib = 3072;
	p.shmem_kib = 1024;
	p.swap_kib = 512;
	p.pte_kib = 128;
	p.threads = 7;
	p.fds = 9;
	p.oom_score = 345;
	p.oom_score_adj = -100;
	p.cgroup = "/system.slice/agent.service";
	return p;
}

void fxptab_assert_agent_row(const struct proc_row *r)
{
	ck_assert_int_eq(r->pid, 300);
	ck_assert_int_eq(r->ppid, 1);
	ck_assert_int_eq(r->uid, 0);
	ck_assert_str_eq(r->user, "root");
	ck_assert_str_eq(r->comm, "agent");
	ck_assert_str_eq(r->cmdline, "/usr/bin/agent --serve x");
	ck_assert_uint_eq(r->start_ticks, 5000);
	ck_assert_double_eq_tol(r->start_time_unix_s, FXPTAB_BTIME_UNIX_S + 5000.0 / (double)sysconf(_SC_CLK_TCK), 1e-6);
	ck_assert(!r->kernel_thread);
	ck_assert_int_eq(r->rss_bytes, 20480 * FXPTAB_KIB);
	ck_assert_int_eq(r->rss_anon_bytes, 16384 * FXPTAB_KIB);
	ck_assert_int_eq(r->rss_file_bytes, 3072 * FXPTAB_KIB);
	ck_assert_int_eq(r->rss_shmem_bytes, 1024 * FXPTAB_KIB);
	ck_assert_int_eq(r->swap_bytes, 512 * FXPTAB_KIB);
	ck_assert_int_eq(r->pgtables_bytes, 128 * FXPTAB_KIB);
	ck_assert_int_eq(r->threads, 7);
	ck_assert_int_eq(r->oom_score, 345);
	ck_assert_int_eq(r->oom_score_adj, -100);
	ck_assert_ptr_nonnull(r->cgroup);
	ck_assert_str_eq(r->cgroup, "/system.slice/agent.service");
	ck_assert_int_eq(r->state, PROC_RUNNING);
	ck_assert(isnan(r->exited_unix_s));
}

struct fxproc fxptab_kthreadd(void)
{
	struct fxproc kt = fxproc_default(2, "kthreadd");
	kt.kernel_thread = true;
	kt.ppid = 0;
	kt.cmdline = "";
	return kt;
}
