/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_stat.c — /proc/PID/stat → proc_stat_parse (core/proc/stat.c): the comm
 * between the first '(' and the last ')' may hold anything. */
#include "config.h"

#include "core/proc/stat.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	struct proc_stat f;
	if (proc_stat_parse(buf, &f) == 0)
		FUZZ_CHECK(memchr(f.comm, '\0', sizeof(f.comm)) != NULL);
	free(buf);
	return 0;
}
