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

enum history_schema_cgroup_value {
	HISTORY_SCHEMA_CV_USAGE,
	HISTORY_SCHEMA_CV_LIMIT,
	HISTORY_SCHEMA_CV_HIGH,
	HISTORY_SCHEMA_CV_SWAP,
	HISTORY_SCHEMA_CV_OOM_KILLS,
	HISTORY_SCHEMA_CV_COUNT /* then psi_some_avg10, a REAL */
};
#define HISTORY_SCHEMA_CGROUP_VALUES "usage_bytes, limit_bytes, high_bytes, swap_bytes, oom_kills, psi_some_avg10"

/* Create every table in the empty database db, with application_id and user_version set
 * and incremental auto-vacuum (so pruning can give space back). 0, or -EIO with SQLite's
 * message in err. */
int history_schema_create(sqlite3 *db, char *err, size_t errlen);

/* Is db an oomtop history this oomtop can use? 0, or -EILSEQ with the reason in err
 * (another program's application_id, a version it cannot read, a table missing). */
int history_schema_check(sqlite3 *db, const char *path, char *err, size_t errlen);

#endif
