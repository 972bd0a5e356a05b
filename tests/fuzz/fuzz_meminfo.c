/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_meminfo.c — /proc/meminfo → meminfo_parse (core/sys/meminfo.c). */
#include "config.h"

#include "core/sys/meminfo.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	struct sys_mem m;
	memset(&m, 0, sizeof(m));
	if (meminfo_parse(buf, &m) == 0)
		FUZZ_CHECK(val_known(m.mem_total_bytes));
	free(buf);
	return 0;
}
