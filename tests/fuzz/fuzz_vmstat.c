/* tests/fuzz/fuzz_vmstat.c — /proc/vmstat → vmstat_parse_oom_kill (core/sysmem.c). */
#include "config.h"

#include "core/sys/sysmem.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	int64_t v = vmstat_parse_oom_kill(buf);
	(void)v;
	free(buf);
	return 0;
}
