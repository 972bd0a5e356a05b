/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/retention.c — see retention.h. */
#include "config.h"
#include "core/history/retention.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/history/size.h"

#define DAY_S (24 * 3600)
/* Size-cap pruning: aim this far under the cap so the next batches do not prune again
 * at once, in at most this many rounds, never closer to the newest sample than this. */
#define CAP_TARGET_PERCENT 90
#define CAP_ROUNDS 8
#define CAP_KEEP_NEWEST_S 3600

void history_retention_defaults(struct history_retention *r)
{
	r->full_s = DAY_S;
	r->mid_s = 7 * DAY_S;
	r->mid_bucket_s = 60;
	r->keep_s = 90 * DAY_S;
	r->old_bucket_s = 600;
	r->max_bytes = HISTORY_SIZE_DEFAULT_BYTES;
}

/* Run sql with ?1..?n bound to the integers in v. */
static int exec_ints(struct history_store *st, const char *sql, const int64_t *v, int n)
{
	sqlite3_stmt *s = history_store_prepare(st, sql);
	if (!s)
		return -EIO;
	for (int i = 0; i < n; i++)
		sqlite3_bind_int64(s, i + 1, v[i]);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -EIO;
}

static int64_t query_int(struct history_store *st, const char *sql, int64_t dflt)
{
	sqlite3_stmt *s = history_store_prepare(st, sql);
	int64_t v = dflt;
	if (s && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

int history_retention_downsample(struct history_store *st, int64_t from, int64_t to, int64_t bucket_s)
{
	if (to <= from || bucket_s <= 0)
		return 0;
	int64_t v[3] = {from, to, bucket_s};
	/* the last sample of each bucket stays */
	int rc = exec_ints(st,
			   "DELETE FROM sample WHERE t >= ?1 AND t < ?2 AND t < (SELECT max(s.t) FROM sample s"
			   " WHERE s.t >= (sample.t / ?3) * ?3 AND s.t < (sample.t / ?3) * ?3 + ?3)",
			   v, 3);
	/* and each process's and cgroup's last row in each bucket: its value at that sample */
	if (rc == 0)
		rc = exec_ints(st,
			       "DELETE FROM proc_value AS v WHERE v.proc IN (SELECT id FROM proc WHERE first_t < ?2"
			       " AND (end_t IS NULL OR end_t >= ?1)) AND v.t >= ?1 AND v.t < ?2 AND EXISTS"
			       " (SELECT 1 FROM proc_value w WHERE w.proc = v.proc AND w.t > v.t"
			       " AND w.t < (v.t / ?3) * ?3 + ?3)",
			       v, 3);
	if (rc == 0)
		rc = exec_ints(st,
			       "DELETE FROM cgroup_value AS v WHERE v.cgroup IN (SELECT id FROM cgroup)"
			       " AND v.t >= ?1 AND v.t < ?2 AND EXISTS (SELECT 1 FROM cgroup_value w"
			       " WHERE w.cgroup = v.cgroup AND w.t > v.t AND w.t < (v.t / ?3) * ?3 + ?3)",
			       v, 3);
	return rc;
}

int history_retention_prune(struct history_store *st, int64_t cutoff)
{
	static const char *const steps[] = {
		"DELETE FROM sample WHERE t < ?1",
		/* processes gone by the cutoff, whole */
		"DELETE FROM proc_value WHERE proc IN (SELECT id FROM proc WHERE end_t <= ?1)",
		"DELETE FROM proc WHERE end_t <= ?1",
		/* the others keep their newest row at or before the cutoff */
		"DELETE FROM proc_value AS v WHERE v.proc IN (SELECT id FROM proc WHERE first_t < ?1) AND v.t < ?1"
		" AND EXISTS (SELECT 1 FROM proc_value w WHERE w.proc = v.proc AND w.t > v.t AND w.t <= ?1)",
		"DELETE FROM cgroup_value AS v WHERE v.cgroup IN (SELECT id FROM cgroup) AND v.t < ?1"
		" AND EXISTS (SELECT 1 FROM cgroup_value w WHERE w.cgroup = v.cgroup AND w.t > v.t AND w.t <= ?1)",
		/* a cgroup gone by the cutoff leaves nothing */
		"DELETE FROM cgroup_value WHERE cgroup IN (SELECT id FROM cgroup) AND t < ?1 AND gone = 1",
		"DELETE FROM cgroup WHERE id NOT IN (SELECT DISTINCT cgroup FROM cgroup_value)",
		"DELETE FROM cmdline WHERE id NOT IN (SELECT cmdline FROM proc WHERE cmdline IS NOT NULL)",
		"DELETE FROM oom_kill_task WHERE kill IN (SELECT id FROM oom_kill WHERE time < ?1)",
		"DELETE FROM oom_kill_unit_msg WHERE kill IN (SELECT id FROM oom_kill WHERE time < ?1)",
		"DELETE FROM oom_kill WHERE time < ?1",
	};
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		bool bound = strstr(steps[i], "?1") != NULL;
		int rc = exec_ints(st, steps[i], &cutoff, bound ? 1 : 0);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* One tier: downsample from where the last run stopped (meta key) to the whole bucket
 * that ends at least age_s ago. */
static int tier(struct history_store *st, const char *key, int64_t now, int64_t age_s, int64_t bucket_s)
{
	int64_t to = (now - age_s) / bucket_s * bucket_s;
	int64_t from = history_store_meta_int(st, key, -1);
	if (from < 0) {
		from = query_int(st, "SELECT min(t) FROM sample", to);
		from = from / bucket_s * bucket_s;
	}
	if (to <= from)
		return 0;
	int rc = history_retention_downsample(st, from, to, bucket_s);
	return rc ? rc : history_store_meta_set_int(st, key, to);
}

/* Prune the oldest until the pages in use fit the cap. */
static int cap_size(struct history_store *st, int64_t max_bytes)
{
	for (int round = 0; round < CAP_ROUNDS; round++) {
		int64_t used = history_store_used_bytes(st);
		if (used <= max_bytes)
			return 0;
		int64_t lo = query_int(st, "SELECT min(t) FROM sample", 0);
		int64_t hi = query_int(st, "SELECT max(t) FROM sample", 0);
		int64_t limit = hi - CAP_KEEP_NEWEST_S;
		if (lo >= limit)
			return 0; /* cannot do more without losing the last hour */
		double excess = (double)(used - max_bytes * CAP_TARGET_PERCENT / 100) / (double)used;
		int64_t cutoff = lo + (int64_t)((double)(hi - lo) * excess) + 1;
		if (cutoff > limit)
			cutoff = limit;
		int rc = history_retention_prune(st, cutoff);
		if (rc)
			return rc;
	}
	return 0;
}

int history_retention_run(struct history_store *st, const struct history_retention *r, int64_t now_unix_s, char *err,
			  size_t errlen)
{
	bool own = sqlite3_get_autocommit(st->db);
	if (own && history_store_exec(st, "BEGIN IMMEDIATE", "history retention", err, errlen) != 0)
		return -EIO;
	char key[64];
	snprintf(key, sizeof(key), "downsampled_%lld", (long long)r->mid_bucket_s);
	int rc = tier(st, key, now_unix_s, r->full_s, r->mid_bucket_s);
	snprintf(key, sizeof(key), "downsampled_%lld", (long long)r->old_bucket_s);
	if (rc == 0)
		rc = tier(st, key, now_unix_s, r->mid_s, r->old_bucket_s);
	if (rc == 0)
		rc = history_retention_prune(st, now_unix_s - r->keep_s);
	if (rc == 0 && r->max_bytes > 0)
		rc = cap_size(st, r->max_bytes);
	if (rc == 0) /* give the freed pages back to the filesystem */
		rc = history_store_exec(st, "PRAGMA incremental_vacuum", "history retention", err, errlen);
	else
		snprintf(err, errlen, "history retention: %s", sqlite3_errmsg(st->db));
	if (own) {
		if (rc == 0)
			rc = history_store_exec(st, "COMMIT", "history retention", err, errlen);
		else
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	}
	return rc;
}
