/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/estimate/unit_rhythm.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *unit_rhythm_name_of(const struct oom_event *ev, bool *is_unit)
{
	*is_unit = ev->unit != NULL;
	return ev->unit ? ev->unit : ev->victim_comm ? ev->victim_comm : UNIT_RHYTHM_UNNAMED;
}

int unit_rhythm_group(const struct oom_event *evs, size_t n, struct unit_rhythms *out)
{
	memset(out, 0, sizeof(*out));
	if (n == 0)
		return 0;
	struct rhythm_kill *k = calloc(n, sizeof(*k));
	out->keys = calloc(n, sizeof(*out->keys));
	if (!k || !out->keys)
		goto oom;
	for (size_t i = 0; i < n; i++) {
		bool unit;
		const char *name = unit_rhythm_name_of(&evs[i], &unit);
		size_t len = strlen(name) + 2;
		if (!(out->keys[i] = malloc(len)))
			goto oom;
		out->nkeys = i + 1;
		/* 'u' or 'p' first: "x.service" may name a unit and a process */
		snprintf(out->keys[i], len, "%c%s", unit ? 'u' : 'p', name);
		k[i] = (struct rhythm_kill){out->keys[i], evs[i].time_unix_s};
	}
	struct rhythm *r = NULL;
	ssize_t nr = rhythm_compute(k, n, &r);
	if (nr < 0)
		goto oom;
	out->v = calloc((size_t)nr ? (size_t)nr : 1, sizeof(*out->v));
	if (!out->v) {
		free(r);
		goto oom;
	}
	for (ssize_t i = 0; i < nr; i++)
		out->v[i] = (struct unit_rhythm){r[i], r[i].key + 1, r[i].key[0] == 'u'};
	out->n = (size_t)nr;
	free(r);
	free(k);
	return 0;
oom:
	free(k);
	unit_rhythm_free(out);
	return -ENOMEM;
}

bool unit_rhythm_has(const struct unit_rhythm *g, const struct oom_event *ev)
{
	bool unit;
	const char *name = unit_rhythm_name_of(ev, &unit);
	return unit == g->is_unit && strcmp(name, g->name) == 0;
}

void unit_rhythm_free(struct unit_rhythms *rs)
{
	for (size_t i = 0; i < rs->nkeys; i++)
		free(rs->keys[i]);
	free(rs->keys);
	free(rs->v);
	memset(rs, 0, sizeof(*rs));
}
