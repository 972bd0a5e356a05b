/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_mountinfo.c — /proc/self/mountinfo → mountinfo_parse
 * (core/cgroup/mountinfo.c): octal escapes, missing fields, over-long paths. */
#include "config.h"

#include "core/cgroup/mountinfo.h"
#include "tests/fuzz/fuzz.h"

static struct mountinfo_cgroups m; /* 4 × PATH_MAX: not on the stack */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	memset(&m, 0, sizeof(m));
	mountinfo_parse(buf, &m);
	int h = mountinfo_proc_hidepid(buf, "/proc");
	FUZZ_CHECK(h >= -1 && h <= MOUNTINFO_HIDEPID_PTRACEABLE);
	FUZZ_CHECK(memchr(m.v1_memory_path, '\0', sizeof(m.v1_memory_path)) != NULL);
	FUZZ_CHECK(memchr(m.v1_memory_root, '\0', sizeof(m.v1_memory_root)) != NULL);
	FUZZ_CHECK(memchr(m.v2_path, '\0', sizeof(m.v2_path)) != NULL);
	FUZZ_CHECK(memchr(m.v2_root, '\0', sizeof(m.v2_root)) != NULL);
	free(buf);
	return 0;
}
