/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_proc_cgroup.c — /proc/PID/cgroup → proc_cgroup_parse (core/proc/cgroup.c),
 * v1 and v2 lines, into a roomy and a tiny buffer. */
#include "config.h"

#include <limits.h>

#include "core/proc/cgroup.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	char out[PATH_MAX], tiny[8];
	for (int version = 1; version <= 2; version++) {
		if (proc_cgroup_parse(buf, version, out, sizeof(out)) == 0)
			FUZZ_CHECK(strlen(out) < sizeof(out));
		if (proc_cgroup_parse(buf, version, tiny, sizeof(tiny)) == 0)
			FUZZ_CHECK(strlen(tiny) < sizeof(tiny));
	}
	free(buf);
	return 0;
}
