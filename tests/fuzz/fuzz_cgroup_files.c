/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_cgroup_files.c — cgroup files: a limit (memory.max,
 * memory.limit_in_bytes), keyed files (memory.events, memory.oom_control, memory.stat)
 * and readable names made from a path (core/cgroup/value.c, core/cgroup/name.c). */
#include "config.h"

#include "core/cgroup/name.h"
#include "core/cgroup/value.h"
#include "core/model.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	int64_t lim = cgroup_value_parse_limit(buf);
	FUZZ_CHECK(!val_known(lim) || lim >= 0);
	static const char *const keys[] = {"oom_kill", "oom", "under_oom", "max", "high", "anon", ""};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		(void)cgroup_value_parse_keyed(buf, keys[i]);
	char name[64], tiny[4];
	cgroup_name_readable(buf, name, sizeof(name));
	FUZZ_CHECK(strlen(name) < sizeof(name));
	cgroup_name_readable(buf, tiny, sizeof(tiny));
	FUZZ_CHECK(strlen(tiny) < sizeof(tiny));
	free(buf);
	return 0;
}
