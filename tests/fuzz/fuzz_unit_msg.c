/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_unit_msg.c — any bytes as systemd's messages about units, one per line:
 * unit_msg_parse (core/klog/unit_msg.c) with and without a UNIT= field, the unit of the
 * line as a cgroup path (unit_name_of_cgroup) and its slices (unit_name_parent), and all
 * the units as one moment of "killed by the OOM killer" messages resolved into kills
 * (core/klog/unit_burst.c). Properties: every row's chain starts at a unit no other row
 * holds, and names every message at most once per row. */
#include "config.h"

#include <string.h>

#include "core/klog/unit_burst.h"
#include "core/klog/unit_msg.h"
#include "core/klog/unit_name.h"
#include "tests/fuzz/fuzz.h"

static size_t rows;

static void row(void *ctx, const struct unit_burst *b, const int *chain, size_t n)
{
	(void)ctx;
	FUZZ_CHECK(n >= 1);
	FUZZ_CHECK(!b->node[chain[0]].claimed);
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(chain[i] >= 0 && (size_t)chain[i] < b->n);
		for (size_t k = 0; k < i; k++)
			FUZZ_CHECK(chain[k] != chain[i]);
	}
	rows++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	struct unit_burst b;
	unit_burst_init(&b);
	int i = 0;
	for (char *line = buf, *next; line; line = next, i++) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		struct unit_msg m;
		struct unit_msg_fields f = {line, i % 3 == 0 ? line : NULL,
					    i % 5 == 0 ? "fe6faa94e7774663a0da52717891d8ef" : NULL,
					    i % 7 == 0 ? "oom-kill" : NULL};
		if (unit_msg_parse(&f, &m)) {
			FUZZ_CHECK(m.kind != UNIT_MSG_NONE);
			FUZZ_CHECK(unit_name_valid(m.unit, strlen(m.unit)));
			char parent[UNIT_NAME_MAX];
			unit_name_parent(m.unit, i % 2 ? "user@1000.service" : "", parent, sizeof(parent));
			FUZZ_CHECK(strlen(parent) < sizeof(parent));
			unit_burst_add(&b, "", 1000.0 + i * 0.001, m.unit, i % 2 ? "user@1000.service" : "", line);
		}
		char unit[UNIT_NAME_MAX];
		if (unit_name_of_cgroup(line, unit, sizeof(unit)))
			FUZZ_CHECK(unit_name_in_cgroup(unit, line));
	}
	rows = 0;
	size_t n = b.n;
	unit_burst_resolve(&b, row, NULL);
	FUZZ_CHECK(n == 0 || rows >= 1);
	FUZZ_CHECK(b.n == 0);
	unit_burst_free(&b);
	free(buf);
	return 0;
}
