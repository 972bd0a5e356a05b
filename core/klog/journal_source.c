/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/journal_source.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/util.h"

#ifdef HAVE_LIBSYSTEMD
#include <systemd/sd-id128.h>
#include <systemd/sd-journal.h>

#define DATA_THRESHOLD_BYTES (256 * 1024) /* a kernel record of a whole memory.stat fits */

enum field_id {
	F_MESSAGE, F_TRANSPORT, F_IDENTIFIER, F_COMM, F_SYSTEMD_UNIT, F_UNIT, F_USER_UNIT,
	F_MESSAGE_ID, F_UNIT_RESULT, F_PID, F_FACILITY, F_SOURCE_MONOTONIC, F_COUNT
};

static const char *const field_names[F_COUNT] = {
	"MESSAGE", "_TRANSPORT", "SYSLOG_IDENTIFIER", "_COMM", "_SYSTEMD_UNIT", "UNIT",
	"USER_UNIT", "MESSAGE_ID", "UNIT_RESULT", "_PID", "SYSLOG_FACILITY",
	"_SOURCE_MONOTONIC_TIMESTAMP",
};

struct journal_source {
	sd_journal *j;
	bool at_end;
	struct { /* one buffer per field: sd_journal_get_data() reuses its own */
		char *buf;
		size_t cap, len;
		bool set;
	} f[F_COUNT];
};

bool journal_source_built(void) { return true; }

/* The senders an OOM reader needs; matches on different fields are alternatives here
 * (sd_journal_add_disjunction between them). */
static int add_matches(sd_journal *j)
{
	static const char *const groups[][6] = {
		{"_TRANSPORT=kernel"},
		{"SYSLOG_IDENTIFIER=systemd", "SYSLOG_IDENTIFIER=systemd-oomd", "SYSLOG_IDENTIFIER=earlyoom",
		 "SYSLOG_IDENTIFIER=nohang", "SYSLOG_IDENTIFIER=nohang-desktop"},
		{"_COMM=systemd", "_COMM=systemd-oomd", "_COMM=earlyoom", "_COMM=nohang"},
		{"_SYSTEMD_UNIT=systemd-oomd.service", "_SYSTEMD_UNIT=earlyoom.service",
		 "_SYSTEMD_UNIT=nohang.service", "_SYSTEMD_UNIT=nohang-desktop.service"},
	};
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		if (g > 0) {
			int r = sd_journal_add_disjunction(j);
			if (r < 0)
				return r;
		}
		for (size_t i = 0; i < 6 && groups[g][i]; i++) {
			int r = sd_journal_add_match(j, groups[g][i], 0);
			if (r < 0)
				return r;
		}
	}
	return 0;
}

/* Does the journal directory hold anything (a machine's folder of journal files)? */
static bool has_entries(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return errno == EACCES;
	bool any = false;
	for (struct dirent *de; !any && (de = readdir(d)) != NULL;)
		any = de->d_name[0] != '.';
	closedir(d);
	return any;
}

static int fail(char *err, size_t errlen, int r, const char *what, const char *path)
{
	snprintf(err, errlen, "%s%s%s: %s", what, path ? " " : "", path ? path : "", strerror(-r));
	return r;
}

int journal_source_open(struct journal_source **out, const char *path, char *err, size_t errlen)
{
	*out = NULL;
	struct journal_source *src = calloc(1, sizeof(*src));
	if (!src) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	int r;
	struct stat st;
	if (path && stat(path, &st) != 0) {
		r = -errno;
		free(src);
		return fail(err, errlen, r, "cannot open journal", path);
	}
	if (!path) {
		r = sd_journal_open(&src->j, SD_JOURNAL_LOCAL_ONLY);
	} else if (S_ISDIR(st.st_mode)) {
		r = sd_journal_open_directory(&src->j, path, 0);
	} else {
		const char *paths[] = {path, NULL};
		r = sd_journal_open_files(&src->j, paths, 0);
	}
	if (r < 0) {
		free(src);
		return fail(err, errlen, r, "cannot open journal", path ? path : "(system)");
	}
	if (!path && sd_journal_has_persistent_files(src->j) <= 0 &&
	    sd_journal_has_runtime_files(src->j) <= 0) {
		bool files = has_entries("/var/log/journal") || has_entries("/run/log/journal");
		r = files && geteuid() != 0 ? -EACCES : -ENOENT;
		snprintf(err, errlen, "%s", r == -EACCES
			 ? "the systemd journal is not readable (root or the systemd-journal group reads it)"
			 : "no systemd journal files here (no journald, or an empty /var/log/journal)");
		sd_journal_close(src->j);
		free(src);
		return r;
	}
	(void)sd_journal_set_data_threshold(src->j, DATA_THRESHOLD_BYTES);
	/* the inotify watches first, so nothing written while we read the backlog is missed */
	(void)sd_journal_get_fd(src->j);
	if ((r = add_matches(src->j)) < 0 || (r = sd_journal_seek_head(src->j)) < 0) {
		sd_journal_close(src->j);
		free(src);
		return fail(err, errlen, r, "journal", path);
	}
	*out = src;
	return 0;
}

int journal_source_fd(struct journal_source *src)
{
	int fd = sd_journal_get_fd(src->j);
	return fd < 0 ? -1 : fd;
}

/* Field name into its buffer, NUL-terminated; false when the entry has none. */
static bool load(struct journal_source *src, enum field_id id)
{
	const void *data;
	size_t len;
	src->f[id].set = false;
	if (sd_journal_get_data(src->j, field_names[id], &data, &len) < 0)
		return false;
	size_t nl = strlen(field_names[id]);
	if (len <= nl || memcmp(data, field_names[id], nl) != 0 || ((const char *)data)[nl] != '=')
		return false;
	const char *v = (const char *)data + nl + 1;
	size_t vl = len - nl - 1;
	if (!util_grow((void **)&src->f[id].buf, &src->f[id].cap, vl + 1, 1))
		return false;
	memcpy(src->f[id].buf, v, vl);
	src->f[id].buf[vl] = '\0';
	src->f[id].len = vl;
	src->f[id].set = true;
	return true;
}

static const char *str(const struct journal_source *src, enum field_id id)
{
	return src->f[id].set ? src->f[id].buf : NULL;
}

static int64_t num(const struct journal_source *src, enum field_id id)
{
	const char *s = str(src, id);
	int64_t v;
	return s && util_parse_i64(&s, &v) ? v : -1;
}

static bool entry_of(struct journal_source *src, struct journal_entry *e)
{
	memset(e, 0, sizeof(*e));
	uint64_t rt, mono;
	sd_id128_t boot;
	if (sd_journal_get_realtime_usec(src->j, &rt) < 0)
		return false;
	e->realtime_us = rt;
	if (sd_journal_get_monotonic_usec(src->j, &mono, &boot) >= 0) {
		e->monotonic_us = mono;
		sd_id128_to_string(boot, e->boot_id);
	}
	for (int i = 0; i < F_COUNT; i++)
		load(src, (enum field_id)i);
	e->message = str(src, F_MESSAGE);
	e->message_len = e->message ? src->f[F_MESSAGE].len : 0;
	e->transport = str(src, F_TRANSPORT);
	e->identifier = str(src, F_IDENTIFIER);
	e->comm = str(src, F_COMM);
	e->systemd_unit = str(src, F_SYSTEMD_UNIT);
	e->unit = str(src, F_UNIT);
	e->user_unit = str(src, F_USER_UNIT);
	e->message_id = str(src, F_MESSAGE_ID);
	e->unit_result = str(src, F_UNIT_RESULT);
	e->pid = num(src, F_PID);
	e->facility = (int)num(src, F_FACILITY);
	int64_t smono = num(src, F_SOURCE_MONOTONIC);
	if (smono >= 0 && e->transport && strcmp(e->transport, "kernel") == 0)
		e->monotonic_us = (uint64_t)smono;
	return true;
}

int journal_source_read(struct journal_source *src, size_t max_entries, journal_entry_fn fn,
			void *ctx)
{
	int r = sd_journal_process(src->j); /* the changes the descriptor woke us for */
	if (r < 0)
		return r;
	int n = 0;
	for (;;) {
		if (max_entries && (size_t)n >= max_entries)
			return n;
		r = sd_journal_next(src->j);
		if (r < 0)
			return r;
		if (r == 0) {
			src->at_end = true;
			return n;
		}
		struct journal_entry e;
		if (entry_of(src, &e)) {
			fn(ctx, &e);
			n++;
		}
	}
}

bool journal_source_at_end(const struct journal_source *src) { return src->at_end; }

void journal_source_close(struct journal_source *src)
{
	if (!src)
		return;
	sd_journal_close(src->j);
	for (int i = 0; i < F_COUNT; i++)
		free(src->f[i].buf);
	free(src);
}

bool journal_source_boot_id(char out[33])
{
	sd_id128_t id;
	out[0] = '\0';
	if (sd_id128_get_boot(&id) < 0)
		return false;
	sd_id128_to_string(id, out);
	return true;
}

#else /* built without libsystemd */

struct journal_source {
	int unused;
};

bool journal_source_built(void) { return false; }

int journal_source_open(struct journal_source **out, const char *path, char *err, size_t errlen)
{
	(void)path;
	*out = NULL;
	snprintf(err, errlen, "built without journal support (libsystemd): kills are read from "
			      "/dev/kmsg, or a saved log with --kmsg");
	return -ENOTSUP;
}

int journal_source_fd(struct journal_source *src)
{
	(void)src;
	return -1;
}

int journal_source_read(struct journal_source *src, size_t max_entries, journal_entry_fn fn,
			void *ctx)
{
	(void)src;
	(void)max_entries;
	(void)fn;
	(void)ctx;
	return -ENOTSUP;
}

bool journal_source_at_end(const struct journal_source *src)
{
	(void)src;
	return true;
}

void journal_source_close(struct journal_source *src) { (void)src; }

bool journal_source_boot_id(char out[33])
{
	/* the kernel's own answer, for telling this boot's events from older ones */
	char buf[64];
	out[0] = '\0';
	if (util_read_file("/proc/sys/kernel/random/boot_id", buf, sizeof(buf)) < 36)
		return false;
	size_t o = 0;
	for (size_t i = 0; buf[i] && buf[i] != '\n' && o < 32; i++)
		if (buf[i] != '-')
			out[o++] = buf[i];
	out[o] = '\0';
	return o == 32;
}

#endif
