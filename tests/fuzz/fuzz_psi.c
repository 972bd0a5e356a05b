/* tests/fuzz/fuzz_psi.c — /proc/pressure/memory and a cgroup's memory.pressure →
 * psi_parse (core/sys/psi.c). */
#include "config.h"

#include <math.h>

#include "core/sys/psi.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	double some = NAN, full = NAN;
	if (psi_parse(buf, &some, &full) == 0)
		FUZZ_CHECK(!isnan(some));
	free(buf);
	return 0;
}
