/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxsnap.h — a hand-built snapshot for the output tests: a NAS with a leaking
 * nas-agent (everything known), a process with everything unknown, hostile names and
 * command lines (EVIL_*), UTF-8 names, many rows; five cgroups with the breakdown known
 * for nas-agent only. build_snapshot() (re)fills the globals below; render() formats
 * them with one of core/output's formats and returns the text (caller frees). */
#ifndef OOMTOP_TESTS_FXSNAP_H
#define OOMTOP_TESTS_FXSNAP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/strbuf.h"
#include "core/model.h"
#include "core/output/output.h"

#define EVIL_COMM "evil\x1b[31m\n\xff\xfe"
#define EVIL_CMD "/bin/sh -c 'printf \x1b]0;pwned\x07'\r\n\x9b" "31m \xc2\x9b" "2J tab\there \x7f end"

extern struct proc_row procs[64];
extern struct proc_row *proc_ptrs[64]; /* snap.procs: proc_ptrs[i] = &procs[i] */
extern struct cgroup_row cgroups[5];
extern struct snapshot snap;
extern const struct proc_row *rows[64]; /* what the formats print, nrows of them */
extern size_t nrows;
extern bool render_detail; /* render() as with --detail (build_snapshot: false) */

void build_snapshot(void);
/* Adds the costly fields of nas-agent (1001) to the snapshot, as --detail reads them: PSS
 * 180M (anon 170M, file 10M), 812 fds of which 790 sockets, sampled; and one of the
 * OOM-killed ghost 1004 (outputs print none for it). */
void add_detail(void);
/* A row for pid with every value unknown, running, no slopes. */
struct proc_row blank(pid_t pid);
char *render(void (*fn)(struct strbuf *, const struct output_view *), size_t *len);

#endif
