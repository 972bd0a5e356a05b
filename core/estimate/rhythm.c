/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/estimate/rhythm.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y ? 1 : 0;
}

/* Median of v[0..n), n > 0; sorts v. */
static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct keyed {
	const char *key;
	double t;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	/* untimed kills last */
	if (isnan(x->t) || isnan(y->t))
		return isnan(x->t) - isnan(y->t);
	return x->t < y->t ? -1 : x->t > y->t ? 1 : 0;
}

static int cmp_rhythm(const void *a, const void *b)
{
	const struct rhythm *x = a, *y = b;
	if (x->kills != y->kills)
		return x->kills > y->kills ? -1 : 1;
	double lx = isnan(x->last_unix_s) ? -INFINITY : x->last_unix_s;
	double ly = isnan(y->last_unix_s) ? -INFINITY : y->last_unix_s;
	if (lx != ly)
		return lx > ly ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* The figures of one key's kills k[0..n), sorted by time, untimed last. */
static void one(const struct keyed *k, size_t n, double *iv, struct rhythm *r)
{
	memset(r, 0, sizeof(*r));
	r->key = k[0].key;
	r->kills = n;
	r->first_unix_s = r->last_unix_s = r->last_episode_unix_s = NAN;
	r->interval_s = r->spread_s = r->next_unix_s = NAN;
	size_t niv = 0;
	double prev = NAN, episode = NAN;
	for (size_t i = 0; i < n && !isnan(k[i].t); i++) {
		double t = k[i].t;
		if (isnan(r->first_unix_s))
			r->first_unix_s = t;
		r->last_unix_s = t;
		if (isnan(prev) || t - prev > RHYTHM_EPISODE_GAP_S) {
			if (!isnan(episode))
				iv[niv++] = t - episode;
			episode = t;
			r->episodes++;
		}
		prev = t;
	}
	r->last_episode_unix_s = episode;
	if (niv == 0)
		return;
	r->interval_s = median(iv, niv);
	r->next_unix_s = episode + r->interval_s;
	if (niv < 2)
		return;
	for (size_t i = 0; i < niv; i++)
		iv[i] = fabs(iv[i] - r->interval_s);
	r->spread_s = median(iv, niv);
}

ssize_t rhythm_compute(const struct rhythm_kill *kills, size_t n, struct rhythm **out)
{
	*out = NULL;
	size_t m = 0;
	struct keyed *k = malloc((n ? n : 1) * sizeof(*k));
	double *iv = malloc((n ? n : 1) * sizeof(*iv));
	if (!k || !iv) {
		free(k);
		free(iv);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (kills[i].key)
			k[m++] = (struct keyed){kills[i].key, kills[i].time_unix_s};
	qsort(k, m, sizeof(*k), cmp_keyed);
	size_t nkeys = 0;
	for (size_t i = 0; i < m; i++)
		if (i == 0 || strcmp(k[i].key, k[i - 1].key) != 0)
			nkeys++;
	struct rhythm *r = nkeys ? calloc(nkeys, sizeof(*r)) : NULL;
	if (nkeys && !r) {
		free(k);
		free(iv);
		return -1;
	}
	size_t at = 0;
	for (size_t i = 0; i < m;) {
		size_t j = i + 1;
		while (j < m && strcmp(k[j].key, k[i].key) == 0)
			j++;
		one(&k[i], j - i, iv, &r[at++]);
		i = j;
	}
	free(k);
	free(iv);
	if (nkeys)
		qsort(r, nkeys, sizeof(*r), cmp_rhythm);
	*out = r;
	return (ssize_t)nkeys;
}
