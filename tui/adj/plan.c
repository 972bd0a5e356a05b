/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/adj/plan.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/estimate/badness.h"

const struct adj_plan_preset adj_plan_presets[] = {
	{"protect", -900, "nearly unkillable, inherited by children"},
	{"neutral", 0, "the kernel's default"},
	{"sacrifice", 1000, "killed first"},
};
const size_t adj_plan_presets_len = sizeof(adj_plan_presets) / sizeof(adj_plan_presets[0]);

void adj_plan_begin(struct adj_plan *pl, enum adj_op op, int arg, bool tagged)
{
	pl->op = op;
	pl->arg = arg;
	pl->tagged = tagged;
	pl->n = 0;
	pl->skipped = 0;
}

static int target_value(const struct adj_plan *pl, int old_adj)
{
	return pl->op == ADJ_OP_STEP ? oom_adj_step(old_adj, pl->arg) : pl->arg;
}

int adj_plan_add(struct adj_plan *pl, const struct proc_row *p)
{
	if (p->state != PROC_RUNNING || p->kernel_thread || !val_known(p->oom_score_adj)) {
		pl->skipped++;
		return -EINVAL;
	}
	if (pl->n >= ADJ_PLAN_MAX) {
		pl->skipped++;
		return -ENOSPC;
	}
	struct adj_target *t = &pl->t[pl->n++];
	t->pid = p->pid;
	t->start_ticks = p->start_ticks;
	t->old_adj = (int)p->oom_score_adj;
	t->new_adj = target_value(pl, t->old_adj);
	snprintf(t->comm, sizeof(t->comm), "%s", p->comm ? p->comm : "?");
	return 0;
}

void adj_plan_set_value(struct adj_plan *pl, int value)
{
	pl->op = ADJ_OP_SET;
	pl->arg = value;
	for (size_t i = 0; i < pl->n; i++)
		pl->t[i].new_adj = value;
}

size_t adj_plan_changes(const struct adj_plan *pl)
{
	size_t n = 0;
	for (size_t i = 0; i < pl->n; i++)
		n += pl->t[i].new_adj != pl->t[i].old_adj;
	return n;
}

bool adj_plan_enters_protection(const struct adj_plan *pl)
{
	for (size_t i = 0; i < pl->n; i++)
		if (oom_adj_needs_confirm(pl->t[i].old_adj, pl->t[i].new_adj))
			return true;
	return false;
}

int adj_plan_special(const struct adj_plan *pl, char *why, size_t len)
{
	for (size_t i = 0; i < pl->n; i++)
		if (pl->t[i].new_adj != pl->t[i].old_adj && oom_adj_is_special(pl->t[i].pid, 0, 0, why, len))
			return (int)i;
	return -1;
}

bool adj_plan_needs_confirm(const struct adj_plan *pl)
{
	char why[8];
	return pl->tagged || adj_plan_enters_protection(pl) || adj_plan_special(pl, why, sizeof(why)) >= 0;
}

int adj_plan_parse_value(const char *text, int *value, char *why, size_t whylen)
{
	char dummy[1];
	if (!why) {
		why = dummy;
		whylen = sizeof(dummy);
	}
	const char *p = text ? text : "";
	while (isspace((unsigned char)*p))
		p++;
	if (!*p) {
		snprintf(why, whylen, "type a value from -1000 to 1000");
		return -EINVAL;
	}
	const char *digits = p + (*p == '-' || *p == '+');
	if (!isdigit((unsigned char)*digits)) {
		snprintf(why, whylen, "not a number: type a value from -1000 to 1000");
		return -EINVAL;
	}
	errno = 0;
	char *end;
	long v = strtol(p, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (*end) {
		snprintf(why, whylen, "not a number: type a value from -1000 to 1000");
		return -EINVAL;
	}
	if (errno == ERANGE || !oom_adj_in_range(v)) {
		snprintf(why, whylen, "out of range: oom_score_adj goes from -1000 to 1000");
		return -ERANGE;
	}
	*value = (int)v;
	why[0] = '\0';
	return 0;
}

/* ---- preview ------------------------------------------------------------------------ */

static long proc_index(const struct snapshot *s, pid_t pid)
{
	for (size_t i = 0; i < s->nprocs; i++)
		if (s->procs[i]->pid == pid && s->procs[i]->state == PROC_RUNNING)
			return (long)i;
	return -1;
}

static void describe(const struct snapshot *s, pid_t pid, char *buf, size_t n)
{
	if (pid == 0) {
		snprintf(buf, n, "nobody (every candidate is at -1000)");
		return;
	}
	long i = proc_index(s, pid);
	snprintf(buf, n, "%d %s", (int)pid,
	         i >= 0 && s->procs[i]->comm ? s->procs[i]->comm : "?");
}

static void scope_name(const struct snapshot *s, int scope, char *buf, size_t n)
{
	if (scope == BADNESS_SCOPE_SYSTEM || scope < 0 || (size_t)scope >= s->ncgroups) {
		snprintf(buf, n, "the system");
		return;
	}
	const struct cgroup_row *c = &s->cgroups[scope];
	snprintf(buf, n, "%s", c->name ? c->name : c->path ? c->path : "?");
}

size_t adj_plan_preview(const struct snapshot *s, const struct adj_plan *pl,
                        char (*lines)[ADJ_PLAN_PREVIEW_LEN], size_t max)
{
	if (!s || !pl || max == 0)
		return 0;
	pid_t pids[ADJ_PLAN_MAX];
	int adjs[ADJ_PLAN_MAX];
	int scopes[ADJ_PLAN_MAX + 1];
	size_t np = 0, nscopes = 0;
	for (size_t i = 0; i < pl->n; i++) {
		long k = proc_index(s, pl->t[i].pid);
		if (k < 0 || s->procs[k]->start_ticks != pl->t[i].start_ticks)
			continue; /* gone since the plan was made */
		pids[np] = pl->t[i].pid;
		adjs[np++] = pl->t[i].new_adj;
		int sc = badness_proc_scope(s, (size_t)k);
		bool seen = false;
		for (size_t j = 0; j < nscopes && !seen; j++)
			seen = scopes[j] == sc;
		if (!seen)
			scopes[nscopes++] = sc;
	}
	if (np == 0) {
		snprintf(lines[0], ADJ_PLAN_PREVIEW_LEN, "no preview: the process is gone");
		return 1;
	}
	bool has_system = false;
	for (size_t j = 0; j < nscopes; j++)
		has_system |= scopes[j] == BADNESS_SCOPE_SYSTEM;
	if (!has_system)
		scopes[nscopes++] = BADNESS_SCOPE_SYSTEM; /* every process is in it too */
	size_t out = 0;
	for (size_t j = 0; j < nscopes; j++) {
		if (out == max - 1 && nscopes - j > 1) {
			snprintf(lines[out++], ADJ_PLAN_PREVIEW_LEN, "... and %zu more scopes", nscopes - j);
			break;
		}
		char name[96], was_s[48], now_s[48];
		pid_t was = badness_scope_victim(s, scopes[j], NULL);
		pid_t now = badness_victim_if_each(s, scopes[j], pids, adjs, np);
		scope_name(s, scopes[j], name, sizeof(name));
		describe(s, was, was_s, sizeof(was_s));
		describe(s, now, now_s, sizeof(now_s));
		if (was == now)
			snprintf(lines[out++], ADJ_PLAN_PREVIEW_LEN, "next victim in %s stays %s", name, now_s);
		else
			snprintf(lines[out++], ADJ_PLAN_PREVIEW_LEN,
			         "next victim in %s would become %s (was %s)", name, now_s, was_s);
	}
	return out;
}
