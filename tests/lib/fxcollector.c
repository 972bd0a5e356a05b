/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tests/lib/fxcollector.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "tests/lib/fxident.h"
#include "tests/lib/fxtree.h"

static int64_t fake_mono_ms(void *ctx)
{
	return ((struct fxcollector_clock *)ctx)->mono_ms;
}

static double fake_unix_s(void *ctx)
{
	return ((struct fxcollector_clock *)ctx)->unix_s;
}

void fxcollector_open(struct fxcollector *f, const char *name)
{
	memset(f, 0, sizeof(*f));
	fxtree_make(f->top, sizeof(f->top), name);
	snprintf(f->root, sizeof(f->root), "%s/proc", f->top);
	snprintf(f->cgroot, sizeof(f->cgroot), "%s/cgroup", f->top);
	fxtree_copy(FIXTURES "/cgroup/v2", f->cgroot);
	f->sys = (struct fxproc_system){
	    .btime_unix_s = FXCOLLECTOR_T0_UNIX_S - 10000,
	    .mem_total_kib = 16 << 20,
	    .mem_available_kib = 6 << 20,
	    .swap_total_kib = 2 << 20,
	    .swap_free_kib = 3 << 19,
	    .oom_kills = 3,
	    .psi_some_avg10 = 1.25,
	    .psi_full_avg10 = 0.5,
	    .uptime_s = 10000.5,
	    .tasks = 200,
	};
	fxproc_write_system(f->root, &f->sys);
	f->ids = fxident_new(f->root);
	ck_assert_ptr_nonnull(f->ids);
	f->now = (struct fxcollector_clock){100000, FXCOLLECTOR_T0_UNIX_S};
	f->clock = (struct collector_clock){fake_mono_ms, fake_unix_s, &f->now};
}

void fxcollector_config(struct fxcollector *f, struct collector_config *cfg, const char *journal)
{
	collector_config_defaults(cfg);
	cfg->proc_root = f->root;
	cfg->cgroup_root = f->cgroot;
	cfg->cgroup_version = 2;
	cfg->window_s = 30;
	cfg->interval_s = 5;
	cfg->follow_kmsg = journal != NULL;
	cfg->journal = journal != NULL;
	cfg->journal_path = journal;
	cfg->identity = f->ids;
	cfg->clock = &f->clock;
}

void fxcollector_start(struct fxcollector *f, const char *journal)
{
	struct collector_config cfg;
	fxcollector_config(f, &cfg, journal);
	char err[256];
	f->c = collector_new(&cfg, err, sizeof(err));
	ck_assert_msg(f->c != NULL, "collector_new: %s", err);
}

const struct snapshot *fxcollector_refresh_at(struct fxcollector *f, double at_s)
{
	f->now.mono_ms = 100000 + (int64_t)(at_s * 1000);
	f->now.unix_s = FXCOLLECTOR_T0_UNIX_S + at_s;
	ck_assert_int_eq(collector_refresh(f->c), 0);
	return collector_snapshot(f->c);
}

void fxcollector_write_value(struct fxcollector *f, const char *cg, const char *file, int64_t v)
{
	char rel[PATH_MAX], text[32];
	snprintf(rel, sizeof(rel), "%s/%s", cg, file);
	snprintf(text, sizeof(text), "%lld\n", (long long)v);
	fxtree_write(f->cgroot, rel, text);
}

void fxcollector_write_stat(struct fxcollector *f, const char *cg, int64_t anon, int64_t file,
                            int64_t inactive_file)
{
	char rel[PATH_MAX], text[256];
	snprintf(rel, sizeof(rel), "%s/memory.stat", cg);
	snprintf(text, sizeof(text),
	         "anon %lld\nfile %lld\nkernel 4096\nsock 0\nshmem 0\ninactive_file %lld\n",
	         (long long)anon, (long long)file, (long long)inactive_file);
	fxtree_write(f->cgroot, rel, text);
}

const struct proc_row *fxcollector_proc(const struct snapshot *s, pid_t pid)
{
	for (size_t i = 0; i < s->nprocs; i++)
		if (s->procs[i]->pid == pid)
			return s->procs[i];
	ck_abort_msg("pid %d not in the snapshot", (int)pid);
	return NULL;
}

const struct cgroup_row *fxcollector_cgroup(const struct snapshot *s, const char *path)
{
	for (size_t i = 0; i < s->ncgroups; i++)
		if (strcmp(s->cgroups[i].path, path) == 0)
			return &s->cgroups[i];
	ck_abort_msg("cgroup %s not in the snapshot", path);
	return NULL;
}

void fxcollector_close(struct fxcollector *f)
{
	collector_free(f->c);
	proc_identity_free(f->ids);
	fxtree_remove(f->top);
}
