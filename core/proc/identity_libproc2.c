/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/identity_libproc2.h"

#include <errno.h>
#include <libproc2/pids.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/proc/stat.h"
#include "core/base/strbuf.h"
#include "core/base/util.h"

/* libproc2 selects at most this many pids per call (FILL_ID_MAX in 4.0.x). */
#define SELECT_CHUNK 200

static enum pids_item items[] = {
	PIDS_ID_PID, PIDS_ID_PPID, PIDS_ID_EUID, PIDS_ID_EUSER, PIDS_CMD,
	PIDS_CMDLINE_V, PIDS_TICS_BEGAN, PIDS_FLAGS,
};
enum rel { R_PID, R_PPID, R_EUID, R_EUSER, R_CMD, R_CMDLINE_V, R_BEGAN, R_FLAGS };

struct libproc2_reader {
	struct proc_identity_reader base; /* first: a pointer to one is a pointer to the other */
	struct pids_info *info;
	struct strbuf cmdline;
};

static void join(struct strbuf *sb, char **v, char sep)
{
	sb_reset(sb);
	sb_puts(sb, "");
	for (size_t i = 0; v && v[i]; i++) {
		if (i)
			sb_putc(sb, sep);
		sb_puts(sb, v[i]);
	}
}

/* libproc2 reads by path: the pins are not used (the feed opened them before this read,
 * which is what proves the identity) */
static int libproc2_read(struct proc_identity_reader *base, const pid_t *pids, const int *pins, size_t n,
			 proc_identity_cb cb, void *ctx)
{
	(void)pins;
	struct libproc2_reader *r = (struct libproc2_reader *)base;
	int found = 0;
	unsigned chunk[SELECT_CHUNK];
	for (size_t off = 0; off < n; off += SELECT_CHUNK) {
		size_t m = n - off < SELECT_CHUNK ? n - off : SELECT_CHUNK;
		for (size_t i = 0; i < m; i++)
			chunk[i] = (unsigned)pids[off + i];
		struct pids_fetch *f = procps_pids_select(r->info, chunk, (int)m, PIDS_SELECT_PID);
		if (!f)
			return found ? found : -EIO;
		for (int i = 0; i < f->counts->total; i++) {
			struct pids_stack *s = f->stacks[i];
			struct proc_identity id;
			id.pid = PIDS_VAL(R_PID, s_int, s, r->info);
			id.ppid = PIDS_VAL(R_PPID, s_int, s, r->info);
			id.uid = PIDS_VAL(R_EUID, u_int, s, r->info);
			id.user = PIDS_VAL(R_EUSER, str, s, r->info);
			id.comm = PIDS_VAL(R_CMD, str, s, r->info);
			id.start_ticks = PIDS_VAL(R_BEGAN, ull_int, s, r->info);
			unsigned long flags = PIDS_VAL(R_FLAGS, ul_int, s, r->info);
			id.kernel_thread = (flags & PROC_STAT_PF_KTHREAD) || id.pid == 2 || id.ppid == 2;
			char **argv = PIDS_VAL(R_CMDLINE_V, strv, s, r->info);
			/* libproc2 substitutes "[comm]" when there is no cmdline: keep it empty */
			if (id.kernel_thread || !argv || !argv[0] || (argv[0][0] == '[' && !argv[1] &&
								     strchr(argv[0], ']')))
				join(&r->cmdline, NULL, ' ');
			else
				join(&r->cmdline, argv, ' ');
			id.cmdline = r->cmdline.oom ? "" : r->cmdline.buf;
			if (!id.user)
				id.user = "";
			if (!id.comm)
				id.comm = "";
			cb(ctx, &id);
			found++;
		}
	}
	return found;
}

static void libproc2_free(struct proc_identity_reader *base)
{
	struct libproc2_reader *r = (struct libproc2_reader *)base;
	procps_pids_unref(&r->info);
	sb_free(&r->cmdline);
	free(r);
}

static const struct proc_identity_ops libproc2_ops = {libproc2_read, libproc2_free};

struct proc_identity_reader *proc_identity_libproc2_new(void)
{
	struct libproc2_reader *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->base.ops = &libproc2_ops;
	int rc = procps_pids_new(&r->info, items, (int)ARRAY_SIZE(items));
	if (rc < 0) {
		free(r);
		errno = -rc;
		return NULL;
	}
	sb_init(&r->cmdline);
	return &r->base;
}
