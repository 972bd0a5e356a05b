/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/held.h"

#include <stdbool.h>

const char *proc_held_name(enum proc_held_file f)
{
	static const char *const names[PROC_HELD_NFILES] = {
		[PROC_HELD_DIR] = "",
		[PROC_HELD_STATM] = "statm",
		[PROC_HELD_STATUS] = "status",
		[PROC_HELD_SCORE] = "oom_score",
		[PROC_HELD_ADJ] = "oom_score_adj",
		[PROC_HELD_FDDIR] = "fd",
	};
	return (unsigned)f < PROC_HELD_NFILES ? names[f] : "";
}

static uint64_t unit_cost(const struct proc_held_cost *c, enum proc_held_unit unit)
{
	return unit == PROC_HELD_BY_KMEM ? c->kmem_bytes : c->fds;
}

static bool worth_holding(const struct proc_held_cost *c, unsigned min_save_ns_per_kib)
{
	if (c->save_ns == 0)
		return false;
	/* save_ns / (kmem_bytes / 1024) >= min, without division */
	return (uint64_t)c->save_ns * 1024 >= (uint64_t)min_save_ns_per_kib * c->kmem_bytes;
}

/* a before b: more saving per unit (cross-multiplied: a cost of 0 is worth the most),
 * then more saving, then enum order */
static bool ranks_before(const struct proc_held_cost *costs, enum proc_held_unit unit, enum proc_held_file a,
			 enum proc_held_file b)
{
	uint64_t sa = costs[a].save_ns, sb = costs[b].save_ns;
	uint64_t ca = unit_cost(&costs[a], unit), cb = unit_cost(&costs[b], unit);
	if (sa * cb != sb * ca)
		return sa * cb > sb * ca;
	if (sa != sb)
		return sa > sb;
	return a < b;
}

void proc_held_policy_init(struct proc_held_policy *p, const struct proc_held_cost *costs,
			   enum proc_held_unit unit, unsigned min_save_ns_per_kib)
{
	p->unit = unit;
	p->nlevels = 0;
	for (int f = 0; f < PROC_HELD_NFILES; f++) {
		if (!worth_holding(&costs[f], min_save_ns_per_kib))
			continue;
		int i = p->nlevels++; /* insertion: six files at most */
		while (i > 0 && ranks_before(costs, unit, (enum proc_held_file)f, p->order[i - 1])) {
			p->order[i] = p->order[i - 1];
			i--;
		}
		p->order[i] = (enum proc_held_file)f;
	}
	p->level_cost[0] = (struct proc_held_budget){0, 0};
	for (int i = 0; i < p->nlevels; i++) {
		const struct proc_held_cost *c = &costs[p->order[i]];
		p->level_cost[i + 1].fds = p->level_cost[i].fds + c->fds;
		p->level_cost[i + 1].kmem_bytes = p->level_cost[i].kmem_bytes + c->kmem_bytes;
	}
}

static bool fits(const struct proc_held_budget *cost, const struct proc_held_budget *share)
{
	return cost->fds <= share->fds && cost->kmem_bytes <= share->kmem_bytes;
}

int proc_held_level_for(const struct proc_held_policy *p, const struct proc_held_budget *share)
{
	int level = 0;
	while (level < p->nlevels && fits(&p->level_cost[level + 1], share))
		level++;
	return level;
}

/* how many of `left` the next level's step buys, at most n; a step of 0 buys them all */
static uint64_t steps(uint64_t left, uint64_t step, uint64_t n)
{
	if (step == 0)
		return n;
	uint64_t k = left / step;
	return k < n ? k : n;
}

struct proc_held_split proc_held_split(const struct proc_held_policy *p, const struct proc_held_budget *budget,
				       size_t n)
{
	struct proc_held_split s = {0, 0};
	if (n == 0)
		return s;
	struct proc_held_budget share = {budget->fds / n, budget->kmem_bytes / n};
	s.base = proc_held_level_for(p, &share);
	if (s.base < p->nlevels) {
		/* what is left after everyone's base level buys the next level for some */
		const struct proc_held_budget *at = &p->level_cost[s.base], *next = &p->level_cost[s.base + 1];
		uint64_t e = steps(budget->fds - (uint64_t)n * at->fds, next->fds - at->fds, n);
		uint64_t k = steps(budget->kmem_bytes - (uint64_t)n * at->kmem_bytes, next->kmem_bytes - at->kmem_bytes, n);
		s.extra = (size_t)(e < k ? e : k);
	}
	return s;
}

int proc_held_split_level(const struct proc_held_split *s, size_t rank, size_t n)
{
	return s->base + (rank >= n - s->extra);
}

int proc_held_new_level(const struct proc_held_policy *p, int level, const struct proc_held_budget *budget,
			const struct proc_held_budget *taken, size_t left)
{
	if (level > p->nlevels)
		level = p->nlevels;
	struct proc_held_budget share = p->level_cost[level];
	uint64_t l = left ? left : 1;
	if (taken->fds < budget->fds)
		share.fds += (budget->fds - taken->fds) / l;
	if (taken->kmem_bytes < budget->kmem_bytes)
		share.kmem_bytes += (budget->kmem_bytes - taken->kmem_bytes) / l;
	return proc_held_level_for(p, &share);
}
