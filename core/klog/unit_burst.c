/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/unit_burst.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"

#define CHAIN_MAX 16

void unit_burst_init(struct unit_burst *b) { memset(b, 0, sizeof(*b)); }

bool unit_burst_fits(const struct unit_burst *b, const char *boot_id, double t, const char *unit,
		     const char *manager)
{
	if (!b->n)
		return true;
	bool same_boot = !b->boot_id[0] || !boot_id || !boot_id[0] || strcmp(b->boot_id, boot_id) == 0;
	if (!same_boot || t - b->last > UNIT_BURST_GAP_S || t < b->first - UNIT_BURST_GAP_S ||
	    b->n >= UNIT_BURST_MAX)
		return false;
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->node[i].unit, unit) == 0 && strcmp(b->node[i].manager, manager ? manager : "") == 0)
			return false;
	return true;
}

bool unit_burst_add(struct unit_burst *b, const char *boot_id, double t, const char *unit,
		    const char *manager, const char *text)
{
	if (b->n >= UNIT_BURST_MAX || !util_grow((void **)&b->node, &b->cap, b->n + 1, sizeof(*b->node)))
		return false;
	struct unit_burst_node *x = &b->node[b->n];
	memset(x, 0, sizeof(*x));
	snprintf(x->unit, sizeof(x->unit), "%s", unit);
	snprintf(x->manager, sizeof(x->manager), "%s", manager ? manager : "");
	x->t = t;
	x->text = strdup(text ? text : "");
	x->parent = -1;
	if (!b->n) {
		snprintf(b->boot_id, sizeof(b->boot_id), "%s", boot_id ? boot_id : "");
		b->first = t;
	}
	if (!b->n || t > b->last)
		b->last = t;
	b->n++;
	return true;
}

void unit_burst_remove(struct unit_burst *b, size_t i)
{
	if (i >= b->n)
		return;
	free(b->node[i].text);
	memmove(&b->node[i], &b->node[i + 1], (b->n - i - 1) * sizeof(*b->node));
	b->n--;
}

static int find_node(const struct unit_burst *b, const char *pattern, const char *manager, size_t not)
{
	for (size_t j = 0; j < b->n; j++)
		if (j != not && strcmp(b->node[j].manager, manager) == 0 &&
		    unit_name_match(pattern, b->node[j].unit))
			return (int)j;
	return -1;
}

/* The nearest ancestor of node i present in the moment, by systemd's naming rules. */
static int nearest_ancestor(const struct unit_burst *b, size_t i)
{
	char cur[UNIT_NAME_MAX], mgr[UNIT_NAME_MAX], par[UNIT_NAME_MAX];
	memcpy(cur, b->node[i].unit, sizeof(cur));
	memcpy(mgr, b->node[i].manager, sizeof(mgr));
	for (int depth = 0; depth < CHAIN_MAX; depth++) {
		if (!unit_name_parent(cur, mgr, par, sizeof(par)))
			return -1;
		if (mgr[0] && strcmp(par, mgr) == 0) /* a user manager's top: its user@.service */
			mgr[0] = '\0';
		int j = find_node(b, par, mgr, i);
		if (j >= 0)
			return j;
		memcpy(cur, par, sizeof(cur));
	}
	return -1;
}

void unit_burst_resolve(struct unit_burst *b, unit_burst_row_fn row, void *ctx)
{
	size_t n = b->n;
	for (size_t i = 0; i < n; i++) {
		b->node[i].parent = nearest_ancestor(b, i);
		if (b->node[i].parent >= 0)
			b->node[b->node[i].parent].claimed = true;
	}
	/* a service in a slice its name does not tell (Slice=): the slice reported alone */
	for (size_t i = 0; i < n; i++) {
		struct unit_burst_node *u = &b->node[i];
		if (u->parent >= 0 || unit_name_is_slice(u->unit))
			continue;
		for (size_t k = 0; k < n; k++) {
			struct unit_burst_node *s = &b->node[k];
			if (k != i && !s->claimed && unit_name_is_slice(s->unit) &&
			    strcmp(s->manager, u->manager) == 0) {
				u->parent = (int)k;
				s->claimed = true;
				break;
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (b->node[i].claimed)
			continue;
		int chain[CHAIN_MAX];
		size_t nc = 0;
		for (int j = (int)i; j >= 0 && nc < CHAIN_MAX; j = b->node[j].parent) {
			bool seen = false; /* a cycle in garbage input */
			for (size_t c = 0; c < nc; c++)
				seen = seen || chain[c] == j;
			if (seen)
				break;
			chain[nc++] = j;
		}
		row(ctx, b, chain, nc);
	}
	for (size_t i = 0; i < n; i++)
		free(b->node[i].text);
	b->n = 0;
}

void unit_burst_free(struct unit_burst *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->node[i].text);
	free(b->node);
	unit_burst_init(b);
}
