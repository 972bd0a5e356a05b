/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_vmstat.c — /proc/vmstat → vmstat_parse_oom_kill (core/sys/vmstat.c). */
#include "config.h"

#include "core/sys/vmstat.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	int64_t v = vmstat_parse_oom_kill(buf);
	(void)v;
	free(buf);
	return 0;
}
