/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/boot.c — see boot.h. */
#include "config.h"
#include "core/history/boot.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"
#include "core/model.h"

int history_boot_read(const char *proc_root, struct history_boot *out)
{
	char path[4200], buf[128];
	memset(out, 0, sizeof(*out));
	out->btime_unix_s = VAL_UNKNOWN;
	snprintf(path, sizeof(path), "%s/stat", proc_root);
	char *stat = util_slurp(path, NULL);
	if (stat) {
		const char *b = strstr(stat, "\nbtime ");
		if (b)
			out->btime_unix_s = strtoll(b + 7, NULL, 10);
		free(stat);
	}
	snprintf(path, sizeof(path), "%s/sys/kernel/random/boot_id", proc_root);
	if (util_read_file(path, buf, sizeof(buf)) > 0) {
		buf[strcspn(buf, " \t\r\n")] = '\0';
		/* without its dashes, as the journal writes it (_BOOT_ID) and core/klog/oom_event.h
		 * keeps it: one boot, one spelling, whichever source a kill came from */
		size_t n = 0;
		for (const char *p = buf; *p && n + 1 < sizeof(out->boot_id); p++)
			if (*p != '-')
				out->boot_id[n++] = *p;
		out->boot_id[n] = '\0';
		if (n)
			return 0;
	}
	if (!val_known(out->btime_unix_s))
		return -ENOENT;
	snprintf(out->boot_id, sizeof(out->boot_id), "btime-%lld", (long long)out->btime_unix_s);
	return 0;
}

int64_t history_boot_row(struct history_store *st, const struct history_boot *b, int create)
{
	sqlite3_stmt *s = history_store_prepare(st, "SELECT id FROM boot WHERE boot_id = ?");
	if (!s)
		return -EIO;
	sqlite3_bind_text(s, 1, b->boot_id, -1, SQLITE_STATIC);
	int64_t id = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	if (id || !create)
		return id;
	s = history_store_prepare(st, "INSERT INTO boot (boot_id, btime) VALUES (?, ?)");
	if (!s)
		return -EIO;
	sqlite3_bind_text(s, 1, b->boot_id, -1, SQLITE_STATIC);
	history_store_bind_i64(s, 2, b->btime_unix_s);
	id = sqlite3_step(s) == SQLITE_DONE ? sqlite3_last_insert_rowid(st->db) : -EIO;
	sqlite3_finalize(s);
	return id;
}
