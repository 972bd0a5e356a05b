/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/model/proc_columns.h"

#include <stdio.h>
#include <string.h>

static const struct proc_column_info columns[PCOL_COUNT] = {
#define X(id, nm, hdr, sort, minw, prefw, prio, right, on)                                       \
	[id] = {nm, hdr, sort, {minw, prefw, prio, id == PCOL_COMMAND}, right, on},
	PROC_COLUMNS(X)
#undef X
};

const struct proc_column_info *proc_columns_info(enum proc_column c)
{
	return (unsigned)c < PCOL_COUNT ? &columns[c] : NULL;
}

int proc_columns_from_name(const char *name)
{
	for (int i = 0; i < PCOL_COUNT; i++)
		if (strcmp(columns[i].name, name) == 0)
			return i;
	return -1;
}

int proc_columns_parse(const char *list, bool *enabled, char *bad, size_t badlen)
{
	bool on[PCOL_COUNT] = {false};
	if (list[0] == '\0' || strcmp(list, "default") == 0) {
		for (int i = 0; i < PCOL_COUNT; i++)
			enabled[i] = columns[i].on_by_default;
		return 0;
	}
	const char *p = list;
	while (*p) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char name[32];
		if (len >= sizeof(name)) {
			snprintf(bad, badlen, "%.*s", (int)len, p);
			return -1;
		}
		memcpy(name, p, len);
		name[len] = '\0';
		if (len > 0) {
			int c = proc_columns_from_name(name);
			if (c < 0) {
				snprintf(bad, badlen, "%s", name);
				return -1;
			}
			on[c] = true;
		}
		p += len;
		if (*p == ',')
			p++;
	}
	on[PCOL_COMMAND] = true;
	memcpy(enabled, on, sizeof(on));
	return 0;
}

void proc_columns_fit(const bool *enabled, int w, int *widths)
{
	struct col_spec spec[PCOL_COUNT];
	for (int c = 0; c < PCOL_COUNT; c++)
		spec[c] = columns[c].spec;
	layout_fit_columns(spec, enabled, PCOL_COUNT, w - 1, widths);
}

int proc_columns_at(const bool *enabled, int w, int x)
{
	int widths[PCOL_COUNT];
	proc_columns_fit(enabled, w, widths);
	return layout_column_at(widths, PCOL_COUNT, 1, x);
}

void proc_columns_format(const bool *enabled, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < PCOL_COUNT; i++) {
		if (!enabled[i])
			continue;
		int w = snprintf(buf + len, n - len, "%s%s", len ? "," : "", columns[i].name);
		if (w < 0 || (size_t)w >= n - len)
			break;
		len += (size_t)w;
	}
}
