/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/schema.h — the tables of an oomtop history, created once and checked at
 * every open. docs/history.md describes every table and column; the SQL is in schema.c.
 *
 * Version: PRAGMA user_version is HISTORY_SCHEMA_VERSION. A later version adds columns
 * (ALTER TABLE ... ADD COLUMN) and tables, and upgrades an older file at the recorder's
 * open; readers select columns by name, so an older oomtop reads a newer file as long as
 * no column changed meaning (then the version's reader refuses it, saying so). */
#ifndef OOMTOP_HISTORY_SCHEMA_H
#define OOMTOP_HISTORY_SCHEMA_H

#include <sqlite3.h>
#include <stddef.h>

#define HISTORY_SCHEMA_VERSION 1
/* The first version whose files this oomtop cannot read (a column changed meaning). */
#define HISTORY_SCHEMA_INCOMPATIBLE 1000

/* The value columns of proc_value and cgroup_value, in the order of these enums: the
 * writer inserts and the readers select them so (after the key columns proc/cgroup, t). */
enum history_schema_proc_value {
	HISTORY_SCHEMA_PV_CGROUP, /* cgroup.id of the process's cgroup */
	HISTORY_SCHEMA_PV_RSS,
	HISTORY_SCHEMA_PV_RSS_ANON,
	HISTORY_SCHEMA_PV_RSS_FILE,
	HISTORY_SCHEMA_PV_RSS_SHMEM,
	HISTORY_SCHEMA_PV_SWAP,
	HISTORY_SCHEMA_PV_PGTABLES,
	HISTORY_SCHEMA_PV_OOM_SCORE,
	HISTORY_SCHEMA_PV_OOM_SCORE_ADJ,
	HISTORY_SCHEMA_PV_THREADS,
	HISTORY_SCHEMA_PV_FDS,
	HISTORY_SCHEMA_PV_COUNT
};
#define HISTORY_SCHEMA_PROC_VALUES                                                                       \
	"cgroup, rss_bytes, rss_anon_bytes, rss_file_bytes, rss_shmem_bytes, swap_bytes, pgtables_bytes, " \
	"oom_score, oom_score_adj, threads, fds"

/* The cgroup's values (cgroup_value; core/history/cgroups.h maps them to a cgroup_row):
 * integers, then the REAL pressures from HISTORY_SCHEMA_CV_PSI_SOME on. */
enum history_schema_cgroup_value {
	HISTORY_SCHEMA_CV_USAGE,
	HISTORY_SCHEMA_CV_WORKING_SET,
	HISTORY_SCHEMA_CV_LIMIT,
	HISTORY_SCHEMA_CV_HIGH,
	HISTORY_SCHEMA_CV_SWAP,
	HISTORY_SCHEMA_CV_ANON,
	HISTORY_SCHEMA_CV_FILE,
	HISTORY_SCHEMA_CV_FILE_INACTIVE,
	HISTORY_SCHEMA_CV_SHMEM,
	HISTORY_SCHEMA_CV_KERNEL,
	HISTORY_SCHEMA_CV_SOCK,
	HISTORY_SCHEMA_CV_OOM_KILLS,
	HISTORY_SCHEMA_CV_HIGH_EVENTS,
	HISTORY_SCHEMA_CV_MAX_EVENTS,
	HISTORY_SCHEMA_CV_THROTTLED,
	HISTORY_SCHEMA_CV_PSI_SOME, /* REAL from here */
	HISTORY_SCHEMA_CV_PSI_FULL,
	HISTORY_SCHEMA_CV_COUNT
};
#define HISTORY_SCHEMA_CV_INTEGERS HISTORY_SCHEMA_CV_PSI_SOME
#define HISTORY_SCHEMA_CGROUP_VALUES                                                                    \
	"usage_bytes, working_set_bytes, limit_bytes, high_bytes, swap_bytes, anon_bytes, file_bytes, "    \
	"file_inactive_bytes, shmem_bytes, kernel_bytes, sock_bytes, oom_kills, high_events, max_events, " \
	"throttled, psi_some_avg10, psi_full_avg10"

/* The system's values of a sample (after its key columns t, boot), in this order. */
#define HISTORY_SCHEMA_SAMPLE_VALUES                                                                \
	"uptime_s, mem_total_bytes, mem_available_bytes, swap_total_bytes, swap_free_bytes, "         \
	"psi_some_avg10, psi_full_avg10, oom_kills, zfs_arc_size_bytes, zfs_arc_reclaimable_bytes, " \
	"available_bytes"

/* Create every table in the empty database db, with application_id and user_version set
 * and incremental auto-vacuum (so pruning can give space back). 0, or -EIO with SQLite's
 * message in err. */
int history_schema_create(sqlite3 *db, char *err, size_t errlen);

/* Is db an oomtop history this oomtop can use? 0, or -EILSEQ with the reason in err
 * (another program's application_id, a version it cannot read, a table or a column the
 * readers select missing). */
int history_schema_check(sqlite3 *db, const char *path, char *err, size_t errlen);

#endif
