/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_psi.c — /proc/pressure/memory and a cgroup's memory.pressure →
 * psi_parse (core/sys/psi.c). */
#include "config.h"

#include <math.h>

#include "core/sys/psi.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	struct psi_memory p;
	if (psi_parse(buf, &p) == 0)
		FUZZ_CHECK(!isnan(p.some_avg10));
	/* a total is a count of microseconds: never negative */
	FUZZ_CHECK(p.some_total_us == INT64_MIN || p.some_total_us >= 0);
	FUZZ_CHECK(p.full_total_us == INT64_MIN || p.full_total_us >= 0);
	free(buf);
	return 0;
}
