/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_history_when.c — what an operator types after --at= and --history-size=
 * → history_when_parse (core/history/when.c) and history_size_parse (core/history/size.c).
 * Whatever they accept is a finite time and a size within the documented range. */
#include "config.h"

#include <math.h>

#include "core/history/size.h"
#include "core/history/when.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	double t;
	if (history_when_parse(buf, 1750000000.0, &t) == 0)
		FUZZ_CHECK(isfinite(t));
	int64_t bytes;
	if (history_size_parse(buf, &bytes) == 0)
		FUZZ_CHECK(bytes >= HISTORY_SIZE_MIN_BYTES - 1024 && bytes <= HISTORY_SIZE_MAX_BYTES && bytes % 1024 == 0);
	free(buf);
	return 0;
}
