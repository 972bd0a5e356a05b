/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tests/lib/fxjournal.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"

/* One field of an entry in progress: name and value (value NUL-terminated, may hold \n). */
struct field {
	char name[64];
	char *value;
	size_t len;
};

static const char *get(const struct field *f, size_t n, const char *name, size_t *len)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].name, name) == 0) {
			if (len)
				*len = f[i].len;
			return f[i].value;
		}
	return NULL;
}

static int64_t get_num(const struct field *f, size_t n, const char *name, int64_t dflt)
{
	const char *s = get(f, n, name, NULL);
	int64_t v;
	return s && util_parse_i64(&s, &v) ? v : dflt;
}

static void build(struct journal_entry *e, const struct field *f, size_t n)
{
	memset(e, 0, sizeof(*e));
	e->realtime_us = (uint64_t)get_num(f, n, "__REALTIME_TIMESTAMP", 0);
	e->monotonic_us = (uint64_t)get_num(f, n, "__MONOTONIC_TIMESTAMP", 0);
	const char *boot = get(f, n, "_BOOT_ID", NULL);
	snprintf(e->boot_id, sizeof(e->boot_id), "%s", boot ? boot : "");
	e->transport = get(f, n, "_TRANSPORT", NULL);
	e->identifier = get(f, n, "SYSLOG_IDENTIFIER", NULL);
	e->comm = get(f, n, "_COMM", NULL);
	e->systemd_unit = get(f, n, "_SYSTEMD_UNIT", NULL);
	e->unit = get(f, n, "UNIT", NULL);
	e->user_unit = get(f, n, "USER_UNIT", NULL);
	e->message_id = get(f, n, "MESSAGE_ID", NULL);
	e->unit_result = get(f, n, "UNIT_RESULT", NULL);
	e->pid = get_num(f, n, "_PID", -1);
	e->facility = (int)get_num(f, n, "SYSLOG_FACILITY", -1);
	e->message = get(f, n, "MESSAGE", &e->message_len);
	int64_t smono = get_num(f, n, "_SOURCE_MONOTONIC_TIMESTAMP", -1);
	if (smono >= 0 && e->transport && strcmp(e->transport, "kernel") == 0)
		e->monotonic_us = (uint64_t)smono;
}

size_t fxjournal_read_export(const char *path, journal_entry_fn fn, void *ctx)
{
	size_t len;
	char *buf = util_slurp(path, &len);
	ck_assert_msg(buf != NULL, "cannot read %s", path);
	struct field f[64];
	size_t nf = 0, entries = 0;
	const char *p = buf, *end = buf + len;
	while (p <= end) {
		const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (l == 0) { /* an empty line ends the entry */
			if (nf) {
				struct journal_entry e;
				build(&e, f, nf);
				fn(ctx, &e);
				entries++;
				for (size_t i = 0; i < nf; i++)
					free(f[i].value);
				nf = 0;
			}
			if (!nl)
				break;
			p = nl + 1;
			continue;
		}
		ck_assert_msg(nf < 64, "%s: an entry with more than 64 fields", path);
		const char *eq = memchr(p, '=', l);
		struct field *x = &f[nf];
		if (eq) {
			snprintf(x->name, sizeof(x->name), "%.*s", (int)(eq - p), p);
			x->len = l - (size_t)(eq - p) - 1;
			x->value = malloc(x->len + 1);
			memcpy(x->value, eq + 1, x->len);
		} else { /* binary: NAME \n le64 length, data, \n */
			snprintf(x->name, sizeof(x->name), "%.*s", (int)l, p);
			const unsigned char *q = (const unsigned char *)nl + 1;
			ck_assert_msg((const char *)q + 8 <= end, "%s: cut binary field", path);
			uint64_t n = 0;
			for (int i = 7; i >= 0; i--)
				n = n << 8 | q[i];
			ck_assert_msg((const char *)q + 8 + n < end, "%s: cut binary field", path);
			x->len = (size_t)n;
			x->value = malloc(x->len + 1);
			memcpy(x->value, q + 8, x->len);
			nl = (const char *)q + 8 + n;
		}
		x->value[x->len] = '\0';
		nf++;
		if (!nl)
			break;
		p = nl + 1;
	}
	for (size_t i = 0; i < nf; i++)
		free(f[i].value);
	free(buf);
	return entries;
}

void fxjournal_entry(struct journal_entry *e, const char *const *fields)
{
	struct field f[32];
	size_t n = 0;
	for (size_t i = 0; fields[i] && n < 32; i++) {
		const char *eq = strchr(fields[i], '=');
		ck_assert_msg(eq != NULL, "field without '=': %s", fields[i]);
		snprintf(f[n].name, sizeof(f[n].name), "%.*s", (int)(eq - fields[i]), fields[i]);
		f[n].value = (char *)eq + 1;
		f[n].len = strlen(eq + 1);
		n++;
	}
	build(e, f, n);
}
