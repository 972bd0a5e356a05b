/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/sort.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const key_names[] = {
#define X(id, name, column) name,
	SORT_KEYS(X)
#undef X
};
static const char *const key_columns[] = {
#define X(id, name, column) column,
	SORT_KEYS(X)
#undef X
};

int sort_key_from_name(const char *name)
{
	for (int k = 0; k < SORT_KEY_COUNT; k++)
		if (strcmp(name, key_names[k]) == 0)
			return k;
	return -1;
}

const char *sort_key_name(enum sort_key k)
{
	return (unsigned)k < SORT_KEY_COUNT ? key_names[k] : "?";
}

const char *sort_key_column(enum sort_key k)
{
	return (unsigned)k < SORT_KEY_COUNT ? key_columns[k] : "?";
}

const char *sort_key_list(void)
{
	static char list[256];
	if (!list[0]) {
		for (int k = 0; k < SORT_KEY_COUNT; k++) {
			if (k)
				strcat(list, ", ");
			strcat(list, key_names[k]);
		}
	}
	return list;
}

/* -1/0/1 for two possibly-unknown numbers: biggest first, unknown last. */
static int cmp_i64(int64_t a, int64_t b, bool reverse)
{
	bool ka = val_known(a), kb = val_known(b);
	if (!ka || !kb)
		return ka == kb ? 0 : (ka ? -1 : 1);
	int c = (a < b) - (a > b);
	return reverse ? -c : c;
}

static int cmp_dbl(double a, double b, bool reverse)
{
	bool ka = !isnan(a), kb = !isnan(b);
	if (!ka || !kb)
		return ka == kb ? 0 : (ka ? -1 : 1);
	int c = (a < b) - (a > b);
	return reverse ? -c : c;
}

static int cmp_str(const char *a, const char *b, bool reverse)
{
	if (!a || !b)
		return (a == NULL) == (b == NULL) ? 0 : (a ? -1 : 1);
	int c = strcasecmp(a, b);
	c = (c > 0) - (c < 0);
	return reverse ? -c : c;
}

int proc_sort_compare(const struct proc_row *a, const struct proc_row *b, enum sort_key k, bool reverse)
{
	int c = 0;
	switch (k) {
	case SORT_RSS_SLOPE: c = cmp_dbl(a->rss_slope.per_s, b->rss_slope.per_s, reverse); break;
	case SORT_RSS: c = cmp_i64(a->rss_bytes, b->rss_bytes, reverse); break;
	case SORT_SWAP: c = cmp_i64(a->swap_bytes, b->swap_bytes, reverse); break;
	case SORT_OOM_SCORE: c = cmp_i64(a->oom_score, b->oom_score, reverse); break;
	case SORT_OOM_SCORE_ADJ: c = cmp_i64(a->oom_score_adj, b->oom_score_adj, reverse); break;
	case SORT_FDS: c = cmp_i64(a->fds, b->fds, reverse); break;
	case SORT_FD_SLOPE: c = cmp_dbl(a->fd_slope.per_s, b->fd_slope.per_s, reverse); break;
	case SORT_FD_ETA: c = cmp_dbl(a->fd_eta_s, b->fd_eta_s, !reverse); break; /* soonest first */
	case SORT_THREADS: c = cmp_i64(a->threads, b->threads, reverse); break;
	case SORT_PID: c = reverse ? (a->pid < b->pid) - (a->pid > b->pid) : (a->pid > b->pid) - (a->pid < b->pid); break;
	case SORT_USER: c = cmp_str(a->user, b->user, reverse); break;
	case SORT_NAME: c = cmp_str(a->comm, b->comm, reverse); break;
	case SORT_CGROUP: c = cmp_str(a->cgroup, b->cgroup, reverse); break;
	case SORT_KEY_COUNT: break;
	}
	if (c == 0)
		c = (a->pid > b->pid) - (a->pid < b->pid);
	if (c == 0) /* a ghost and the new process under its pid: the live one first */
		c = (a->state > b->state) - (a->state < b->state);
	return c;
}

static enum sort_key qs_key;
static bool qs_reverse;
static int qs_cmp(const void *a, const void *b)
{
	return proc_sort_compare(*(const struct proc_row *const *)a, *(const struct proc_row *const *)b, qs_key,
			    qs_reverse);
}

void proc_sort(const struct proc_row **rows, size_t n, enum sort_key k, bool reverse)
{
	qs_key = k;
	qs_reverse = reverse;
	qsort(rows, n, sizeof(*rows), qs_cmp);
}
