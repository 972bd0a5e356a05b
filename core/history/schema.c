/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/schema.c — see schema.h; docs/history.md explains each column. */
#include "config.h"
#include "core/history/schema.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/history/file.h"

#define STR_(x) #x
#define STR(x) STR_(x)

/* Times t, first_t, end_t are unix seconds; sizes bytes; NULL is unknown. Process and
 * cgroup values are stored when they changed: the value at a moment is the newest row
 * at or before it. */
static const char schema_sql[] =
	"PRAGMA auto_vacuum = INCREMENTAL;"
	"PRAGMA application_id = " STR(HISTORY_FILE_APPLICATION_ID) ";"
	"BEGIN;"
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
	"CREATE TABLE boot (id INTEGER PRIMARY KEY, boot_id TEXT NOT NULL UNIQUE, btime INTEGER);"
	"CREATE TABLE sample ("
	" t INTEGER PRIMARY KEY, boot INTEGER NOT NULL, uptime_s REAL,"
	" mem_total_bytes INTEGER, mem_available_bytes INTEGER,"
	" swap_total_bytes INTEGER, swap_free_bytes INTEGER,"
	" psi_some_avg10 REAL, psi_full_avg10 REAL, oom_kills INTEGER,"
	" zfs_arc_size_bytes INTEGER, zfs_arc_reclaimable_bytes INTEGER, available_bytes INTEGER);"
	/* found by a hash of the text: a unique index would store every command line twice */
	"CREATE TABLE cmdline (id INTEGER PRIMARY KEY, hash INTEGER NOT NULL, text TEXT NOT NULL);"
	"CREATE INDEX cmdline_hash ON cmdline (hash);"
	"CREATE TABLE proc ("
	" id INTEGER PRIMARY KEY, boot INTEGER NOT NULL, pid INTEGER NOT NULL,"
	" start_ticks INTEGER NOT NULL, start_time REAL, ppid INTEGER, uid INTEGER, user TEXT,"
	" comm TEXT, cmdline INTEGER, first_t INTEGER NOT NULL, end_t INTEGER,"
	" UNIQUE (boot, pid, start_ticks));"
	"CREATE INDEX proc_end_t ON proc (end_t);"
	"CREATE TABLE proc_value ("
	" proc INTEGER NOT NULL, t INTEGER NOT NULL, cgroup INTEGER,"
	" rss_bytes INTEGER, rss_anon_bytes INTEGER, rss_file_bytes INTEGER,"
	" rss_shmem_bytes INTEGER, swap_bytes INTEGER, pgtables_bytes INTEGER,"
	" oom_score INTEGER, oom_score_adj INTEGER, threads INTEGER, fds INTEGER,"
	" PRIMARY KEY (proc, t)) WITHOUT ROWID;"
	"CREATE TABLE cgroup (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, name TEXT, version INTEGER);"
	"CREATE TABLE cgroup_value ("
	" cgroup INTEGER NOT NULL, t INTEGER NOT NULL, gone INTEGER,"
	" usage_bytes INTEGER, working_set_bytes INTEGER, limit_bytes INTEGER, high_bytes INTEGER,"
	" swap_bytes INTEGER, anon_bytes INTEGER, file_bytes INTEGER, file_inactive_bytes INTEGER,"
	" shmem_bytes INTEGER, kernel_bytes INTEGER, sock_bytes INTEGER, oom_kills INTEGER,"
	" high_events INTEGER, max_events INTEGER, throttled INTEGER,"
	" psi_some_avg10 REAL, psi_full_avg10 REAL,"
	" PRIMARY KEY (cgroup, t)) WITHOUT ROWID;"
	"CREATE TABLE oom_kill ("
	" id INTEGER PRIMARY KEY, boot INTEGER NOT NULL, boot_s REAL, time REAL,"
	" victim_pid INTEGER, victim_comm TEXT, victim_uid INTEGER, oom_constraint TEXT,"
	" oom_memcg TEXT, task_memcg TEXT, total_vm_kb INTEGER, anon_rss_kb INTEGER,"
	" file_rss_kb INTEGER, shmem_rss_kb INTEGER, pgtables_kb INTEGER, oom_score_adj INTEGER,"
	" invoker_comm TEXT, invoker_pid INTEGER, gfp_mask TEXT, alloc_order INTEGER,"
	" reaped INTEGER, raw TEXT, source TEXT, unit TEXT, cgroup TEXT, reason TEXT,"
	" page_bytes INTEGER, tasks_omitted INTEGER);"
	"CREATE INDEX oom_kill_key ON oom_kill (boot, boot_s, victim_pid);"
	"CREATE INDEX oom_kill_time ON oom_kill (time);"
	"CREATE TABLE oom_kill_task ("
	" kill INTEGER NOT NULL, seq INTEGER NOT NULL, pid INTEGER, uid INTEGER, tgid INTEGER,"
	" total_vm_pages INTEGER, rss_pages INTEGER, rss_anon_pages INTEGER,"
	" rss_file_pages INTEGER, rss_shmem_pages INTEGER, pgtables_bytes INTEGER,"
	" swapents_pages INTEGER, oom_score_adj INTEGER, name TEXT,"
	" PRIMARY KEY (kill, seq)) WITHOUT ROWID;"
	"CREATE TABLE oom_kill_unit_msg ("
	" kill INTEGER NOT NULL, seq INTEGER NOT NULL, time REAL, text TEXT,"
	" PRIMARY KEY (kill, seq)) WITHOUT ROWID;"
	"INSERT INTO meta (key, value) VALUES ('created', CAST(strftime('%s', 'now') AS INTEGER));"
	"PRAGMA user_version = " STR(HISTORY_SCHEMA_VERSION) ";"
	"COMMIT;";

/* The tables a reader needs, and the columns it selects: a file whose schema lacks one
 * (an oomtop from before they were added, without an upgrade) is refused at open, not
 * half read. */
static const struct {
	const char *table, *columns;
} tables[] = {
	{"meta", "key, value"},
	{"boot", "id, boot_id, btime"},
	{"sample", "t, boot, " HISTORY_SCHEMA_SAMPLE_VALUES},
	{"cmdline", "id, hash, text"},
	{"proc", "id, boot, pid, start_ticks, start_time, ppid, uid, user, comm, cmdline, first_t, end_t"},
	{"proc_value", "proc, t, " HISTORY_SCHEMA_PROC_VALUES},
	{"cgroup", "id, path, name, version"},
	{"cgroup_value", "cgroup, t, gone, " HISTORY_SCHEMA_CGROUP_VALUES},
	{"oom_kill", "id, boot, boot_s, time, victim_pid, victim_comm, victim_uid, oom_constraint, oom_memcg,"
		     " task_memcg, total_vm_kb, anon_rss_kb, file_rss_kb, shmem_rss_kb, pgtables_kb, oom_score_adj,"
		     " invoker_comm, invoker_pid, gfp_mask, alloc_order, reaped, raw, source, unit, cgroup, reason,"
		     " page_bytes, tasks_omitted"},
	{"oom_kill_task", "kill, seq, pid, uid, tgid, total_vm_pages, rss_pages, rss_anon_pages, rss_file_pages,"
			  " rss_shmem_pages, pgtables_bytes, swapents_pages, oom_score_adj, name"},
	{"oom_kill_unit_msg", "kill, seq, time, text"},
};

int history_schema_create(sqlite3 *db, char *err, size_t errlen)
{
	char *msg = NULL;
	if (sqlite3_exec(db, schema_sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errlen, "cannot create the history tables: %s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -EIO;
	}
	return 0;
}

static int pragma_int(sqlite3 *db, const char *sql, long long *out)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(st) == SQLITE_ROW ? 0 : -1;
	if (rc == 0)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc;
}

int history_schema_check(sqlite3 *db, const char *path, char *err, size_t errlen)
{
	long long app, version;
	if (pragma_int(db, "PRAGMA application_id", &app) != 0 || pragma_int(db, "PRAGMA user_version", &version) != 0) {
		snprintf(err, errlen, "%s: cannot read the database: %s", path, sqlite3_errmsg(db));
		return -EIO;
	}
	if (app != HISTORY_FILE_APPLICATION_ID) {
		snprintf(err, errlen, "%s is an SQLite database of another program (application_id 0x%08llx)", path,
			 app);
		return -EILSEQ;
	}
	if (version < 1) {
		snprintf(err, errlen, "%s is not a complete oomtop history (schema version %lld)", path, version);
		return -EILSEQ;
	}
	if (version >= HISTORY_SCHEMA_INCOMPATIBLE) {
		snprintf(err, errlen, "%s was written by a newer oomtop (schema version %lld): upgrade oomtop to read it",
			 path, version);
		return -EILSEQ;
	}
	int rc = 0;
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]) && rc == 0; i++) {
		char sql[1024];
		snprintf(sql, sizeof(sql), "SELECT %s FROM %s LIMIT 0", tables[i].columns, tables[i].table);
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
			/* SQLite says which: "no such table: sample", "no such column: working_set_bytes" */
			snprintf(err, errlen, "%s is not a complete oomtop history (%s)", path, sqlite3_errmsg(db));
			rc = -EILSEQ;
		}
		sqlite3_finalize(st);
	}
	return rc;
}
